#!/usr/bin/env bash
# Builds the libFuzzer target (with the address sanitizer) and runs it for SECONDS (default 60)
# on a corpus seeded from seeds/ (a paragraph a file) and Fuzz/cases/ (hand-made inputs).
# Findings (crash-*, leak-*, timeout-*) land in Fuzz/findings/; every one becomes a regression test
# and goes into Fuzz/regressions/, which each run replays first.
#   bash Fuzz/run.sh 3600          # an hour
#   bash Fuzz/run.sh 20 -runs=1000 # a smoke run (CI)
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld 2>&1 | grep -v "Cannot export local symbol" || true
binary=$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld --show-bin-path)/ZhKitFuzz
corpus=.corpus
mkdir -p "$corpus" findings
# The seed report, a paragraph a file, behind a mode byte (0: UTF-8, 4: UTF-8 with reflow, 8:
# UTF-8 also through the file pipeline).
python3 - "$corpus" ../seeds/*.txt <<'PY'
import os, sys
corpus, seeds = sys.argv[1], sys.argv[2:]
for seed in seeds:
    text = open(seed, encoding="utf-8").read()
    for index, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
        for mode in (0, 4, 8):
            with open(os.path.join(corpus, f"seed-{index}-{mode}"), "wb") as out:
                out.write(bytes([mode]) + paragraph.encode("utf-8")[:4000])
PY
cp cases/* "$corpus"/ 2>/dev/null || true
export SWIFT_BACKTRACE=enable=no
# Every past finding first: each must now pass.
if compgen -G "regressions/*" > /dev/null; then
    "$binary" regressions/* 2>&1 | tail -1
fi
"$binary" "$corpus" -max_len=4096 -max_total_time="$seconds" -artifact_prefix=findings/ -print_final_stats=1 "$@"
