import ZhKit

extension JSONWriter {
    /// Appends one segmented text as a JSON object and a line break: `{"text": …, "tokens":
    /// [{"text", "start", "end", "kind", "utf8": [s, e], "utf16": [s, e]}]}`, where `start` and
    /// `end` are Unicode scalar offsets (a Python `str` index), end exclusive, counted from the
    /// text's start. `spans` cover valid UTF-8 `text` from its first byte. Calls `flush` whenever
    /// more than `limit` bytes are buffered, so that a long document needs no buffer of its whole
    /// output. O(n).
    package mutating func segmentedText(
        _ text: UnsafeBufferPointer<UInt8>, spans: some Collection<TokenSpan>,
        flushAbove limit: Int = .max, flush: (inout JSONWriter) throws -> Void
    ) rethrows {
        raw("{\"text\":")
        string(text)
        raw(",\"tokens\":[")
        var position = TextPosition.zero
        var first = true
        var rest = spans[...]
        while !rest.isEmpty {
            let batch = rest.prefix(4096)
            tokenObjects(batch, in: text, position: &position, first: &first)
            rest = rest[batch.endIndex...]
            if bytes.count > limit { try flush(&self) }
        }
        raw("]}\n")
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
        raw("\",")
        unitRanges(utf8: utf8, utf16: utf16)
    }

    /// `"utf8":[s,e],"utf16":[s,e]}`: the fields every token, sentence, paragraph and entity
    /// object ends with.
    @inlinable
    package mutating func unitRanges(utf8: Range<Int>, utf16: Range<Int>) {
        raw("\"utf8\":[")
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
