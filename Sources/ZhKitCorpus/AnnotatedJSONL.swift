import ZhKit
import ZhKitEntities

extension JSONWriter {
    /// Appends one annotated document as a JSON object and a line break:
    /// `{"id"?, "text", "tokens": [...], "entities": [{"start", "end", "label", "text", "value",
    /// "utf8": [s, e], "utf16": [s, e]}]}`. Offsets are Unicode scalars (a Python `str` index),
    /// end exclusive, as for tokens. O(n).
    public mutating func annotatedDocument(id: String?, text: String, tokens: [Token], entities: [Entity]) {
        raw(UInt8(ascii: "{"))
        if let id {
            raw("\"id\":")
            string(id)
            raw(UInt8(ascii: ","))
        }
        segmentedTextFields(text[...], tokens: tokens)
        entityFields(entities)
        raw("}\n")
    }

    /// Appends one annotated document, as `annotatedDocument(id:text:tokens:entities:)` does, from
    /// valid UTF-8 `text` and its segmenter spans: no `Token` or `String` per token. Calls `flush`
    /// whenever more than `limit` bytes are buffered, so that a long document needs no buffer
    /// of its whole output. O(n).
    public mutating func annotatedDocument(
        id: String?, utf8 text: UnsafeBufferPointer<UInt8>, spans: [TokenSpan], entities: [Entity],
        flushAbove limit: Int = 1 << 20, flush: (inout JSONWriter) throws -> Void
    ) rethrows {
        raw(UInt8(ascii: "{"))
        if let id {
            raw("\"id\":")
            string(id)
            raw(UInt8(ascii: ","))
        }
        raw("\"text\":")
        string(text)
        raw(",\"tokens\":[")
        var position = TextPosition.zero
        var first = true
        var next = 0
        while next < spans.count {
            let batch = spans[next..<min(next + 4096, spans.count)]
            tokenObjects(batch, in: text, position: &position, first: &first)
            next = batch.endIndex
            if bytes.count > limit { try flush(&self) }
        }
        raw("]")
        entityFields(entities)
        raw("}\n")
    }

    /// `,"entities":[...]`.
    mutating func entityFields(_ entities: [Entity]) {
        raw(",\"entities\":[")
        for (index, entity) in entities.enumerated() {
            if index > 0 { raw(UInt8(ascii: ",")) }
            raw("{\"start\":")
            integer(entity.scalars.lowerBound)
            raw(",\"end\":")
            integer(entity.scalars.upperBound)
            raw(",\"label\":\"")
            raw(entity.label.rawValue.utf8Bytes)
            raw("\",\"text\":")
            string(entity.text)
            raw(",\"value\":")
            if let value = entity.value { string(value.description) } else { raw("null") }
            raw(",\"utf8\":[")
            integer(entity.utf8.lowerBound)
            raw(UInt8(ascii: ","))
            integer(entity.utf8.upperBound)
            raw("],\"utf16\":[")
            integer(entity.utf16.lowerBound)
            raw(UInt8(ascii: ","))
            integer(entity.utf16.upperBound)
            raw("]}")
        }
        raw(UInt8(ascii: "]"))
    }

    /// Appends ASCII bytes as they are.
    mutating func raw(_ ascii: [UInt8]) {
        bytes.append(contentsOf: ascii)
    }
}

extension String {
    var utf8Bytes: [UInt8] { Array(utf8) }
}
