import Testing
import ZhKitICU

@Suite struct WordBreakerTests {
    func segments(_ text: String) throws -> [(String, WordRuleStatus)] {
        var result: [(String, WordRuleStatus)] = []
        let bytes = Array(text.utf8)
        let breaker = try WordBreaker()
        var start = 0
        try bytes.withUnsafeBufferPointer { buffer in
            try breaker.forEachSegment(in: buffer) { end, status in
                result.append((String(decoding: bytes[start..<end], as: UTF8.self), status))
                start = end
            }
        }
        #expect(start == bytes.count, "segments must end at the end of the text")
        return result
    }

    @Test func statusesTellNumbersLettersAndIdeographs() throws {
        let segments = try segments("2020年 UNEP，")
        let statuses = Dictionary(segments.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        #expect(statuses["2020"] == .number)
        #expect(statuses["年"] == .ideograph)
        #expect(statuses["UNEP"] == .letter)
        #expect(statuses["，"] == WordRuleStatus.none)
        #expect(statuses[" "] == WordRuleStatus.none)
    }

    @Test func dictionaryBreaksHanRuns() throws {
        // ICU's Chinese dictionary splits a Han run into words, not characters or one block.
        let words = try segments("环境规划").map(\.0)
        #expect(words.joined() == "环境规划")
        #expect(words.count > 1 && words.count < 4)
    }

    @Test func emptyTextHasNoSegments() throws {
        #expect(try segments("").isEmpty)
    }

    @Test func oneBreakerServesManyTexts() throws {
        let breaker = try WordBreaker()
        for text in ["第一", "second text", "第三段文字。"] {
            var last = 0
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                try breaker.forEachSegment(in: buffer) { end, _ in last = end }
            }
            #expect(last == bytes.count)
        }
    }

    @Test func reportsTheLinkedICUVersion() {
        let major = Int(icuVersion.split(separator: ".").first ?? "")
        #expect(major != nil && major! >= 60)
    }
}
