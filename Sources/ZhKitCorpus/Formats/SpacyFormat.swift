import ZhKit

extension JSONWriter {
    /// Appends a document for spaCy (and Prodigy): `{"id"?, "text", "tokens": [{"text", "start",
    /// "end", "id", "ws"}], "spans": [{"start", "end", "label", "token_start", "token_end"}],
    /// "entities": [[start, end, label]]}`, offsets in Unicode scalars (Python `str` indices).
    ///
    /// The tokens follow spaCy's convention: one space after a token is its `ws`; other
    /// whitespace is a token of its own. So `Doc(nlp.vocab, words, spaces)` rebuilds `text`
    /// exactly, and `doc.char_span(start, end)` finds every span. O(n).
    package mutating func spacy(_ layout: DocumentLayout) {
        let document = layout.document
        // spaCy's tokens: (span index range, ws).
        var tokens: [(first: Int, last: Int, ws: Bool)] = []
        var tokenOf = [Int](repeating: 0, count: document.spans.count)
        for (index, span) in document.spans.enumerated() {
            let isOneSpace = span.kind == .whitespace && layout.bytes(index).elementsEqual([0x20])
            if isOneSpace, let last = tokens.last, !last.ws, document.spans[last.last].kind != .whitespace {
                tokens[tokens.count - 1].ws = true
                tokenOf[index] = tokens.count - 1
                continue
            }
            tokens.append((index, index, false))
            tokenOf[index] = tokens.count - 1
        }
        raw(UInt8(ascii: "{"))
        if document.id != nil {
            documentID(document)
            raw(UInt8(ascii: ","))
        }
        raw("\"text\":")
        document.utf8.withUnsafeBufferPointer { string($0) }
        raw(",\"tokens\":[")
        for (number, token) in tokens.enumerated() {
            if number > 0 { raw(UInt8(ascii: ",")) }
            raw("{\"text\":")
            layout.bytes(token.first).withUnsafeBufferPointer { string($0) }
            raw(",\"start\":")
            integer(layout.positions[token.first].scalars)
            raw(",\"end\":")
            integer(layout.positions[token.first + 1].scalars)
            raw(",\"id\":")
            integer(number)
            raw(",\"ws\":")
            raw(token.ws ? "true" : "false")
            raw(UInt8(ascii: "}"))
        }
        raw("],\"spans\":[")
        var first = 0
        for (index, entity) in document.entities.enumerated() {
            if index > 0 { raw(UInt8(ascii: ",")) }
            while first < document.spans.count, layout.positions[first].utf8 < entity.utf8.lowerBound { first += 1 }
            var last = first
            while last + 1 < document.spans.count, layout.positions[last + 1].utf8 < entity.utf8.upperBound { last += 1 }
            entityOpening(entity)
            raw(",\"token_start\":")
            integer(tokenOf[min(first, document.spans.count - 1)])
            raw(",\"token_end\":")
            integer(tokenOf[last])
            raw(UInt8(ascii: "}"))
        }
        raw("],\"entities\":[")
        for (index, entity) in document.entities.enumerated() {
            if index > 0 { raw(UInt8(ascii: ",")) }
            raw(UInt8(ascii: "["))
            integer(entity.scalars.lowerBound)
            raw(UInt8(ascii: ","))
            integer(entity.scalars.upperBound)
            raw(",\"")
            bytes.append(contentsOf: entity.label.rawValue.utf8)
            raw("\"]")
        }
        raw("]}\n")
    }

    /// Appends a document for Hugging Face token classification: a line per sentence,
    /// `{"id", "tokens", "ner_tags"}`, the tags as ids into `scheme.labels` (the `ClassLabel`
    /// names). The id is the document's name and the sentence's start in the input (scalars). O(n).
    package mutating func huggingFace(_ layout: DocumentLayout, scheme: TagScheme) {
        let document = layout.document
        let labels = scheme.labels
        let ids = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        for sentence in document.sentences {
            let words = sentence.tokens.filter { document.spans[$0].kind != .whitespace }
            guard !words.isEmpty else { continue }
            raw("{\"id\":")
            string("\(document.id ?? "doc")-\(document.origin.scalars + layout.positions[sentence.tokens.lowerBound].scalars)")
            raw(",\"tokens\":[")
            for (index, word) in words.enumerated() {
                if index > 0 { raw(UInt8(ascii: ",")) }
                string(layout.form(word))
            }
            raw("],\"ner_tags\":[")
            for (index, word) in words.enumerated() {
                if index > 0 { raw(UInt8(ascii: ",")) }
                integer(ids[layout.tag(word, scheme: scheme)] ?? 0)
            }
            raw("]}\n")
        }
    }
}
