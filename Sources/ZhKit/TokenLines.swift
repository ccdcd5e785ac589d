/// The lines of a segmented text, each with its tokens; line breaks (LF, CR LF) are left out.
///
/// Segmenting many lines as one text and then splitting the tokens by line gives the same words
/// as segmenting each line alone, because word boundaries never cross a line break (UAX #29,
/// WB3a and WB3b), and costs one segmenter call instead of one per line.
public struct TokenLines: Sequence {
    /// One line: its text without the line break, its tokens, and where it starts in the source.
    public struct Line {
        /// The line's text, without its LF or CR LF.
        public var text: Substring
        /// The line's tokens; their offsets count from the start of the whole text.
        public var tokens: ArraySlice<Token>
        /// The offsets of the line's first character in the whole text.
        public var origin: TextPosition
    }

    let text: String
    let tokens: [Token]

    /// Splits `tokens`, the tokens of `text`, into lines.
    public init(text: String, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
    }

    public func makeIterator() -> Iterator {
        Iterator(text: text, tokens: tokens)
    }

    public struct Iterator: IteratorProtocol {
        let text: String
        let tokens: [Token]
        var index = 0
        var lineStart = TextPosition.zero
        var lineStartIndex: String.Index

        init(text: String, tokens: [Token]) {
            self.text = text
            self.tokens = tokens
            lineStartIndex = text.startIndex
        }

        public mutating func next() -> Line? {
            guard index < tokens.count else { return nil }
            let first = index
            while index < tokens.count {
                let token = tokens[index]
                index += 1
                // A line feed is a token of its own, "\n" or "\r\n" (UAX #29, WB3).
                if token.kind == .whitespace, token.utf8.count <= 2, token.text.utf8.last == UInt8(ascii: "\n") {
                    let line = Line(
                        text: text[lineStartIndex..<token.text.startIndex],
                        tokens: tokens[first..<(index - 1)],
                        origin: lineStart)
                    lineStart = token.end
                    lineStartIndex = token.text.endIndex
                    return line
                }
            }
            return Line(text: text[lineStartIndex...], tokens: tokens[first..<index], origin: lineStart)
        }
    }
}
