#!/usr/bin/env python3
"""The readers pipelines already use, on zhkit's corpus formats.

Usage: check_readers.py ZHKIT SEED... (run by Tests/readers/run.sh, in a venv with conllu,
spacy and datasets). For each seed file, with and without --reflow, it checks that:
- the `conllu` package parses every sentence of the CoNLL-U output, and the tokens joined as
  SpaceAfter says give back `# text`;
- the UD validator (`udvalidate --lang zh`) passes the CoNLL-U output at level 1, and at level 2
  once HEAD, DEPREL and UPOS, which zhkit leaves empty, are filled with a flat tree (every error
  that remains is zhkit's: spacing, sentence ids, metadata);
- spaCy builds a Doc(words, spaces) from the spacy output's tokens whose text is the input, and
  `char_span` finds every span;
- Hugging Face `datasets` loads the hf output with its labels as a ClassLabel feature;
- every BRAT span slices the .txt to its entity's text;
- the jsonl output's tokens and sentences cover the text, and entities slice to their text;
- as a streaming stage (`--input-format jsonl`, Hadoop Streaming or Spark's RDD.pipe), every
  input line gives one output line with the same id, in order; and a real Spark in local mode
  pipes the seed's paragraphs through zhkit (skipped, and said so, where there is no Java).
"""
import shutil
import json
import os
import subprocess
import sys
import tempfile

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


def run(zhkit, *arguments, stdin=None):
    result = subprocess.run([zhkit, "annotate", "--quiet", *arguments], input=stdin, capture_output=True)
    if result.returncode != 0:
        raise SystemExit(f"zhkit annotate {' '.join(arguments)} failed: {result.stderr.decode()}")
    return result.stdout.decode("utf-8")


def check_conllu(text, label):
    import conllu

    sentences = conllu.parse(text)
    check(len(sentences) > 0, f"{label}: no CoNLL-U sentence")
    for sentence in sentences:
        joined = ""
        for index, token in enumerate(sentence):
            misc = token["misc"] or {}
            joined += token["form"]
            if index + 1 < len(sentence) and misc.get("SpaceAfter") != "No":
                joined += " "
            check("NER" in misc and "TokenRange" in misc, f"{label}: token {token['form']} lacks NER or TokenRange")
        check(joined == sentence.metadata["text"], f"{label}: tokens {joined!r} do not join to # text {sentence.metadata['text']!r}")
    return len(sentences)


def check_ud_validator(text, label):
    validator = os.path.join(os.path.dirname(sys.executable), "udvalidate")
    for level, conllu_text in ((1, text), (2, with_flat_trees(text))):
        result = subprocess.run([validator, "--lang", "zh", "--level", str(level), "--max-err", "5"],
            input=conllu_text.encode("utf-8"), capture_output=True)
        report = (result.stdout + result.stderr).decode("utf-8", "replace")
        check(result.returncode == 0, f"{label}: the UD validator fails at level {level}: {report[-2000:]}")


def with_flat_trees(text):
    """The CoNLL-U with a tree the validator accepts: word 1 the root, every other word its
    `dep`, UPOS X. It stands in for the syntax zhkit does not annotate."""
    lines = []
    for line in text.split("\n"):
        columns = line.split("\t")
        if len(columns) == 10 and columns[0].isdigit():
            first = columns[0] == "1"
            columns[3], columns[6], columns[7] = "X", "0" if first else "1", "root" if first else "dep"
            line = "\t".join(columns)
        lines.append(line)
    return "\n".join(lines)


def check_spacy(output, source_text, label):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    vocab = Vocab()
    spans = 0
    for line in output.splitlines():
        record = json.loads(line)
        words = [token["text"] for token in record["tokens"]]
        spaces = [token["ws"] for token in record["tokens"]]
        doc = Doc(vocab, words=words, spaces=spaces)
        check(doc.text == record["text"], f"{label}: spaCy Doc text differs from the record's text")
        for span in record["spans"]:
            found = doc.char_span(span["start"], span["end"], label=span["label"])
            check(found is not None, f"{label}: char_span({span['start']}, {span['end']}) is None")
            if found is not None:
                check(found.text == record["text"][span["start"]:span["end"]], f"{label}: span text differs")
                check(found.start == span["token_start"] and found.end - 1 == span["token_end"], f"{label}: token_start/token_end differ")
            spans += 1
    check("".join(json.loads(line)["text"] for line in output.splitlines()) == source_text, f"{label}: spaCy records do not rebuild the input")
    return spans


def check_hf(folder, label):
    import datasets

    labels = json.load(open(os.path.join(folder, "labels.json"), encoding="utf-8"))
    files = [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.endswith(".hf.jsonl")]
    dataset = datasets.load_dataset("json", data_files=files, split="train")
    dataset = dataset.cast_column("ner_tags", datasets.Sequence(datasets.ClassLabel(names=labels)))
    feature = dataset.features["ner_tags"].feature
    check(feature.names == labels, f"{label}: ClassLabel names differ from labels.json")
    tagged = 0
    for row in dataset:
        check(len(row["tokens"]) == len(row["ner_tags"]), f"{label}: {row['id']} has {len(row['tokens'])} tokens and {len(row['ner_tags'])} tags")
        tagged += sum(1 for tag in row["ner_tags"] if feature.int2str(tag).startswith("B-"))
    check(tagged > 0, f"{label}: no entity in the hf output")
    return len(dataset)


