import ArgumentParser
import Foundation
import ZhKit
import ZhKitCorpus
import ZhKitEntities

extension CorpusFormat: ExpressibleByArgument {}
extension TagScheme: ExpressibleByArgument {}
extension CorpusOptions.InputFormat: ExpressibleByArgument {}

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

            A file found in a folder or by a pattern that is binary (a NUL byte, or no text in its \
            first 8000 bytes) is skipped and named on stderr; one that fails later is named, its \
            output removed, and the others are finished before the run exits 65. A file named as \
            INPUT fails the run at once.

            Formats: jsonl (documents: id, text, paragraphs, sentences, tokens, entities), conllu \
            (Universal Dependencies; NER tag, SpaceAfter and TokenRange in MISC), bio (a token a \
            line and its tag; --char a character a line), brat (NAME.txt and NAME.ann; needs \
            --output), spacy (text, tokens with ws, spans), hf (a sentence a line: tokens and \
            ner_tags ids; --output also writes labels.json), inline (the text with each entity \
            marked in place, [text](LABEL value), coloured on a terminal). Offsets are Unicode scalars (start, \
            end), UTF-8 bytes and UTF-16 units. Entities follow ANNOTATION.md.

            With --output, each input's output is written whole or not at all (a temporary file \
            renamed at the end), mirroring the input folders; otherwise everything goes to \
            standard output, in input order.
            """
    )

    @OptionGroup var words: SegmenterOptions

    @Option(help: ArgumentHelp("A name model that 'zhkit train entities' wrote, instead of the bundled one.", valueName: "file"))
    var model: String?

    @Flag(help: "No name tagger: organisations from the grammar alone, no people or places.")
    var noTagger = false

    @Option(help: ArgumentHelp("The day relative dates are resolved against (去年10月, 明天, 上周五, 三天前); without it they carry no value.", valueName: "YYYY-MM-DD"))
    var referenceDate: String?

    @Option(help: "Input format: text (a document per file) or jsonl (a {\"id\", \"text\"} object per line).")
    var inputFormat: CorpusOptions.InputFormat = .text

    @Option(help: ArgumentHelp("The inputs' encoding: UTF-8 (the default, strict), an ICU converter name (GB18030, GBK, Big5, Big5-HKSCS, UTF-16, …) or auto (ICU's detector, said on stderr).", valueName: "name"))
    var encoding = "UTF-8"

    @Option(help: "Output format: jsonl, conllu, bio, brat, spacy, hf or inline (the text with its entities marked, to read).")
    var format: CorpusFormat = .jsonl

    @Option(help: "With --format inline: colour the entities always, never, or when standard output is a terminal and NO_COLOR is unset (auto).")
    var color: ColorChoice = .auto

    @Option(help: "Entity tags: bio (the default) or bioes, with --format conllu, bio or hf.")
    var scheme: TagScheme?

    @Flag(help: "With --format bio: a character a line instead of a token.")
    var char = false

    @Option(help: "With --format jsonl: all (every token, the default) or none (text, paragraphs, sentences and entities: a sixth to a seventh of the size).")
    var tokens: TokenOutput = .all

    @Flag(help: "Treat hard line wraps between Han characters or inside numbers (PDF text) as no boundary.")
    var reflow = false

    @Option(help: ArgumentHelp("Write one output per input into this folder instead of standard output.", valueName: "folder"))
    var output: String?

    // Unconditional, so that `--jobs -2` is a value to refuse, not an unknown option `-2`.
    @Option(parsing: .unconditional, help: "Threads to annotate with (default: one per core). Output keeps the input's order.")
    var jobs: Int?

    @Flag(help: "No progress line on standard error.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files, folders or glob patterns; standard input when none is given.", valueName: "input"))
    var files: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if noTagger && model != nil { throw ValidationError("--model and --no-tagger exclude each other") }
        if char && format != .bio { throw ValidationError("--char goes with --format bio") }
        if scheme != nil && ![.conllu, .bio, .hf].contains(format) {
            throw ValidationError("--scheme goes with --format conllu, bio or hf: \(format) writes no tags")
        }
        if tokens == .none && format != .jsonl { throw ValidationError("--tokens none goes with --format jsonl: the other formats are made of tokens") }
        if format == .brat && output == nil { throw ValidationError("--format brat writes two files per input: give --output") }
        if format == .brat && inputFormat == .jsonl { throw ValidationError("--format brat needs text input: its .txt is the input itself") }
        if let referenceDate, CalendarDate(referenceDate) == nil {
            throw ValidationError("--reference-date '\(referenceDate)' is no date in the form YYYY-MM-DD")
        }
    }

    func run() throws {
        // glibc raises its mmap threshold to the size of each large block freed, up to 32 MB,
        // and then keeps such blocks in the heap: a part's per-token arrays (megabytes each, made
        // and freed for every part on every thread) would hold resident memory that grows with
        // the input. A fixed threshold hands them back when freed: peak memory of `--jobs 2` on
        // 50 MB 232 → 169–194 MB. (Not for `segment`, whose arrays are smaller and which it
        // would slow by a tenth.)
        fixMmapThreshold(256 << 10)
        // The bundled name lists and model stop the process when missing (a library has no one to
        // tell); the tool says so in a line instead.
        for name in ["names.txt", "entities.zhner"] where ResourceFiles.path(of: name, module: "ZhKitEntities") == nil {
            throw CorpusError(.software, ResourceFiles.missing(name, module: "ZhKitEntities"))
        }
        let tagger = noTagger ? nil : try model.map { path throws(CorpusError) in try loadNameTagger(path) } ?? NameTagger.bundled
        let extractor = EntityExtractor(segmenter: try words.segmenter(), tagger: tagger,
            referenceDate: referenceDate.flatMap(CalendarDate.init))
        var options = CorpusOptions()
        options.format = format
        options.scheme = scheme ?? .bio
        options.characters = char
        options.colour = format == .inline && color.colours(toFolder: output != nil)
        options.tokens = tokens == .all
        options.inputFormat = inputFormat
        options.encoding = InputEncoding(argument: encoding)
        options.jobs = jobs ?? options.jobs
        options.notice = printError
        var progressLine: ProgressLine?
        // The progress line goes before any message that ends the run.
        defer { progressLine?.finish() }
        try Annotator(extractor: extractor, reflow: reflow).write(files, to: output.map(CorpusDestination.folder) ?? .standardOutput,
            options: options) { progress in
            if progressLine == nil { progressLine = ProgressLine(quiet: quiet, totalFiles: progress.totalFiles, totalBytes: progress.totalBytes) }
            progressLine?.update(progress)
        }
    }
}

/// When `--format inline` colours its entities (`--color`).
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour: `auto` only on a terminal, and never when NO_COLOR is set (no-color.org).
    func colours(toFolder: Bool) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: !toFolder && isatty(1) != 0 && (getenv("NO_COLOR").map { $0.pointee == 0 } ?? true)
        }
    }
}

/// Which tokens a `jsonl` document carries (`--tokens`).
enum TokenOutput: String, ExpressibleByArgument, CaseIterable {
    case all, none
}

/// A name model from a file: refused (65) when it is no model of this ZhKit's features, and
/// when it was trained with other name lists than the bundled ones.
func loadNameTagger(_ path: String) throws(CorpusError) -> NameTagger {
    let bytes = try InputFile(path: path).readBytes()
    let tagger: NameTagger
    do {
        tagger = try NameTagger(image: bytes, source: path)
    } catch {
        throw CorpusError(.dataError, error.description)
    }
    guard tagger.namesFingerprint == NameLists.bundled.fingerprint else {
        throw CorpusError(.dataError, "'\(path)' was trained with other name lists than this zhkit's: train it again with this version")
    }
    return tagger
}

