import Testing
import ZhKit

@testable import ZhKitEntities

/// Relative dates against a reference date (`--reference-date`): the calendar arithmetic, and
/// the values of 去年, 明天, 上周五, 三天前 … that ANNOTATION.md gives them when a day is known.
/// The 前 and 后 of `三天前` stay out of the span (rule 8); without a reference date it is the period.
@Suite struct ReferenceDateTests {
    @Test func calendarDatesAreReadAndChecked() {
        #expect(CalendarDate("2026-11-30")?.description == "2026-11-30")
        #expect(CalendarDate("2024-02-29") != nil)
        for bad in ["2025-02-29", "2026-13-01", "2026-11-31", "26-11-30", "2026/11/30", "2026-1-5", ""] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
    }

    /// Weekdays and ISO weeks at the turns of years and of leap days.
    @Test(arguments: [
        ("2026-11-30", 1, "2026-W49"), ("2024-02-29", 4, "2024-W09"), ("2000-03-01", 3, "2000-W09"),
        ("1999-12-31", 5, "1999-W52"), ("2021-01-03", 7, "2020-W53"), ("2020-12-31", 4, "2020-W53"),
    ])
    func weekdaysAndWeeks(_ text: String, _ weekday: Int, _ week: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.weekday == weekday)
        #expect(date.week(adding: 0).description == week)
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
    }

    @Test func daysAndMonthsCarryOver() throws {
        let newYear = try #require(CalendarDate("2026-01-01"))
        #expect(newYear.adding(days: -1).description == "2025-12-31")
        #expect(newYear.month(adding: -1).description == "2025-12")
        #expect(try #require(CalendarDate("2024-02-28")).adding(days: 1).description == "2024-02-29")
        #expect(try #require(CalendarDate("2023-02-28")).adding(days: 1).description == "2023-03-01")
        #expect(newYear.month(adding: 13).description == "2027-02")
    }

    static let reference = CalendarDate(year: 2026, month: 11, day: 30)!
    static let extractor = EntityExtractor(segmenter: NumberDateTests.extractor.segmenter, tagger: nil, referenceDate: reference)

    static func values(_ text: String, _ extractor: EntityExtractor = Self.extractor) -> [String] {
        extractor.entities(in: text).filter { $0.label == .date || $0.label == .time }.map { "\($0.text)=\($0.value?.description ?? "")" }
    }

    @Test(arguments: [
        ("今年", "今年=2026"), ("去年", "去年=2025"), ("前年", "前年=2024"), ("明年", "明年=2027"), ("后年", "后年=2028"),
        ("今天", "今天=2026-11-30"), ("昨天", "昨天=2026-11-29"), ("明天", "明天=2026-12-01"), ("后天", "后天=2026-12-02"),
        ("前天", "前天=2026-11-28"), ("本月", "本月=2026-11"), ("上个月", "上个月=2026-10"), ("下个月", "下个月=2026-12"),
        ("本周", "本周=2026-W49"), ("上周", "上周=2026-W48"), ("下周", "下周=2026-W50"), ("上周五", "上周五=2026-11-27"),
        ("下周一", "下周一=2026-12-07"), ("本周日", "本周日=2026-12-06"), ("本世纪", "本世纪=20XX"), ("上世纪", "上世纪=19XX"),
        ("去年10月", "去年10月=2025-10"), ("今年5月3日", "今年5月3日=2026-05-03"), ("明年初", "明年初=2027"),
        ("三天前", "三天=2026-11-27"), ("两周后", "两周=2026-12-14"), ("5年后", "5年=2031"), ("两个月前", "两个月=2026-09"),
        ("10天以后", "10天=2026-12-10"), ("大前年", "大前年=2023"), ("本月15日", "本月15日=2026-11-15"),
        ("下礼拜二", "下礼拜二=2026-12-08"), ("今年以来", "今年以来=2026/XXXX"), ("今晚8点", "今晚8点=2026-11-30T20:00"),
    ])
    func relativeDatesResolve(_ text: String, _ expected: String) {
        #expect(Self.values(text) == [expected])
    }

    @Test func withoutAReferenceDateRelativeDatesKeepNoValue() {
        let plain = EntityExtractor(segmenter: NumberDateTests.extractor.segmenter, tagger: nil)
        #expect(Self.values("去年10月，明天，三天前，上周五", plain) == ["去年10月=", "明天=", "三天=P3D", "上周五="])
        // Absolute dates and periods are the same either way.
        #expect(Self.values("2019年4月，三年来", plain) == Self.values("2019年4月，三年来"))
        #expect(Self.values("2019年4月，三年来") == ["2019年4月=2019-04", "三年来=P3Y"])
    }
}

/// The README's library example of typed values, as written there.
@Suite struct TypedValueReadmeTests {
    @Test func readmeExampleOfTypedValues() throws {
        let dated = EntityExtractor(segmenter: NumberDateTests.extractor.segmenter, tagger: nil, referenceDate: CalendarDate("2026-11-30"))
        var lines: [String] = []
        for entity in dated.entities(in: "去年10月3日下午3点，价格为1万-5万元") {
            lines.append("\(entity.label.rawValue) \(entity.value?.description ?? "-")")
            if case .time(let time, let day?)? = entity.value {
                lines.append("\(time.hour) \(day.month ?? 0)")
            }
        }
        #expect(lines == ["TIME 2025-10-03T15:00", "15 10", "MONEY 10000/50000 CNY"])
    }
}
