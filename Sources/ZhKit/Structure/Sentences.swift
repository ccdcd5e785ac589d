/// A sentence: a run of consecutive tokens, and whether a paragraph starts with it.
public struct SentenceSpan: Sendable, Hashable {
    /// The indices of its tokens in the token list it was found in.
    public var tokens: Range<Int>
    /// Whether it opens a paragraph (the text's start, or after a line break that ends one).
    public var startsParagraph: Bool

    public init(tokens: Range<Int>, startsParagraph: Bool) {
        self.tokens = tokens
        self.startsParagraph = startsParagraph
    }
}

/// Sentences and paragraphs over a segmentation.
///
/// A sentence ends after 。！？!? (and a `.` before a space), with the closing quotes and
/// brackets that follow (`。”`, `？）`), and at every line break that ends a paragraph; with reflow, a
/// hard wrap (`Reflow`) ends nothing. The whitespace after a sentence belongs to it, so the
/// sentences cover the text exactly, as the tokens do.
package enum Sentences {
    /// The sentences of `bytes` (valid UTF-8) segmented into `spans`. O(n).
    package static func split(_ bytes: UnsafeBufferPointer<UInt8>, spans: [TokenSpan], reflow: Bool) -> [SentenceSpan] {
        var sentences: [SentenceSpan] = []
        var sentenceStart = 0
        var startsParagraph = true
        var index = 0
        var tokenStart = 0
        func close(at end: Int) {
            guard end > sentenceStart else { return }
            sentences.append(SentenceSpan(tokens: sentenceStart..<end, startsParagraph: startsParagraph))
            sentenceStart = end
        }
        while index < spans.count {
            let span = spans[index]
            let range = tokenStart..<span.end
            if span.kind == .whitespace, hasLineBreak(range, in: bytes) {
                tokenStart = span.end
                index += 1
                if reflow, Reflow.isWrap(range, in: bytes) { continue }
                close(at: index)
                startsParagraph = true
                continue
            }
            let endsWithEllipsis = span.kind == .punctuation && isEllipsis(range, in: bytes) && ellipsisEnds(after: index, spans: spans, in: bytes)
            guard span.kind == .punctuation, isTerminal(range, in: bytes) || endsWithEllipsis else {
                tokenStart = span.end
                index += 1
                continue
            }
            // The terminal, then closing marks and more terminals (`。”`, `？！`), then spaces.
            tokenStart = span.end
            index += 1
            while index < spans.count, spans[index].kind == .punctuation,
                isClosing(tokenStart..<spans[index].end, in: bytes) || isTerminal(tokenStart..<spans[index].end, in: bytes)
            {
                tokenStart = spans[index].end
                index += 1
            }
            var breaksLine = false
            while index < spans.count, spans[index].kind == .whitespace {
                breaksLine = breaksLine || hasLineBreak(tokenStart..<spans[index].end, in: bytes)
                tokenStart = spans[index].end
                index += 1
            }
            close(at: index)
            startsParagraph = breaksLine
        }
        close(at: spans.count)
        return mergingBlankSentences(sentences, spans: spans)
    }

    /// Sentences of whitespace only (blank lines between paragraphs) join the sentence before
    /// them, or the one after at the text's start.
    static func mergingBlankSentences(_ sentences: [SentenceSpan], spans: [TokenSpan]) -> [SentenceSpan] {
        var merged: [SentenceSpan] = []
        var pendingStart: Int?
        for sentence in sentences {
            let blank = sentence.tokens.allSatisfy { spans[$0].kind == .whitespace }
            if blank {
                if merged.isEmpty {
                    pendingStart = pendingStart ?? sentence.tokens.lowerBound
                } else {
                    merged[merged.count - 1].tokens = merged[merged.count - 1].tokens.lowerBound..<sentence.tokens.upperBound
                }
                continue
            }
            var sentence = sentence
            if let start = pendingStart {
                sentence.tokens = start..<sentence.tokens.upperBound
                sentence.startsParagraph = true
                pendingStart = nil
            }
            merged.append(sentence)
        }
        if let start = pendingStart {
            merged.append(SentenceSpan(tokens: start..<spans.count, startsParagraph: true))
        }
        return merged
    }

    static func hasLineBreak(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in range where bytes[index] == 0x0A || bytes[index] == 0x0D { return true }
        return false
    }

    /// 。！？!?｡, and `.` when a space or the text's end follows and no digit precedes.
    static func isTerminal(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !range.isEmpty else { return false }
        let (scalar, length) = decodeScalarAndLength(bytes, at: range.lowerBound)
        guard length == range.count else {
            // A run of one mark (`！！`, `？！`): terminal if every scalar is.
            var index = range.lowerBound
            while index < range.upperBound {
                let (next, size) = decodeScalarAndLength(bytes, at: index)
                guard terminals.contains(next) else { return false }
                index += size
            }
            return true
        }
        if scalar == 0x2E {
            let followedBySpace = range.upperBound == bytes.count || bytes[range.upperBound] == 0x20 || bytes[range.upperBound] == 0x0A
            let afterDigit = range.lowerBound > 0 && (0x30...0x39).contains(bytes[range.lowerBound - 1])
            return followedBySpace && !afterDigit
        }
        return terminals.contains(scalar)
    }

    /// A run of …: a sentence's end only where a closing mark, a line break or the text's end
    /// follows (`……”`), not inside a sentence (`我们……还有`).
    static func isEllipsis(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, size) = decodeScalarAndLength(bytes, at: index)
            guard scalar == 0x2026 || scalar == 0x22EF else { return false }
            index += size
        }
        return !range.isEmpty
    }

    static func ellipsisEnds(after index: Int, spans: [TokenSpan], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index + 1 < spans.count else { return true }
        let next = spans[index].end..<spans[index + 1].end
        switch spans[index + 1].kind {
        case .punctuation: return isClosing(next, in: bytes) || isEllipsis(next, in: bytes)
        case .whitespace: return hasLineBreak(next, in: bytes)
        default: return false
        }
    }

    /// Closing quotes and brackets that stay with the sentence they close.
    static func isClosing(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (scalar, length) = decodeScalarAndLength(bytes, at: range.lowerBound)
        return length == range.count && closers.contains(scalar)
    }

    static let terminals: Set<UInt32> = [0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF61]
    static let closers: Set<UInt32> = [0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3011, 0x3009, 0x22, 0x27]
}
