import ArgumentParser
import Foundation
import ZhKit
import ZhKitCorpus
import ZhKitEntities

extension CorpusFormat: ExpressibleByArgument {}
extension TagScheme: ExpressibleByArgument {}

/// `zhkit annotate`: annotated corpora (tokens, sentences, paragraphs, entities) in the formats
/// pipelines read.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate Chinese text with tokens, sentences and entities, in corpus formats.",
        discussion: """
            INPUT is a file, a folder (walked recursively, hidden files skipped), a glob pattern or \
            '-' (standard input, also when no INPUT is given). Each file is one document, or with \
            --input-format jsonl each line ({"id", "text"}, ids kept). A file over a megabyte is \
            annotated in parts cut at paragraph ends, so memory stays flat; in jsonl each part is a \
            line with "part" and "offset", and later mentions of a name are found within a part.

            Formats: jsonl (documents: id, text, paragraphs, sentences, tokens, entities), conllu \
            (Universal Dependencies; NER tag, SpaceAfter and TokenRange in MISC), bio (a token a \
            line and its tag; --char a character a line), brat (NAME.txt and NAME.ann; needs \
            --output), spacy (text, tokens with ws, spans), hf (a sentence a line: tokens and \
            ner_tags ids; --output also writes labels.json). Offsets are Unicode scalars (start, \
            end), UTF-8 bytes and UTF-16 units. Entities follow ANNOTATION.md.

            With --output, each input's output is written whole or not at all (a temporary file \
            renamed at the end), mirroring the input folders; otherwise everything goes to \
            standard output, in input order.
            """
    )

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Option(name: .customLong("dict"), help: ArgumentHelp("A user dictionary (see 'zhkit segment --help'). Repeatable.", valueName: "file"))
    var dictionaries: [String] = []

    @Option(help: ArgumentHelp("A name model that 'zhkit train entities' wrote, instead of the bundled one.", valueName: "file"))
    var model: String?

    @Flag(help: "No name tagger: organisations from the grammar alone, no people or places.")
    var noTagger = false

    @Option(help: ArgumentHelp("The day relative dates are resolved against (去年10月, 明天, 上周五, 三天前); without it they carry no value.", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Option(help: "Input format: text (a document per file) or jsonl (a {\"id\", \"text\"} object per line).")
    var inputFormat: InputFormat = .text

    @Option(help: ArgumentHelp("The inputs' encoding: UTF-8 (the default, strict), an ICU converter name (GB18030, GBK, Big5, Big5-HKSCS, UTF-16, …) or auto (ICU's detector, said on stderr).", valueName: "name"))
    var encoding = "UTF-8"

    @Option(help: "Output format: jsonl, conllu, bio, brat, spacy or hf.")
    var format: CorpusFormat = .jsonl

    @Option(help: "Entity tags: bio or bioes (conllu, bio, hf).")
    var scheme: TagScheme = .bio

    @Flag(help: "With --format bio: a character a line instead of a token.")
    var char = false

    @Option(help: "With --format jsonl: all (every token, the default) or none (text, paragraphs, sentences and entities: a sixth to a seventh of the size).")
    var tokens: TokenOutput = .all

    @Flag(help: "Treat hard line wraps between Han characters or inside numbers (PDF text) as no boundary.")
    var reflow = false

    @Option(help: ArgumentHelp("Write one output per input into this folder instead of standard output.", valueName: "folder"))
    var output: String?

    @Option(help: "Threads to annotate with (default: one per core). Output keeps the input's order.")
    var jobs: Int?

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files, folders or glob patterns; standard input when none is given.", valueName: "input"))
    var files: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if noTagger && model != nil { throw ValidationError("--model and --no-tagger exclude each other") }
        if char && format != .bio { throw ValidationError("--char goes with --format bio") }
        if tokens == .none && format != .jsonl { throw ValidationError("--tokens none goes with --format jsonl: the other formats are made of tokens") }
        if format == .brat && output == nil { throw ValidationError("--format brat writes two files per input: give --output") }
        if format == .brat && inputFormat == .jsonl { throw ValidationError("--format brat needs text input: its .txt is the input itself") }
        if let referenceDate, CalendarDate(referenceDate) == nil {
            throw ValidationError("--reference-date '\(referenceDate)' is no date in the form YYYY-MM-DD")
        }
    }

    func run() throws {
        let tagger = noTagger ? nil : try model.map { path throws(CLIError) in try loadNameTagger(path) } ?? NameTagger.bundled
        let extractor = EntityExtractor(segmenter: try makeSegmenter(engine: .lexicon, dictionaries: dictionaries), tagger: tagger,
            referenceDate: referenceDate.flatMap(CalendarDate.init))
        let annotator = CorpusAnnotator(extractor: extractor, reflow: reflow)
        let inputs = try expandInputs(files, encoding: InputEncoding(argument: encoding))
        let sizes = inputs.map(\.size)
        var progress = ProgressLine(quiet: quiet, totalFiles: inputs.count, totalBytes: sizes.contains(nil) ? nil : sizes.reduce(0) { $0 + $1! })
        var sink = try AnnotationSink(format: format, folder: output, inputs: inputs, scheme: scheme)
        var producer = PartProducer(inputs: inputs, cut: inputFormat == .text ? .paragraph : .lineBreak)
        let render = PartRenderer(annotator: annotator, format: format, scheme: scheme, characters: char, tokens: tokens == .all,
            jsonlInput: inputFormat == .jsonl)
        // The progress line goes before any message that ends the run.
        defer { progress.finish() }
        // One part per thread in a batch: a megabyte of text makes up to 25 MB of JSONL.
        try OrderedParallel(jobs: jobs ?? OrderedParallel.processorCount, itemsPerJob: 1).run(
            next: { try producer.next() },
            process: { part throws(CLIError) in try render(part) },
            consume: { part, rendered in
                try sink.consume(part, rendered)
                progress.advance(bytes: part.bytes.count, fileDone: part.isLast)
            })
        try sink.finish()
    }
}

