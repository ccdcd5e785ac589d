import ZhKit

extension JSONWriter {
    /// Appends one segmented text as a JSON object and a line break.
    ///
    /// `{"text": …, "tokens": [{"text", "start", "end", "kind", "utf8": [s, e], "utf16": [s, e]}]}`,
    /// where `start` and `end` are Unicode scalar offsets (a Python `str` index), end exclusive.
    /// Offsets are written relative to `origin`, the offsets of the text's first byte in the
    /// tokens' source (zero for a whole document, the line start for a line). O(n).
    package mutating func segmentedText(_ text: Substring, tokens: some Collection<Token>, origin: TextPosition = .zero) {
        raw(UInt8(ascii: "{"))
        segmentedTextFields(text, tokens: tokens, origin: origin)
        raw("}\n")
    }

    /// Appends the `"text"` and `"tokens"` fields of `segmentedText`, without braces, so that
    /// other documents can embed them.
    package mutating func segmentedTextFields(_ text: Substring, tokens: some Collection<Token>, origin: TextPosition = .zero) {
        raw("\"text\":")
        string(text)
        raw(",\"tokens\":[")
        var first = true
        for token in tokens {
            if !first { raw(UInt8(ascii: ",")) }
            first = false
            raw("{\"text\":")
            string(token.text)
            tokenFields(
                kind: token.kind,
                scalars: (token.scalars.lowerBound - origin.scalars)..<(token.scalars.upperBound - origin.scalars),
                utf8: (token.utf8.lowerBound - origin.utf8)..<(token.utf8.upperBound - origin.utf8),
                utf16: (token.utf16.lowerBound - origin.utf16)..<(token.utf16.upperBound - origin.utf16))
        }
        raw(UInt8(ascii: "]"))
    }

    /// Appends the rest of a token object after its `"text"`: `"start"` and `"end"` (Unicode
    /// scalars), `"kind"`, `"utf8"` and `"utf16"`, and the closing brace. Every writer of tokens
    /// goes through here, so that the format has one definition.
    @inlinable
    package mutating func tokenFields(kind: TokenKind, scalars: Range<Int>, utf8: Range<Int>, utf16: Range<Int>) {
        raw(",\"start\":")
        integer(scalars.lowerBound)
        raw(",\"end\":")
        integer(scalars.upperBound)
        raw(",\"kind\":\"")
        kindName(kind)
        raw("\",\"utf8\":[")
        integer(utf8.lowerBound)
        raw(UInt8(ascii: ","))
        integer(utf8.upperBound)
        raw("],\"utf16\":[")
        integer(utf16.lowerBound)
        raw(UInt8(ascii: ","))
        integer(utf16.upperBound)
        raw("]}")
    }

    /// Appends the name of `kind`, without quotes.
    @inlinable
    package mutating func kindName(_ kind: TokenKind) {
        raw(kind.jsonName)
    }
}
