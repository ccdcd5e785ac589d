import Foundation
import ZhKit

/// Digits and numerals as Chinese text writes them.
enum Numeral {
    /// The value of a digit: ASCII, full-width, Chinese (〇○零一二两俩三…九) or financial (壹贰…玖).
    static func digit(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x30...0x39: return Int(scalar - 0x30)
        case 0xFF10...0xFF19: return Int(scalar - 0xFF10)
        default: return chineseDigit(scalar)
        }
    }

    /// The Chinese digits (`chineseDigit`): what may start a number.
    static let chineseDigitScalars: [UInt32] = (UInt32(0x2000)...0x9FFF).filter { chineseDigit($0) != nil }

    /// The value of a Chinese digit: 〇○零, 一 … 九 with 两 and 俩, and the financial forms 壹 … 玖
    /// (洞, the radio zero, is left out). A switch: no hashing on the hot path.
    @inline(__always)
    static func chineseDigit(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x96F6, 0x3007, 0x25CB: return 0
        case 0x4E00, 0x58F9: return 1
        case 0x4E8C, 0x4E24, 0x4FE9, 0x8D30, 0x8CB3: return 2
        case 0x4E09, 0x53C1: return 3
        case 0x56DB, 0x8086: return 4
        case 0x4E94, 0x4F0D: return 5
        case 0x516D, 0x9646, 0x9678: return 6
        case 0x4E03, 0x67D2: return 7
        case 0x516B, 0x634C: return 8
        case 0x4E5D, 0x7396: return 9
        default: return nil
        }
    }


    /// The value of a unit within a section: 十 (拾), 百 (佰), 千 (仟).
    static func smallUnit(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x5341, 0x62FE: return 10
        case 0x767E, 0x4F70: return 100
        case 0x5343, 0x4EDF: return 1000
        default: return nil
        }
    }

    static let wan: UInt32 = 0x4E07  // 万
    static let yi: UInt32 = 0x4EBF  // 亿
    static let zhao: UInt32 = 0x5146  // 兆 (10¹² in Taiwan usage, a million in some mainland uses: left out)

    /// Approximation marks inside an amount: 多, 余, 几 (`50多个`, `两千余`, `十几`).
    static func isApproximation(_ scalar: UInt32) -> Bool {
        scalar == 0x591A || scalar == 0x4F59 || scalar == 0x51E0
    }

    static let point: UInt32 = 0x70B9  // 点 as a decimal point

    /// Tens written as one character: 廿 20, 卅 30, 卌 40 (`廿五` is 25).
    static func tens(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x5EFF: return 20
        case 0x5345: return 30
        case 0x534C: return 40
        default: return nil
        }
    }

    /// The minus signs before Arabic digits: `-`, `－`, `−`.
    static func isMinus(_ scalar: UInt32) -> Bool {
        scalar == 0x2D || scalar == 0xFF0D || scalar == 0x2212
    }
}

/// A number read from text: its value, where it ends, and how it was written.
struct NumberReading: Equatable {
    var value: Decimal
    /// The index just past the number (in the folded characters it was read from).
    var end: Int
    /// Whether any Arabic digit was used.
    var hasArabicDigits: Bool
    /// Whether the amount is approximate (`50多`, `十几`): the value is the stated number.
    var isApproximate: Bool
    /// How many characters the number spans.
    var length: Int
    /// The factor of the large units that followed Arabic digits (`150亿` → 10⁸), else 1.
    var multiplier: Decimal = 1
    /// The upper end of two neighbouring numerals (`三四天`, `八九十个`, `两三万`): `value` is
    /// the lower.
    var upper: Decimal? = nil

    /// `value` when it is a whole number from 0 to below 10¹⁸, worked out once as the number is
    /// read (callers ask for it many times: is it a year, a month, a day).
    var whole: Int64? = nil

    /// The value as an `Int` when it is a whole number below a million (days, months, hours).
    /// O(1).
    var smallInteger: Int? { whole.flatMap { $0 < 1_000_000 ? Int($0) : nil } }

    /// `value` as an `Int` when it is a whole number from 0 to below a million, else `nil`. O(1).
    static func wholeNumber(_ value: Decimal) -> Int? {
        guard let whole = wholeInt64(value), whole < 1_000_000 else { return nil }
        return Int(whole)
    }

    /// `value` as an `Int64` when it is a whole number from 0 to below 10¹⁸, else `nil`, without
    /// Foundation's formatter. O(1), one short-lived object.
    static func wholeInt64(_ value: Decimal) -> Int64? {
        let whole = NSDecimalNumber(decimal: value).int64Value
        return whole >= 0 && whole < 1_000_000_000_000_000_000 && Decimal(whole) == value ? whole : nil
    }
}

