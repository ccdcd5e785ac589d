/// Numbers as the lattice sees them: digit groups, Chinese numerals, and the units they take.
enum NumberGrammar {
    /// The score of a number word: as likely as a common word, so that a number with its unit
    /// beats the number and the unit apart.
    static let score: Float = -9

    /// ASCII or full-width digit.
    @inline(__always)
    static func isDigit(_ scalar: UInt32) -> Bool {
        (0x30...0x39).contains(scalar) || (0xFF10...0xFF19).contains(scalar)
    }

    /// A character of a digit group: digits and the separators written between them: decimal
    /// points (`.`, `．`, and `·` as PKU's texts use it), the thousands comma, the ratio colon
    /// `∶`. The scanner lets a separator into a run only between digits.
    @inline(__always)
    static func isDigitGroupScalar(_ scalar: UInt32) -> Bool {
        isDigit(scalar) || isDigitSeparator(scalar)
    }

    @inline(__always)
    static func isDigitSeparator(_ scalar: UInt32) -> Bool {
        scalar == 0xFF0E || scalar == 0x2E || scalar == 0x2C || scalar == 0xB7 || scalar == 0x2236
    }

    /// The end of the digit group starting at `start`: digits, and separators followed by a digit.
    static func digitGroupEnd(_ scalars: [UInt32], from start: Int) -> Int {
        var end = start
        while end < scalars.count {
            if isDigit(scalars[end]) {
                end += 1
            } else if isDigitSeparator(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]), end > start {
                end += 1
            } else {
                break
            }
        }
        return end
    }

    /// Whether a digit group starts at `index`: a digit not continuing digits before it.
    static func isGroupStart(_ scalars: [UInt32], _ index: Int) -> Bool {
        guard isDigit(scalars[index]) else { return false }
        if index > 0, isDigit(scalars[index - 1]) { return false }
        if index > 1, isDigitSeparator(scalars[index - 1]), isDigit(scalars[index - 2]) { return false }
        return true
    }

    /// Chinese numerals, including the zeros 〇 and ○ and the large units.
    @inline(__always)
    static func isChineseNumeral(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x96F6, 0x3007, 0x25CB, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
            0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF, 0x4E24:
            // 零 〇 ○ 一 二 三 四 五 六 七 八 九 十 百 千 万 亿 两
            return true
        default:
            return false
        }
    }

    /// Ends of the number words that start at `start`: a whole digit group or numeral run
    /// (two numerals at least), and the same with its unit.
    static func numberEnds(_ scalars: [UInt32], from start: Int) -> NumberEnds {
        let n = scalars.count
        let first = scalars[start]
        var end = start
        if isDigit(first) {
            guard isGroupStart(scalars, start) else { return NumberEnds() }
            end = digitGroupEnd(scalars, from: start)
            // Large units and numerals may continue a digit group: `1万亿`, `50万`.
            while end < n, scalars[end] == 0x4E07 || scalars[end] == 0x4EBF { end += 1 }
        } else if isChineseNumeral(first) {
            guard start == 0 || !isChineseNumeral(scalars[start - 1]) else { return NumberEnds() }
            end = start + 1
            while end < n, isChineseNumeral(scalars[end]) { end += 1 }
            guard end - start >= 2 else { return NumberEnds() }
        } else {
            return NumberEnds()
        }
        var ends = NumberEnds()
        ends.append(end)
        if end < n, takesUnit(scalars[start..<end], scalars[end]) { ends.append(end + 1) }
        return ends
    }

    /// Whether the number `digits` and `unit` make one word: a year of four digits (or three
    /// numerals or more) with 年, a month, day or hour with 月, 日, 号, 时, 分, 秒 (up to two
    /// digits), and any number with ％. Durations (`10 年`) stay apart, as the common standards
    /// (PKU, CTB) write them.
    static func takesUnit(_ digits: ArraySlice<UInt32>, _ unit: UInt32) -> Bool {
        let count = digits.count
        let isDigits = digits.allSatisfy(isDigit)
        switch unit {
        case 0x5E74:  // 年
            return isDigits ? count == 4 : (count >= 3 && digits.allSatisfy { !(0x5341 == $0 || 0x767E == $0 || 0x5343 == $0) })
        case 0x6708, 0x65E5, 0x53F7, 0x65F6, 0x5206, 0x79D2:  // 月 日 号 时 分 秒
            return isDigits ? count <= 2 : count <= 3
        case 0xFF05:  // ％
            return true
        default:
            return false
        }
    }

    /// Up to two ends, without allocating.
    struct NumberEnds: Sequence, IteratorProtocol {
        var first = -1
        var second = -1

        mutating func append(_ end: Int) {
            if first < 0 { first = end } else { second = end }
        }

        mutating func next() -> Int? {
            defer { first = second; second = -1 }
            return first >= 0 ? first : nil
        }
    }
}
