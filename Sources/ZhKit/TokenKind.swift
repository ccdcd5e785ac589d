/// What a token is made of, from the script and category of its characters.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable {
    /// Han characters (CJK ideographs, including 〇).
    case ideographic
    /// Letters of alphabetic and syllabic scripts: Latin, Cyrillic, kana, Hangul, …
    case letter
    /// Numbers written with digits (ASCII, full-width or other decimal digits).
    case number
    /// Punctuation: `，。、「」()…`.
    case punctuation
    /// Symbols: currency, math, emoji, `○`, `％` …
    case symbol
    /// Spaces and line breaks, including U+3000 and CR LF.
    case whitespace
    /// Anything else: control and format characters (NUL, BOM, ZWJ on its own), unassigned code points.
    case other

    /// The kind's name as written in JSON output: `ideographic`, `letter`, …
    public var name: String { jsonName.description }

    /// The name as the writers put it, with no `String` made: the one table of the names.
    @usableFromInline
    package var jsonName: StaticString {
        switch self {
        case .ideographic: "ideographic"
        case .letter: "letter"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        case .whitespace: "whitespace"
        case .other: "other"
        }
    }

    /// The kind with `name`, or `nil`.
    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }

    /// The kind of a token that starts with `scalar`, by its Unicode properties.
    ///
    /// Used where ICU's rule status does not tell (it gives the same status, 0, to spaces,
    /// punctuation and symbols). O(1).
    @inlinable
    public init(firstScalar scalar: Unicode.Scalar) {
        let properties = scalar.properties
        if properties.isWhitespace {
            self = .whitespace
            return
        }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            self = .punctuation
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            self = .symbol
        case .decimalNumber, .letterNumber, .otherNumber:
            self = properties.isIdeographic ? .ideographic : .number
        case .otherLetter:
            self = properties.isIdeographic ? .ideographic : .letter
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter:
            self = .letter
        default:
            self = .other
        }
    }
}

extension TokenKind {
    /// Kinds of the characters Chinese text is full of, looked up rather than derived: ASCII,
    /// general punctuation (U+2000–U+206F), CJK symbols and punctuation (U+3000–U+303F) and the
    /// full-width forms (U+FF00–U+FFEF). Unicode property look-ups cost more than segmenting.
    static let commonKinds: [TokenKind] = {
        let ranges: [ClosedRange<UInt32>] = [0x0000...0x007F, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF]
        var table = [TokenKind](repeating: .other, count: 0x10000)
        for range in ranges {
            for value in range { table[Int(value)] = TokenKind(firstScalar: Unicode.Scalar(value)!) }
        }
        return table
    }()

    /// The kind of a token made of the one scalar `value`. O(1) for common characters.
    @inline(__always)
    static func ofSingleScalar(_ value: UInt32) -> TokenKind {
        switch value {
        case 0x0000...0x007F, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF:
            return commonKinds[Int(value)]
        default:
            return TokenKind(firstScalar: Unicode.Scalar(value) ?? "\u{FFFD}")
        }
    }
}

extension TokenKind: CustomStringConvertible {
    public var description: String { name }
}
