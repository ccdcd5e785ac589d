import Foundation
import PropertyBased
import Testing
import ZhKit
import ZhKitCorpus
import ZhKitEntities

/// Invariants under random text: strings built of pieces that trouble segmenters and entity
/// grammars (numerals, brackets, wraps, controls, combining runs, ZWJ sequences, all planes).
@Suite struct PropertyTests {
    static let annotators = [false, true].map { Annotator(extractor: EntityExtractor(segmenter: try! Segmenter()), reflow: $0) }

    static let pieces = [
        "联合国", "环境规划署", "委员会", "联盟", "（", "）", "(", ")", "《", "》", "“", "”", "「", "」", "2020", "年", "12月", "5日",
        "三", "十", "百", "万", "亿", "两", "壹", "〇", "第", "分之", "%", "％", "至", "-", "～", "—", "近", "来", "未来", "这", "数十",
        "家", "个", "美元", "吨", "°C", "１２", "．", ".", "·", "UNEP", "AGRI3", "。", "！", "？", "…", "，", "、", "\n", "\r\n", "\n\n",
        " ", "  ", "\t", "\u{3000}", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{200B}",
        "\u{200D}", "👩‍👩‍👧", "🇨🇳", "e\u{301}\u{301}\u{301}", "\u{301}", "𠀀", "𪚥", "\u{10FFFF}", "\u{E000}", "ａ", "Ａ", "ｱ", "한",
        "ا", "https://unep.org/2020-12", "以下简称", "\"", "\\", "|", "\t=", "#",
    ]

    /// A piece, or any scalar of any plane.
    static let piece = Gen<String?>.element(of: pieces).map { $0 ?? "" }
    /// Any scalar of any plane (the surrogate block is no scalar: it is skipped).
    static let scalar = Gen.int(in: 0...(0x10FFFF - 0x800)).map { value in
        String(Unicode.Scalar(UInt32(value < 0xD800 ? value : value + 0x800))!)
    }
    static let text = Gen.oneOf(piece, scalar).array(of: 0...50).map { $0.joined() }

    @Test func tokensSentencesAndEntitiesHoldTheirPromises() async {
        await propertyCheck(count: 1000, input: Self.text, Gen.bool) { text, reflow in
            let bytes = Array(text.utf8)
            let document = Self.annotators[reflow ? 1 : 0].annotate(bytes, id: "p")
            let layout = DocumentLayout(document)
            // Tokens cover the text; offsets agree across the three units.
            #expect(layout.positions.last?.utf8 == bytes.count)
            #expect(layout.positions.last?.scalars == text.unicodeScalars.count)
            #expect(layout.positions.last?.utf16 == text.utf16.count)
            #expect(zip(layout.positions, layout.positions.dropFirst()).allSatisfy { $0.utf8 < $1.utf8 })
            // Sentences cover the tokens, in order.
            var next = 0
            for sentence in document.sentences {
                #expect(sentence.tokens.lowerBound == next)
                next = sentence.tokens.upperBound
            }
            #expect(next == document.spans.count)
            // Every entity slices to its text in all three units.
            let scalars = Array(text.unicodeScalars)
            let utf16 = Array(text.utf16)
            for entity in document.entities {
                #expect(String(String.UnicodeScalarView(scalars[entity.scalars])) == entity.text)
                #expect(String(decoding: bytes[entity.utf8], as: UTF8.self) == entity.text)
                #expect(String(decoding: utf16[entity.utf16], as: UTF16.self) == entity.text)
            }
            try Self.writersParseBack(layout, text: text)
        }
    }

    /// Every writer's output parses back: JSON by JSONSerialization, CoNLL-U by its line
    /// structure, BRAT by its offsets.
    static func writersParseBack(_ layout: DocumentLayout, text: String) throws {
        var jsonl = JSONWriter()
        jsonl.corpusDocument(layout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonl.bytes)) as? [String: Any])
        #expect(object["text"] as? String == text)
        var spacy = JSONWriter()
        spacy.spacy(layout)
        #expect(try JSONSerialization.jsonObject(with: Data(spacy.bytes)) is [String: Any])
        var hf = JSONWriter()
        hf.huggingFace(layout, scheme: .bioes)
        for line in hf.bytes.split(separator: 0x0A) {
            // A line that does not parse, or lacks either list, fails here rather than comparing nil with nil.
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let tokens = try #require(row["tokens"] as? [String])
            let tags = try #require(row["ner_tags"] as? [Int])
            #expect(tokens.count == tags.count)
        }
        var conllu = JSONWriter()
        conllu.conllu(layout, scheme: .bio)
        let lines = String(decoding: conllu.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines where !line.isEmpty && !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(columns.count == 10 && !columns[1].isEmpty && Int(columns[0]) != nil, "\(line)")
        }
        let scalars = Array(text.unicodeScalars)
        for entity in BratEntity.entities(of: layout.document) {
            let pieces = entity.fragments.map { String(String.UnicodeScalarView(scalars[$0])) }
            #expect(pieces.joined(separator: " ") == entity.text)
            #expect(!entity.text.contains("\n"))
        }
    }
}
