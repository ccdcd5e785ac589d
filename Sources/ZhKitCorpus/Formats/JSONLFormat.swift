import ZhKit
import ZhKitEntities

extension JSONWriter {
    /// Appends a document of the `jsonl` corpus format and a line break:
    /// `{"id"?, "part"?, "offset"?, "bom"?, "text", "paragraphs", "sentences", "tokens", "entities"}`;
    /// `bom` is true when the input started with a UTF-8 byte order mark, which `text` leaves out.
    ///
    /// Paragraphs and sentences are `{"start", "end", "utf8": [s, e], "utf16": [s, e]}`, tokens
    /// `{"text", "kind", "start", "end", "utf8", "utf16"}` as `tokenObjects` writes them, entities
    /// as `entityFields` does; every offset is relative to `text`. A part
    /// of a longer input carries `part` (0, 1, …) and `offset`, where its text starts in the input
    /// (`{"start", "utf8", "utf16"}`). With `tokens` false the `tokens` field is left out: a
    /// document a fraction of the size, for pipelines that need the entities and sentences only.
    /// O(n).
    package mutating func corpusDocument(_ layout: DocumentLayout, tokens: Bool = true) {
        corpusDocument(layout, tokens: tokens) { (_: inout JSONWriter) in }
    }

    /// `corpusDocument(_:tokens:)`, calling `flush` whenever more than `limit` bytes are buffered
    /// between tokens, so that the caller can take the output in pieces.
    package mutating func corpusDocument<Failure: Error>(
        _ layout: DocumentLayout, tokens: Bool = true, flushAbove limit: Int = .max, flush: (inout JSONWriter) throws(Failure) -> Void
    ) throws(Failure) {
        let document = layout.document
        raw(UInt8(ascii: "{"))
        if document.id != nil {
            documentID(document)
            raw(UInt8(ascii: ","))
        }
        if let part = document.part {
            raw("\"part\":")
            integer(part)
            raw(",\"offset\":{\"start\":")
            integer(document.origin.scalars)
            raw(",\"utf8\":")
            integer(document.origin.utf8)
            raw(",\"utf16\":")
            integer(document.origin.utf16)
            raw("},")
        }
        if document.byteOrderMark { raw("\"bom\":true,") }
        raw("\"text\":")
        document.utf8.withUnsafeBufferPointer { string($0) }
        raw(",\"paragraphs\":[")
        for (index, paragraph) in layout.paragraphs.enumerated() {
            if index > 0 { raw(UInt8(ascii: ",")) }
            let tokens = document.sentences[paragraph.lowerBound].tokens.lowerBound..<document.sentences[paragraph.upperBound - 1].tokens.upperBound
            bounds(layout.positions[tokens.lowerBound], layout.positions[tokens.upperBound])
        }
        raw("],\"sentences\":[")
        for index in document.sentences.indices {
            if index > 0 { raw(UInt8(ascii: ",")) }
            let (start, end) = layout.sentenceBounds(index)
            bounds(start, end)
        }
        raw("]")
        if tokens {
            raw(",\"tokens\":[")
            var position = TextPosition.zero
            var first = true
            try document.utf8.withUnsafeBufferPointer { (bytes) throws(Failure) in
                var next = 0
                while next < document.spans.count {
                    let batch = next..<min(next + 4096, document.spans.count)
                    tokenObjects(document.spans[batch], in: bytes, position: &position, first: &first, ends: layout.positions[(batch.lowerBound + 1)...])
                    next = batch.upperBound
                    if self.bytes.count > limit { try flush(&self) }
                }
            }
            raw("]")
        }
        entityFields(document.entities)
        raw("}\n")
    }

    /// `{"start", "end", "utf8": [s, e], "utf16": [s, e]}`.
    mutating func bounds(_ start: TextPosition, _ end: TextPosition) {
        raw("{\"start\":")
        integer(start.scalars)
        raw(",\"end\":")
        integer(end.scalars)
        raw(UInt8(ascii: ","))
        unitRanges(utf8: start.utf8..<end.utf8, utf16: start.utf16..<end.utf16)
    }

    /// `,"entities":[...]`: each `{"start", "end", "label", "text", "value", "utf8": [s, e],
    /// "utf16": [s, e]}`, offsets in Unicode scalars (a Python `str` index), end exclusive.
    mutating func entityFields(_ entities: [Entity]) {
        raw(",\"entities\":[")
        for (index, entity) in entities.enumerated() {
            if index > 0 { raw(UInt8(ascii: ",")) }
            entityOpening(entity)
            raw(",\"text\":")
            string(entity.text)
            raw(",\"value\":")
            if let value = entity.value { string(value.description) } else { raw("null") }
            raw(UInt8(ascii: ","))
            unitRanges(utf8: entity.utf8, utf16: entity.utf16)
        }
        raw(UInt8(ascii: "]"))
    }

    /// `"id":` and the document's id: a string, or a number where the input's was one.
    mutating func documentID(_ document: AnnotatedDocument) {
        guard let id = document.id else { return }
        raw("\"id\":")
        if document.idIsNumber { bytes.append(contentsOf: id.utf8) } else { string(id) }
    }

    /// `{"start":s,"end":e,"label":"L"`: how every entity object of the formats begins, its
    /// offsets in Unicode scalars.
    mutating func entityOpening(_ entity: Entity) {
        raw("{\"start\":")
        integer(entity.scalars.lowerBound)
        raw(",\"end\":")
        integer(entity.scalars.upperBound)
        raw(",\"label\":\"")
        bytes.append(contentsOf: entity.label.rawValue.utf8)
        raw(UInt8(ascii: "\""))
    }
}
