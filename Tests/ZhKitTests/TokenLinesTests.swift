import Testing
import ZhKit

@Suite struct TokenLinesTests {
    @Test func linesDropTheirBreaksAndKeepOrigins() throws {
        let text = "第一行\r\n第二 行\n\n最后"
        let tokens = try Segmenter().tokens(in: text)
        let lines = Array(TokenLines(text: text, tokens: tokens))
        #expect(lines.map { String($0.text) } == ["第一行", "第二 行", "", "最后"])
        for line in lines {
            #expect(line.tokens.map { String($0.text) }.joined() == line.text)
            if let first = line.tokens.first { #expect(first.start == line.origin) }
        }
        #expect(lines[1].origin == TextPosition(utf8: 11, scalars: 5, utf16: 5))
    }

    @Test func finalLineBreakMakesNoEmptyLine() throws {
        let text = "一\n二\n"
        let lines = Array(TokenLines(text: text, tokens: try Segmenter().tokens(in: text)))
        #expect(lines.map { String($0.text) } == ["一", "二"])
    }
}