/// Reads numbers: `2020`, `１２．５`, `1,000`, `5.1万亿`, `一百万`, `三亿五千万`, `一九九八`, `三点五`,
/// `50多`, `两千余`.
enum NumberReader {
    /// The longest number starting at `start`, or `nil`.
    static func read(_ s: [UInt32], from start: Int) -> NumberReading? {
        guard start < s.count else { return nil }
        var index = start
        var value = Decimal(0)
        var hasArabic = false
        var approximate = false
        var digits: (end: Int, whole: Int64)?  // Arabic digits alone: their whole number, summed as read
        if CharacterClass.isDigit(s[start]) {
            guard let (number, end, whole) = readArabic(s, from: start) else { return nil }
            value = number
            index = end
            hasArabic = true
            digits = whole.map { (end, $0) }
        } else if let (low, high, end) = readNeighbours(s, from: start) {
            return NumberReading(value: low, end: end, hasArabicDigits: false, isApproximate: true, length: end - start, upper: high,
                whole: NumberReading.wholeInt64(low))
        } else if let (number, end, approx) = readChinese(s, from: start) {
            value = number
            index = end
            approximate = approx
        } else {
            return nil
        }
        // 多 or 余 after digits (`50多`), then the large units: `5.1万亿`, `20万`, `50多万`.
        if index < s.count, Numeral.isApproximation(s[index]), s[index] != 0x51E0, hasArabic {
            approximate = true
            index += 1
        }
        var factor = Decimal(1)
        if hasArabic {
            while index < s.count {
                if s[index] == Numeral.wan {
                    factor *= 10_000
                } else if s[index] == Numeral.yi {
                    factor *= 100_000_000
                } else if let unit = Numeral.smallUnit(s[index]), index + 1 < s.count, s[index + 1] == Numeral.wan || s[index + 1] == Numeral.yi {
                    factor *= Decimal(unit)  // `2百万`, `3千万`
                } else {
                    break
                }
                index += 1
            }
        }
        value *= factor
        // `3万5千`, `1亿2千万`: a smaller part in digits and its unit after a large unit.
        if factor >= 10_000, index < s.count, CharacterClass.isDigit(s[index]), let (part, partEnd, _) = readArabic(s, from: index), partEnd < s.count {
            var unit = Decimal(1)
            var end = partEnd
            if let small = Numeral.smallUnit(s[end]) {
                unit = Decimal(small)
                end += 1
            }
            if end < s.count, s[end] == Numeral.wan {
                unit *= 10_000
                end += 1
            }
            if unit > 1, unit < factor {
                value += part * unit
                index = end
            }
        }
        return NumberReading(value: value, end: index, hasArabicDigits: hasArabic, isApproximate: approximate,
            length: index - start, multiplier: factor,
            whole: digits?.end == index ? digits!.whole : NumberReading.wholeInt64(value))
    }

    /// Arabic digits with thousands commas (followed by exactly three digits) and a decimal point
    /// (`.`, `．`, `·` between digits).
    static let posix = Locale(identifier: "en_US_POSIX")

    /// The number of the Arabic digits from `start`, its end, and the whole number when it has no
    /// decimal point and at most 18 digits (summed as read, so no caller converts the decimal).
    static func readArabic(_ s: [UInt32], from start: Int) -> (Decimal, Int, Int64?)? {
        // The digits are summed as they come; a string is made only for a decimal point or more
        // than 18 digits, which are rare (most numbers are years and counts).
        var whole: Int64 = 0
        var count = 0
        var pointAt: Int?  // digits before the decimal point
        var index = start
        while index < s.count {
            let scalar = s[index]
            if let d = CharacterClass.isDigit(scalar) ? Numeral.digit(scalar) : nil {
                if count < 18, pointAt == nil { whole = whole * 10 + Int64(d) }
                count += 1
                index += 1
            } else if scalar == 0x2C || scalar == 0xFF0C, pointAt == nil, index + 3 < s.count + 1,
                (1...3).allSatisfy({ index + $0 < s.count && CharacterClass.isDigit(s[index + $0]) }),
                index + 4 >= s.count || !CharacterClass.isDigit(s[index + 4])
            {
                index += 1  // a thousands comma
            } else if scalar == 0x2E || scalar == 0xFF0E || scalar == 0xB7, pointAt == nil, count > 0,
                index + 1 < s.count, CharacterClass.isDigit(s[index + 1])
            {
                pointAt = count
                index += 1
            } else {
                break
            }
        }
        guard count > 0 else { return nil }
        if pointAt == nil, count <= 18 { return (Decimal(whole), index, whole) }
        var text = ""
        for scalar in s[start..<index] {
            if let d = Numeral.digit(scalar), CharacterClass.isDigit(scalar) {
                text.append(Character(Unicode.Scalar(UInt8(d) + 0x30)))
            } else if scalar != 0x2C, scalar != 0xFF0C {
                text.append(".")
            }
        }
        guard let value = Decimal(string: text, locale: Self.posix) else { return nil }
        return (value, index, nil)
    }