/// A piece of an input to annotate: a whole small file, a part of a large one, or a block of
/// JSONL lines.
struct InputPart: Sendable {
    let input: Int
    let name: String
    /// The document id: the input's path below its folder, without extension.
    let id: String
    let bytes: [UInt8]
    /// Where the part starts in its input.
    let origin: TextPosition
    /// The input's line number of the part's first line (for JSONL errors).
    let firstLine: Int
    /// The part's number when its input has more than one, else `nil`.
    let part: Int?
    let isLast: Bool
    /// The length of the UTF-8 BOM taken off the input's start (0 or 3).
    var byteOrderMark = 0
}

/// Reads the inputs one after another in parts, one part ahead (to tell the last one).
struct PartProducer {
    let inputs: [JobInput]
    let cut: InputReader.Cut
    private var current = -1
    private var reader: InputReader?
    private var ahead: (bytes: [UInt8], offset: Int)?
    private var partNumber = 0
    private var origin = TextPosition.zero
    private var line = 1

    init(inputs: [JobInput], cut: InputReader.Cut) {
        self.inputs = inputs
        self.cut = cut
    }

    mutating func next() throws(CLIError) -> InputPart? {
        while true {
            if let reader {
                let chunk = ahead
                ahead = try reader.nextChunk(cut: cut)
                if let chunk {
                    let input = inputs[current]
                    let isLast = ahead == nil
                    let part = InputPart(input: current, name: input.file.displayName, id: input.outputStem, bytes: chunk.bytes, origin: origin,
                        firstLine: line, part: isLast && partNumber == 0 ? nil : partNumber, isLast: isLast, byteOrderMark: reader.bomLength)
                    partNumber += 1
                    advance(over: chunk.bytes)
                    if isLast { self.reader = nil }
                    return part
                }
                self.reader = nil
            }
            current += 1
            guard current < inputs.count else { return nil }
            let opened = try inputs[current].file.open()
            partNumber = 0
            origin = .zero
            line = 1
            ahead = try opened.nextChunk(cut: cut)
            if ahead == nil {
                // An empty input is one empty document.
                let input = inputs[current]
                return InputPart(input: current, name: input.file.displayName, id: input.outputStem, bytes: [], origin: .zero, firstLine: 1, part: nil,
                    isLast: true, byteOrderMark: opened.bomLength)
            }
            reader = opened
        }
    }

