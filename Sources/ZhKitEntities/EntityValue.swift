import Foundation

/// An entity's normalised value: a number, an amount with its unit, a date with the parts the
/// text leaves open, a time of day, a period, or a range of two of them.
///
/// `description` is the string ANNOTATION.md defines (`2017-08-11/2017-08-22`, `10000/50000 CNY`,
/// `XXXX-01-05T15:00`, `P4Y6M`); the writers render it, and nothing reads it back.
public enum EntityValue: Sendable, Hashable {
    /// A number: a CARDINAL's or an ORDINAL's, or a PERCENT's in percent (`63%` → 63).
    case number(Decimal)
    /// An amount and its unit: an ISO 4217 currency code (MONEY) or a UCUM unit (QUANTITY).
    case amount(Decimal, unit: String)
    /// A calendar date, perhaps partial (`6月5日` → `XXXX-06-05`, `90年代` → `XX9X`).
    case date(DateValue)
    /// A clock time, on a day when the text gives one (`1月5日下午3点` → `XXXX-01-05T15:00`).
    case time(TimeOfDay, on: DateValue?)
    /// A period of time (`四年六个月` → `P4Y6M`).
    case period(Period)
    /// A range: `low/high`, the unit written once when both ends share it.
    indirect case range(EntityValue, EntityValue)
}

/// A date of the Gregorian calendar with the parts the text leaves open.
public struct DateValue: Sendable, Hashable {
    /// A year, or as much of it as the text says.
    public enum Year: Sendable, Hashable {
        /// Not given: `XXXX`.
        case open
        /// `2020`.
        case exact(Int)
        /// The decade by its first three digits: 199 is the 1990s, `199X`.
        case decade(Int)
        /// The century by its first two digits: 20 is the 21st century, `20XX`.
        case century(Int)
        /// A decade of a century not given (`90年代`): 9 is `XX9X`.
        case decadeOfCentury(Int)
    }

    public internal(set) var year: Year = .open
    // The other parts in a byte each, 0 when open: values are copied through the recogniser's
    // passes, and a small one copies in registers.
    private var monthByte: UInt8 = 0
    private var dayByte: UInt8 = 0
    private var weekByte: UInt8 = 0
    private var weekdayByte: UInt8 = 0

    /// 1–12, or `nil` when open or not part of the date.
    public internal(set) var month: Int? {
        get { monthByte == 0 ? nil : Int(monthByte) }
        set { monthByte = UInt8(newValue ?? 0) }
    }
    /// 1–31, or `nil`.
    public internal(set) var day: Int? {
        get { dayByte == 0 ? nil : Int(dayByte) }
        set { dayByte = UInt8(newValue ?? 0) }
    }
    /// An ISO 8601 week of the year (`2025-W44`), or `nil`.
    public internal(set) var week: Int? {
        get { weekByte == 0 ? nil : Int(weekByte) }
        set { weekByte = UInt8(newValue ?? 0) }
    }
    /// An ISO weekday, 1 Monday … 7 Sunday (`周五` → `XXXX-WXX-5`), or `nil`.
    public internal(set) var weekday: Int? {
        get { weekdayByte == 0 ? nil : Int(weekdayByte) }
        set { weekdayByte = UInt8(newValue ?? 0) }
    }

    init(year: Year = .open, month: Int? = nil, day: Int? = nil, week: Int? = nil, weekday: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.week = week
        self.weekday = weekday
    }

    init(_ date: CalendarDate) {
        self.init(year: .exact(date.year), month: date.month, day: date.day)
    }

    /// This date with what it leaves open taken from `start`, the other end of its range:
    /// `8月22日` after `2017年8月11日` is 2017-08-22. O(1).
    func completed(from start: DateValue) -> DateValue {
        var date = self
        if date.year == .open { date.year = start.year }
        if date.month == nil, date.day != nil, date.week == nil, date.weekday == nil { date.month = start.month }
        return date
    }
}

/// A time of day on a 24-hour clock.
public struct TimeOfDay: Sendable, Hashable {
    // A byte each (seconds 0xFF when not given), as `DateValue` keeps its parts.
    private var hourByte: UInt8
    private var minuteByte: UInt8
    private var secondByte: UInt8

    /// 0–23.
    public internal(set) var hour: Int {
        get { Int(hourByte) }
        set { hourByte = UInt8(newValue) }
    }
    /// 0–59.
    public var minute: Int { Int(minuteByte) }
    /// 0–59, or `nil` when the text gives none.
    public var second: Int? { secondByte == 0xFF ? nil : Int(secondByte) }

    init(hour: Int, minute: Int, second: Int?) {
        hourByte = UInt8(hour)
        minuteByte = UInt8(minute)
        secondByte = second.map(UInt8.init) ?? 0xFF
    }
}

/// A period of time as ISO 8601 writes a duration: amounts of units, larger units first.
public struct Period: Sendable, Hashable {
    /// The units of an ISO 8601 duration, largest first.
    public enum Unit: Int, Sendable, Hashable, Comparable {
        case years, months, weeks, days, hours, minutes, seconds

        public static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }

        /// Whether the unit is shorter than a day (written after ISO 8601's `T`).
        var isTimeOfDay: Bool { self >= .hours }

