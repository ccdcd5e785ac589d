import ArgumentParser
import ZhKit
@_spi(Benchmarks) import ZhKitCorpus

extension Segmenter.Engine: ExpressibleByArgument {}

/// A segmenter for `engine` with the user dictionaries at `paths`, or a CLI error.
func makeSegmenter(engine: Segmenter.Engine, dictionaries paths: [String]) throws(CorpusError) -> Segmenter {
    var entries: [DictionaryEntry] = []
    for path in paths {
        let text = try InputFile(path: path).readText()
        do {
            entries += try DictionaryEntry.parse(text, source: path)
        } catch {
            throw CorpusError(.dataError, "bad dictionary: \(error)")
        }
    }
    if !entries.isEmpty && engine == .icu {
        throw CorpusError(.usage, "--dict needs the lexicon engine; ICU cannot take user words")
    }
    do {
        return try Segmenter(engine: engine, userWords: entries)
    } catch {
        throw CorpusError(.software, "cannot start the \(engine) engine: \(error)")
    }
}

/// `zhkit segment`: words of each input line, as text or JSONL.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Chinese text into words.",
        discussion: """
            Reads each FILE (standard input when none is given, or for '-') and writes the words \
            of every input line. 'text' writes one line per input line with words separated by one \
            space, whitespace dropped and CR stripped (the SIGHAN bakeoff's format). 'jsonl' writes \
            one JSON object per input line, or per file with --document, with every token, \
            whitespace included, and its offsets in Unicode scalars (start, end), UTF-8 bytes and \
            UTF-16 code units.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Option(help: "The segmentation engine: lexicon (ZhKit's lexicon and lattice) or icu (ICU alone).")
    var engine: Segmenter.Engine = .lexicon

    @Option(name: .customLong("dict"), help: ArgumentHelp("A user dictionary: 'word [frequency] [tag]' or one word per line. Repeatable; its words win over the general lexicon.", valueName: "file"))
    var dictionaries: [String] = []

    @Option(help: ArgumentHelp("The inputs' encoding: UTF-8 (the default, strict), an ICU converter name (GB18030, GBK, Big5, Big5-HKSCS, UTF-16, …) or auto.", valueName: "name"))
    var encoding = "UTF-8"

    @Option(help: "Output format: text or jsonl.")
    var format: Format = .text

    @Flag(help: "With jsonl: one JSON object per file instead of one per line.")
    var document = false

    // Unconditional, so that `--jobs -2` is a value to refuse, not an unknown option `-2`.
    @Option(parsing: .unconditional, help: "Threads to segment with (default: one per core). Output keeps the input's order.")
    var jobs: Int?

    @Argument(help: "Input files, UTF-8. Standard input when none is given.")
    var files: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if document && format != .jsonl {
            throw ValidationError("--document goes with --format jsonl")
        }
    }

    func run() throws {
        let segmenter = try makeSegmenter(engine: engine, dictionaries: dictionaries)
        var output = StandardOutput()
        let inputs = (files.isEmpty ? [nil] : files.map(Optional.some)).map { InputFile(path: $0, encoding: InputEncoding(argument: encoding), notice: printError) }
        for input in inputs {
            if document {
                var text = try input.readText()
                // Written a megabyte at a time: a long document's output never sits whole in memory.
                try text.withUTF8 { bytes in
                    var writer = JSONWriter(capacity: 1 << 21)
                    try writer.segmentedText(bytes, spans: segmenter.spans(in: bytes), flushAbove: 1 << 20) { writer in
                        try output.write(writer.bytes)
                        writer.bytes.removeAll(keepingCapacity: true)
                    }
                    try output.write(writer.bytes)
                }
            } else {
                let reader = try input.open()
                let shift = reader.bomLength
                try ParallelChunks(jobs: jobs ?? ParallelChunks.processorCount).run(reader: reader, output: &output) { chunk throws(CorpusError) in
                    try render(chunk.bytes, offset: chunk.offset + shift, name: input.displayName, segmenter: segmenter)
                }
            }
        }
        try output.flush()
    }

    /// Segments a block of whole lines at once and writes each line's words.
    func render(_ bytes: [UInt8], offset: Int, name: String, segmenter: Segmenter) throws(CorpusError) -> [UInt8] {
        try bytes.withUnsafeBufferPointer { buffer throws(CorpusError) in
            try checkUTF8(buffer, name: name, baseOffset: offset)
            var writer = SegmentationWriter(format: format == .text ? .text : .jsonl, capacity: bytes.count * (format == .text ? 2 : 10))
            writer.appendLines(buffer, segmenter: segmenter)
            return writer.bytes
        }
    }
}
