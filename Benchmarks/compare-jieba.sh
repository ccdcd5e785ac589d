#!/usr/bin/env bash
# Side-by-side speed: `zhkit segment`, `zhkit annotate` (JSONL with every token, and with
# `--tokens none`) and jieba-rs (rjieba, from PyPI) on the same 20 MB input, in the same run.
# Prints MB/s of each and their ratio to jieba-rs's `cut` (issue 12's targets: segment --jobs 1
# ≥ 3×, annotate --jobs 1 ≥ 1×).
#
# Usage: bash Benchmarks/compare-jieba.sh [DATA_DIR]
# DATA_DIR holds sighan2005/ (default: ../shared/data beside the repository). rjieba goes into a
# virtual environment under Benchmarks/.venv (made on first use, kept out of git).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-${ZHKIT_DATA:-$root/../shared/data}}
cd "$root"
swift build -c release --product zhkit >&2
zhkit=$root/.build/release/zhkit
venv=$root/Benchmarks/.venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet rjieba >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 20 MB of news text: the SIGHAN PKU and MSR test texts, repeated.
input=$work/input.txt
while [ "$(stat -c %s "$input" 2>/dev/null || echo 0)" -lt 20000000 ]; do
    cat "$data/sighan2005/pku_test.utf8" "$data/sighan2005/msr_test.utf8" >> "$input"
done
bytes=$(stat -c %s "$input")

cat > "$work/jieba.py" <<'PY'
import sys, rjieba
with open(sys.argv[1], encoding="utf-8") as source, open(sys.argv[2], "w", encoding="utf-8") as sink:
    for line in source:
        sink.write(" ".join(rjieba.cut(line.rstrip("\r\n"))) + "\n")
PY

# Best of three wall-clock runs of a command, in seconds.
best_of_three() {
    local best=""
    for _ in 1 2 3; do
        local start end elapsed
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        elapsed=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc -l)" = 1 ]; then best=$elapsed; fi
    done
    echo "$best"
}

cores=$(nproc)
t_zhkit=$(best_of_three "$zhkit" segment "$input")
t_zhkit1=$(best_of_three "$zhkit" segment --jobs 1 "$input")
t_jieba=$(best_of_three "$venv/bin/python" "$work/jieba.py" "$input" /dev/null)
t_annotate1=$(best_of_three "$zhkit" annotate --quiet --jobs 1 "$input")
t_annotate1none=$(best_of_three "$zhkit" annotate --quiet --jobs 1 --tokens none "$input")
rate() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
ratio() { echo "scale=2; $2 / $1" | bc -l; }
printf 'input: %s bytes (SIGHAN 2005 PKU + MSR test texts, repeated)\n\n' "$bytes"
printf '| segmenter | MB/s | vs. jieba-rs |\n|---|---|---|\n'
printf '| zhkit segment, %s threads | %s | %s× |\n' "$cores" "$(rate "$t_zhkit")" "$(ratio "$t_zhkit" "$t_jieba")"
printf '| zhkit segment --jobs 1 | %s | %s× |\n' "$(rate "$t_zhkit1")" "$(ratio "$t_zhkit1" "$t_jieba")"
printf '| zhkit annotate --jobs 1 (JSONL, every token) | %s | %s× |\n' "$(rate "$t_annotate1")" "$(ratio "$t_annotate1" "$t_jieba")"
printf '| zhkit annotate --jobs 1 --tokens none | %s | %s× |\n' "$(rate "$t_annotate1none")" "$(ratio "$t_annotate1none" "$t_jieba")"
printf '| jieba-rs (rjieba), 1 thread | %s | 1× |\n' "$(rate "$t_jieba")"
printf '\nzhkit on %s threads vs. 1: %s×\n' "$cores" "$(ratio "$t_zhkit" "$t_zhkit1")"