    /// Moves `origin` and `line` past `bytes` (not yet validated: a count, not a decoding).
    private mutating func advance(over bytes: [UInt8]) {
        var scalars = 0
        var supplementary = 0
        var lines = 0
        for byte in bytes {
            scalars &+= (byte & 0xC0) != 0x80 ? 1 : 0
            supplementary &+= byte >= 0xF0 ? 1 : 0
            lines &+= byte == 0x0A ? 1 : 0
        }
        origin = TextPosition(utf8: origin.utf8 + bytes.count, scalars: origin.scalars + scalars, utf16: origin.utf16 + scalars + supplementary)
        line += lines
    }
}

/// What a part becomes: the format's bytes, and for BRAT its entities (numbered when written).
struct RenderedPart: Sendable {
    /// The output, in pieces of about a megabyte: a jsonl part with every token runs to 27 times
    /// its text, and one array that size would double itself (and copy) as it grew.
    var pieces: [[UInt8]] = []
    var brat: [BratEntity] = []

    /// Calls `body` with each piece, in order.
    func forEachPiece(_ body: ([UInt8]) throws -> Void) rethrows {
        for piece in pieces { try body(piece) }
    }
}

/// Annotates a part and writes it in the format: the work each thread does.
struct PartRenderer: Sendable {
    let annotator: CorpusAnnotator
    let format: CorpusFormat
    let scheme: TagScheme
    let characters: Bool
    /// The size output is handed on in (`RenderedPart.pieces`).
    static let pieceSize = 1 << 20
    /// Whether the `jsonl` documents carry their tokens (`--tokens all`).
    let tokens: Bool
    let jsonlInput: Bool

    func callAsFunction(_ part: InputPart) throws(CLIError) -> RenderedPart {
        try part.bytes.withUnsafeBufferPointer { (bytes) throws(CLIError) in
            try checkUTF8(bytes, name: part.name, baseOffset: part.origin.utf8 + part.byteOrderMark)
        }
        var rendered = RenderedPart()
        var writer = JSONWriter(capacity: min(part.bytes.count * 8 + 64, Self.pieceSize * 2))
        if jsonlInput {
            var lineNumber = part.firstLine
            for line in part.bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                defer { lineNumber += 1 }
                guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
                let (id, text) = try parseRecord(line, lineNumber: lineNumber, name: part.name)
                write(annotator.annotate(Array(text.utf8), id: id), into: &writer, rendered: &rendered)
            }
        } else {
            var document = annotator.annotate(part.bytes, id: part.id, origin: part.origin, part: part.part)
            document.byteOrderMark = part.byteOrderMark > 0
            write(document, into: &writer, rendered: &rendered)
        }
        rendered.pieces.append(writer.bytes)
        return rendered
    }

    func write(_ document: AnnotatedDocument, into writer: inout JSONWriter, rendered: inout RenderedPart) {
        if format == .brat {
            rendered.brat += BratEntity.entities(of: document)
            return
        }
        let layout = DocumentLayout(document)
        switch format {
        case .jsonl:
            writer.corpusDocument(layout, tokens: tokens, flushAbove: Self.pieceSize) { writer in
                rendered.pieces.append(writer.bytes)
                writer.bytes = []
                writer.bytes.reserveCapacity(Self.pieceSize * 2)
            }
        case .conllu: writer.conllu(layout, scheme: scheme)
        case .bio: writer.bio(layout, scheme: scheme, characters: characters)
        case .spacy: writer.spacy(layout)
        case .hf: writer.huggingFace(layout, scheme: scheme)
        case .brat: break
        }
    }

    /// Reads `{"id", "text"}` from one JSONL line; `id` may be a string or a number.
    func parseRecord(_ line: ArraySlice<UInt8>, lineNumber: Int, name: String) throws(CLIError) -> (String?, String) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line))
        } catch {
            throw CLIError(.dataError, "\(name):\(lineNumber): not a JSON object")
        }
        guard let record = object as? [String: Any], let text = record["text"] as? String else {
            throw CLIError(.dataError, "\(name):\(lineNumber): expected an object with a \"text\" string")
        }
        let id = record["id"].map { value -> String in (value as? String) ?? "\(value)" }
        return (id, text)
    }
}

