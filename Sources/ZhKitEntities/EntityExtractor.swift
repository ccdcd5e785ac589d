import ZhKit

/// Finds the entities of `ANNOTATION.md` in raw text: numbers, dates and times (organisations
/// follow).
///
/// An extractor is an immutable value over a segmenter: build it once, share it between threads.
/// Spans point into the raw text in Unicode scalars, UTF-8 bytes and UTF-16 units, even across
/// the line wraps and stray spaces of PDF extraction.
public struct EntityExtractor: Sendable {
    public let segmenter: Segmenter

    public init(segmenter: Segmenter) {
        self.segmenter = segmenter
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

    /// The entities of `text`, given its tokens.
    public func entities(in text: String, tokens: [Token]) -> [Entity] {
        let raw = text.unicodeScalars.map(\.value)
        let folded = FoldedText(raw)
        // Token starts, in folded positions.
        var foldedIndex = [Int](repeating: -1, count: raw.count + 1)
        for (position, rawPosition) in folded.rawIndex.enumerated() { foldedIndex[rawPosition] = position }
        var starts = Set<Int>()
        for token in tokens where token.kind != .whitespace {
            let position = foldedIndex[token.scalars.lowerBound]
            if position >= 0 { starts.insert(position) }
        }
        let recognizer = NumberDateRecognizer(tokenStarts: starts)
        let candidates = recognizer.candidates(in: folded.scalars)
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
