#!/usr/bin/env bash
# Runs the SIGHAN 2005 bakeoff evaluation for each engine and configuration and prints the table.
#
# Usage: bash Benchmarks/bakeoff.sh [DATA_DIR]
# DATA_DIR holds sighan2005/ (default: ../shared/data beside the repository). The training word
# lists are research-only data: they are read from there with --dict, never copied here.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-${ZHKIT_DATA:-$root/../shared/data}}
sighan=$data/sighan2005
cd "$root"
swift build -c release --product zhkit >&2
zhkit=$root/.build/release/zhkit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '| engine | configuration | test set | P | R | F | OOV recall | IV recall |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for engine in icu lexicon; do
    configurations=("default lexicon")
    [ "$engine" = lexicon ] && configurations+=("+ training words (--dict)")
    for configuration in "${configurations[@]}"; do
        for corpus in pku msr cityu as; do
            options=(--engine "$engine")
            # AS's list holds two words with a control character: skipped, each named on stderr.
            [ "$configuration" = "default lexicon" ] || options+=(--dict "$sighan/${corpus}_training_words.utf8" --dict-skip-invalid)
            label=$configuration
            [ "$engine" = icu ] && label="ICU alone"
            "$zhkit" segment "${options[@]}" "$sighan/${corpus}_test.utf8" > "$work/out.txt" 2>/dev/null
            "$zhkit" eval segmentation --json --gold "$sighan/${corpus}_test_gold.utf8" \
                --words "$sighan/${corpus}_training_words.utf8" "$work/out.txt" 2>/dev/null > "$work/score.json"
            python3 - "$engine" "$label" "$corpus" "$work/score.json" <<'PY'
import json, sys
engine, configuration, corpus, path = sys.argv[1:5]
s = json.load(open(path))
f = lambda key: f"{s[key]:.3f}"
name = {"pku": "PKU", "msr": "MSR", "cityu": "CityU", "as": "AS"}[corpus]
print(f"| {engine} | {configuration} | {name} | {f('precision')} | {f('recall')} | **{f('f1')}** | {f('oov_recall')} | {f('iv_recall')} |")
PY
        done
    done
done
