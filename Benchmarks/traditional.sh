#!/usr/bin/env bash
# Entities on Traditional text (issue 14): the People's Daily dev set as it is and converted to
# Traditional characters, scored per group (exact span F1). The conversion is `zhkit convert --to
# hant` (OpenCC's s2t tables; it keeps every offset), so the gold spans hold unchanged. The
# converted set and the scores live in a temporary folder: the data is research-only.
#
# Usage: bash Benchmarks/traditional.sh [DATA_DIR]
# DATA_DIR holds dev/pfr1998_dev.jsonl (default: ../shared/data beside the repository).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-${ZHKIT_DATA:-$root/../shared/data}}
cd "$root"
[ -n "${NO_BUILD:-}" ] || swift build -c release --product zhkit >&2
zhkit=$root/.build/release/zhkit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The texts one a line (a text's own line breaks would shift the lines: none has one), converted.
python3 - "$data/dev/pfr1998_dev.jsonl" "$work/texts.txt" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        text = json.loads(line)["text"]
        assert "\n" not in text and "\r" not in text
        out.write(text + "\n")
PY
"$zhkit" convert --to hant "$work/texts.txt" > "$work/texts.hant.txt"

# Gold and input files for both scripts; a converted text must keep its length.
python3 - "$data/dev/pfr1998_dev.jsonl" "$work/texts.hant.txt" "$work" <<'PY'
import json, sys
source, converted, work = sys.argv[1:4]
hant = open(converted, encoding="utf-8").read().split("\n")
files = {name: open(f"{work}/{name}.jsonl", "w", encoding="utf-8") for name in ("hans.gold", "hans.in", "hant.gold", "hant.in")}
changed = 0
for number, line in enumerate(open(source, encoding="utf-8")):
    d = json.loads(line)
    d.setdefault("id", str(number))
    t = hant[number]
    assert len(t) == len(d["text"]), f"line {number + 1}: the conversion changed the length"
    changed += sum(a != b for a, b in zip(t, d["text"]))
    for script, text in (("hans", d["text"]), ("hant", t)):
        gold = dict(d, text=text, entities=[dict(e, text=text[e["start"]:e["end"]]) for e in d["entities"]])
        files[f"{script}.gold"].write(json.dumps(gold, ensure_ascii=False) + "\n")
        files[f"{script}.in"].write(json.dumps({"id": d["id"], "text": text}, ensure_ascii=False) + "\n")
print(f"{number + 1} texts, {changed} characters changed by the conversion", file=sys.stderr)
PY

for script in hans hant; do
    "$zhkit" annotate --quiet --input-format jsonl "$work/$script.in.jsonl" > "$work/$script.pred.jsonl"
    "$zhkit" eval entities --json --gold "$work/$script.gold.jsonl" "$work/$script.pred.jsonl" > "$work/$script.score.json"
done
python3 - "$work/hans.score.json" "$work/hant.score.json" <<'PY'
import json, sys
hans, hant = (json.load(open(p))["groups"] for p in sys.argv[1:3])
print("| group | gold | F1 Simplified | F1 Traditional | difference |")
print("|---|---|---|---|---|")
for group in hans:
    a, b = hans[group], hant[group]
    print(f"| {group} | {a.get('gold', '')} | {a['f1']:.3f} | {b['f1']:.3f} | {b['f1'] - a['f1']:+.3f} |")
PY
