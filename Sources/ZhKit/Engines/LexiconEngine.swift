internal import ZhKitICU

/// The `lexicon` engine: a word lattice for Han text, ICU's rules for everything else.
///
/// The text is cut into runs. A run of lattice characters (Han, 〇 and ○, digits with the
/// points and commas between them, `％`) goes to the lattice; any other stretch goes to ICU's
/// word break, whose rules (UAX #29) are right for Latin words, spaces, emoji and the rest, and
/// fast there because ICU's dictionary engine only runs on Han. Digits that touch Latin letters
/// (`G20`, `5G`) stay with the letters, as UAX #29 keeps them. Runs of the same dash or ellipsis
/// (`——`, `……`) are one punctuation mark, as Chinese typography writes them.
struct LexiconEngine {
    let lattice: LatticeSegmenter

    func spans(in bytes: UnsafeBufferPointer<UInt8>) -> [TokenSpan] {
        var spans: [TokenSpan] = []
        spans.reserveCapacity(bytes.count / 4 + 1)
        let workspace = LatticeSegmenter.Workspace()
        var breaker: WordBreaker?
        let n = bytes.count
        var index = 0
        while index < n {
            let start = index
            let runEnd = latticeRunEnd(bytes, from: index)
            if runEnd > start {
                lattice.segment(bytes, start..<runEnd, into: &spans, workspace: workspace)
                index = runEnd
                continue
            }
            // A stretch of other characters, up to the next lattice run.
            index = otherStretchEnd(bytes, from: index)
            segmentOther(bytes, start..<index, into: &spans, breaker: &breaker)
        }
        return spans
    }

    /// The end of the lattice run starting at `start`, or `start` when none starts there.
    @inline(__always)
    func latticeRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var index = start
        var digitsStart = -1  // where the trailing digits of the run start
        var previous: UInt32 = 0
        while index < n {
            let (scalar, length) = decodeScalarAndLength(bytes, at: index)
            var inRun = Lexicon.isLatticeScalar(scalar)
            if !inRun, NumberGrammar.isDigitSeparator(scalar), NumberGrammar.isDigit(previous), index + length < n {
                // A point or comma between digits belongs to the number.
                inRun = NumberGrammar.isDigit(decodeScalarAndLength(bytes, at: index + length).0)
            }
            if !inRun {
                // Digits right before a letter go with the letter (UAX #29: `5G`).
                if digitsStart >= 0, isLetter(scalar) { return digitsStart }
                break
            }
            if NumberGrammar.isDigit(scalar) {
                // Digits right after a letter stay with it (`G20`): they start no run.
                if index == start, start > 0, isLetter(previousScalar(bytes, before: start)) { return start }
                if digitsStart < 0 { digitsStart = index }
            } else if !NumberGrammar.isDigitGroupScalar(scalar) {
                digitsStart = -1
            }
            previous = scalar
            index += length
        }
        return index
    }

    /// The end of a stretch of non-lattice characters starting at `start`.
    @inline(__always)
    func otherStretchEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var index = start
        var previous: UInt32 = 0
        while index < n {
            let (scalar, length) = decodeScalarAndLength(bytes, at: index)
            if index > start, Lexicon.isLatticeScalar(scalar), !(NumberGrammar.isDigit(scalar) && (isLetter(previous) || NumberGrammar.isDigit(previous))) {
                if latticeRunEnd(bytes, from: index) > index { break }
            }
            previous = scalar
            index += length
        }
        return index
    }

    /// Segments a stretch of non-lattice text with ICU, single characters and dash runs directly.
    func segmentOther(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into spans: inout [TokenSpan], breaker: inout WordBreaker?) {
        var index = range.lowerBound
        var pending = index  // start of text not yet segmented
        while index < range.upperBound {
            let (scalar, length) = decodeScalarAndLength(bytes, at: index)
            guard isRepeatablePunctuation(scalar), index + length < range.upperBound,
                decodeScalarAndLength(bytes, at: index + length).0 == scalar
            else {
                index += length
                continue
            }
            var end = index + length
            while end < range.upperBound, decodeScalarAndLength(bytes, at: end).0 == scalar { end += length }
            segmentWithICU(bytes, pending..<index, into: &spans, breaker: &breaker)
            spans.append(TokenSpan(end: end, kind: .punctuation))
            index = end
            pending = end
        }
        segmentWithICU(bytes, pending..<range.upperBound, into: &spans, breaker: &breaker)
    }

    func segmentWithICU(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into spans: inout [TokenSpan], breaker: inout WordBreaker?) {
        guard !range.isEmpty else { return }
        let (scalar, length) = decodeScalarAndLength(bytes, at: range.lowerBound)
        if length == range.count {
            // One character is one token: no need to ask ICU.
            let kind = TokenKind.ofSingleScalar(scalar)
            spans.append(TokenSpan(end: range.upperBound, kind: kind))
            return
        }
        do {
            if breaker == nil { breaker = try WordBreaker(locale: "zh") }
            var start = range.lowerBound
            try breaker!.forEachSegment(in: UnsafeBufferPointer(rebasing: bytes[range])) { end, status in
                let kind = Segmenter.kind(of: bytes, from: start, status: status)
                start = range.lowerBound + end
                spans.append(TokenSpan(end: start, kind: kind))
            }
        } catch {
            spans.append(TokenSpan(end: range.upperBound, kind: .other))
        }
    }

    @inline(__always)
    func isLetter(_ scalar: UInt32) -> Bool {
        (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar) || (0xFF21...0xFF3A).contains(scalar) || (0xFF41...0xFF5A).contains(scalar)
    }

    @inline(__always)
    func isRepeatablePunctuation(_ scalar: UInt32) -> Bool {
        scalar == 0x2014 || scalar == 0x2026 || scalar == 0x2015 || scalar == 0x2500
    }

    func previousScalar(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> UInt32 {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decodeScalarAndLength(bytes, at: start).0
    }
}
