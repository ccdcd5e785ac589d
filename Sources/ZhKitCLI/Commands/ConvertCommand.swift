import ArgumentParser
import ZhKit
import ZhKitCorpus

extension ChineseScript: ExpressibleByArgument {}

/// `zhkit convert`: text from Simplified to Traditional characters or back, with OpenCC's tables.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert text between Simplified and Traditional characters.",
        discussion: """
            Converts each INPUT (standard input when none is given) as OpenCC's s2t and t2s do, \
            with OpenCC's phrase and character tables: the longest phrase of the table wins \
            (头发 → 頭髮, 发展 → 發展), then each character's first form; what is not Han stays \
            as it is. Nearly every mapping is one character for one, so offsets into the input \
            hold in the output. Inputs are read as for 'zhkit segment'; with --output, each \
            goes to FOLDER/NAME.hans.txt or NAME.hant.txt, written whole or not at all.
            """
    )

    @Option(help: "The script to write: hans (Simplified) or hant (Traditional).")
    var to: ChineseScript

    @Option(help: ArgumentHelp("The inputs' encoding: UTF-8 (the default, strict), an ICU converter name (GB18030, Big5, Big5-HKSCS, …) or auto.", valueName: "name"))
    var encoding = "UTF-8"

    // Unconditional, so that `--jobs -2` is a value to refuse, not an unknown option `-2`.
    @Option(parsing: .unconditional, help: "Threads to convert with (default: one per core). Output keeps the input's order.")
    var jobs: Int?

    @Option(help: ArgumentHelp("Write one output per input into this folder (NAME.hans.txt or NAME.hant.txt, mirroring the input folders) instead of standard output.", valueName: "folder"))
    var output: String?

    @Argument(help: ArgumentHelp("Files, folders (walked recursively; binary files skipped) or glob patterns; standard input when none is given.", valueName: "input"))
    var files: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let converter: ScriptConverter
        do { converter = try ScriptConverter.bundled() } catch { throw CorpusError(.software, "cannot load the conversion tables: \(error)") }
        try transformTextInputs(files, encoding: encoding, output: output, suffix: "." + to.rawValue + ".txt", done: "converted") {
            reader, name, write in
            try convert(reader, name: name, converter: converter, write: write)
        }
    }

    /// Converts one input in blocks of whole lines (no phrase of the tables spans a line break).
    func convert(_ reader: InputReader, name: String, converter: ScriptConverter, write: ([UInt8]) throws -> Void) throws {
        let shift = reader.bomLength
        try ParallelChunks(jobs: jobs ?? ParallelChunks.processorCount).run(reader: reader, cut: .lineBreak, output: write) {
            chunk throws(CorpusError) in
            try chunk.bytes.withUnsafeBufferPointer { buffer throws(CorpusError) in
                try checkUTF8(buffer, name: name, baseOffset: chunk.offset + shift)
            }
            return Array(converter.convert(String(decoding: chunk.bytes, as: UTF8.self), to: to).utf8)
        }
    }
}
