/// Hard line wraps of PDF-extracted text: where a line break inside a sentence means nothing.
///
/// Text extracted from a PDF breaks lines wherever the page did, inside words and numbers
/// (`联\n合国环境规划署`, `2\n1个国家`), sometimes with a blank line (`开发计划\n\n署`). Chinese puts
/// no space between words, so a whitespace run with a line break between two Han characters or
/// digits is such a wrap, not a paragraph end. With reflow, tokens and sentences run across it;
/// offsets still count the raw bytes.
package enum Reflow {
    /// The whitespace runs of `bytes` that are hard wraps: spaces, tabs, line breaks and U+3000,
    /// at least one line break among them, between a Han character, 〇 or a digit (or % after a
    /// number) and a Han character, 〇 or a digit. In order. O(n).
    package static func wraps(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var wraps: [Range<Int>] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == 0x0A else {
                index &+= 1
                continue
            }
            // The whole whitespace run around this line feed.
            var start = index
            while start > 0, let length = spaceLength(endingAt: start, in: bytes) { start -= length }
            var end = index
            while end < count, let length = spaceLength(at: end, in: bytes) { end += length }
            if start > 0, end < count, continuesAcrossWrap(scalar(endingAt: start, in: bytes)), joinsAcrossWrap(decodeScalarAndLength(bytes, at: end).0) {
                wraps.append(start..<end)
            }
            index = end
        }
        return wraps
    }

    /// Whether the whitespace token `range` of `bytes`, which holds a line break, is a hard wrap
    /// (as `wraps(in:)` tells). O(1).
    package static func isWrap(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.lowerBound > 0 && range.upperBound < bytes.count
            && continuesAcrossWrap(scalar(endingAt: range.lowerBound, in: bytes))
            && joinsAcrossWrap(decodeScalarAndLength(bytes, at: range.upperBound).0)
    }

    /// A character a wrapped line may end with: Han, 〇, a digit, or % after a number.
    @inlinable
    package static func continuesAcrossWrap(_ scalar: UInt32) -> Bool {
        joinsAcrossWrap(scalar) || scalar == 0x25 || scalar == 0xFF05
    }

    /// A character a wrapped line may go on with: Han, 〇 or a digit.
    @inlinable
    package static func joinsAcrossWrap(_ scalar: UInt32) -> Bool {
        CharacterClass.isHan(scalar) || CharacterClass.isDigit(scalar) || CharacterClass.isZeroCircle(scalar)
    }

    /// The length of the whitespace character (space, tab, CR, LF, U+3000) at `index`, or `nil`.
    package static func spaceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
        default: return nil
        }
    }

    /// The length of the whitespace character that ends just before `end`, or `nil`.
    static func spaceLength(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        switch bytes[end - 1] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0x80 where end >= 3 && bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80: return 3
        default: return nil
        }
    }

    /// The scalar that ends just before `end` of valid UTF-8.
    static func scalar(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decodeScalarAndLength(bytes, at: start).0
    }
}

extension Segmenter {
    /// The segments of `bytes`, with hard line wraps (`Reflow.wraps(in:)`) treated as no boundary
    /// when `reflow` is on: a word broken by a wrap is one token whose bytes include the wrap
    /// (`联\n合国`), and a wrap that falls between words is a whitespace token. The spans cover
    /// `bytes` exactly, as always. O(n).
    package func spans(in bytes: UnsafeBufferPointer<UInt8>, reflow: Bool) -> [TokenSpan] {
        guard reflow else { return spans(in: bytes) }
        let wraps = Reflow.wraps(in: bytes)
        guard !wraps.isEmpty else { return spans(in: bytes) }
        // The text without its wraps, and where each wrap was taken out.
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count)
        var cuts: [(position: Int, length: Int)] = []
        var next = 0
        for wrap in wraps {
            joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[next..<wrap.lowerBound]))
            cuts.append((joined.count, wrap.count))
            next = wrap.upperBound
        }
        joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[next...]))
        let joinedSpans = joined.withUnsafeBufferPointer { spans(in: $0) }
        // Back to raw offsets: a wrap at a token boundary is a whitespace token; one inside a
        // token is part of it.
        var result: [TokenSpan] = []
        result.reserveCapacity(joinedSpans.count + wraps.count)
        var shift = 0
        var cut = 0
        var start = 0
        for span in joinedSpans {
            while cut < cuts.count, cuts[cut].position == start {
                shift += cuts[cut].length
                result.append(TokenSpan(end: start + shift, kind: .whitespace))
                cut += 1
            }
            while cut < cuts.count, cuts[cut].position < span.end {
                shift += cuts[cut].length
                cut += 1
            }
            result.append(TokenSpan(end: span.end + shift, kind: span.kind))
            start = span.end
        }
        return result
    }
}
