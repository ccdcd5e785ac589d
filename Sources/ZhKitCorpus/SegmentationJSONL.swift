import ZhKit

extension JSONWriter {
    /// Appends one segmented text as a JSON object and a line break.
    ///
    /// `{"text": …, "tokens": [{"text", "start", "end", "kind", "utf8": [s, e], "utf16": [s, e]}]}`,
    /// where `start` and `end` are Unicode scalar offsets (a Python `str` index), end exclusive.
    /// Offsets are written relative to `origin`, the offsets of the text's first byte in the
    /// tokens' source (zero for a whole document, the line start for a line). O(n).
    public mutating func segmentedText(_ text: Substring, tokens: some Collection<Token>, origin: TextPosition = .zero) {
        raw(UInt8(ascii: "{"))
        segmentedTextFields(text, tokens: tokens, origin: origin)
        raw("}\n")
    }

    /// Appends the `"text"` and `"tokens"` fields of `segmentedText`, without braces, so that
    /// other documents can embed them.
    public mutating func segmentedTextFields(_ text: Substring, tokens: some Collection<Token>, origin: TextPosition = .zero) {
        raw("\"text\":")
        string(text)
        raw(",\"tokens\":[")
        var first = true
        for token in tokens {
            if !first { raw(UInt8(ascii: ",")) }
            first = false
            raw("{\"text\":")
            string(token.text)
            raw(",\"start\":")
            integer(token.scalars.lowerBound - origin.scalars)
            raw(",\"end\":")
            integer(token.scalars.upperBound - origin.scalars)
            raw(",\"kind\":\"")
            kindName(token.kind)
            raw("\",\"utf8\":[")
            integer(token.utf8.lowerBound - origin.utf8)
            raw(UInt8(ascii: ","))
            integer(token.utf8.upperBound - origin.utf8)
            raw("],\"utf16\":[")
            integer(token.utf16.lowerBound - origin.utf16)
            raw(UInt8(ascii: ","))
            integer(token.utf16.upperBound - origin.utf16)
            raw("]}")
        }
        raw(UInt8(ascii: "]"))
    }

    /// Appends the name of `kind`, without quotes.
    @inlinable
    public mutating func kindName(_ kind: TokenKind) {
        switch kind {
        case .ideographic: raw("ideographic")
        case .letter: raw("letter")
        case .number: raw("number")
        case .punctuation: raw("punctuation")
        case .symbol: raw("symbol")
        case .whitespace: raw("whitespace")
        case .other: raw("other")
        }
    }
}
