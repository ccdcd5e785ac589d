import ZhKit
import ZhKitEntities

extension JSONWriter {
    /// Appends a document in the CoNLL-2003 style: a line per token that is not whitespace,
    /// `form<TAB>tag`, and a blank line after each sentence. With `characters`, a line per
    /// character that is not whitespace instead, tagged by where it stands in its entity (the
    /// usual input of Chinese character-based taggers). O(n).
    package mutating func bio(_ layout: DocumentLayout, scheme: TagScheme, characters: Bool) {
        let document = layout.document
        // Character tags: the entity and the place of each non-space character in it.
        var entity = 0
        for sentence in document.sentences {
            var wrote = false
            for token in sentence.tokens where document.spans[token].kind != .whitespace {
                guard characters else {
                    bytes.append(contentsOf: layout.form(token).utf8)
                    raw(UInt8(ascii: "\t"))
                    bytes.append(contentsOf: layout.tag(token, scheme: scheme).utf8)
                    raw(UInt8(ascii: "\n"))
                    wrote = true
                    continue
                }
                var scalarIndex = layout.positions[token].scalars
                for scalar in String(decoding: layout.bytes(token), as: UTF8.self).unicodeScalars {
                    defer { scalarIndex += 1 }
                    guard !DocumentLayout.isSpace(scalar.value) else { continue }
                    while entity < document.entities.count, document.entities[entity].scalars.upperBound <= scalarIndex { entity += 1 }
                    var tag = "O"
                    if entity < document.entities.count, document.entities[entity].scalars.contains(scalarIndex) {
                        tag = Self.characterTag(document.entities[entity], at: scalarIndex, in: document, scheme: scheme)
                    }
                    bytes.append(contentsOf: String(scalar).utf8)
                    raw(UInt8(ascii: "\t"))
                    bytes.append(contentsOf: tag.utf8)
                    raw(UInt8(ascii: "\n"))
                    wrote = true
                }
            }
            if wrote { raw(UInt8(ascii: "\n")) }
        }
    }

    /// The tag of the character at `index` inside `entity`: whitespace inside the entity does not
    /// count as a character.
    static func characterTag(_ entity: Entity, at index: Int, in document: AnnotatedDocument, scheme: TagScheme) -> String {
        let scalars = Array(entity.text.unicodeScalars)
        let offset = index - entity.scalars.lowerBound
        let isFirst = !scalars[..<offset].contains { !DocumentLayout.isSpace($0.value) }
        let isLast = !scalars[(offset + 1)...].contains { !DocumentLayout.isSpace($0.value) }
        let label = entity.label.rawValue
        switch scheme {
        case .bio: return (isFirst ? "B-" : "I-") + label
        case .bioes:
            if isFirst && isLast { return "S-" + label }
            return (isFirst ? "B-" : isLast ? "E-" : "I-") + label
        }
    }
}
