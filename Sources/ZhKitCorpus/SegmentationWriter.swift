import ZhKit

/// Writes segmented lines straight from UTF-8 bytes, as `zhkit segment` does at speed.
///
/// Public only to the benchmarks (`@_spi(Benchmarks)`), which time `zhkit segment`'s path.
/// It takes token ranges from `Segmenter.forEachToken(inUTF8:)` and counts scalar and UTF-16
/// offsets as it goes, so that no `Token` or `String` is made per token.
@_spi(Benchmarks) public struct SegmentationWriter {
    public enum Format: Sendable {
        /// Words separated by one space, whitespace dropped, one output line per input line.
        case text
        /// One JSON object per line: `{"text", "tokens": [...]}` as `segmentedText` writes it.
        case jsonl
    }

    public let format: Format
    package var writer: JSONWriter

    public init(format: Format, capacity: Int) {
        self.format = format
        writer = JSONWriter(capacity: capacity)
    }

    /// Segments `bytes`, whole lines of valid UTF-8, and appends one output line per input line.
    ///
    /// With `reflow`, a hard wrap (`Reflow`) is no line end: a word broken by one is one word
    /// (written without the wrap in the text format), and the lines it joins are one output line.
    /// `bytes` must then end at a paragraph end, not inside a wrapped line.
    public mutating func appendLines(_ bytes: UnsafeBufferPointer<UInt8>, segmenter: Segmenter, reflow: Bool = false) {
        if format == .text, !reflow {
            appendTextLines(bytes, segmenter: segmenter)
            return
        }
        var lineTokens: [(Range<Int>, TokenKind)] = []
        var lineStart = 0
        var start = 0
        for span in segmenter.spans(in: bytes, reflow: reflow) {
            let range = start..<span.end
            start = span.end
            // A line feed is a token of its own, "\n" or "\r\n" (UAX #29, WB3); with reflow, one
            // that is a wrap ends no line.
            if span.kind == .whitespace, range.count <= 2, bytes[range.upperBound - 1] == 0x0A, !(reflow && Reflow.isWrap(range, in: bytes)) {
                finishLine(bytes, lineStart..<range.lowerBound, lineTokens)
                lineTokens.removeAll(keepingCapacity: true)
                lineStart = range.upperBound
            } else {
                lineTokens.append((range, span.kind))
            }
        }
        if lineStart < bytes.count || !lineTokens.isEmpty {
            finishLine(bytes, lineStart..<bytes.count, lineTokens)
        }
    }

    /// The text format, written straight into the output's storage: at most one space per
    /// token is added, so twice the input's size is always enough. O(n).
    private mutating func appendTextLines(_ bytes: UnsafeBufferPointer<UInt8>, segmenter: Segmenter) {
        let start = writer.bytes.count
        let capacity = bytes.count * 2 + 1
        writer.bytes.append(contentsOf: repeatElement(0, count: capacity))
        var written = 0
        writer.bytes.withUnsafeMutableBufferPointer { output in
            let out = output.baseAddress! + start
            var atLineStart = true
            var lineOpen = false
            segmenter.forEachToken(inUTF8: bytes) { range, kind in
                if kind == .whitespace {
                    // A line feed is a token of its own, "\n" or "\r\n" (UAX #29, WB3).
                    if range.count <= 2, bytes[range.upperBound - 1] == 0x0A {
                        out[written] = 0x0A
                        written += 1
                        atLineStart = true
                        lineOpen = false
                    } else {
                        lineOpen = true
                    }
                    return
                }
                if !atLineStart {
                    out[written] = 0x20
                    written += 1
                }
                atLineStart = false
                lineOpen = true
                let count = range.count
                if count == 3 {
                    out[written] = bytes[range.lowerBound]
                    out[written + 1] = bytes[range.lowerBound + 1]
                    out[written + 2] = bytes[range.lowerBound + 2]
                } else {
                    UnsafeMutableRawPointer(out + written).copyMemory(from: bytes.baseAddress! + range.lowerBound, byteCount: count)
                }
                written += count
            }
            // The last line has no line feed in the input; it gets one here.
            if lineOpen {
                out[written] = 0x0A
                written += 1
            }
        }
        writer.bytes.removeLast(capacity - written)
    }

    private mutating func finishLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ tokens: [(Range<Int>, TokenKind)]) {
        switch format {
        case .text:
            var first = true
            for (range, kind) in tokens where kind != .whitespace {
                if !first { writer.raw(UInt8(ascii: " ")) }
                first = false
                // A word a wrap runs through (reflow) is written without it: 联\n合国 → 联合国.
                var index = range.lowerBound
                while index < range.upperBound {
                    if let space = Reflow.spaceLength(at: index, in: bytes) {
                        index += space
                    } else {
                        writer.bytes.append(bytes[index])
                        index += 1
                    }
                }
            }
            writer.raw(UInt8(ascii: "\n"))
        case .jsonl:
            // The line's own text and tokens, offsets counted from its start.
            let spans = tokens.map { TokenSpan(end: $0.0.upperBound - line.lowerBound, kind: $0.1) }
            writer.segmentedText(UnsafeBufferPointer(rebasing: bytes[line]), spans: spans) { _ in }
        }
    }
}

extension SegmentationWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] { writer.bytes }
}
