import Testing
import ZhKit

@Suite struct StructureTests {
    static let segmenter = try! Segmenter()

    /// The sentences of `text` as strings, and which start a paragraph.
    static func sentences(_ text: String, reflow: Bool = false) -> [(String, Bool)] {
        var text = text
        return text.withUTF8 { bytes in
            let spans = segmenter.spans(in: bytes, reflow: reflow)
            var starts = [0]
            for span in spans { starts.append(span.end) }
            return Sentences.split(bytes, spans: spans, reflow: reflow).map { sentence in
                let range = starts[sentence.tokens.lowerBound]..<starts[sentence.tokens.upperBound]
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), sentence.startsParagraph)
            }
        }
    }

    static let cases: [(String, [String])] = [
        ("今天下雨。明天晴！后天呢？", ["今天下雨。", "明天晴！", "后天呢？"]),
        ("他说：“好！”然后走了。", ["他说：“好！”", "然后走了。"]),
        ("（见附件。）下一句。", ["（见附件。）", "下一句。"]),
        ("第一行\n第二行", ["第一行\n", "第二行"]),
        ("结束。\n\n新段落。", ["结束。\n\n", "新段落。"]),
        ("\n\n开头有空行。", ["\n\n开头有空行。"]),
        ("我们……还有希望。他说……\n下一段", ["我们……还有希望。", "他说……\n", "下一段"]),
        ("价格是3.5元. Next sentence.", ["价格是3.5元. ", "Next sentence."]),
        ("", []),
        ("   ", ["   "]),
    ]

    @Test(arguments: cases)
    func sentencesEndAtTerminalsAndParagraphs(_ text: String, _ expected: [String]) {
        let found = Self.sentences(text)
        #expect(found.map(\.0) == expected)
        #expect(found.map(\.0).joined() == text)
    }

    @Test func paragraphsStartAfterLineBreaks() {
        let found = Self.sentences("一。二。\n三。")
        #expect(found.map(\.1) == [true, false, true])
    }

    @Test func reflowJoinsHardWrapsOnly() {
        let text = "联合国开发计划\n\n署成立。\n新段落有2\n1个国家。"
        #expect(Self.sentences(text).count == 4)
        let reflowed = Self.sentences(text, reflow: true)
        #expect(reflowed.map(\.0) == ["联合国开发计划\n\n署成立。\n", "新段落有2\n1个国家。"])
    }

    @Test func reflowedTokensCoverTheRawTextAndSpanTheWrap() {
        var text = "近50年来，联\n合国环境规划署提供了科学知识。\n下一段。"
        let tokens: [String] = text.withUTF8 { bytes in
            var start = 0
            return Self.segmenter.spans(in: bytes, reflow: true).map { span in
                defer { start = span.end }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<span.end]), as: UTF8.self)
            }
        }
        #expect(tokens.joined() == text)
        #expect(tokens.contains("联\n合国环境规划署"))
        #expect(tokens.contains("\n"))  // the paragraph break after 。 stays a token of its own
        var wrapped = "2020\n年"
        let wraps = wrapped.withUTF8 { Reflow.wraps(in: $0) }
        #expect(wraps == [4..<5])
        var notWrapped = "结束。\n开始"
        #expect(notWrapped.withUTF8 { Reflow.wraps(in: $0) }.isEmpty)
    }
}
