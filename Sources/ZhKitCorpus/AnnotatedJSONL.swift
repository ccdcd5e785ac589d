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
            if let value = entity.value { string(value) } else { raw("null") }
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
        raw("]}\n")
    }

    /// Appends ASCII bytes as they are.
    mutating func raw(_ ascii: [UInt8]) {
        bytes.append(contentsOf: ascii)
    }
}

extension String {
    var utf8Bytes: [UInt8] { Array(utf8) }
}
