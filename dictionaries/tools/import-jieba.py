#!/usr/bin/env python3
"""Imports the general lexicon and the character model from jieba's PyPI source release.

Usage: python3 dictionaries/tools/import-jieba.py JIEBA_SDIST_DIR

JIEBA_SDIST_DIR is the unpacked `jieba-0.42.1.tar.gz` (`pip download --no-deps --no-binary :all:
jieba==0.42.1`). Writes, beside this script's folder:
- general.txt: jieba's dict.txt as is, `word frequency tag` per line;
- hmm.txt: the BMES character model of jieba's finalseg (start, transition and emission log
  probabilities) as plain text, one number per line, so that it can be reviewed and diffed.
Run it again to refresh them; then `zhkit dictionary compile` rebuilds the compiled image.
"""
import ast
import pathlib
import shutil
import sys


def read_table(path):
    text = path.read_text(encoding="utf-8")
    return ast.literal_eval(text[text.index("=") + 1:].strip())


def main():
    sdist = pathlib.Path(sys.argv[1])
    out = pathlib.Path(__file__).resolve().parent.parent
    shutil.copyfile(sdist / "jieba" / "dict.txt", out / "general.txt")
    finalseg = sdist / "jieba" / "finalseg"
    start = read_table(finalseg / "prob_start.py")
    trans = read_table(finalseg / "prob_trans.py")
    emit = read_table(finalseg / "prob_emit.py")
    lines = ["# BMES character model from jieba 0.42.1 finalseg (MIT); natural-log probabilities.",
             "# start STATE LOGP | trans FROM TO LOGP | emit STATE CHAR LOGP"]
    for state in "BMES":
        lines.append(f"start {state} {start[state]!r}")
    for source in "BMES":
        for target, value in sorted(trans[source].items()):
            lines.append(f"trans {source} {target} {value!r}")
    for state in "BMES":
        for char, value in sorted(emit[state].items()):
            lines.append(f"emit {state} {char} {value!r}")
    (out / "hmm.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
