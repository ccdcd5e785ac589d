internal import ZhKitICU

/// Splits Chinese text into tokens: words, numbers, punctuation and spaces.
///
/// A segmenter is an immutable value: build it once and share it between threads and tasks.
/// Its output is lossless: the tokens of a text cover it exactly, in order, with no gap and no
/// overlap, whitespace and line breaks included.
///
/// Two ways in: `tokens(in:)` gives `Token` values with their text and offsets in three units;
/// `spans(in:)`, over UTF-8 bytes, gives each token's end and kind only (16 bytes, no `String`),
/// the fast path everything else is built on. Sentences, entities and corpus files come from
/// ZhKitCorpus's `Annotator`.
///
/// ```swift
/// let segmenter = try Segmenter()   // the lexicon engine over the bundled lexicon
/// for token in segmenter.tokens(in: "联合国环境规划署成立于1972年。") {
///     print(token.text, token.kind, token.scalars)
/// }
/// ```
public struct Segmenter: Sendable {
    /// The algorithm that finds word boundaries.
    public enum Engine: String, Sendable, Hashable, CaseIterable {
        /// A word lattice over ZhKit's lexicon (and the user's words) for Han text, with numbers
        /// kept whole; ICU's rules for everything else. The default.
        case lexicon
        /// ICU's word break iterator alone (UAX #29, with ICU's Chinese dictionary for Han runs).
        case icu
    }

    /// The engine this segmenter runs.
    public let engine: Engine
    /// The lexicon of the `lexicon` engine (`nil` for `icu`).
    public let lexicon: Lexicon?
    /// The user's words on top of the lexicon, compiled, if any.
    public let userWords: UserLexicon?
    /// The entries the user's words were built from.
    public let userEntries: [DictionaryEntry]
    /// The script the text is written in, or `nil` (the default) to tell it as the text goes:
    /// a Traditional variant that both scripts write (於, 乾) reads as its Simplified form only in
    /// Traditional text. Characters only one script writes read right either way.
    public let script: ChineseScript?

    /// Makes a segmenter that runs `engine`; the `lexicon` engine uses `lexicon`, or the bundled
    /// one, with `userWords` on top (see `UserLexicon` for how they take priority), on text in
    /// `script` (`nil`: either, told from the text).
    ///
    /// - Throws: `SegmenterError.icu` when ICU cannot load its word break rules,
    ///   `SegmenterError.lexicon` when the bundled lexicon cannot be read.
    public init(engine: Engine = .lexicon, lexicon: Lexicon? = nil, userWords: [DictionaryEntry] = [], script: ChineseScript? = nil) throws(SegmenterError) {
        self.engine = engine
        self.userEntries = userWords
        self.script = script
        // Open ICU once so that a missing ICU data file fails here, not mid-stream.
        _ = try Self.makeBreaker()
        switch engine {
        case .icu:
            self.lexicon = nil
            self.userWords = nil
        case .lexicon:
            let chosen: Lexicon
            if let lexicon { chosen = lexicon } else { chosen = try Lexicon.bundled() }
            self.lexicon = chosen
            self.userWords = userWords.isEmpty ? nil : UserLexicon(entries: userWords, over: chosen)
        }
    }

    /// A segmenter like this one with `words` added to its user words. O(n log n) in the number
    /// of user words; the original is unchanged.
    public func adding(_ words: [DictionaryEntry]) throws(SegmenterError) -> Segmenter {
        try Segmenter(engine: .lexicon, lexicon: lexicon, userWords: userEntries + words, script: script)
    }

