import Testing
@testable import ZhKit

@Suite struct SegmentationScorerTests {
    @Test func countsMatchingWordsLineByLine() throws {
        // Gold: 6 words; test: 5 words, 3 of them right (我们, 的, 。).
        let gold = "我们 喜欢 北京 的 秋天 。\n"
        let test = "我们 喜 欢北京 的 秋天。\n"
        let score = try SegmentationScorer().score(gold: gold, test: test)
        #expect(score.goldWords == 6)
        #expect(score.testWords == 5)
        #expect(score.correctWords == 2)
        #expect(score.recall == 2.0 / 6.0)
        #expect(score.precision == 2.0 / 5.0)
        #expect(abs(score.f1 - 2 * (2.0 / 5) * (2.0 / 6) / (2.0 / 5 + 2.0 / 6)) < 1e-12)
    }

    @Test func outOfVocabularyRecall() throws {
        let scorer = SegmentationScorer(trainingWords: ["我们", "喜欢", "的"])
        // OOV gold words: 北京, 秋天 (2 of 5); the test finds 北京 only.
        let score = try scorer.score(gold: "我们 喜欢 北京 的 秋天\r\n", test: "我们 喜欢 北京 的 秋 天\r\n")
        #expect(score.oovGoldWords == 2)
        #expect(score.correctOOVWords == 1)
        #expect(score.oovRate == 0.4)
        #expect(score.oovRecall == 0.5)
        #expect(score.ivRecall == 1.0)
        #expect(score.correctWords == 4)
    }

    @Test func fullWidthSpaceSeparatesWords() throws {
        let score = try SegmentationScorer().score(gold: "一\u{3000}二  三", test: "一 二\u{3000}三")
        #expect(score.correctWords == 3)
        #expect(score.f1 == 1)
    }

    @Test func lineCountsMustAgree() {
        #expect(throws: SegmentationScoringError.lineCountMismatch(gold: 2, test: 1)) {
            try SegmentationScorer().score(gold: "一\n二\n", test: "一\n")
        }
    }

    @Test func emptyGoldLinesAreSkippedAndMismatchesReported() throws {
        let score = try SegmentationScorer().score(gold: "一 二\n\n三\n", test: "一 二\n多余\n四\n")
        #expect(score.lines == 2)
        #expect(score.testWords == 3)
        #expect(score.mismatchedLines == [3])
    }

    @Test func alignmentIsALongestCommonSubsequence() {
        let gold: [Substring] = ["A", "B", "C", "B", "D"]
        let test: [Substring] = ["B", "C", "X", "D"]
        #expect(BakeoffAlignment.alignedGoldWords(gold, test) == [false, true, true, false, true])
    }

    @Test func frequentWordsInsideRunsOfUnmatchedWordsAreSetAside() {
        // As GNU diff does (checked with `diff -y`: 11 gold words unchanged, where a longest
        // common subsequence has 12): "，" occurs more than five times in the gold, and the test's
        // last one sits deep inside a run of words absent from the gold, so it is set aside.
        func words(_ text: String) -> [Substring] { text.split(separator: " ") }
        let gold = words("首 甲 ， 乙 ， 丙 ， 丁 ， 戊 ， 己 ， 庚 尾")
        let test = words("头 甲 ， 乙 ， 丙 ， 丁 ， 戊 ， 己 a b c ， d e f 末")
        #expect(BakeoffAlignment.alignedGoldWords(gold, test).filter { $0 }.count == 11)
        let ids = { (words: [Substring]) in words.map { $0.unicodeScalars.first!.value } }
        let plain = BakeoffAlignment.longestCommonSubsequence(ids(gold).map(Int.init), ids(test).map(Int.init))
        #expect(plain.filter { $0 }.count == 12)
    }

    @Test func identicalEndsAreTakenOffFirst() {
        // Here the frequent "，" are mostly in the identical tail, which diff removes before it
        // counts, so nothing is set aside: `diff -y` keeps 8 of 8.
        let comma: Substring = "，"
        let gold: [Substring] = ["甲", comma, comma, comma, comma, comma, comma, "乙"]
        let test: [Substring] = ["甲", "a", "b", "c", "d", comma, "e", "f", "g", "h", comma, comma, comma, comma, comma, "乙"]
        #expect(BakeoffAlignment.alignedGoldWords(gold, test).allSatisfy { $0 })
    }
}
