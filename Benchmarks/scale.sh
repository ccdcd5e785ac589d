#!/usr/bin/env bash
# Scale and memory: zhkit on inputs far larger than a test's — a 1 GB file, a 70 MB single line
# with no line break, 200 MB with two threads, 5 MB with one — with wall time, throughput and the
# peak resident memory of each run (GNU time's "Maximum resident set size"). Inputs are SIGHAN's
# PKU and MSR test texts repeated, written to a temporary folder and removed at the end; output
# goes to /dev/null.
#
# Usage: bash Benchmarks/scale.sh [DATA_DIR]   (SCALE_GB=N changes the size of the large run)
# DATA_DIR holds sighan2005/ (default: ../shared/data beside the repository).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-${ZHKIT_DATA:-$root/../shared/data}}
cd "$root"
[ -n "${NO_BUILD:-}" ] || swift build -c release --product zhkit >&2
zhkit=$root/.build/release/zhkit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Repeats the SIGHAN test texts into $1 until it holds $2 bytes.
make_input() {
    : > "$1"
    while [ "$(stat -c %s "$1")" -lt "$2" ]; do
        cat "$data/sighan2005/pku_test.utf8" "$data/sighan2005/msr_test.utf8" >> "$1"
    done
}

# Runs zhkit with the arguments after the input and prints one table row.
run() {  # label input args...
    local label=$1 input=$2
    shift 2
    local bytes start end
    bytes=$(stat -c %s "$input")
    start=$(date +%s.%N)
    if ! /usr/bin/time -v -o "$work/time.txt" "$zhkit" "$@" "$input" > /dev/null 2> "$work/stderr.txt"; then
        # A refusal is a figure too: say it in the row and go on.
        echo "| $label | $((bytes / 1000000)) MB | refused: $(grep -v '^Command exited' "$work/stderr.txt" | head -1 | sed "s|$work/||") | | |"
        return
    fi
    end=$(date +%s.%N)
    python3 - "$label" "$bytes" "$start" "$end" "$work/time.txt" <<'PY'
import re, sys
label, size, start, end, report = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), open(sys.argv[5]).read()
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
seconds = end - start
print(f"| {label} | {size / 1e6:,.0f} MB | {seconds:.1f} s | {size / 1e6 / seconds:.1f} MB/s | {peak:.0f} MB |")
PY
}

gigabytes=${SCALE_GB:-1}
make_input "$work/5mb.txt" 5000000
make_input "$work/200mb.txt" 200000000
# One line: the line breaks of 70 MB turned into spaces.
make_input "$work/line.txt" 70000000
tr '\n\r' '  ' < "$work/line.txt" > "$work/oneline.txt" && rm "$work/line.txt"
: > "$work/large.txt"
for _ in $(seq 1 $((gigabytes * 5))); do cat "$work/200mb.txt" >> "$work/large.txt"; done

echo "| run | input | wall | throughput | peak memory |"
echo "|---|---|---|---|---|"
run "segment --jobs 1" "$work/5mb.txt" segment --jobs 1
run "segment (every core)" "$work/200mb.txt" segment
run "segment, one 70 MB line" "$work/oneline.txt" segment
run "segment --format jsonl --document, one 70 MB line" "$work/oneline.txt" segment --format jsonl --document
run "annotate --jobs 1" "$work/5mb.txt" annotate --quiet --jobs 1
run "annotate --jobs 2" "$work/200mb.txt" annotate --quiet --jobs 2
run "annotate --jobs 2 --tokens none" "$work/200mb.txt" annotate --quiet --jobs 2 --tokens none
run "annotate, one 70 MB line" "$work/oneline.txt" annotate --quiet
run "segment, ${gigabytes} GB" "$work/large.txt" segment
run "annotate --tokens none, ${gigabytes} GB" "$work/large.txt" annotate --quiet --tokens none