        var designator: String {
            switch self {
            case .years: "Y"
            case .months, .minutes: "M"
            case .weeks: "W"
            case .days: "D"
            case .hours: "H"
            case .seconds: "S"
            }
        }
    }

    /// An amount of one unit.
    public struct Part: Sendable, Hashable {
        public internal(set) var amount: Decimal
        public internal(set) var unit: Unit
    }

    /// The largest part, and the smaller ones after it: a period of one unit (most) holds no
    /// array, so making one allocates nothing.
    var first: Part
    var rest: [Part]

    /// The parts, each unit smaller than the one before. O(number of parts), allocating.
    public var parts: [Part] { [first] + rest }

    init(_ amount: Decimal, _ unit: Unit) {
        first = Part(amount: amount, unit: unit)
        rest = []
    }

    init(parts: [Part]) {
        first = parts[0]
        rest = Array(parts.dropFirst())
    }

    /// Whether the whole period is shorter than a day: a TIME rather than a DATE.
    var isShorterThanADay: Bool { first.unit.isTimeOfDay }
}

// MARK: - What the recogniser asks of a value

extension EntityValue {
    /// The period, if this is one (not a range).
    var period: Period? { if case .period(let period) = self { period } else { nil } }

    /// The date, if this is one (not a range or a time).
    var date: DateValue? { if case .date(let date) = self { date } else { nil } }

    /// The number, if this is one.
    var number: Decimal? { if case .number(let number) = self { number } else { nil } }

    /// Whether this is a period or a range of periods (`三四天`).
    var isPeriod: Bool {
        switch self {
        case .period: true
        case .range(let low, _): low.isPeriod
        default: false
        }
    }

    var isRange: Bool { if case .range = self { true } else { false } }

    /// The first date of a date or a range of dates.
    var firstDate: DateValue? {
        switch self {
        case .date(let date): date
        case .range(let low, _): low.firstDate
        default: nil
        }
    }

    /// The value with its sign turned (`负十一` → -11), for a number or an amount; `nil` for others.
    var negated: EntityValue? {
        switch self {
        case .number(let number): .number(number < 0 ? number : -number)
        case .amount(let number, let unit): .amount(number < 0 ? number : -number, unit: unit)
        default: nil
        }
    }

    /// The value with what its dates leave open taken from `date`: `11月` after `2020年`,
    /// `15日` after `本月`.
    func completed(from date: DateValue) -> EntityValue {
        switch self {
        case .date(let own): .date(own.completed(from: date))
        case .range(let low, let high): .range(low.completed(from: date), high.completed(from: date))
        default: self
        }
    }

    /// A number, or its range when the text gives two neighbouring ones (`三四万`).
    static func number(_ value: Decimal, upTo upper: Decimal?) -> EntityValue {
        upper.map { .range(.number(value), .number($0)) } ?? .number(value)
    }

    /// An amount of `unit`, or a range of them.
    static func amount(_ value: Decimal, upTo upper: Decimal?, unit: String) -> EntityValue {
        upper.map { .range(.amount(value, unit: unit), .amount($0, unit: unit)) } ?? .amount(value, unit: unit)
    }
}

// MARK: - ANNOTATION.md's strings

extension EntityValue: CustomStringConvertible {
    /// ANNOTATION.md's string for the value. O(length of the string).
    public var description: String {
        switch self {
        case .number(let number): Self.decimalText(number)
        case .amount(let number, let unit): Self.decimalText(number) + " " + unit
        case .date(let date): date.description
        case .time(let time, let day): (day?.description ?? "") + time.description
        case .period(let period): period.description
        case .range(.amount(let low, let lowUnit), .amount(let high, let highUnit)) where lowUnit == highUnit:
            Self.decimalText(low) + "/" + Self.decimalText(high) + " " + lowUnit
        case .range(let low, let high): low.description + "/" + high.description
        }
    }

    /// A decimal as ANNOTATION.md writes a number: whole numbers without Foundation's
    /// formatter, which costs more than the whole recogniser when every entity needs one.
    static func decimalText(_ value: Decimal) -> String {
        if let whole = NumberReading.wholeInt64(value) { return String(whole) }
        if value < 0, let whole = NumberReading.wholeInt64(-value) { return "-" + String(whole) }
        return "\(value)"
    }
}

extension DateValue: CustomStringConvertible {
    /// ISO 8601 with X for what is open: `2020`, `XXXX-06-05`, `XXXX-XX-05`, `20XX`, `199X`,
    /// `2025-W44`, `XXXX-WXX-5`.
    public var description: String {
        var text: String
        switch year {
        case .open: text = "XXXX"
        case .exact(let year): text = CalendarDate.pad(year, 4)
        case .decade(let decade): text = CalendarDate.pad(decade, 3) + "X"
        case .century(let century): text = CalendarDate.pad(century, 2) + "XX"
        case .decadeOfCentury(let decade): text = "XX\(decade)X"
        }
        if week != nil || weekday != nil {
            text += "-W" + (week.map { CalendarDate.pad($0, 2) } ?? "XX")
            if let weekday { text += "-\(weekday)" }
        } else if month != nil || day != nil {
            text += "-" + (month.map { CalendarDate.pad($0, 2) } ?? "XX")
            if let day { text += "-" + CalendarDate.pad(day, 2) }
        }
        return text
    }
}

extension TimeOfDay: CustomStringConvertible {
    /// `T15:30`, `T10:30:15`.
    public var description: String {
        "T" + CalendarDate.pad(hour, 2) + ":" + CalendarDate.pad(minute, 2) + (second.map { ":" + CalendarDate.pad($0, 2) } ?? "")
    }
}

extension Period: CustomStringConvertible {
    /// An ISO 8601 duration: `P4Y6M`, `PT48H`, `P36DT5H30M`, `P0.5Y`.
    public var description: String {
        var text = "P"
        var wroteT = false
        func write(_ part: Part) {
            if part.unit.isTimeOfDay, !wroteT {
                text += "T"
                wroteT = true
            }
            text += EntityValue.decimalText(part.amount) + part.unit.designator
        }
        write(first)
        rest.forEach(write)
        return text
    }
}
