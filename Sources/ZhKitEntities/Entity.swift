/// What an entity is, with OntoNotes 5's names (those spaCy, Stanza and HanLP emit).
public enum EntityLabel: String, Sendable, Hashable, CaseIterable, Codable {
    case org = "ORG"
    case person = "PERSON"
    case gpe = "GPE"
    case loc = "LOC"
    case date = "DATE"
    case time = "TIME"
    case percent = "PERCENT"
    case money = "MONEY"
    case quantity = "QUANTITY"
    case ordinal = "ORDINAL"
    case cardinal = "CARDINAL"

    /// The coarse group it is scored in: ORG, PER (PERSON), LOC (GPE and LOC), DATE (DATE and
    /// TIME) or NUMBER (the rest).
    public var group: EntityGroup {
        switch self {
        case .org: .org
        case .person: .per
        case .gpe, .loc: .loc
        case .date, .time: .date
        case .percent, .money, .quantity, .ordinal, .cardinal: .number
        }
    }
}

/// The five groups entities are scored in.
public enum EntityGroup: String, Sendable, Hashable, CaseIterable {
    case org = "ORG"
    case per = "PER"
    case loc = "LOC"
    case date = "DATE"
    case number = "NUMBER"

    /// The group of a label as gold files write it: OntoNotes names, `PER` for a person (UNER,
    /// CoNLL), and `NUMBER` for any number.
    public init?(goldLabel: String) {
        if let label = EntityLabel(rawValue: goldLabel) {
            self = label.group
        } else if goldLabel == "NUMBER" {
            self = .number
        } else if goldLabel == "PER" {
            self = .per
        } else {
            return nil
        }
    }
}

/// A span of text with a label and, where the text gives one, a normalised value.
///
/// `scalars` counts Unicode scalars (a Python `str` index), end exclusive; `utf8` and `utf16` are
/// the same range in bytes and UTF-16 code units. All three point into the raw input, so a span
/// may contain the line breaks and stray spaces of a PDF extraction (`2020\n年`).
public struct Entity: Sendable, Hashable {
    public var label: EntityLabel
    public var scalars: Range<Int>
    public var utf8: Range<Int>
    public var utf16: Range<Int>
    /// The span's text, exactly as in the input.
    public var text: String
    /// The normalised value (a number, an amount and its unit, a date, a time, a period, a
    /// range), or `nil`; `value?.description` is ANNOTATION.md's string.
    public var value: EntityValue?

    public init(label: EntityLabel, scalars: Range<Int>, utf8: Range<Int>, utf16: Range<Int>, text: String, value: EntityValue?) {
        self.label = label
        self.scalars = scalars
        self.utf8 = utf8
        self.utf16 = utf16
        self.text = text
        self.value = value
    }
}
