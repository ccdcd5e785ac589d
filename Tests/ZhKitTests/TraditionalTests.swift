import Testing
@testable import ZhKit

/// Traditional text through the Simplified lexicon: the same words, raw tokens and offsets.
@Suite struct TraditionalTests {
    static let segmenter = try! Segmenter()

    /// Word boundaries of `text` as (scalar start, scalar end) pairs.
    func boundaries(_ text: String, _ segmenter: Segmenter = segmenter) -> [Range<Int>] {
        segmenter.tokens(in: text).map(\.scalars)
    }

    @Test(arguments: [
        ("聯合國環境規劃署成立於1972年，總部設在內羅畢。", "联合国环境规划署成立于1972年，总部设在内罗毕。"),
        ("世界衛生組織宣佈撥款3億美元，兩萬人參加了會議。", "世界卫生组织宣布拨款3亿美元，两万人参加了会议。"),
        ("臺灣的經濟發展很快，裡面還有許多問題。", "台湾的经济发展很快，里面还有许多问题。"),
    ])
    func traditionalTextIsCutAsItsSimplifiedForm(traditional: String, simplified: String) {
        #expect(traditional.unicodeScalars.count == simplified.unicodeScalars.count)
        #expect(boundaries(traditional) == boundaries(simplified))
    }

    @Test func tokensKeepTheRawTextAndOffsets() {
        let text = "下午三點半在臺北開會"
        let tokens = Self.segmenter.tokens(in: text)
        #expect(tokens.map(\.text).joined() == text)
        #expect(tokens.map(\.text).contains("臺北"))
        let utf8 = Array(text.utf8)
        for token in tokens { #expect(Array(utf8[token.utf8]) == Array(token.text.utf8)) }
    }

    @Test func variantsBothScriptsWriteFoldOnlyInTraditionalText() {
        // 於 is 于 in Traditional text (由於 = 由于), and stays itself in Simplified text.
        let traditional = try! Segmenter(script: .traditional)
        let simplified = try! Segmenter(script: .simplified)
        #expect(traditional.tokens(in: "由於").map(\.text) == ["由於"])
        #expect(simplified.tokens(in: "由於").map(\.text) == ["由", "於"])
        // Told from the text: a run with a Traditional-only character (這), or the text so far.
        #expect(Self.segmenter.tokens(in: "這是由於").map(\.text).contains("由於"))
        #expect(Self.segmenter.tokens(in: "這是真的。由於").map(\.text).contains("由於"))
        #expect(!Self.segmenter.tokens(in: "这是真的。由於").map(\.text).contains("由於"))
    }

    @Test func regionalWordsAreInTheLexicon() throws {
        let lexicon = try Lexicon.bundled()
        // Taiwan's names for Eswatini and Mozambique (OpenCC's TWPhrases), in either script.
        #expect(lexicon.contains("史瓦濟蘭"))
        #expect(lexicon.contains("史瓦济兰"))
        #expect(lexicon.contains("莫三比克"))
    }

    @Test func scriptClassesComeFromOpenCCsTables() throws {
        let table = try HanScriptTable.bundled.get()
        #expect(table.scriptClass(of: ("萬" as Unicode.Scalar).value) == .traditional)
        #expect(table.scriptClass(of: ("国" as Unicode.Scalar).value) == .simplified)
        #expect(table.scriptClass(of: ("於" as Unicode.Scalar).value) == .traditionalVariant)
        #expect(table.scriptClass(of: ("人" as Unicode.Scalar).value) == .shared)
        #expect(table.folded(("萬" as Unicode.Scalar).value, inTraditionalText: false) == ("万" as Unicode.Scalar).value)
        #expect(table.folded(("於" as Unicode.Scalar).value, inTraditionalText: false) == ("於" as Unicode.Scalar).value)
        #expect(table.folded(("於" as Unicode.Scalar).value, inTraditionalText: true) == ("于" as Unicode.Scalar).value)
        #expect(table.script(of: "我們在這裡".unicodeScalars.map(\.value)) == .traditional)
        #expect(table.script(of: "我们在这里".unicodeScalars.map(\.value)) == .simplified)
        #expect(table.script(of: "人大".unicodeScalars.map(\.value)) == .simplified)
    }

    @Test func conversionFollowsPhrasesThenCharacters() throws {
        let converter = try ScriptConverter.bundled()
        #expect(converter.convert("联合国环境规划署成立于1972年", to: .traditional) == "聯合國環境規劃署成立於1972年")
        // One Simplified character, two Traditional ones: the phrase decides.
        #expect(converter.convert("头发", to: .traditional) == "頭髮")
        #expect(converter.convert("发展", to: .traditional) == "發展")
        #expect(converter.convert("頭髮和發展", to: .simplified) == "头发和发展")
        // Not Han: unchanged.
        #expect(converter.convert("UNEP 2020, ½ …", to: .traditional) == "UNEP 2020, ½ …")
        let text = "世界卫生组织宣布拨款3亿美元，两万人于下午三点半参加。"
        let converted = converter.convert(text, to: .traditional)
        #expect(converted.unicodeScalars.count == text.unicodeScalars.count)
        #expect(converter.convert(converted, to: .simplified) == text)
    }

    @Test func aWordListsBadLinesCanBeSkipped() throws {
        let list = "联合国\n坏\u{7}词\n环境 x 1 2\n规划署 5\n"
        #expect(throws: DictionaryError.self) { try DictionaryEntry.parse(list, source: "list") }
        let (entries, skipped) = DictionaryEntry.parseSkippingInvalid(list, source: "list")
        #expect(entries.map(\.word) == ["联合国", "规划署"])
        #expect(skipped.map(\.line) == [2, 3])
        #expect(skipped[0].reason.contains("control character"))
    }

    @Test func userWordsThatDifferOnlyByScriptAreOneWord() throws {
        // 裡面 and 裏面 both read as 里面: one key, no duplicate in the trie.
        let segmenter = try Segmenter(userWords: [DictionaryEntry(word: "裡面"), DictionaryEntry(word: "裏面"), DictionaryEntry(word: "里面")])
        #expect(segmenter.tokens(in: "在裏面").map(\.text) == ["在", "裏面"])
    }
}