/// Where rendered parts go, in input order: standard output, or a file per input (two for BRAT)
/// under `--output`, each committed when its last part is written.
struct AnnotationSink {
    let format: CorpusFormat
    let folder: String?
    let inputs: [JobInput]
    private var standardOutput = StandardOutput()
    private var open: (input: Int, main: OutputFile, text: OutputFile?)?
    private var nextEntity = 1

    init(format: CorpusFormat, folder: String?, inputs: [JobInput], scheme: TagScheme) throws(CLIError) {
        self.format = format
        self.folder = folder
        self.inputs = inputs
        if let folder, format == .hf {
            // The ClassLabel names of `ner_tags`, in id order.
            let file = try OutputFile(path: folder + "/labels.json")
            var writer = JSONWriter()
            writer.raw(UInt8(ascii: "["))
            for (index, label) in scheme.labels.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.string(label)
            }
            writer.raw("]\n")
            try file.write(writer.bytes)
            try file.commit()
        }
    }

    mutating func consume(_ part: InputPart, _ rendered: RenderedPart) throws {
        guard let folder else {
            try rendered.forEachPiece { try standardOutput.write($0) }
            return
        }
        if open?.input != part.input {
            let stem = folder + "/" + inputs[part.input].outputStem
            let main = try OutputFile(path: stem + "." + format.fileExtension)
            let text = format == .brat ? try OutputFile(path: stem + ".txt") : nil
            if let path = inputs[part.input].file.path, isSameFile(path, text?.path ?? main.path) {
                main.discard()
                text?.discard()
                throw CLIError(.cannotCreate, "'\(text?.path ?? main.path)' would overwrite its input: choose another --output folder")
            }
            open = (part.input, main, text)
            nextEntity = 1
        }
        guard let (_, main, text) = open else { return }
        if let text {
            try text.write(part.bytes)
            var writer = JSONWriter(capacity: rendered.brat.count * 64)
            writer.brat(rendered.brat, next: &nextEntity)
            try main.write(writer.bytes)
        } else {
            try rendered.forEachPiece { try main.write($0) }
        }
        if part.isLast {
            try main.commit()
            try text?.commit()
            open = nil
        }
    }

    mutating func finish() throws {
        try standardOutput.flush()
    }

    /// Whether two paths name the same file (both must exist).
    private func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}

/// A name model from a file: refused (65) when it is no model of this ZhKit's features, and
/// when it was trained with other name lists than the bundled ones.
func loadNameTagger(_ path: String) throws(CLIError) -> NameTagger {
    let bytes = try InputFile(path: path).readBytes()
    let tagger: NameTagger
    do {
        tagger = try NameTagger(image: bytes, source: path)
    } catch {
        throw CLIError(.dataError, error.description)
    }
    guard tagger.namesFingerprint == NameLists.bundled.fingerprint else {
        throw CLIError(.dataError, "'\(path)' was trained with other name lists than this zhkit's: train it again with this version")
    }
    return tagger
}

/// Which tokens a `jsonl` document carries (`--tokens`).
enum TokenOutput: String, ExpressibleByArgument, CaseIterable {
    case all, none
}
