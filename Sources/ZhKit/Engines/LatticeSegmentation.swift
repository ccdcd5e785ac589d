/// Segments runs of lattice characters (Han, digits, numerals) on a word lattice.
///
/// For a run of n characters, every word of the lexicon (and of the user's lexicon) that occurs
/// in the run is an edge of a lattice; a digit group (`２０２０`, `3.5`, `1,000`) is never cut;
/// numbers take the units that follow them (`年`, `％`, …) as one word; the best path maximises
/// the sum of the words' log probabilities (dynamic programming from the end, O(n · L) for
/// words of up to L characters).
struct LatticeSegmenter {
    let lexicon: Lexicon
    let userWords: UserLexicon?

    /// Scratch space reused from run to run, so that the hot path does not allocate.
    struct Workspace {
        var scalars: [UInt32] = []
        var offsets: [Int] = []  // byte offset of each character, and of the run's end
        var codes: [Int32] = []
        var userCodes: [Int32] = []
        var breakable: [Bool] = []
        var best: [Float] = []
        var route: [Int32] = []
        var ends: [Int32] = []  // word ends along the best path
    }

    /// Segments the lattice run `bytes[range]` and appends its spans.
    func segment(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into spans: inout [TokenSpan], workspace w: inout Workspace) {
        w.scalars.removeAll(keepingCapacity: true)
        w.offsets.removeAll(keepingCapacity: true)
        var index = range.lowerBound
        while index < range.upperBound {
            let (scalar, length) = decodeScalarAndLength(bytes, at: index)
            w.scalars.append(scalar)
            w.offsets.append(index)
            index += length
        }
        w.offsets.append(range.upperBound)
        let n = w.scalars.count

        w.codes.removeAll(keepingCapacity: true)
        for scalar in w.scalars { w.codes.append(lexicon.codes.code(of: scalar)) }
        if let userWords {
            w.userCodes.removeAll(keepingCapacity: true)
            for (scalar, code) in zip(w.scalars, w.codes) { w.userCodes.append(userWords.code(of: scalar, baseCode: code)) }
        }

        // A position inside a digit group is no word boundary.
        w.breakable.removeAll(keepingCapacity: true)
        w.breakable.append(true)
        for k in 1..<max(n, 1) {
            w.breakable.append(!(NumberGrammar.isDigitGroupScalar(w.scalars[k - 1]) && NumberGrammar.isDigitGroupScalar(w.scalars[k])))
        }
        if n > 0 { w.breakable.append(true) }

        w.best.removeAll(keepingCapacity: true)
        w.best.append(contentsOf: repeatElement(-Float.infinity, count: n + 1))
        w.route.removeAll(keepingCapacity: true)
        w.route.append(contentsOf: repeatElement(0, count: n + 1))
        w.best[n] = 0

        var i = n - 1
        while i >= 0 {
            defer { i -= 1 }
            guard w.breakable[i] else { continue }
            var bestScore = -Float.infinity
            var bestEnd = i + 1

            @inline(__always) func consider(_ end: Int, _ score: Float) {
                let total = score + w.best[end]
                if total > bestScore {
                    bestScore = total
                    bestEnd = end
                }
            }

            // The character alone, when that is a boundary.
            if w.breakable[i + 1] { consider(i + 1, lexicon.unknownScore) }
            // Lexicon words starting here.
            var state = DoubleArrayTrie.root
            var j = i
            while j < n, let next = lexicon.trie.child(of: state, label: w.codes[j]) {
                state = next
                j += 1
                let word = lexicon.trie.valueAt(state)
                if word >= 0, w.breakable[j] { consider(j, lexicon.score(ofWord: word)) }
            }
            // The user's words starting here.
            if let userWords {
                var state = DoubleArrayTrie.root
                var j = i
                while j < n, let next = userWords.trie.child(of: state, label: w.userCodes[j]) {
                    state = next
                    j += 1
                    let word = userWords.trie.valueAt(state)
                    if word >= 0, w.breakable[j] { consider(j, userWords.score(ofWord: word)) }
                }
            }
            // Numbers, with the unit that follows them.
            for end in NumberGrammar.numberEnds(w.scalars, from: i) {
                consider(end, NumberGrammar.score)
            }
            w.best[i] = bestScore
            w.route[i] = Int32(bestEnd)
        }

        var start = 0
        while start < n {
            let end = Int(w.route[start])
            let kind: TokenKind = NumberGrammar.isDigit(w.scalars[start]) ? .number : (w.scalars[start] == 0xFF05 ? .symbol : .ideographic)
            spans.append(TokenSpan(end: w.offsets[end], kind: kind))
            start = end
        }
    }
}

/// Decodes the scalar at `index` of valid UTF-8 and its length in bytes. O(1).
@inline(__always)
func decodeScalarAndLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
    if lead < 0xF0 {
        return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
    }
    return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
        | UInt32(bytes[index + 3] & 0x3F), 4)
}
