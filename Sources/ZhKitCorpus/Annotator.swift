import ZhKit
import ZhKitEntities

/// Annotates Chinese text: tokens, sentences, paragraphs and entities, as one document each.
///
/// Annotate a string with ``annotate(_:id:)``; annotate files, folders and standard input into a
/// corpus with ``write(_:to:options:progress:)``, or hand their documents to your own code with
/// ``forEachDocument(in:options:_:)``. Both read large inputs in parts of about a megabyte cut at
/// paragraph ends, annotate the parts on several threads and keep the input's order, so memory
/// stays flat however large the input is.
///
/// An immutable value: share one between threads.
public struct Annotator: Sendable {
    /// The segmenter, name lists, name tagger and reference date entities are found with.
    public let extractor: EntityExtractor
    /// Whether hard line wraps (PDF text) join what they break: no token, sentence or entity
    /// ends at a line break between two Han characters or inside a number.
    public let reflow: Bool

    public init(extractor: EntityExtractor, reflow: Bool = false) {
        self.extractor = extractor
        self.reflow = reflow
    }

    /// The annotated document of `text`. O(n).
    public func annotate(_ text: String, id: String? = nil) -> AnnotatedDocument {
        annotate(Array(text.utf8), id: id)
    }

    /// The annotated document of `text`, valid UTF-8. O(n).
    package func annotate(_ text: [UInt8], id: String?, origin: TextPosition = .zero, part: Int? = nil) -> AnnotatedDocument {
        text.withUnsafeBufferPointer { bytes in
            let segmented = extractor.segmenter.spans(in: bytes, reflow: reflow)
            let entities = extractor.entities(inUTF8: bytes, spans: segmented)
            let spans = Self.splitting(segmented, at: entities, in: bytes)
            let sentences = Self.joiningAcross(Sentences.split(bytes, spans: spans, reflow: reflow), entities: entities, spans: spans)
            return AnnotatedDocument(id: id, utf8: text, spans: spans, sentences: sentences, entities: entities, origin: origin, part: part)
        }
    }

    /// Annotates `inputs` and writes them as a corpus in `options.format`.
    ///
    /// - Parameters:
    ///   - inputs: files, folders (walked recursively, hidden files skipped, names sorted), glob
    ///     patterns, or `-` for standard input; standard input when empty.
    ///   - destination: standard output, everything in input order; or a folder, one output
    ///     per input (two for BRAT) mirroring the input folders, each written whole or not at all.
    ///   - options: the format, the input format and encoding, the threads, and where notices go.
    ///   - progress: called on the calling thread after each part is written.
    /// - Throws: `CorpusError`, with the sysexits(3) code a command-line tool would exit with.
    ///   A file named in `inputs` that fails stops the run; a file found in a folder or by a
    ///   pattern that is binary is skipped, and one that fails is named through `options.notice`
    ///   (its output file removed) while the others go on, the run failing at the end. Outputs
    ///   finished before a failure stay; the one being written is removed.
    public func write(_ inputs: [String], to destination: CorpusDestination, options: CorpusOptions = CorpusOptions(),
        progress: (CorpusProgress) -> Void = { _ in }) throws(CorpusError)
    {
        let files = try expandInputs(inputs, encoding: options.encoding, notice: options.notice)
        var status = CorpusProgress(files: files)
        try Self.mapped {
            var sink = try AnnotationSink(options: options, folder: destination.folder, inputs: files)
            let failures = try run(files, options: options,
                consume: { part, documents in
                    if let documents { try sink.consume(part, documents) } else { sink.abandon(part.input) }
                    status.advance(bytes: part.bytes.count, fileDone: part.isLast)
                    progress(status)
                })
            try sink.finish()
            if let error = CorpusError.after(failures, of: files.count, done: "annotated") { throw error }
        }
    }

    /// Annotates `inputs` (as ``write(_:to:options:progress:)`` takes them, and with its rules
    /// for files that fail) and calls `body` with each document, in input order, on the calling
    /// thread.
    ///
    /// A file over a megabyte comes as several documents, its parts (``AnnotatedDocument/part``),
    /// with their `origin` in the file; with `options.inputFormat` `.jsonl`, each line is a
    /// document. `body` may throw to stop the run; its error is rethrown as it is.
    public func forEachDocument(in inputs: [String], options: CorpusOptions = CorpusOptions(),
        _ body: (AnnotatedDocument) throws -> Void) throws
    {
        let files = try expandInputs(inputs, encoding: options.encoding, notice: options.notice)
        let failures = try run(files, options: options, consume: { _, documents in try documents?.forEach(body) })
        if let error = CorpusError.after(failures, of: files.count, done: "annotated") { throw error }
    }

    /// Reads `files` in parts, annotates them on `options.jobs` threads and calls `consume` with
    /// each part's documents in input order, or with `nil` once for a found file that failed
    /// (whose later parts are then passed over). Returns those failures; a named file's failure
    /// is thrown.
    private func run(_ files: [JobInput], options: CorpusOptions,
        consume: (InputPart, [AnnotatedDocument]?) throws -> Void) throws -> [CorpusError]
    {
        var producer = PartProducer(inputs: files, cut: options.inputFormat == .text ? .paragraph : .lineBreak, notice: options.notice)
        let annotate = PartAnnotator(annotator: self, inputFormat: options.inputFormat)
        var failures: [CorpusError] = []
        var failed: Set<Int> = []
        try OrderedParallel(jobs: options.jobs, itemsPerJob: 1).run(
            next: { try producer.next() },
            process: { part throws(CorpusError) -> Result<[AnnotatedDocument], CorpusError> in
                if let failure = part.failure { return .failure(failure) }
                return Result { () throws(CorpusError) in try annotate(part) }
            },
            consume: { part, outcome in
                guard !failed.contains(part.input) else { return }
                switch outcome {
                case .success(let documents): try consume(part, documents)
                case .failure(let error):
                    guard files[part.input].found else { throw error }
                    failed.insert(part.input)
                    failures.append(error)
                    options.notice(error.goingOn)
                    try consume(part, nil)
                }
            })
        return failures
    }

