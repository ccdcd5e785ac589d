import Foundation
import Testing
import ZhKit

/// Losslessness and offsets: the contract every engine keeps.
@Suite struct SegmenterTests {
    let segmenter: Segmenter

    init() throws {
        segmenter = try Segmenter(engine: .icu)
    }

    /// Checks that `tokens` cover `text` exactly and that every offset agrees with Swift's own
    /// views of the string in all three units.
    func expectLossless(_ text: String, _ tokens: [Token], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(tokens.map { String($0.text) }.joined() == text, "tokens must join back to the text", sourceLocation: sourceLocation)
        var expected = TextPosition.zero
        for token in tokens {
            #expect(!token.text.isEmpty, "no empty token", sourceLocation: sourceLocation)
            #expect(token.start == expected, "no gap, no overlap at \(expected)", sourceLocation: sourceLocation)
            let text = token.text
            expected.utf8 += text.utf8.count
            expected.scalars += text.unicodeScalars.count
            expected.utf16 += text.utf16.count
            #expect(token.end == expected, sourceLocation: sourceLocation)
            // Offsets index the source as other languages would.
            let utf8 = Array(text.utf8)
            #expect(Array(text.base.utf8)[token.utf8] == utf8[...], sourceLocation: sourceLocation)
        }
        #expect(expected.utf8 == text.utf8.count, sourceLocation: sourceLocation)
        #expect(expected.scalars == text.unicodeScalars.count, sourceLocation: sourceLocation)
        #expect(expected.utf16 == text.utf16.count, sourceLocation: sourceLocation)
    }

    @Test func seedReportIsCoveredExactly() throws {
        let seed = try String(contentsOfFile: Fixtures.seedPath, encoding: .utf8)
        #expect(seed.utf8.count > 30_000)
        let tokens = segmenter.tokens(in: seed)
        expectLossless(seed, tokens)
        #expect(tokens.contains { $0.text == "联合国" || $0.text == "联合" })
        #expect(tokens.contains { $0.kind == .number })
        #expect(tokens.contains { $0.kind == .whitespace && $0.text.contains("\n") })
    }

    static let hostileStrings: [String] = [
        "",
        "中文English混合русский текст한국어テキスト",
        "家庭👨‍👩‍👧‍👦和🏳️‍🌈旗，肤色👍🏽。",
        "e\u{301}te\u{301} Z\u{335}\u{31B}a\u{300}\u{301}\u{302}lgo 组合符号\u{20DD}",
        "第一行\r\n第二行\r\n\r\n\n末行",
        "NUL\u{0}在\u{0}中间\u{0}",
        "\u{FEFF}带BOM的文本",
        "单独的\r回车和\u{2028}行分隔\u{2029}段分隔\u{85}",
        "全角数字２０２０年和１２．５％，半角100%",
        "\u{3000}\u{3000}全角空格\t制表符  两个空格",
        "𠀀𠀁𪚥𫝀 supplementary ideographs 𝕏𝕐",
        "\u{E000}私用区\u{10FFFF}最后一个码位\u{FFFD}",
        "((((((【【【《《《“““",
        // Separators before digits once left a lattice position without a route (found on the
        // People's Daily dev set).
        "３陕长岭Ａ１７．７５", "．７５", "年．７５．", "..12..3.", "１．", "1,2,3,4", "第3.5.",
    ]

    @Test(arguments: hostileStrings)
    func hostileStringsAreCoveredExactly(_ text: String) {
        expectLossless(text, segmenter.tokens(in: text))
    }

    @Test func oneMegabyteLineWithNoBreak() {
        let line = String(repeating: "环境署在全球范围内开展工作", count: 30_000) + String(repeating: "x", count: 10)
        #expect(line.utf8.count > 1_000_000)
        let tokens = segmenter.tokens(in: line)
        expectLossless(line, tokens)
    }

    @Test func kindsFollowTheCharacters() {
        let tokens = segmenter.tokens(in: "UNEP在2020年，投入５０％ 👍")
        let kinds = Dictionary(tokens.map { (String($0.text), $0.kind) }, uniquingKeysWith: { a, _ in a })
        #expect(kinds["UNEP"] == .letter)
        #expect(kinds["2020"] == .number)
        #expect(kinds["，"] == .punctuation)
        #expect(kinds[" "] == .whitespace)
        #expect(kinds["👍"] == .symbol)
        #expect(tokens.contains { $0.kind == .ideographic })
    }

    @Test func separateSegmentersAgreeAcrossThreads() async throws {
        let seed = try String(contentsOfFile: Fixtures.seedPath, encoding: .utf8)
        let expected = segmenter.tokens(in: seed)
        let shared = segmenter
        try await withThrowingTaskGroup(of: [Token].self) { group in
            for _ in 0..<8 {
                group.addTask { shared.tokens(in: seed) }
            }
            for try await tokens in group {
                #expect(tokens == expected)
            }
        }
    }
}
