#!/usr/bin/env bash
# The readers' test: the Python packages pipelines use (conllu, spaCy, Hugging Face datasets)
# and the UD validator
# read every corpus format zhkit writes, for the seed report, and zhkit runs as a stage of a real
# Spark (local mode; Java from the machine). Run by .ci/run after `swift test`.
#
# The packages, pinned in requirements.txt, live in a venv of their own (.venv-readers, ignored
# by git), made on first use and again when the pins change.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-readers
requirements=Tests/readers/requirements.txt
# Made again when the pins change: the venv records the requirements it was made from.
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$venv/requirements.txt"; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/requirements.txt"
fi
# ZHKIT_BINARY: a zhkit to test instead of the development build (.ci/run passes the installed one).
zhkit=${ZHKIT_BINARY:-}
if [ -z "$zhkit" ]; then
    swift build --product zhkit
    zhkit=$(swift build --show-bin-path)/zhkit
fi
"$venv/bin/python" Tests/readers/check_readers.py "$zhkit" seeds/*.txt
