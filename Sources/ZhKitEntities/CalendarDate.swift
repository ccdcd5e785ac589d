/// A day of the Gregorian calendar: what relative dates (`去年`, `明天`, `上周五`, `三天前`) are
/// resolved against.
///
/// A plain value with no time zone: the caller says which day "today" is.
public struct CalendarDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or `nil` (`2025-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, or `nil`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days arithmetic of the
    /// proleptic Gregorian calendar. O(1).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The date `count` days on (back when negative).
    func adding(days count: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + count) }

    /// The ISO weekday: 1 Monday … 7 Sunday.
    var weekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }

    /// The year and month `count` months on.
    func month(adding count: Int) -> DateValue {
        let index = year * 12 + (month - 1) + count
        return DateValue(year: .exact(index / 12), month: index % 12 + 1)
    }

    /// The ISO 8601 week `count` weeks on (weeks start on Monday; a week belongs to the year of
    /// its Thursday).
    func week(adding count: Int) -> DateValue {
        let thursday = adding(days: 4 - weekday + 7 * count)
        let january1 = CalendarDate(year: thursday.year, month: 1, day: 1)!
        return DateValue(year: .exact(thursday.year), week: (thursday.dayNumber - january1.dayNumber) / 7 + 1)
    }
}

/// What a relative date word means against a reference date.
enum RelativeDate {
    case year(Int), month(Int), week(Int), day(Int), century(Int)
    /// A day of a week `count` weeks on: `上周五` is (-1, 5).
    case weekday(Int, Int)

    /// The value against `reference` (ANNOTATION.md's forms: `2025`, `2025-10`, `2025-W44`,
    /// `2025-10-31`, `20XX`).
    func value(from reference: CalendarDate) -> EntityValue {
        switch self {
        case .year(let count): .date(DateValue(year: .exact(reference.year + count)))
        case .month(let count): .date(reference.month(adding: count))
        case .week(let count): .date(reference.week(adding: count))
        case .day(let count): .date(DateValue(reference.adding(days: count)))
        case .century(let count): .date(DateValue(year: .century(reference.year / 100 + count)))
        case .weekday(let weeks, let weekday): .date(DateValue(reference.adding(days: 7 * weeks + weekday - reference.weekday)))
        }
    }

    /// The relative date words the recogniser knows (`Vocabulary.dateWords`), by what they mean.
    static let words: [(String, RelativeDate)] = {
        var words: [(String, RelativeDate)] = [
            ("今年", .year(0)), ("去年", .year(-1)), ("前年", .year(-2)), ("明年", .year(1)), ("后年", .year(2)), ("上年", .year(-1)),
            ("大前年", .year(-3)), ("大后年", .year(3)), ("下个月初", .month(1)), ("上个月底", .month(-1)), ("上个月初", .month(-1)),
            ("下个月底", .month(1)), ("这个月底", .month(0)), ("这个月初", .month(0)),
            ("今年底", .year(0)), ("今年初", .year(0)), ("去年底", .year(-1)), ("去年初", .year(-1)), ("明年初", .year(1)),
            ("明年底", .year(1)), ("本年度", .year(0)), ("今春", .year(0)), ("今夏", .year(0)), ("今秋", .year(0)), ("今冬", .year(0)),
            ("明春", .year(1)), ("去冬", .year(-1)),
            ("本月", .month(0)), ("这个月", .month(0)), ("本月初", .month(0)), ("本月底", .month(0)), ("上个月", .month(-1)),
            ("上月", .month(-1)), ("上月底", .month(-1)), ("下个月", .month(1)), ("下月", .month(1)), ("下月初", .month(1)),
            ("本周", .week(0)), ("这周", .week(0)), ("这个星期", .week(0)), ("上周", .week(-1)), ("上星期", .week(-1)),
            ("上个星期", .week(-1)), ("上礼拜", .week(-1)), ("下礼拜", .week(1)), ("这礼拜", .week(0)), ("下周", .week(1)), ("下星期", .week(1)), ("下个星期", .week(1)),
            ("今天", .day(0)), ("今日", .day(0)), ("今晚", .day(0)), ("今夜", .day(0)), ("今晨", .day(0)), ("昨天", .day(-1)),
            ("昨日", .day(-1)), ("昨晚", .day(-1)), ("昨夜", .day(-1)), ("昨晨", .day(-1)), ("前天", .day(-2)), ("大前天", .day(-3)),
            ("明天", .day(1)), ("明日", .day(1)), ("明晚", .day(1)), ("后天", .day(2)), ("大后天", .day(3)),
            ("听日", .day(1)), ("琴日", .day(-1)), ("寻日", .day(-1)), ("前日", .day(-2)), ("后日", .day(2)),  // Cantonese
            ("本世纪", .century(0)), ("上世纪", .century(-1)), ("本世纪初", .century(0)), ("上世纪末", .century(-1)),
        ]
        let weeks: [(String, Int)] = [
            ("上周", -1), ("下周", 1), ("本周", 0), ("这周", 0), ("上星期", -1), ("下星期", 1), ("本星期", 0), ("这星期", 0),
            ("上个星期", -1), ("下个星期", 1), ("上礼拜", -1), ("下礼拜", 1), ("这礼拜", 0), ("本礼拜", 0), ("上个礼拜", -1),
            ("下个礼拜", 1),
        ]
        let days: [(String, Int)] = [("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("日", 7), ("天", 7)]
        for (week, count) in weeks {
            for (day, weekday) in days where !(week.hasSuffix("周") && day == "天") { words.append((week + day, .weekday(count, weekday))) }
        }
        return words
    }()

    static let table = WordTable(words)
}
