import Testing
import ZhKit
@testable import ZhKitEntities

/// Entities of Traditional text: the spans and values of the same text in Simplified characters.
@Suite struct TraditionalEntityTests {
    static let extractor = EntityExtractor(segmenter: try! Segmenter(), referenceDate: CalendarDate(year: 2026, month: 11, day: 30))

    func described(_ text: String) -> [String] {
        Self.extractor.entities(in: text).map { "\($0.scalars) \($0.label) \($0.value.map { "\($0)" } ?? "-")" }
    }

    @Test(arguments: [
        ("聯合國環境規劃署成立於1972年。", "联合国环境规划署成立于1972年。"),
        ("世界衛生組織宣佈撥款3億美元。", "世界卫生组织宣布拨款3亿美元。"),
        ("兩萬人於下午三點半到達。", "两万人于下午三点半到达。"),
        ("會議在十月五號舉行，為期兩天。", "会议在十月五号举行，为期两天。"),
        ("港幣三億圓，增長百分之十二點五。", "港币三亿圆，增长百分之十二点五。"),
        ("明年第一季度營收達一千萬元。", "明年第一季度营收达一千万元。"),
    ])
    func traditionalEntitiesAreTheSimplifiedOnes(traditional: String, simplified: String) {
        let found = described(traditional)
        #expect(!found.isEmpty)
        #expect(found == described(simplified))
    }

    @Test func valuesOfTraditionalNumerals() {
        let entities = Self.extractor.entities(in: "撥款3億美元，兩萬人，下午三點半")
        #expect(entities.map(\.text) == ["3億美元", "兩萬", "下午三點半"])
        #expect(entities.map(\.label) == [.money, .cardinal, .time])
        #expect(entities[0].value.map { "\($0)" } == "300000000 USD")
        #expect(entities[1].value.map { "\($0)" } == "20000")
        #expect(entities[2].value.map { "\($0)" } == "T15:30")
    }

    @Test func yearsOfTheRepublicOfChinaCalendar() {
        let dated = Self.extractor.entities(in: "民國115年10月10日")
        #expect(dated.map(\.text) == ["民國115年10月10日"])
        #expect(dated.map(\.label) == [.date])
        #expect(dated.map { $0.value.map { "\($0)" } } == ["2026-10-10"])
        #expect(described("民国三十八年") == described("民國三十八年"))
        #expect(Self.extractor.entities(in: "中華民國113年度預算").map { $0.value.map { "\($0)" } } == ["2024"])
        // Not an era: 人民国家, 建国38年来 (a period).
        #expect(described("人民国家").isEmpty)
        #expect(Self.extractor.entities(in: "建国38年来").map { $0.value.map { "\($0)" } } == ["P38Y"])
    }

    @Test func cantoneseDaysTimesAndDollars() {
        let entities = Self.extractor.entities(in: "聽日下晝三點半開會，琴日佢畀咗五十蚊。")
        #expect(entities.map(\.text) == ["聽日下晝三點半", "琴日", "五十蚊"])
        #expect(entities.map { $0.value.map { "\($0)" } } == ["2026-12-01T15:30", "2026-11-29", "50 HKD"])
        // Day words only as whole tokens: 之后|日本, 钢琴|日 hold none.
        #expect(!Self.extractor.entities(in: "会议之后日本代表发言，世界钢琴日").contains { $0.label == .date })
    }
}
