import ZhKit

/// Finds the entities of `ANNOTATION.md` in raw text: organisations, numbers, dates and times.
///
/// An extractor is an immutable value over a segmenter: build it once, share it between threads.
/// Spans point into the raw text in Unicode scalars, UTF-8 bytes and UTF-16 units, even across
/// the line wraps and stray spaces of PDF extraction.
public struct EntityExtractor: Sendable {
    public let segmenter: Segmenter
    public let names: NameLists

    public init(segmenter: Segmenter, names: NameLists = .bundled) {
        self.segmenter = segmenter
        self.names = names
    }

    /// The tokens and entities of `text`. O(n).
    public func annotate(_ text: String) -> (tokens: [Token], entities: [Entity]) {
        let tokens = segmenter.tokens(in: text)
        return (tokens, entities(in: text, tokens: tokens))
    }

    /// The entities of `text`, in order, not overlapping. O(n).
    public func entities(in text: String) -> [Entity] {
        entities(in: text, tokens: segmenter.tokens(in: text))
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

    /// The entities of `text`, given its tokens.
    public func entities(in text: String, tokens: [Token]) -> [Entity] {
        let raw = text.unicodeScalars.map(\.value)
        let folded = FoldedText(raw)
        // Where folding changed the text, it is segmented again: a word broken by a line wrap is
        // whole there. Otherwise the given tokens serve.
        let foldedTokens: [FoldedToken]
        if folded.scalars.count == raw.count {
            foldedTokens = tokens.lazy.filter { $0.kind != .whitespace }.map { FoldedToken(range: $0.scalars, text: String($0.text)) }
        } else {
            let foldedString = String(String.UnicodeScalarView(folded.scalars.compactMap(Unicode.Scalar.init)))
            foldedTokens = segmenter.tokens(in: foldedString).lazy.filter { $0.kind != .whitespace }
                .map { FoldedToken(range: $0.scalars, text: String($0.text)) }
        }
        var starts = [Bool](repeating: false, count: folded.scalars.count + 1)
        for token in foldedTokens { starts[token.range.lowerBound] = true }
        // Inside a title (《今晚报》, 《2030年议程》) only a year and an ordinal are tagged (rule 5).
        let insideTitle = OrganizationRecognizer.bookTitleMask(folded.scalars)
        let numbers = NumberDateRecognizer(tokenStarts: starts).candidates(in: folded.scalars).filter { candidate in
            !insideTitle[candidate.range.lowerBound] || candidate.label == .ordinal
                || (candidate.label == .date && candidate.value?.first.map(\.isNumber) == true)
        }
        let organizations = OrganizationRecognizer(names: names).candidates(in: folded.scalars, tokens: foldedTokens)
        let candidates = Self.resolve(numbers + organizations)
        guard !candidates.isEmpty else { return [] }

        // Offsets in the other two units, by scalar index.
        var utf8 = [Int](repeating: 0, count: raw.count + 1)
        var utf16 = [Int](repeating: 0, count: raw.count + 1)
        for (index, scalar) in raw.enumerated() {
            utf8[index + 1] = utf8[index] + (scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4)
            utf16[index + 1] = utf16[index] + (scalar < 0x10000 ? 1 : 2)
        }
        return candidates.map { candidate in
            let range = folded.rawRange(candidate.range)
            let piece = String(String.UnicodeScalarView(raw[range].compactMap(Unicode.Scalar.init)))
            return Entity(label: candidate.label, scalars: range, utf8: utf8[range.lowerBound]..<utf8[range.upperBound],
                utf16: utf16[range.lowerBound]..<utf16[range.upperBound], text: piece, value: candidate.value)
        }
    }
}
