#!/usr/bin/env bash
# The tool as a new user installs it: the working tree copied to a scratch folder, installed from
# there with scripts/install.sh into PREFIX, the scratch folder and its build then removed; the
# installed binary must load no Swift runtime library (it is linked in), open no file of any build
# tree, and annotate the seed in every format, run from an empty folder with a bare environment,
# exactly as the development build does. Run by .ci/run before the readers' test, whose Spark
# stage then pipes through this installed binary.
#
# Usage: bash Tests/install/run.sh PREFIX
set -euo pipefail
prefix=${1:?usage: run.sh PREFIX}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$scratch" "$work"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

# The tree as git sees it (tracked and new files, nothing ignored), built and installed elsewhere.
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$scratch"
bash "$scratch/scripts/install.sh" "$prefix"
rm -rf "$scratch"
zhkit=$prefix/bin/zhkit

if ldd "$zhkit" | grep -E "libswift|libFoundation|libdispatch|libBlocksRuntime"; then
    fail "the installed zhkit loads Swift runtime libraries (above): it was not linked statically"
fi
cd "$work"
seed=$root/seeds/unep-annual-report-2020.zh.txt
reference=$(cd "$root" && swift build --product zhkit --show-bin-path)/zhkit
[ -x "$reference" ] || (cd "$root" && swift build --product zhkit >&2)
for format in jsonl conllu bio spacy hf inline; do
    env -i PATH=/usr/bin:/bin HOME="$work" "$zhkit" annotate --quiet --reflow --format "$format" "$seed" > installed.out
    "$reference" annotate --quiet --reflow --format "$format" "$seed" > reference.out
    cmp -s installed.out reference.out || fail "the installed zhkit's $format differs from the development build's"
done
env -i PATH=/usr/bin:/bin HOME="$work" "$zhkit" segment "$seed" | cmp -s - <("$reference" segment "$seed") \
    || fail "the installed zhkit's segmentation differs from the development build's"
# No file of a build tree is opened: the data comes from PREFIX/share/zhkit.
if command -v strace > /dev/null; then
    env -i PATH=/usr/bin:/bin strace -f -e trace=openat -o trace.txt "$zhkit" annotate --quiet "$seed" > /dev/null
    if grep -E '"[^"]*/\.build[^"/]*/' trace.txt | grep -v ENOENT; then fail "the installed zhkit opens files of a build tree (above)"; fi
    grep -q "$prefix/share/zhkit/default.zhlex" trace.txt || fail "the installed zhkit did not read its lexicon from $prefix/share/zhkit"
else
    echo "install test: no strace; the check that no build tree is read was skipped"
fi
echo "install test: $("$zhkit" --version) installed in $prefix, statically linked, annotates the seed as the development build does"
