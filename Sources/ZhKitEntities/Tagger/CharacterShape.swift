import ZhKit

/// What a character is to the name tagger and the rules around it: Han, a digit, a Latin
/// letter, a middle dot, a bracket or quote, punctuation, whitespace.
///
/// The raw values go into the tagger's features (`NameFeatures`): changing one changes every
/// model's features, so bump `NameFeatures.version` with it.
enum CharacterShape: UInt8 {
    case han = 1, digit = 2, upper = 4, lower = 5, middleDot = 6, opening = 7, closing = 8, punctuation = 9, space = 10, other = 11

    /// The shape of `scalar`, full-width ASCII read as ASCII.
    @inline(__always)
    init(_ scalar: UInt32) {
        let value = NameFeatures.normalized(scalar)
        if CharacterClass.isHan(value) {
            self = .han
            return
        }
        if CharacterClass.isWhitespace(value) {
            self = .space
            return
        }
        switch value {
        case 0x30: self = .digit
        case 0x61...0x7A: self = (0x41...0x5A).contains(scalar) || (0xFF21...0xFF3A).contains(scalar) ? .upper : .lower
        case 0xB7, 0x30FB, 0x2022, 0x2027, 0xFF65: self = .middleDot
        case 0x28, 0x5B, 0x300A, 0x300C, 0x300E, 0x201C, 0x2018, 0x3010: self = .opening
        case 0x29, 0x5D, 0x300B, 0x300D, 0x300F, 0x201D, 0x2019, 0x3011: self = .closing
        case 0x3001, 0x3002, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: self = .punctuation  // 、。,;:!? (full-width ones normalised)
        default: self = .other
        }
    }

    /// A Latin letter of either case.
    var isLetter: Bool { self == .upper || self == .lower }
    /// A digit or a Latin letter: what a Latin name or a code is made of.
    var isAlphanumeric: Bool { self == .digit || isLetter }
    /// Never part of a name: sentence and clause punctuation, whitespace. Brackets, quotes and
    /// title marks may be (rule 6: `“为地球而玩”联盟`), and so may `·`, `-` and `&`.
    var isOutsideNames: Bool { self == .punctuation || self == .space }
}