def check_brat(folder, label):
    count = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ann"):
            continue
        text = open(os.path.join(folder, name[:-4] + ".txt"), encoding="utf-8", newline="").read()
        for line in open(os.path.join(folder, name), encoding="utf-8"):
            if not line.startswith("T"):
                continue
            _, annotation, entity_text = line.rstrip("\n").split("\t")
            fragments = annotation.split(" ", 1)[1].split(";")
            pieces = [text[int(start):int(end)] for start, end in (fragment.split(" ") for fragment in fragments)]
            check(" ".join(pieces) == entity_text, f"{label}: BRAT {line.strip()!r} slices to {' '.join(pieces)!r}")
            count += 1
    return count


def check_jsonl(output, source_text, label):
    for line in output.splitlines():
        record = json.loads(line)
        text = record["text"]
        check(text == source_text, f"{label}: jsonl text differs from the input")
        check("".join(token["text"] for token in record["tokens"]) == text, f"{label}: tokens do not cover the text")
        check("".join(text[s["start"]:s["end"]] for s in record["sentences"]) == text, f"{label}: sentences do not cover the text")
        for entity in record["entities"]:
            check(text[entity["start"]:entity["end"]] == entity["text"], f"{label}: entity {entity['text']!r} does not slice")


def check_stage(zhkit, seed_text):
    # Lines as a Hadoop or Spark stage hands them over: ids, a blank-looking text, an empty one.
    paragraphs = [p for p in seed_text.split("\n\n") if p.strip()][:40]
    records = [{"id": f"r{index}", "text": paragraph} for index, paragraph in enumerate(paragraphs)]
    records.append({"id": 99, "text": ""})
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    for jobs in ("1", "2"):
        output = run(zhkit, "--input-format", "jsonl", "--jobs", jobs, stdin=lines.encode("utf-8")).splitlines()
        check(len(output) == len(records), f"stage --jobs {jobs}: {len(records)} lines in, {len(output)} out")
        for record, line in zip(records, output):
            result = json.loads(line)
            check(result["id"] == record["id"] and result["text"] == record["text"], f"stage --jobs {jobs}: line for {record['id']} out of order or changed (ids keep their JSON type)")


def check_spark(zhkit, seed_text):
    if shutil.which("java") is None:
        print("Spark stage skipped: no java on PATH (the streaming contract above still ran)")
        return
    from pyspark.sql import SparkSession

    paragraphs = [p for p in seed_text.split("\n\n") if p.strip()]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "docs.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for index, paragraph in enumerate(paragraphs):
                out.write(json.dumps({"id": f"p{index}", "text": paragraph}, ensure_ascii=False) + "\n")
        spark = SparkSession.builder.master("local[2]").appName("zhkit-stage").config("spark.ui.enabled", "false").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        try:
            lines = spark.sparkContext.textFile(path, minPartitions=4)
            annotated = lines.pipe(f"{zhkit} annotate --quiet --input-format jsonl --jobs 1").map(json.loads).collect()
        finally:
            spark.stop()
    check(len(annotated) == len(paragraphs), f"Spark stage: {len(paragraphs)} documents in, {len(annotated)} out")
    by_id = {document["id"]: document for document in annotated}
    for index, paragraph in enumerate(paragraphs):
        document = by_id.get(f"p{index}")
        check(document is not None and document["text"] == paragraph, f"Spark stage: p{index} missing or changed")
    print(f"Spark stage (local[2], RDD.pipe): {len(annotated)} documents, {sum(len(d['entities']) for d in annotated)} entities")


def main():
    zhkit, seeds = sys.argv[1], sys.argv[2:]
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    import datasets

    datasets.disable_progress_bars()
    for seed in seeds:
        source_text = open(seed, encoding="utf-8", newline="").read()
        for flags in ([], ["--reflow"]):
            label = f"{os.path.basename(seed)} {' '.join(flags) or '(no reflow)'}"
            conllu_text = run(zhkit, "--format", "conllu", *flags, seed)
            sentences = check_conllu(conllu_text, label)
            check_ud_validator(conllu_text, label)
            spans = check_spacy(run(zhkit, "--format", "spacy", *flags, seed), source_text, label)
            check_jsonl(run(zhkit, *flags, seed), source_text, label)
            with tempfile.TemporaryDirectory() as folder:
                run(zhkit, "--format", "brat", "--output", folder, *flags, seed)
                entities = check_brat(folder, label)
                run(zhkit, "--format", "hf", "--output", folder, *flags, seed)
                rows = check_hf(folder, label)
            print(f"{label}: {sentences} CoNLL-U sentences, {spans} spaCy spans, {entities} BRAT entities, {rows} hf rows")
        check_stage(zhkit, source_text)
        check_spark(zhkit, source_text)
    if failures:
        raise SystemExit(f"{len(failures)} reader checks failed")
    print("every reader read every format")


if __name__ == "__main__":
    main()
