#!/usr/bin/env bash
# The development figures of the name tagger (issue 10): exact-span F1 of ORG, PER and LOC on
# UNER Chinese dev and on People's Daily 25–31 January 1998 with the bundled model; the same
# People's Daily days with a model trained on 1–24 January (research data: that model is written
# to a temporary folder and never shipped); and the seed report against our gold.
#
# Usage: bash Benchmarks/names.sh [DATA_DIR]   (MODEL=path scores another model than the bundled one)
# DATA_DIR holds train/ and dev/ (default: ../shared/data beside the repository).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-${ZHKIT_DATA:-$root/../shared/data}}
cd "$root"
[ -n "${NO_BUILD:-}" ] || swift build -c release --product zhkit >&2
zhkit=$root/.build/release/zhkit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
model=()
[ -n "${MODEL:-}" ] && model=(--model "$MODEL")

# Splits a gold JSONL into the gold lines kept and the {"id", "text"} input lines for annotate.
split() {  # gold.jsonl filter-expression out-prefix
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
source, keep, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
with open(source, encoding="utf-8") as f, open(prefix + ".gold.jsonl", "w", encoding="utf-8") as gold, \
        open(prefix + ".in.jsonl", "w", encoding="utf-8") as text:
    for number, line in enumerate(f):
        d = json.loads(line)
        day = d.get("para_id", "")[6:8]
        if not eval(keep, {"day": day}):
            continue
        d.setdefault("id", str(number))
        gold.write(json.dumps(d, ensure_ascii=False) + "\n")
        text.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
PY
}

score() {  # name gold input [annotate options]
    local name=$1 gold=$2 input=$3
    shift 3
    "$zhkit" annotate --quiet --input-format jsonl "$@" "$input" > "$work/pred.jsonl"
    "$zhkit" eval entities --json --gold "$gold" "$work/pred.jsonl" > "$work/score.json"
    python3 - "$name" "$work/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[2]))["groups"]
print("| %s | %s |" % (sys.argv[1], " | ".join("%.3f" % s[g]["f1"] for g in ("ORG", "PER", "LOC"))))
PY
}

split "$data/train/uner_zh_gsdsimp_dev.jsonl" "True" "$work/uner-dev"
split "$data/dev/pfr1998_dev.jsonl" "day >= '25'" "$work/pfr-test"
split "$data/dev/pfr1998_dev.jsonl" "day < '25'" "$work/pfr-train"

printf '| set | ORG F1 | PER F1 | LOC F1 |\n|---|---|---|---|\n'
score "UNER zh dev" "$work/uner-dev.gold.jsonl" "$work/uner-dev.in.jsonl" "${model[@]}"
score "People's Daily 25–31 Jan" "$work/pfr-test.gold.jsonl" "$work/pfr-test.in.jsonl" "${model[@]}"
"$zhkit" train entities --quiet --train "$work/pfr-train.gold.jsonl" --output "$work/pfr.zhner"
score "People's Daily 25–31 Jan, model trained on 1–24 Jan" "$work/pfr-test.gold.jsonl" "$work/pfr-test.in.jsonl" --model "$work/pfr.zhner"
"$zhkit" annotate --quiet "${model[@]}" seeds/unep-annual-report-2020.zh.txt > "$work/seed.jsonl"
"$zhkit" eval entities --json --gold Tests/ZhKitCLITests/Fixtures/seed-entities.gold.jsonl "$work/seed.jsonl" > "$work/score.json"
python3 - "$work/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["groups"]
print("| seed report (ORG gold only) | %.3f | | |" % s["ORG"]["f1"])
PY
