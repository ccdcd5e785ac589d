import Testing
@testable import ZhKit

/// The lexicon engine: the words it finds, and the contract every engine keeps.
@Suite struct LexiconEngineTests {
    let segmenter: Segmenter

    init() throws {
        segmenter = try Segmenter(engine: .lexicon)
    }

    func words(_ text: String, _ segmenter: Segmenter? = nil) -> [String] {
        (segmenter ?? self.segmenter).tokens(in: text).filter { !$0.isWhitespace }.map { String($0.text) }
    }

    @Test(arguments: SegmenterTests.hostileStrings)
    func hostileStringsAreCoveredExactly(_ text: String) throws {
        try SegmenterTests().expectLossless(text, segmenter.tokens(in: text))
    }

    @Test func fixesWhatICUSplits() throws {
        let icu = try Segmenter(engine: .icu)
        #expect(!words("联合国环境规划署", icu).contains("联合国"))
        #expect(words("联合国环境规划署").joined(separator: "|").contains("联合国"))
    }

    @Test func numbersStayWhole() {
        #expect(words("2020年12月31日") == ["2020年", "12月", "31日"])
        #expect(words("增长３．５％，达到1,000元") == ["增长", "３．５％", "，", "达到", "1,000", "元"])
        #expect(words("二○○一年") == ["二○○一年"])
        #expect(words("10年来") .first == "10")  // a duration is no date
    }

    @Test func aWordListDecidesWhichNumbersTakeUnits() throws {
        // A list without dates of the `D日` shape (CityU's) writes `2 日`; one with five or more
        // (MSR's way) joins any such date; without a list, the grammar joins it.
        let apart = try Segmenter(userWords: ["会议", "日"].map { DictionaryEntry(word: $0) })
        #expect(words("会议2日举行", apart) == ["会议", "2", "日", "举行"])
        let joined = try Segmenter(userWords: ["1日", "3日", "5日", "7日", "9日"].map { DictionaryEntry(word: $0) })
        #expect(words("会议2日举行", joined).contains("2日"))
        #expect(words("会议2日举行").contains("2日"))
    }

    @Test func mixedScriptsFollowUAX29() {
        #expect(words("G20峰会和5G网络，COVID-19疫情") == ["G20", "峰会", "和", "5G", "网络", "，", "COVID", "-", "19", "疫情"])
        #expect(words("他说——好……") == ["他", "说", "——", "好", "……"])
    }

    @Test func aHundredThousandHanCharactersWithoutPunctuation() throws {
        let run = String(String(repeating: "中华人民共和国成立以来环境保护事业不断发展", count: 5_000).unicodeScalars.prefix(100_000))
        #expect(run.unicodeScalars.count == 100_000)
        let tokens = segmenter.tokens(in: run)
        try SegmenterTests().expectLossless(run, tokens)
        #expect(tokens.count < 60_000)  // words, not characters
    }

    @Test func userWordsWin() throws {
        // The general lexicon splits this name; a user word keeps it whole.
        let text = "蓝瓶子咖啡和创新办主任李小福"
        #expect(!words(text).contains("蓝瓶子"))
        let custom = try segmenter.adding([DictionaryEntry(word: "蓝瓶子"), DictionaryEntry(word: "创新办"), DictionaryEntry(word: "李小福")])
        let found = words(text, custom)
        #expect(found.contains("蓝瓶子"))
        #expect(found.contains("创新办"))
        #expect(found.contains("李小福"))
        // A user word wins even over a frequent general word that overlaps it.
        let overlap = try segmenter.adding([DictionaryEntry(word: "国环")])
        #expect(words("联合国环境", overlap).contains("国环"))
        // The original segmenter is unchanged.
        #expect(!words(text).contains("蓝瓶子"))
    }

    @Test func userWordsWithNewCharacters() throws {
        let custom = try segmenter.adding([DictionaryEntry(word: "𠀀𠀁")])
        #expect(words("前𠀀𠀁后", custom).contains("𠀀𠀁"))
    }

    @Test func unknownWordsJoinRareCharacters() {
        // Names the lexicon has never seen: their characters are rare as words of their own, and
        // the character model joins them.
        #expect(words("记者邝翊璇报道") == ["记者", "邝翊璇", "报道"])
        #expect(words("主席玲英发言") == ["主席", "玲英", "发言"])
        // Common characters stay single: the model does not glue function words together.
        #expect(words("我们是他的朋友") == ["我们", "是", "他", "的", "朋友"])
    }

    @Test func unknownWordsComeOutAsCharactersNotLost() throws {
        // Characters the lexicon has never seen are still tokens of their own.
        let text = "䶵䶶䶷是罕见字"
        let tokens = segmenter.tokens(in: text)
        try SegmenterTests().expectLossless(text, tokens)
        #expect(tokens.prefix(3).allSatisfy { $0.kind == .ideographic })
    }

    @Test func numberShapesAreLearntFromAWordList() throws {
        // A list that writes numbers with their classifiers (as MSR does) teaches the shape.
        let list = (1...9).map { DictionaryEntry(word: "\($0)个") } + (1...9).map { DictionaryEntry(word: "\($0)月\($0)日") }
        let custom = try segmenter.adding(list)
        #expect(words("有25个人", custom).contains("25个"))
        #expect(words("11月23日", custom) == ["11月23日"])
        #expect(!words("有25个人").contains("25个"))
    }
}
