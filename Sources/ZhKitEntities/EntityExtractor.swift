import ZhKit

/// Finds the entities of `ANNOTATION.md` in raw text: organisations, people and places,
/// numbers, dates and times.
///
/// Numbers, dates and times come from grammars with normalised values; organisations, people
/// and places from a learned tagger (`NameTagger`) that reads the organisation grammar's
/// candidates and the gazetteers as features. An extractor is an immutable value over a
/// segmenter: build it once, share it between threads. Spans point into the raw text in Unicode
/// scalars, UTF-8 bytes and UTF-16 units, even across the line wraps and stray spaces of PDF
/// extraction.
public struct EntityExtractor: Sendable {
    public let segmenter: Segmenter
    public let names: NameLists
    /// The name tagger, or `nil` for the organisation grammar alone (and no people or places).
    public let tagger: NameTagger?
    /// The day relative dates are resolved against (`去年10月` → 2025-10 with 2026-11-30), or
    /// `nil`: then they carry no value (ANNOTATION.md).
    public let referenceDate: CalendarDate?

    public init(segmenter: Segmenter, names: NameLists = .bundled, tagger: NameTagger? = .bundled, referenceDate: CalendarDate? = nil) {
        self.segmenter = segmenter
        self.names = names
        self.tagger = tagger
        self.referenceDate = referenceDate
    }

