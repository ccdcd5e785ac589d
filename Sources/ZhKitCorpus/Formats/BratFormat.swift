import ZhKit
import ZhKitEntities

/// An entity of a BRAT `.ann` file before it is numbered: its label, its fragments (Unicode
/// scalar offsets into the whole input, end exclusive), its text and its value.
package struct BratEntity: Sendable, Hashable {
    package var label: EntityLabel
    package var fragments: [Range<Int>]
    /// The fragments' texts joined by one space, as BRAT writes a discontinuous span.
    package var text: String
    package var value: String?

    /// The entities of `document`, offsets moved to its input. An entity that runs across a line
    /// break (a PDF wrap) is cut into fragments around the whitespace, since an `.ann` line can
    /// hold no line break; every fragment slices the `.txt` to its text. O(n).
    package static func entities(of document: AnnotatedDocument) -> [BratEntity] {
        document.entities.map { entity in
            var fragments: [Range<Int>] = []
            var texts: [String] = []
            let scalars = Array(entity.text.unicodeScalars)
            var index = 0
            while index < scalars.count {
                // Skip a whitespace run with a line break; keep other runs inside the fragment.
                var end = index
                while end < scalars.count, !breaksLine(scalars, from: end) { end += 1 }
                if end > index {
                    let base = document.origin.scalars + entity.scalars.lowerBound
                    fragments.append((base + index)..<(base + end))
                    texts.append(String(String.UnicodeScalarView(scalars[index..<end])))
                }
                index = end
                while index < scalars.count, DocumentLayout.isSpace(scalars[index].value) { index += 1 }
            }
            return BratEntity(label: entity.label, fragments: fragments, text: texts.joined(separator: " "), value: entity.value?.description)
        }
    }

    /// Whether the whitespace run starting at `index` holds a line break.
    static func breaksLine(_ scalars: [Unicode.Scalar], from index: Int) -> Bool {
        var position = index
        while position < scalars.count, DocumentLayout.isSpace(scalars[position].value) {
            if scalars[position] == "\n" || scalars[position] == "\r" { return true }
            position += 1
        }
        return false
    }
}

extension JSONWriter {
    /// Appends numbered `.ann` lines: `T<n><TAB>LABEL start end[;start end…]<TAB>text`, and
    /// `#<n><TAB>AnnotatorNotes T<n><TAB>value` where the entity has a value. `next` is the
    /// number of the first; it is moved past the last. O(n).
    package mutating func brat(_ entities: [BratEntity], next: inout Int) {
        for entity in entities {
            let number = next
            next += 1
            raw(UInt8(ascii: "T"))
            integer(number)
            raw(UInt8(ascii: "\t"))
            bytes.append(contentsOf: entity.label.rawValue.utf8)
            for (index, fragment) in entity.fragments.enumerated() {
                raw(UInt8(ascii: index == 0 ? " " : ";"))
                integer(fragment.lowerBound)
                raw(UInt8(ascii: " "))
                integer(fragment.upperBound)
            }
            raw(UInt8(ascii: "\t"))
            bytes.append(contentsOf: entity.text.utf8)
            raw(UInt8(ascii: "\n"))
            if let value = entity.value {
                raw(UInt8(ascii: "#"))
                integer(number)
                raw("\tAnnotatorNotes T")
                integer(number)
                raw(UInt8(ascii: "\t"))
                bytes.append(contentsOf: value.utf8)
                raw(UInt8(ascii: "\n"))
            }
        }
    }
}
