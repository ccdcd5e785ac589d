#!/usr/bin/env bash
# Two versions of zhkit side by side, in one run: the release build of REF (a commit, built in a
# temporary worktree) and of the working tree, run alternately seven times each on the same input.
# Prints the minimum and median wall time and the peak resident memory (GNU time) of each.
# Without arguments after REF it runs `annotate --jobs 1` with and without the name tagger;
# otherwise the zhkit arguments given, the input appended.
#
# Usage: bash Benchmarks/ab.sh REF [ZHKIT ARGUMENTS...]
#   INPUT=file   the input (default: SIGHAN's PKU, MSR and PKU test texts, 1.5 MB)
# Examples: bash Benchmarks/ab.sh 87494b1
#           bash Benchmarks/ab.sh HEAD~3 segment --jobs 1 --format jsonl
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${ZHKIT_DATA:-$root/../shared/data}
ref=${1:?usage: ab.sh REF [ZHKIT ARGUMENTS...]}
shift
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
input=${INPUT:-$work/input.txt}
[ -n "${INPUT:-}" ] || cat "$data/sighan2005/pku_test.utf8" "$data/sighan2005/msr_test.utf8" "$data/sighan2005/pku_test.utf8" > "$input"
git -C "$root" worktree add --detach "$work/before" "$ref" >/dev/null
(cd "$work/before" && swift build -c release --product zhkit >&2)
(cd "$root" && swift build -c release --product zhkit >&2)
python3 - "$work/before/.build/release/zhkit" "$root/.build/release/zhkit" "$input" "$ref" "$@" <<'PY'
import subprocess, sys, tempfile, time
before, after, text, ref, *arguments = sys.argv[1:]
runs = [arguments] if arguments else [["annotate", "--quiet", "--jobs", "1", "--no-tagger"], ["annotate", "--quiet", "--jobs", "1"]]
binaries = [(ref, before), ("working tree", after)]
with tempfile.NamedTemporaryFile() as report:
    for args in runs:
        times = {name: [] for name, _ in binaries}
        peaks = {name: 0 for name, _ in binaries}
        for run in range(7):
            for name, binary in (binaries if run % 2 == 0 else binaries[::-1]):
                start = time.perf_counter()
                subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, binary, *args, text], stdout=subprocess.DEVNULL, check=True)
                times[name].append(time.perf_counter() - start)
                peaks[name] = max(peaks[name], int(open(report.name).read().split()[-1]) // 1024)
        print("zhkit " + " ".join(args))
        for name, values in times.items():
            values.sort()
            print(f"  {name:14} min {values[0]:.3f} s  median {values[3]:.3f} s  peak {peaks[name]} MB")
PY