    /// The entities of `text`, in order, not overlapping; `Annotator` gives them with the
    /// tokens and sentences they fall on. O(n).
    public func entities(in text: String) -> [Entity] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { entities(inUTF8: $0, spans: segmenter.spans(in: $0)) } ?? []
    }

    /// What the recognisers read of a text: its raw and folded characters, tokens, and the
    /// grammars' candidates.
    struct Analysis {
        var raw: [UInt32]
        var folded: FoldedText
        var context: NameContext
    }

    /// The analysis of valid UTF-8 `bytes` with its segmenter spans. O(n).
    func analyze(_ bytes: UnsafeBufferPointer<UInt8>, spans: [TokenSpan]) -> Analysis {
        // The raw scalars, and the scalar ranges of the tokens that are not whitespace.
        var raw: [UInt32] = []
        raw.reserveCapacity(bytes.count / 2)
        var rawTokens: [Range<Int>] = []
        rawTokens.reserveCapacity(spans.count)
        var offset = 0
        for span in spans {
            let start = raw.count
            while offset < span.end {
                let (scalar, length) = decodeScalarAndLength(bytes, at: offset)
                raw.append(scalar)
                offset += length
            }
            if span.kind != .whitespace, raw.count > start { rawTokens.append(start..<raw.count) }
        }
        let scriptTable = HanScriptTable.shared
        let folded = FoldedText(raw, script: segmenter.script ?? scriptTable.script(of: raw), table: scriptTable)
        let tokens = folded.scalars.count == raw.count ? rawTokens.map { FoldedToken(range: $0) } : foldedTokens(rawTokens, folded)

        var starts = [Bool](repeating: false, count: folded.scalars.count + 1)
        for token in tokens { starts[token.range.lowerBound] = true }
        // Inside a title (《今晚报》, 《2030年议程》) only a year and an ordinal are tagged (rule 5).
        let insideTitle = OrganizationRecognizer.bookTitleMask(folded.scalars)
        let inURL = NumberDateRecognizer.urlMask(folded.scalars)
        let numbers = NumberDateRecognizer(tokenStarts: starts, referenceDate: referenceDate).candidates(in: folded.scalars, inURL: inURL).filter { candidate in
            (!insideTitle[candidate.range.lowerBound] || candidate.label == .ordinal
                || (candidate.label == .date && Self.hasYear(candidate.value)))
                && !Self.endsQuotedName(candidate, folded.scalars)
        }
        let organizations = OrganizationRecognizer(names: names).findings(in: folded.scalars, tokens: tokens, insideTitle: insideTitle)
        let context = NameContext(scalars: folded.scalars, tokens: tokens, names: names, organizations: organizations, numbers: numbers,
            insideTitle: insideTitle, inURL: inURL)
        return Analysis(raw: raw, folded: folded, context: context)
    }

    /// The entities of valid UTF-8 `bytes`, given its segmenter spans: the fast path, with no
    /// `Token` or `String` per token. O(n).
    package func entities(inUTF8 bytes: UnsafeBufferPointer<UInt8>, spans: [TokenSpan]) -> [Entity] {
        let analysis = analyze(bytes, spans: spans)
        let raw = analysis.raw
        let folded = analysis.folded
        let context = analysis.context
        let candidates = Self.resolve(context.numbers + names(context))
        guard !candidates.isEmpty else { return [] }

        // Offsets in the other two units: one walk, since the spans come in order.
        var counter = (scalars: 0, utf8: 0, utf16: 0)
        func advance(to scalar: Int) {
            while counter.scalars < scalar {
                let value = raw[counter.scalars]
                counter.utf8 += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
                counter.utf16 += value < 0x10000 ? 1 : 2
                counter.scalars += 1
            }
        }
        return candidates.map { candidate in
            let range = folded.rawRange(candidate.range)
            advance(to: range.lowerBound)
            let start = counter
            advance(to: range.upperBound)
            let utf8 = start.utf8..<counter.utf8
            return Entity(label: candidate.label, scalars: range, utf8: utf8, utf16: start.utf16..<counter.utf16,
                text: String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8]), as: UTF8.self), value: candidate.value)
        }
    }

    /// Whether a date says its year, or its decade or century (`2030年`, `20世纪`): what
    /// is tagged inside a title (rule 5).
    static func hasYear(_ value: EntityValue?) -> Bool {
        switch value?.firstDate?.year {
        case .exact?, .decade?, .century?: true
        default: false
        }
    }

    /// Whether a period ends a quoted name (`“联合国生态系统恢复十年”`, an initiative: rule 5):
    /// a closing quote right after it, and Han characters, not an opening quote, right before.
    static func endsQuotedName(_ candidate: Candidate, _ s: [UInt32]) -> Bool {
        let start = candidate.range.lowerBound
        let end = candidate.range.upperBound
        guard candidate.label == .date, end < s.count, s[end] == 0x201D || s[end] == 0x300D, start > 0 else { return false }  // ” 」
        return CharacterClass.isHan(s[start - 1])
    }

    /// The tokens of the folded text: the raw tokens moved to folded positions, and segmented
    /// again around each place where folding joined two pieces (a word broken by a line wrap is
    /// whole there). O(n).
    func foldedTokens(_ rawTokens: [Range<Int>], _ folded: FoldedText) -> [FoldedToken] {
        // Raw tokens in folded positions: folding only drops whitespace, which is no token here.
        var tokens: [FoldedToken] = []
        tokens.reserveCapacity(rawTokens.count)
        var k = 0
        let rawIndex = folded.rawIndex
        for range in rawTokens {
            while rawIndex[k] < range.lowerBound { k += 1 }
            let start = k
            while rawIndex[k] < range.upperBound { k += 1 }
            if k > start { tokens.append(FoldedToken(range: start..<k)) }
        }
        // Tokens that start right after a fold, and windows of three tokens either side of each.
        var windows: [Range<Int>] = []
        for (index, token) in tokens.enumerated() {
            let start = token.range.lowerBound
            guard start > 0, rawIndex[start] != rawIndex[start - 1] + 1 else { continue }
            let window = max(0, index - 3)..<min(tokens.count, index + 3)
            if let last = windows.last, last.upperBound >= window.lowerBound {
                windows[windows.count - 1] = last.lowerBound..<window.upperBound
            } else {
                windows.append(window)
            }
        }
        guard !windows.isEmpty else { return tokens }
        var result: [FoldedToken] = []
        result.reserveCapacity(tokens.count)
        var next = 0
        for window in windows {
            result += tokens[next..<window.lowerBound]
            let lower = tokens[window.lowerBound].range.lowerBound
            let upper = tokens[window.upperBound - 1].range.upperBound
            var piece = String(String.UnicodeScalarView(folded.scalars[lower..<upper].compactMap(Unicode.Scalar.init)))
            piece.makeContiguousUTF8()
            piece.utf8.withContiguousStorageIfAvailable { bytes in
                var position = lower
                var offset = 0
                for span in segmenter.spans(in: bytes) {
                    var count = 0
                    while offset < span.end {
                        offset += decodeScalarAndLength(bytes, at: offset).1
                        count += 1
                    }
                    if span.kind != .whitespace { result.append(FoldedToken(range: position..<(position + count))) }
                    position += count
                }
            }
            next = window.upperBound
        }
        result += tokens[next...]
        return result
    }

    /// Non-overlapping candidates in order: where two overlap, the longer wins (then the first).
    /// O(n log n).
    static func resolve(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.sorted { a, b in
            a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.count > b.range.count
        }
        var taken: [Candidate] = []
        for candidate in ordered {
            if let last = taken.last, last.range.overlaps(candidate.range) {
                if candidate.range.count > last.range.count { taken[taken.count - 1] = candidate }
            } else {
                taken.append(candidate)
            }
        }
        return taken
    }
}