    /// The tokens of `text`, in order; they cover it exactly.
    ///
    /// O(n) in the length of `text` (ICU's dictionary engine does the bulk of the work).
    public func tokens(in text: String) -> [Token] {
        var text = text
        // Segmenting works on contiguous UTF-8; bridged or foreign strings are made native first.
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            let spans = spans(in: bytes)
            return Self.tokens(from: spans, in: bytes, of: text)
        } ?? []
    }

    /// Calls `body` with the UTF-8 range and kind of each token of `bytes`, in order; the ranges
    /// cover `bytes` exactly. The fast path for writers: no `Token`, no `String` per token.
    ///
    /// `bytes` must be valid UTF-8 (see `firstInvalidUTF8Offset(in:)`). O(n).
    package func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (_ utf8: Range<Int>, _ kind: TokenKind) -> Void) {
        var start = 0
        for span in spans(in: bytes) {
            body(start..<span.end, span.kind)
            start = span.end
        }
    }

    /// The segments of `bytes` as (end, kind) pairs, in order; they cover `bytes` exactly.
    /// The fast path for annotators: one array of 16-byte values, no `Token` or `String`.
    ///
    /// `bytes` must be valid UTF-8 (see `firstInvalidUTF8Offset(in:)`). O(n).
    public func spans(in bytes: UnsafeBufferPointer<UInt8>) -> [TokenSpan] {
        if engine == .lexicon, let lexicon {
            return LexiconEngine(lattice: LatticeSegmenter(lexicon: lexicon, userWords: userWords, script: script)).spans(in: bytes)
        }
        return icuSpans(in: bytes)
    }

    /// ICU's segments of `bytes`.
    func icuSpans(in bytes: UnsafeBufferPointer<UInt8>) -> [TokenSpan] {
        var spans: [TokenSpan] = []
        spans.reserveCapacity(bytes.count / 3 + 1)
        do {
            let breaker = try Self.makeBreaker()
            var start = 0
            try breaker.forEachSegment(in: bytes) { end, status in
                spans.append(TokenSpan(end: end, kind: Self.kind(of: bytes, from: start, status: status)))
                start = end
            }
        } catch {
            // ICU opened at init and the input is valid UTF-8: no failure is left that the caller
            // could act on. Keep the contract (lossless) with one token over the whole text.
            spans = [TokenSpan(end: bytes.count, kind: .other)]
        }
        return spans
    }

    static func makeBreaker() throws(SegmenterError) -> WordBreaker {
        do {
            return try WordBreaker(locale: "zh")
        } catch {
            throw .icu(error.description)
        }
    }

    /// The kind of the segment starting at `start`, from ICU's rule status and its first scalar.
    @inline(__always)
    static func kind(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, status: WordRuleStatus) -> TokenKind {
        switch status {
        case .number: return .number
        case .letter, .kana: return .letter
        case .ideograph:
            // ICU gives kana the ideograph status too; tell them apart by the first scalar's block
            // (a range check: Unicode property look-ups cost more than ICU's own work here).
            let scalar = decodeScalarAndLength(bytes, at: start).0
            return (0x3040...0x30FF).contains(scalar) || (0x31F0...0x31FF).contains(scalar) || (0xFF66...0xFF9F).contains(scalar)
                ? .letter : .ideographic
        case .none:
            return TokenKind.ofSingleScalar(decodeScalarAndLength(bytes, at: start).0)
        }
    }

    /// Builds tokens from spans, counting offsets in the three units in one pass over `bytes`,
    /// the UTF-8 of `text`. O(n).
    package static func tokens(from spans: [TokenSpan], in bytes: UnsafeBufferPointer<UInt8>, of text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(spans.count)
        var counter = OffsetCounter()
        var startIndex = text.utf8.startIndex
        for span in spans {
            let start = counter
            counter.advance(to: span.end, in: bytes)
            let endIndex = text.utf8.index(startIndex, offsetBy: span.end - start.utf8)
            tokens.append(Token(
                text: text[startIndex..<endIndex],
                kind: span.kind,
                utf8: start.utf8..<counter.utf8,
                scalars: start.scalars..<counter.scalars,
                utf16: start.utf16..<counter.utf16))
            startIndex = endIndex
        }
        return tokens
    }
}

/// Why a segmenter could not be made.
public enum SegmenterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// ICU failed; the text says which call and with what code.
    case icu(String)
    /// The lexicon could not be read.
    case lexicon(DictionaryError)

    public var description: String {
        switch self {
        case .icu(let message): message
        case .lexicon(let error): error.description
        }
    }
}
