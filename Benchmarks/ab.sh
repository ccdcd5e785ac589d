#!/usr/bin/env bash
# `zhkit annotate --jobs 1` of two versions side by side, in one run: the release build of REF
# (a commit, built in a temporary worktree) and of the working tree, run alternately seven times
# each on the same input, with and without the name tagger; prints the minimum and the median.
# Use it to show a change is no slower (issue 11 measured 87494b1 against its last commit).
#
# Usage: bash Benchmarks/ab.sh REF [INPUT]   (INPUT: default, SIGHAN's PKU, MSR and PKU test texts)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${ZHKIT_DATA:-$root/../shared/data}
ref=${1:?usage: ab.sh REF [INPUT]}
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
input=${2:-$work/input.txt}
[ -n "${2:-}" ] || cat "$data/sighan2005/pku_test.utf8" "$data/sighan2005/msr_test.utf8" "$data/sighan2005/pku_test.utf8" > "$input"
git -C "$root" worktree add --detach "$work/before" "$ref" >/dev/null
(cd "$work/before" && swift build -c release --product zhkit >&2)
(cd "$root" && swift build -c release --product zhkit >&2)
python3 - "$work/before/.build/release/zhkit" "$root/.build/release/zhkit" "$input" "$ref" <<'PY'
import subprocess, sys, time
before, after, text, ref = sys.argv[1:5]
binaries = [(ref, before), ("working tree", after)]
for flags in (["--no-tagger"], []):
    times = {name: [] for name, _ in binaries}
    for run in range(7):
        for name, binary in (binaries if run % 2 == 0 else binaries[::-1]):
            start = time.perf_counter()
            subprocess.run([binary, "annotate", "--quiet", "--jobs", "1", *flags, text], stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    label = "without the tagger" if flags else "with the tagger"
    for name, values in times.items():
        values.sort()
        print(f"{label:20} {name:14} min {values[0]:.3f} s  median {values[3]:.3f} s")
PY