    /// Two neighbouring numerals for an approximate amount, perhaps with units after them:
    /// `三四` (3–4), `一两` (1–2), `八九十` (80–90), `两三万` (20000–30000); the low and high values
    /// and the end, or `nil` (`一九九八` is a year's digits).
    static func readNeighbours(_ s: [UInt32], from start: Int) -> (Decimal, Decimal, Int)? {
        guard start + 1 < s.count, let first = Numeral.chineseDigit(s[start]), let second = Numeral.chineseDigit(s[start + 1]),
            first >= 1, second == first + 1 || (s[start] == 0x4E00 && s[start + 1] == 0x4E24)  // 一两
        else { return nil }
        var end = start + 2
        var factor = Decimal(1)
        if end < s.count, let unit = Numeral.smallUnit(s[end]) {
            factor = Decimal(unit)
            end += 1
        }
        while end < s.count, s[end] == Numeral.wan || s[end] == Numeral.yi {
            factor *= s[end] == Numeral.wan ? 10_000 : 100_000_000
            end += 1
        }
        // Not before another digit, a decimal point or a middle dot (`一二·九` names a date).
        guard end >= s.count || Numeral.chineseDigit(s[end]) == nil && s[end] != Numeral.point && CharacterShape(s[end]) != .middleDot else { return nil }
        return (Decimal(first) * factor, Decimal(second) * factor, end)
    }

    /// Chinese numerals: with units (`三亿五千万`, `十五`, `一千零五`), digit by digit (`一九九八`,
    /// `二○○一`), with a decimal part (`三点五`), and approximations (`十几`, `两千多`).
    static func readChinese(_ s: [UInt32], from start: Int) -> (Decimal, Int, Bool)? {
        var index = start
        var aboveYi = Decimal(0)  // the part already multiplied by 亿
        var aboveWan = Decimal(0)  // the part since the last 亿, multiplied by 万
        var section = Decimal(0)  // the part since the last 万 or 亿
        var digit: Decimal?
        var digitsOnly = ""  // for numbers written digit by digit
        var usedUnits = false
        var approximate = false
        var lastUnit = 0
        while index < s.count {
            let scalar = s[index]
            if let d = Numeral.chineseDigit(scalar) {
                digitsOnly.append(Character(String(d)))
                // 零 after a unit only marks a skipped place (`一千零十` is 1010, `一千零五` 1005).
                if d != 0 || !usedUnits { digit = Decimal(d) }
            } else if let tens = Numeral.tens(scalar), digit == nil {
                section += Decimal(tens)
                usedUnits = true
                lastUnit = 10
            } else if let unit = Numeral.smallUnit(scalar) {
                // `十五`: a unit with no digit before it counts one of it.
                if digit == nil && (index == start || lastUnit != 0) && unit != 10 { break }
                section += (digit ?? 1) * Decimal(unit)
                digit = nil
                usedUnits = true
                lastUnit = unit
            } else if scalar == Numeral.wan {
                guard index > start else { break }
                aboveWan = (aboveWan + section + (digit ?? 0)) * 10_000
                section = 0
                digit = nil
                usedUnits = true
                lastUnit = 10_000
            } else if scalar == Numeral.yi {
                guard index > start else { break }
                aboveYi = (aboveYi + aboveWan + section + (digit ?? 0)) * 100_000_000
                aboveWan = 0
                section = 0
                digit = nil
                usedUnits = true
                lastUnit = 100_000_000
            } else if Numeral.isApproximation(scalar), index > start, scalar != 0x4F59 || usedUnits {
                // 多 and 余 after a unit, 几 after 十 (`十几`): the stated number is the value.
                if scalar == 0x51E0, lastUnit != 10 { break }
                approximate = true
            } else {
                break
            }
            index += 1
        }
        guard index > start else { return nil }
        // A trailing approximation mark that is not inside the amount belongs to what follows.
        var value: Decimal
        if !usedUnits {
            guard digitsOnly.count >= 1, let whole = Decimal(string: digitsOnly) else { return nil }
            value = whole
        } else {
            value = aboveYi + aboveWan + section + (digit ?? 0)
            // `三万五`, `一千五`: a lone digit right after a unit is the next unit down.
            if let digit, lastUnit >= 100, index - start >= 3, Numeral.chineseDigit(s[index - 1]) != nil,
                Numeral.smallUnit(s[index - 2]) != nil || s[index - 2] == Numeral.wan || s[index - 2] == Numeral.yi
            {
                value += digit * (Decimal(lastUnit) / 10 - 1)
            }
        }
        // A decimal part: `三点五`, `百分之三点五`.
        if index + 1 < s.count, s[index] == Numeral.point, let first = Numeral.chineseDigit(s[index + 1]) {
            var fraction = "0." + String(first)
            var k = index + 2
            while k < s.count, let d = Numeral.chineseDigit(s[k]) {
                fraction.append(Character(String(d)))
                k += 1
            }
            value += Decimal(string: fraction)!
            index = k
            // A large unit may follow: `三点五亿`.
            if index < s.count, s[index] == Numeral.wan || s[index] == Numeral.yi {
                value *= s[index] == Numeral.wan ? 10_000 : 100_000_000
                index += 1
            }
        }
        return (value, index, approximate)
    }
}
