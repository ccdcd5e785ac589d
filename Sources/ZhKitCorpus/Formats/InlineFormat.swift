import ZhKit
import ZhKitEntities

extension JSONWriter {
    /// Appends a document for a person to read: its text as it is, each entity marked in place as
    /// `[text](LABEL value)` (`[2020年12月](DATE 2020-12)`, `[联合国环境署](ORG)`), and a line
    /// break at the end if the text has none. With `colour`, the entity's text is bold in its
    /// label's colour and the bracket after it dim (ANSI escapes, for a terminal). O(n).
    package mutating func inline(_ document: AnnotatedDocument, colour: Bool) {
        var written = 0
        for entity in document.entities {
            bytes.append(contentsOf: document.utf8[written..<entity.utf8.lowerBound])
            if colour { raw(Self.colours[entity.label] ?? "\u{1B}[1m") }
            raw(UInt8(ascii: "["))
            bytes.append(contentsOf: document.utf8[entity.utf8])
            raw(UInt8(ascii: "]"))
            if colour { raw("\u{1B}[0;2m") }
            raw(UInt8(ascii: "("))
            bytes.append(contentsOf: entity.label.rawValue.utf8)
            if let value = entity.value {
                raw(UInt8(ascii: " "))
                bytes.append(contentsOf: value.description.utf8)
            }
            raw(UInt8(ascii: ")"))
            if colour { raw("\u{1B}[0m") }
            written = entity.utf8.upperBound
        }
        bytes.append(contentsOf: document.utf8[written...])
        if document.utf8.last != 0x0A { raw(UInt8(ascii: "\n")) }
    }

    /// Bold and a colour per kind of entity: names in blue, magenta and green, times in yellow,
    /// numbers in cyan.
    static let colours: [EntityLabel: StaticString] = [
        .org: "\u{1B}[1;34m", .person: "\u{1B}[1;35m", .gpe: "\u{1B}[1;32m", .loc: "\u{1B}[1;32m",
        .date: "\u{1B}[1;33m", .time: "\u{1B}[1;33m",
        .percent: "\u{1B}[1;36m", .money: "\u{1B}[1;36m", .quantity: "\u{1B}[1;36m", .ordinal: "\u{1B}[1;36m", .cardinal: "\u{1B}[1;36m",
    ]
}
