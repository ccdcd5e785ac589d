#if canImport(Glibc)
import Glibc
#endif

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

    /// Knobs of the lattice, fixed by evaluation (see the README's accuracy table).
    struct Tuning {
        /// Added to every word's score: above 0 favours more, shorter words. The general
        /// lexicon's compounds (`新世纪`, `检察机关`) are coarser than the common standards write;
        /// 2.5 was the best value on the odd lines of both SIGHAN 2005 test sets. With user words,
        /// the user's standard sets the granularity, and the bonus is 0.
        var wordBonus: Float = 2.5
        var wordBonusWithUserWords: Float = 0
        /// Whether runs of single characters go through the character model.
        var characterModel = false

        /// `ZHKIT_TUNING="bonus=3,hmm=1"` overrides the defaults, for experiments.
        static let current: Tuning = {
            var tuning = Tuning()
            guard let spec = getenv("ZHKIT_TUNING").map({ String(cString: $0) }) else { return tuning }
            for pair in spec.split(separator: ",") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let value = Float(parts[1]) else { continue }
                switch parts[0] {
                case "bonus": tuning.wordBonus = value
                case "userbonus": tuning.wordBonusWithUserWords = value
                case "hmm": tuning.characterModel = value != 0
                default: break
                }
            }
            return tuning
        }()
    }

    let tuning = Tuning.current
    let wordBonus: Float

    init(lexicon: Lexicon, userWords: UserLexicon?) {
        self.lexicon = lexicon
        self.userWords = userWords
        wordBonus = userWords == nil ? tuning.wordBonus : tuning.wordBonusWithUserWords
    }

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
            if w.breakable[i + 1] { consider(i + 1, lexicon.unknownScore + wordBonus) }
            // Words starting here: the lexicon's and the user's, walked together along the
            // same characters, so that a lexicon word knows whether it is a user word too.
            var state = DoubleArrayTrie.root
            var userState: Int32? = userWords == nil ? nil : DoubleArrayTrie.root
            var j = i
            while j < n {
                let lexiconNext = state >= 0 ? lexicon.trie.child(of: state, label: w.codes[j]) : nil
                let userNext = userState.flatMap { userWords!.trie.child(of: $0, label: w.userCodes[j]) }
                guard lexiconNext != nil || userNext != nil else { break }
                state = lexiconNext ?? -1
                userState = userNext
                j += 1
                guard w.breakable[j] else { continue }
                let userWord = userNext.map { userWords!.trie.valueAt($0) } ?? -1
                if userWord >= 0 {
                    consider(j, userWords!.score(ofWord: userWord) + wordBonus)
                } else if let lexiconNext, case let word = lexicon.trie.valueAt(lexiconNext), word >= 0 {
                    // With user words, a general word that is not one of them yields to them.
                    let penalty: Float = userWords != nil && j - i > 1 ? UserLexicon.nonUserPenalty : 0
                    consider(j, lexicon.score(ofWord: word) + wordBonus - penalty)
                }
            }
            // Numbers shaped as the user's word list writes them.
            if let userWords, !userWords.numberTemplates.isEmpty {
                userWords.numberTemplates.forEachMatch(in: w.scalars, from: i) { end in
                    if w.breakable[end] { consider(end, userWords.templateScore(length: end - i) + wordBonus) }
                }
            }
            // Numbers, with the unit that follows them.
            for end in NumberGrammar.numberEnds(w.scalars, from: i) {
                consider(end, NumberGrammar.score + wordBonus)
            }
            w.best[i] = bestScore
            w.route[i] = Int32(bestEnd)
        }

        w.ends.removeAll(keepingCapacity: true)
        var start = 0
        while start < n {
            let end = Int(w.route[start])
            w.ends.append(Int32(end))
            start = end
        }
        if tuning.characterModel { applyCharacterModel(&w) }
        start = 0
        for end in w.ends.lazy.map({ Int($0) }) {
            let kind: TokenKind = NumberGrammar.isDigit(w.scalars[start]) ? .number : (w.scalars[start] == 0xFF05 ? .symbol : .ideographic)
            spans.append(TokenSpan(end: w.offsets[end], kind: kind))
            start = end
        }
    }

    /// Re-segments each stretch of two or more single-character words with the character model,
    /// which joins characters that the lexicon does not know as a word (names, new words).
    func applyCharacterModel(_ w: inout Workspace) {
        var merged: [Int32] = []
        merged.reserveCapacity(w.ends.count)
        var start = 0
        var index = 0
        while index < w.ends.count {
            // A stretch of single Han characters: [start, stretchEnd).
            var stretchEnd = start
            var count = 0
            while index + count < w.ends.count, Int(w.ends[index + count]) == stretchEnd + 1,
                !NumberGrammar.isDigitGroupScalar(w.scalars[stretchEnd])
            {
                stretchEnd += 1
                count += 1
            }
            if count >= 2 {
                viterbi(w.codes, start..<stretchEnd, into: &merged)
                index += count
                start = stretchEnd
            } else {
                let end = Int(w.ends[index])
                merged.append(Int32(end))
                index += 1
                start = end
            }
        }
        w.ends = merged
    }

    /// The most likely B/M/E/S labelling of `codes[range]`, appended as word ends.
    func viterbi(_ codes: [Int32], _ range: Range<Int>, into ends: inout [Int32]) {
        let model = lexicon.model
        let floor: Float = -1e5  // a character the model has not seen: no state preferred
        func emission(_ position: Int, _ state: Int) -> Float {
            let code = Int(codes[position])
            guard code > 0, code * 4 + state < model.emission.count else { return floor }
            return max(model.emission[code * 4 + state], floor)
        }
        let m = range.count
        var score = [Float](repeating: -.infinity, count: m * 4)
        var back = [UInt8](repeating: 0, count: m * 4)
        for state in 0..<4 { score[state] = model.start[state] + emission(range.lowerBound, state) }
        for t in 1..<m {
            for state in 0..<4 {
                var best = -Float.infinity
                var from = 0
                for previous in 0..<4 {
                    let value = score[(t - 1) * 4 + previous] + model.transition[previous * 4 + state]
                    if value > best { best = value; from = previous }
                }
                score[t * 4 + state] = best + emission(range.lowerBound + t, state)
                back[t * 4 + state] = UInt8(from)
            }
        }
        // A word must end at the stretch's end: state E (2) or S (3).
        var state = score[(m - 1) * 4 + 2] >= score[(m - 1) * 4 + 3] ? 2 : 3
        var labels = [Int](repeating: 0, count: m)
        for t in stride(from: m - 1, through: 0, by: -1) {
            labels[t] = state
            state = Int(back[t * 4 + state])
        }
        for t in 0..<m where labels[t] >= 2 || t == m - 1 {
            ends.append(Int32(range.lowerBound + t + 1))
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
