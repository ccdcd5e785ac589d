import Foundation
import Testing
import ZhKit
import ZhKitCorpus
import ZhKitEntities

@Suite struct JSONWriterTests {
    static let hostile = [
        "plain", "", "quote \" backslash \\ slash /", "controls \u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}",
        "line\u{2028}para\u{2029}end", "emoji 👩‍👩‍👧 and 中文", "\u{FEFF}bom", "\u{10FFFF}\u{E000}",
    ]

    @Test(arguments: hostile)
    func stringsRoundTripThroughJSONSerialization(_ text: String) throws {
        var writer = JSONWriter()
        writer.string(text)
        let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes), options: [.fragmentsAllowed])
        #expect(parsed as? String == text)
        #expect(!writer.bytes.contains(0x0A), "no raw line break may end a JSONL record early")
    }

    @Test(arguments: [0, 7, 10, 99, 12345, -42, Int.max, Int.min])
    func integersAreDecimal(_ value: Int) {
        var writer = JSONWriter()
        writer.integer(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }

    @Test func decimalsAreShortest() {
        for (value, expected) in [(0.794, "0.794"), (1.0, "1"), (0.0, "0"), (0.5000004, "0.5"), (0.1234567, "0.123457"), (-0.25, "-0.25")] {
            var writer = JSONWriter()
            writer.decimal(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
        }
    }

    @Test func segmentedTextMatchesTheContract() throws {
        let text = "联合国 UNEP，2020年👍\n"
        let segmenter = try Segmenter()
        let tokens = segmenter.tokens(in: text)
        var writer = JSONWriter()
        var copy = text
        copy.withUTF8 { bytes in writer.segmentedText(bytes, spans: segmenter.spans(in: bytes)) { _ in } }
        #expect(writer.bytes.last == 0x0A)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        #expect(object["text"] as? String == text)
        let records = try #require(object["tokens"] as? [[String: Any]])
        #expect(records.count == tokens.count)
        let scalars = Array(text.unicodeScalars)
        for record in records {
            let start = try #require(record["start"] as? Int)
            let end = try #require(record["end"] as? Int)
            let piece = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(piece == record["text"] as? String)
            #expect(TokenKind(name: record["kind"] as? String ?? "") != nil)
            let utf8 = try #require(record["utf8"] as? [Int])
            #expect(String(decoding: Array(text.utf8)[utf8[0]..<utf8[1]], as: UTF8.self) == piece)
            let utf16 = try #require(record["utf16"] as? [Int])
            #expect(String(decoding: Array(text.utf16)[utf16[0]..<utf16[1]], as: UTF16.self) == piece)
        }
    }
}

@Suite struct TokenObjectsTests {
    static let texts: [String] = [
        "联合国环境规划署（UNEP）发布报告。\r\n2020年12月，\"引号\"与\\反斜杠\t制表",
        "\u{2028}行\u{2029}段\u{FEFF}零宽\u{7F}\u{01}控制 𠀀𝄞 supplementary",
        String(repeating: "a", count: 20_000) + "长的一个词",  // a token longer than the scratch buffer
        "",
    ]

    /// The token writer (every format's tokens) writes the segmenter's `Token` values: the same
    /// texts, kinds and offsets in the three units, through a scratch buffer smaller than a token.
    @Test(arguments: texts)
    func tokenObjectsAreTheSegmentersTokens(_ text: String) throws {
        let segmenter = try Segmenter()
        var writer = JSONWriter(capacity: 16)
        var position = TextPosition.zero
        var first = true
        var copy = text
        writer.raw(UInt8(ascii: "["))
        copy.withUTF8 { bytes in writer.tokenObjects(segmenter.spans(in: bytes), in: bytes, position: &position, first: &first) }
        writer.raw(UInt8(ascii: "]"))
        let written = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [[String: Any]])
        let tokens = segmenter.tokens(in: text)
        #expect(written.count == tokens.count)
        for (json, token) in zip(written, tokens) {
            #expect(json["text"] as? String == String(token.text))
            #expect(json["kind"] as? String == token.kind.name)
            #expect(json["start"] as? Int == token.scalars.lowerBound)
            #expect(json["end"] as? Int == token.scalars.upperBound)
            #expect(json["utf8"] as? [Int] == [token.utf8.lowerBound, token.utf8.upperBound])
            #expect(json["utf16"] as? [Int] == [token.utf16.lowerBound, token.utf16.upperBound])
        }
    }
}

/// Inputs the fuzzer found (Fuzz/run.sh), kept as regression tests.
@Suite struct FuzzFindingsTests {
    /// Adjacent entities inside one token once made an empty token (crash-87d2153a…).
    @Test func adjacentEntitiesMakeNoEmptyToken() throws {
        let text = "卡迪设计的4040\n年春夏系列时装包括一件由回收塑料制成裙。"
        let annotator = Annotator(extractor: EntityExtractor(segmenter: try Segmenter()), reflow: false)
        let document = annotator.annotate(Array(text.utf8), id: "x")
        var start = 0
        for span in document.spans {
            #expect(span.end > start)
            start = span.end
        }
        #expect(start == text.utf8.count)
    }
}
