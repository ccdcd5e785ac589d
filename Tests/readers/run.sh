#!/usr/bin/env bash
# The readers' test: the Python packages pipelines use (conllu, spaCy, Hugging Face datasets)
# read every corpus format zhkit writes, for the seed report, and zhkit runs as a stage of a real
# Spark (local mode; Java from the machine). Run by .ci/run after `swift test`.
#
# The packages live in a venv of their own (.venv-readers, ignored by git), made on first use.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-readers
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import conllu, spacy, datasets, pyspark" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "conllu>=4.5" "spacy>=3.7" "datasets>=2.18" "pyspark>=3.5"
fi
swift build --product zhkit
"$venv/bin/python" Tests/readers/check_readers.py "$(swift build --show-bin-path)/zhkit" seeds/*.txt