    /// Runs `body`, passing `CorpusError`s on and naming any other error as an internal failure.
    private static func mapped(_ body: () throws -> Void) throws(CorpusError) {
        do {
            try body()
        } catch let error as CorpusError {
            throw error
        } catch {
            throw CorpusError(.software, "\(error)")
        }
    }

    /// `spans` cut where an entity starts or ends inside a token. O(n).
    static func splitting(_ spans: [TokenSpan], at entities: [Entity], in bytes: UnsafeBufferPointer<UInt8>) -> [TokenSpan] {
        guard !entities.isEmpty else { return spans }
        var cuts: [Int] = []
        cuts.reserveCapacity(entities.count * 2)
        for entity in entities { cuts += [entity.utf8.lowerBound, entity.utf8.upperBound] }
        var result: [TokenSpan] = []
        result.reserveCapacity(spans.count + cuts.count)
        var cut = 0
        var start = 0
        for span in spans {
            while cut < cuts.count, cuts[cut] <= start { cut += 1 }
            var pieceStart = start
            while cut < cuts.count, cuts[cut] < span.end {
                // The piece before the cut keeps the token's kind; so does the rest. Adjacent
                // entities share a cut: no empty piece.
                if cuts[cut] > pieceStart {
                    result.append(TokenSpan(end: cuts[cut], kind: span.kind))
                    pieceStart = cuts[cut]
                }
                cut += 1
            }
            result.append(span)
            start = span.end
        }
        return result
    }

    /// Sentences joined where an entity runs across their boundary (`2020\n年` without reflow). O(n).
    static func joiningAcross(_ sentences: [SentenceSpan], entities: [Entity], spans: [TokenSpan]) -> [SentenceSpan] {
        guard sentences.count > 1, !entities.isEmpty else { return sentences }
        var joined: [SentenceSpan] = []
        var entity = 0
        for sentence in sentences {
            guard let last = joined.last else {
                joined.append(sentence)
                continue
            }
            // The byte offset where `sentence` starts.
            let boundary = spans[sentence.tokens.lowerBound - 1].end
            while entity < entities.count, entities[entity].utf8.upperBound <= boundary { entity += 1 }
            if entity < entities.count, entities[entity].utf8.lowerBound < boundary {
                joined[joined.count - 1].tokens = last.tokens.lowerBound..<sentence.tokens.upperBound
            } else {
                joined.append(sentence)
            }
        }
        return joined
    }
}

/// How ``Annotator`` reads its inputs and writes its corpus.
public struct CorpusOptions: Sendable {
    /// What an input holds.
    public enum InputFormat: String, Sendable, CaseIterable {
        /// A document per file (the default).
        case text
        /// A `{"id", "text"}` object per line; `id` may be a string or a number.
        case jsonl
    }

    /// The output format (`jsonl` by default).
    public var format: CorpusFormat = .jsonl
    /// How entity tags are written in `conllu`, `bio` and `hf`.
    public var scheme: TagScheme = .bio
    /// With `bio`: a character a line instead of a token.
    public var characters = false
    /// With `inline`: whether entities are coloured for a terminal (ANSI escapes).
    public var colour = false
    /// With `jsonl`: whether documents carry every token (the default), or only their text,
    /// paragraphs, sentences and entities (a sixth to a seventh of the size).
    public var tokens = true
    public var inputFormat: InputFormat = .text
    /// The inputs' encoding.
    public var encoding: InputEncoding = .utf8
    /// The threads to annotate with: one per core by default.
    public var jobs = OrderedParallel.processorCount
    /// Called with what is worth saying and is no error: the encoding `.auto` found in an input.
    public var notice: @Sendable (String) -> Void = { _ in }

    public init() {}
}

/// Where ``Annotator/write(_:to:options:progress:)`` puts the corpus.
public enum CorpusDestination: Sendable, Hashable {
    /// Standard output, every input in order.
    case standardOutput
    /// One output per input under this folder, written whole or not at all.
    case folder(String)

    var folder: String? {
        if case .folder(let path) = self { return path }
        return nil
    }
}

/// How far a run of ``Annotator/write(_:to:options:progress:)`` has gone.
public struct CorpusProgress: Sendable {
    public private(set) var filesDone = 0
    public let totalFiles: Int
    public private(set) var bytesDone = 0
    /// The inputs' total size, or `nil` when one of them is a stream.
    public let totalBytes: Int?

    init(files: [JobInput]) {
        totalFiles = files.count
        let sizes = files.map(\.size)
        totalBytes = sizes.contains(nil) ? nil : sizes.reduce(0) { $0 + $1! }
    }

    mutating func advance(bytes: Int, fileDone: Bool) {
        bytesDone += bytes
        if fileDone { filesDone += 1 }
    }
}
