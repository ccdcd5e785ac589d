import ZhKit

/// A text's characters with the noise of PDF extraction folded away, each still knowing where
/// it stands in the raw text.
///
/// PDF extraction breaks lines inside words and numbers and scatters spaces (`联\n合国`,
/// `2\n1个国家`, `2 0 2 0年`). Recognisers read the folded characters, where a line break or
/// spaces between two CJK characters or digits are gone; every span they find maps back to the
/// raw text, so offsets still point into the input and the span's text keeps the break.
///
/// Traditional characters fold to their Simplified forms (萬 → 万, 兩 → 两, 聯合國 → 联合国), one
/// character for one, so that the name lists, the grammars and the tagger, all Simplified, read
/// Traditional text; the characters both scripts write (於, 乾) fold only in Traditional text.
struct FoldedText {
    /// The folded characters.
    var scalars: [UInt32] = []
    /// For each folded character, its index in the raw text's scalars; one more entry at the end
    /// for the raw length.
    var rawIndex: [Int] = []

    /// Folds `raw`: whitespace (spaces, tabs, line breaks, U+3000) after a character that goes
    /// on a sentence (Han, digit, %) and before a CJK character or digit is dropped, except
    /// spaces between two numbers (ANNOTATION.md rule 13: `2018-11-29 18:59`, `05 14`), which
    /// fold only inside a digit group: spaced digits (`2 0 2 0年`) and thousands (`2 500亿`);
    /// each character is read in its Simplified form, the text being in `script`. O(n).
    init(_ raw: [UInt32], script: ChineseScript, table: HanScriptTable) {
        let traditional = script == .traditional
        scalars.reserveCapacity(raw.count)
        rawIndex.reserveCapacity(raw.count + 1)
        var index = 0
        var digitRun = 0  // digits since the last other folded character
        var spacedDigits = false, thousands = false  // the digit group a folded space is inside
        while index < raw.count {
            let scalar = table.folded(raw[index], inTraditionalText: traditional)
            if Self.isFoldableSpace(scalar), let last = scalars.last, Self.continuesSentence(last) {
                // Look past the whitespace run: fold it if a joining character follows.
                var next = index
                var hasBreak = false
                while next < raw.count, Self.isFoldableSpace(raw[next]) {
                    hasBreak = hasBreak || raw[next] == 0x0A || raw[next] == 0x0D
                    next += 1
                }
                // Line breaks and spaces in the middle of a sentence are wraps, blank lines too
                // (`联合国开发计划\n\n署`); after punctuation they are where a line or a
                // paragraph ends, and nothing is folded (nor needs to be: no entity goes on there).
                var folds = next < raw.count && Self.joins(raw[next])
                if folds, !hasBreak, CharacterClass.isDigit(last), CharacterClass.isDigit(raw[next]) {
                    var after = next
                    while after < raw.count, CharacterClass.isDigit(raw[after]) { after += 1 }
                    let lone = after - next == 1 && (digitRun == 1 || spacedDigits)
                    let group = after - next == 3 && (digitRun <= 3 || thousands)
                    folds = lone || group
                    spacedDigits = lone
                    thousands = group && !lone
                }
                if folds {
                    index = next
                    continue
                }
            }
            if CharacterClass.isDigit(scalar) {
                digitRun += 1
            } else {
                digitRun = 0
                spacedDigits = false
                thousands = false
            }
            scalars.append(scalar)
            rawIndex.append(index)
            index += 1
        }
        rawIndex.append(raw.count)
    }

    /// The raw range of the folded range `range`: from its first character to just past its last.
    func rawRange(_ range: Range<Int>) -> Range<Int> {
        rawIndex[range.lowerBound]..<(rawIndex[range.upperBound - 1] + 1)
    }

    /// A character after which a sentence goes on: a Han character, a digit or a percent sign,
    /// not punctuation.
    static func continuesSentence(_ scalar: UInt32) -> Bool {
        CharacterClass.isHan(scalar) || CharacterClass.isDigit(scalar) || CharacterClass.isZeroCircle(scalar) || scalar == 0x25 || scalar == 0xFF05
    }

    static func isFoldableSpace(_ scalar: UInt32) -> Bool {
        CharacterClass.isWhitespace(scalar)
    }

    /// CJK characters, CJK punctuation and full-width forms, and digits: the characters a PDF
    /// line wrap or stray space can fall between without meaning a space.
    static func joins(_ scalar: UInt32) -> Bool {
        if CharacterClass.isHan(scalar) || CharacterClass.isZeroCircle(scalar) { return true }
        switch scalar {
        case 0x30...0x39, 0x3000...0x303F, 0xFF00...0xFFEF:  // digits, CJK punctuation, full-width forms
            return true
        case 0x25, 0x2E:  // % and the decimal point inside a number
            return true
        default:
            return false
        }
    }
}
