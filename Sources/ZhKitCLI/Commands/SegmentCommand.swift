import ArgumentParser
import ZhKit
@_spi(Benchmarks) import ZhKitCorpus

/// `zhkit segment`: words of each input line, as text or JSONL.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Chinese text into words.",
        discussion: """
            Reads each INPUT (standard input when none is given) and writes the words \
            of every input line. 'text' writes one line per input line with words separated by one \
            space, whitespace dropped and CR stripped (the SIGHAN bakeoff's format). 'jsonl' writes \
            one JSON object per input line, or per file with --document, with every token, \
            whitespace included, and its offsets in Unicode scalars (start, end), UTF-8 bytes and \
            UTF-16 code units.

            INPUT is a file, a folder (walked recursively, hidden files skipped), a glob pattern or \
            '-'. A file found in a folder or by a pattern that is binary is skipped and named on \
            stderr; one that is not UTF-8 later on is named and the others are finished before the \
            run exits 65. With --output, each input's words go to FOLDER/NAME.seg.txt (or \
            .seg.jsonl), mirroring the input folders, each written whole or not at all.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Option(help: "The segmentation engine: lexicon (ZhKit's lexicon and lattice) or icu (ICU alone).")
    var engine: Segmenter.Engine = .lexicon

    @OptionGroup var words: SegmenterOptions

    @Option(help: ArgumentHelp("The inputs' encoding: UTF-8 (the default, strict), an ICU converter name (GB18030, GBK, Big5, Big5-HKSCS, UTF-16, …) or auto.", valueName: "name"))
    var encoding = "UTF-8"

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Flag(help: "With jsonl: one JSON object per file instead of one per line.")
    var document = false

    @Flag(help: "Treat hard line wraps between Han characters or inside numbers (PDF text) as no boundary: a wrapped word is one word, wrapped lines are one line.")
    var reflow = false

    // Unconditional, so that `--jobs -2` is a value to refuse, not an unknown option `-2`.
    @Option(parsing: .unconditional, help: "Threads to segment with (default: one per core). Output keeps the input's order.")
    var jobs: Int?

    @Option(help: ArgumentHelp("Write one output per input into this folder (NAME.seg.txt or NAME.seg.jsonl, mirroring the input folders), each whole or not at all, instead of standard output.", valueName: "folder"))
    var output: String?

    @Argument(help: ArgumentHelp("Files, folders (walked recursively; binary files skipped) or glob patterns; standard input when none is given.", valueName: "input"))
    var files: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if document && format != .jsonl {
            throw ValidationError("--document goes with --format jsonl")
        }
    }

    func run() throws {
        let segmenter = try words.segmenter(engine: engine)
        try transformTextInputs(files, encoding: encoding, output: output, suffix: format == .text ? ".seg.txt" : ".seg.jsonl", done: "segmented") {
            reader, name, write in
            try segment(reader, name: name, segmenter: segmenter, write: write)
        }
    }

    /// Segments one input and hands its output to `write`, a megabyte or a chunk at a time.
    func segment(_ reader: InputReader, name: String, segmenter: Segmenter, write: ([UInt8]) throws -> Void) throws {
        if document {
            var text = try reader.readText()
            // Written a megabyte at a time: a long document's output never sits whole in memory.
            try text.withUTF8 { bytes in
                var writer = JSONWriter(capacity: 1 << 21)
                try writer.segmentedText(bytes, spans: segmenter.spans(in: bytes, reflow: reflow), flushAbove: 1 << 20) { writer in
                    try write(writer.bytes)
                    writer.bytes.removeAll(keepingCapacity: true)
                }
                try write(writer.bytes)
            }
            return
        }
        let shift = reader.bomLength
        try ParallelChunks(jobs: jobs ?? ParallelChunks.processorCount).run(reader: reader, cut: reflow ? .paragraph : .lineBreak, output: write) {
            chunk throws(CorpusError) in
            try render(chunk.bytes, offset: chunk.offset + shift, name: name, segmenter: segmenter)
        }
    }

    /// Segments a block of whole lines at once and writes each line's words.
    func render(_ bytes: [UInt8], offset: Int, name: String, segmenter: Segmenter) throws(CorpusError) -> [UInt8] {
        try bytes.withUnsafeBufferPointer { buffer throws(CorpusError) in
            try checkUTF8(buffer, name: name, baseOffset: offset)
            var writer = SegmentationWriter(format: format == .text ? .text : .jsonl, capacity: bytes.count * (format == .text ? 2 : 10))
            writer.appendLines(buffer, segmenter: segmenter, reflow: reflow)
            return writer.bytes
        }
    }
}
