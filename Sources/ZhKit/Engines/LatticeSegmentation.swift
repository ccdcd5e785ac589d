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
    /// The script of the text, or `nil` to tell it from the text as it goes.
    let script: ChineseScript?
    /// The lexicon's script class of each BMP character (`HanScriptTable`), read once a character.
    let scriptClasses: UnsafeMutablePointer<UInt8>

    /// Knobs of the lattice, fixed by evaluation (see the README's accuracy table).
    struct Tuning {
        /// Added to every word's score: above 0 favours more, shorter words. The general
        /// lexicon's compounds (`新世纪`, `检察机关`) are coarser than the common standards write;
        /// 2.5 was the best value on the odd lines of both SIGHAN 2005 test sets. With user words,
        /// the user's standard sets the granularity, and the bonus is 0.
        var wordBonus: Float = 2.5
        var wordBonusWithUserWords: Float = 0
        /// Whether runs of single characters go through the character model. Its words are kept
        /// only when all their characters are rare as words of their own (below
        /// `rareCharacterScore`) and they are at most `maximumUnknownLength` long: jieba's way of
        /// applying the same model (every proposal kept) costs about two points of F on both
        /// SIGHAN sets, this way costs nothing on average and doubles OOV recall on MSR.
        var characterModel = true
        /// A character is rare as a word of its own below this log probability.
        var rareCharacterScore: Float = -8
        /// The longest word the character model may propose.
        var maximumUnknownLength = 3
        /// Whether personal names (`PersonNameModel`) are words of the lattice.
        var personNames = true
        /// log P(a word is a personal name), the name class's share of words, as the lattice
        /// weighs it: chosen on the odd lines of CityU and AS (−4 to −6 are within 0.001 of F);
        /// with the lexicon alone, −6 keeps PKU's F, whose standard splits names, unchanged.
        var namePrior: Float = -6
        var namePriorWithUserWords: Float = -4
        /// How much likelier than the best reading as words a name must be to be proposed.
        var nameMargin: Float = 0

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
                case "rare": tuning.rareCharacterScore = value
                case "maxlen": tuning.maximumUnknownLength = Int(value)
                case "names": tuning.personNames = value != 0
                case "nameprior": tuning.namePrior = value
                case "usernameprior": tuning.namePriorWithUserWords = value
                case "namemargin": tuning.nameMargin = value
                default: break
                }
            }
            return tuning
        }()
    }

    let tuning = Tuning.current
    let wordBonus: Float
    /// Whether the lattice proposes personal names: always with the lexicon alone, and with user
    /// words when their standard writes a name as one word (`UserLexicon.joinsPersonNames`).
    let proposesNames: Bool

    init(lexicon: Lexicon, userWords: UserLexicon?, script: ChineseScript?) {
        self.lexicon = lexicon
        self.userWords = userWords
        self.script = script
        scriptClasses = lexicon.script.classes.pointer
        wordBonus = userWords == nil ? tuning.wordBonus : tuning.wordBonusWithUserWords
        proposesNames = tuning.personNames && !lexicon.names.isEmpty && (userWords?.joinsPersonNames ?? true)
    }

    /// Scratch space reused from run to run, so that the hot path neither allocates nor pays
    /// for Swift arrays' checks: plain memory, grown when a longer run comes.
    final class Workspace {
        private(set) var capacity = 0
        private(set) var scalars = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
        /// The characters with Traditional-only ones in their Simplified forms, for the number grammar.
        private(set) var numberScalars = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
        private(set) var offsets = UnsafeMutablePointer<Int>.allocate(capacity: 1)  // one more than characters
        private(set) var codes = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        private(set) var userCodes = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        private(set) var breakable = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
        private(set) var best = UnsafeMutablePointer<Float>.allocate(capacity: 1)
        private(set) var route = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        /// The lexicon's score of the words of one, two and three characters starting at each
        /// position (`unknownScore` for a single character it lacks, else `-infinity`), noted as
        /// the lattice walks the trie, so that a name is weighed against them at no extra walk.
        private(set) var shortWords = UnsafeMutablePointer<Float>.allocate(capacity: 1)
        /// The character model's scratch: scores and back pointers, four states per character,
        /// and the word ends it proposes.
        private(set) var viterbiCapacity = 0
        private(set) var viterbiScores = UnsafeMutablePointer<Float>.allocate(capacity: 1)
        private(set) var viterbiBack = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        private(set) var proposedEnds = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

        func reserveViterbi(_ count: Int) {
            guard count * 4 > viterbiCapacity else { return }
            viterbiScores.deallocate()
            viterbiBack.deallocate()
            proposedEnds.deallocate()
            viterbiCapacity = max(count * 4, viterbiCapacity * 2, 256)
            viterbiScores = .allocate(capacity: viterbiCapacity)
            viterbiBack = .allocate(capacity: viterbiCapacity)
            proposedEnds = .allocate(capacity: viterbiCapacity)
        }
        /// The run's characters as an array, for the number grammar.
        var scalarArray: [UInt32] = []
        /// The characters of one script only seen so far in the text.
        var evidence = ScriptEvidence()

        init() {}

        /// Room for `count` characters (and the positions between them).
        func reserve(_ count: Int) {
            guard count + 1 > capacity else { return }
            deallocate()
            capacity = max(count + 1, capacity * 2, 256)
            scalars = .allocate(capacity: capacity)
            numberScalars = .allocate(capacity: capacity)
            offsets = .allocate(capacity: capacity)
            codes = .allocate(capacity: capacity)
            userCodes = .allocate(capacity: capacity)
            breakable = .allocate(capacity: capacity)
            best = .allocate(capacity: capacity)
            route = .allocate(capacity: capacity)
            shortWords = .allocate(capacity: capacity * 3)
        }

        private func deallocate() {
            scalars.deallocate()
            numberScalars.deallocate()
            offsets.deallocate()
            codes.deallocate()
            userCodes.deallocate()
            breakable.deallocate()
            best.deallocate()
            route.deallocate()
            shortWords.deallocate()
        }

        deinit {
            deallocate()
            viterbiScores.deallocate()
            viterbiBack.deallocate()
            proposedEnds.deallocate()
        }
    }

    /// Segments the lattice run `bytes[range]` and appends its spans.
    func segment(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into spans: inout [TokenSpan], workspace w: Workspace) {
        w.reserve(range.count)
        let scalars = w.scalars
        let numberScalars = w.numberScalars
        let offsets = w.offsets
        let codes = w.codes
        let userCodes = w.userCodes
        let breakable = w.breakable
        let best = w.best
        let route = w.route
        let shortWords = w.shortWords

        var n = 0
        var index = range.lowerBound
        var hasNumbers = false
        let lexiconCodes = lexicon.codes
        let scriptClasses = self.scriptClasses
        var evidence = ScriptEvidence()
        var hasVariants = false
        while index < range.upperBound {
            let (scalar, length) = decodeScalarAndLength(bytes, at: index)
            scalars[n] = scalar
            offsets[n] = index
            codes[n] = lexiconCodes.code(of: scalar)
            var simplified = scalar  // what the number grammar reads: 萬 as 万, 兩 as 两
            // The class straight from the table: Simplified text meets Simplified-only characters
            // (国, 们) at every turn, and they need a count, not the table's dictionaries.
            let scriptClass = scalar < 0x10000
                ? HanScriptTable.Class(rawValue: scriptClasses[Int(scalar)]) ?? .shared : lexicon.script.scriptClass(of: scalar)
            if scriptClass != .shared {
                evidence.add(scriptClass)
                hasVariants = hasVariants || scriptClass == .traditionalVariant
                if scriptClass == .traditional { simplified = lexicon.script.folded(scalar, inTraditionalText: false) }
            }
            numberScalars[n] = simplified
            hasNumbers = hasNumbers || NumberGrammar.isDigit(simplified) || NumberGrammar.isChineseNumeral(simplified)
            n += 1
            index += length
        }
        offsets[n] = range.upperBound
        if let userWords {
            // User words match as written: a Traditional variant keeps its own code for them.
            for k in 0..<n { userCodes[k] = userWords.code(of: scalars[k], baseCode: codes[k]) }
        }
        // Traditional-only characters read as Simplified through their codes; a variant that both
        // scripts write (於, 乾) does so only in Traditional text: this run's, or, when the run has
        // no character of one script only, the text's so far.
        w.evidence.simplified += evidence.simplified
        w.evidence.traditional += evidence.traditional
        if hasVariants, (script ?? evidence.script ?? w.evidence.script) == .traditional {
            let scriptTable = lexicon.script
            for k in 0..<n where scriptTable.scriptClass(of: scalars[k]) == .traditionalVariant {
                codes[k] = lexiconCodes.code(of: scriptTable.folded(scalars[k], inTraditionalText: true))
            }
        }
        // A position inside a digit group (digits, and separators between digits) is no word
        // boundary. A group starts with a digit: a stray `．` before digits is a character of its own.
        for k in 0...n { breakable[k] = true }
        var k = 0
        while k < n {
            if NumberGrammar.isDigit(scalars[k]) {
                var end = k + 1
                while end < n, NumberGrammar.isDigit(scalars[end])
                    || (NumberGrammar.isDigitSeparator(scalars[end]) && end + 1 < n && NumberGrammar.isDigit(scalars[end + 1]))
                {
                    end += 1
                }
                for inside in stride(from: k + 1, to: end, by: 1) { breakable[inside] = false }
                k = end
            } else {
                k += 1
            }
        }
        if hasNumbers {
            w.scalarArray.removeAll(keepingCapacity: true)
            w.scalarArray.append(contentsOf: UnsafeBufferPointer(start: numberScalars, count: n))
        }

        let trie = lexicon.trie
        let names = lexicon.names
        // Every code is below the table's count: code 0 and non-surnames read `absent`.
        let surnames = proposesNames ? names.surnames.pointer : nil
        let namePrior = userWords == nil ? tuning.namePrior : tuning.namePriorWithUserWords
        let unknown = lexicon.unknownScore + wordBonus
        let bonus = wordBonus
        best[n] = 0
        var i = n - 1
        while i >= 0 {
            defer { i -= 1 }
            guard breakable[i] else { continue }
            var bestScore = -Float.infinity
            var bestEnd = i + 1
            // The character alone, when that is a boundary.
            if breakable[i + 1] {
                bestScore = unknown + best[i + 1]
            }
            shortWords[i * 3] = lexicon.unknownScore
            shortWords[i * 3 + 1] = -.infinity
            shortWords[i * 3 + 2] = -.infinity
            // Words starting here: the lexicon's and the user's, walked together along the same
            // characters, so that a lexicon word knows whether it is a user word too.
            var state = DoubleArrayTrie.root
            var j = i
            if let userWords {
                var userState: Int32 = DoubleArrayTrie.root
                let userTrie = userWords.trie
                while j < n {
                    let lexiconNext = state >= 0 ? trie.child(of: state, label: codes[j]) ?? -1 : -1
                    let userNext = userState >= 0 ? userTrie.child(of: userState, label: userCodes[j]) ?? -1 : -1
                    guard lexiconNext >= 0 || userNext >= 0 else { break }
                    state = lexiconNext
                    userState = userNext
                    j += 1
                    if j - i <= 3, lexiconNext >= 0, case let word = trie.scoreAt(lexiconNext), word > -.infinity {
                        shortWords[i * 3 + j - i - 1] = word
                    }
                    guard breakable[j] else { continue }
                    let userScore = userNext >= 0 ? userTrie.scoreAt(userNext) : -.infinity
                    var score = -Float.infinity
                    if userScore > -.infinity {
                        score = userScore + bonus
                    } else if lexiconNext >= 0, case let word = trie.scoreAt(lexiconNext), word > -.infinity {
                        // A general word of several characters that is not a user word yields.
                        score = word + bonus - (j - i > 1 ? UserLexicon.nonUserPenalty : 0)
                    }
                    let total = score + best[j]
                    if total > bestScore { bestScore = total; bestEnd = j }
                }
                if hasNumbers, !userWords.numberTemplates.isEmpty {
                    userWords.numberTemplates.forEachMatch(in: w.scalarArray, from: i) { end in
                        guard breakable[end] else { return }
                        let total = userWords.templateScore(length: end - i) + bonus + best[end]
                        if total > bestScore { bestScore = total; bestEnd = end }
                    }
                }
            } else {
                while j < n, let next = trie.child(of: state, label: codes[j]) {
                    state = next
                    j += 1
                    let word = trie.scoreAt(next)
                    if j - i <= 3, word > -.infinity { shortWords[i * 3 + j - i - 1] = word }
                    if word > -.infinity, breakable[j] {
                        let total = word + bonus + best[j]
                        if total > bestScore { bestScore = total; bestEnd = j }
                    }
                }
            }
            // Personal names: a surname and one or two Han characters, when the name is likelier
            // than the best reading of the same characters as words. A name earns what the
            // characters it replaces would: the word bonus once a character, and with user words
            // the coverage of the user words among them (吴 美惠 → 吴美惠), neither more nor less;
            // else the longest name would always win, and names would swallow the words after them.
            if let surnames, surnames[Int(codes[i])] > PersonNameModel.absent {
                var end = i + 2
                while end <= min(i + 3, n), CharacterClass.isHan(scalars[end - 1]) {
                    defer { end += 1 }
                    guard breakable[end] else { continue }
                    let name = names.score(codes, i, end) + namePrior + Float(end - i) * bonus
                    let total = name + (userWords.map { userCoverage($0, userCodes, i, end) } ?? 0) + best[end]
                    // Weighed against the reading as words only when the name would win the path.
                    if total > bestScore, name - wordsScore(shortWords, i, end, bonus: bonus) > tuning.nameMargin {
                        bestScore = total
                        bestEnd = end
                    }
                }
            }
            // Numbers, with the unit that follows them; with user words, the number alone: their
            // list says which numbers take units, through its templates (CityU writes `2 日`).
            if hasNumbers {
                let ends = NumberGrammar.numberEnds(w.scalarArray, from: i)
                for end in ends where userWords == nil || end == ends.first {
                    let total = NumberGrammar.score + bonus + best[end]
                    if total > bestScore { bestScore = total; bestEnd = end }
                }
            }
            best[i] = bestScore
            route[i] = Int32(bestEnd)
        }

        // Walk the best path. With the character model on, stretches of two or more single
        // characters that are rare as words of their own go through it first.
        var start = 0
        var stretchStart = -1  // start of the pending stretch of rare single characters
        while start < n {
            // Every breakable position has a route; the guard keeps the tokens covering the text
            // whatever happens.
            var end = Int(route[start])
            if end <= start || end > n { end = start + 1 }
            if tuning.characterModel, end == start + 1, !NumberGrammar.isDigitGroupScalar(scalars[start]),
                singleScore(codes[start]) < tuning.rareCharacterScore
            {
                if stretchStart < 0 { stretchStart = start }
            } else {
                if stretchStart >= 0 {
                    emitStretch(w, stretchStart..<start, into: &spans)
                    stretchStart = -1
                }
                spans.append(TokenSpan(end: offsets[end], kind: Self.kind(of: scalars[start])))
            }
            start = end
        }
        if stretchStart >= 0 { emitStretch(w, stretchStart..<n, into: &spans) }
    }

    /// Emits a stretch of rare single characters: as the character model joins them (words of
    /// up to `maximumUnknownLength` characters), or one by one.
    func emitStretch(_ w: Workspace, _ range: Range<Int>, into spans: inout [TokenSpan]) {
        guard range.count >= 2 else {
            spans.append(TokenSpan(end: w.offsets[range.upperBound], kind: Self.kind(of: w.scalars[range.lowerBound])))
            return
        }
        let count = viterbi(w, range)
        var wordStart = range.lowerBound
        for k in 0..<count {
            let end = Int(w.proposedEnds[k])
            if end - wordStart <= tuning.maximumUnknownLength {
                spans.append(TokenSpan(end: w.offsets[end], kind: .ideographic))
            } else {
                for single in wordStart..<end { spans.append(TokenSpan(end: w.offsets[single + 1], kind: .ideographic)) }
            }
            wordStart = end
        }
    }

    /// The kind of a lattice word from its first character.
    @inline(__always)
    static func kind(of first: UInt32) -> TokenKind {
        NumberGrammar.isDigit(first) ? .number : (first == 0xFF05 ? .symbol : .ideographic)
    }

    /// The score of the best reading of the two or three characters `start..<end` as lexicon
    /// words, each earning `bonus`, from the scores of the short words noted at each position
    /// (`Workspace.shortWords`). O(1).
    @inline(__always)
    func wordsScore(_ shortWords: UnsafeMutablePointer<Float>, _ start: Int, _ end: Int, bonus: Float) -> Float {
        let first = shortWords + start * 3
        let second = first + 3
        let twoSingles = first[0] + second[0] + 2 * bonus
        if end - start == 2 { return max(twoSingles, first[1] + bonus) }
        let thirdSingle = first[6] + bonus
        return max(max(twoSingles + thirdSingle, first[1] + bonus + thirdSingle), max(first[0] + second[1] + 2 * bonus, first[2] + bonus))
    }

    /// The most coverage bonus user words earn within `userCodes[start..<end]` (a few characters).
    func userCoverage(_ userWords: UserLexicon, _ userCodes: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int) -> Float {
        var best = SIMD4<Float>(repeating: 0)
        let length = end - start
        for k in stride(from: length - 1, through: 0, by: -1) {
            var covered = best[k + 1]
            var state = DoubleArrayTrie.root
            var j = start + k
            while j < end, let next = userWords.trie.child(of: state, label: userCodes[j]) {
                state = next
                j += 1
                if j - start - k > 1, userWords.trie.scoreAt(next) > -.infinity {
                    covered = max(covered, Float(j - start - k - 1) * UserLexicon.coverageBonus + best[j - start])
                }
            }
            best[k] = covered
        }
        return best[0]
    }

    /// The lexicon's score of a character as a word of its own, or the unknown-character score.
    func singleScore(_ code: Int32) -> Float {
        guard code > 0, let state = lexicon.trie.child(of: DoubleArrayTrie.root, label: code) else { return lexicon.unknownScore }
        let score = lexicon.trie.scoreAt(state)
        return score > -.infinity ? score : lexicon.unknownScore
    }

    /// The most likely B/M/E/S labelling of the characters in `range`, written to
    /// `w.proposedEnds` as word ends; returns how many. O(m) with 4 × 4 transitions a character.
    func viterbi(_ w: Workspace, _ range: Range<Int>) -> Int {
        let model = lexicon.model
        let floor: Float = -1e5  // a character the model has not seen: no state preferred
        let codes = w.codes
        @inline(__always) func emission(_ position: Int, _ state: Int) -> Float {
            let code = Int(codes[position])
            guard code > 0, code * 4 + state < model.emission.count else { return floor }
            return max(model.emission[code * 4 + state], floor)
        }
        let m = range.count
        w.reserveViterbi(m)
        let score = w.viterbiScores
        let back = w.viterbiBack
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
        // A word must end at the stretch's end: state E (2) or S (3). Walk back, then reverse.
        var state = score[(m - 1) * 4 + 2] >= score[(m - 1) * 4 + 3] ? 2 : 3
        let ends = w.proposedEnds
        var count = 0
        for t in stride(from: m - 1, through: 0, by: -1) {
            if state >= 2 {
                ends[count] = Int32(range.lowerBound + t + 1)
                count += 1
            }
            state = Int(back[t * 4 + state])
        }
        var reversed = UnsafeMutableBufferPointer(start: ends, count: count)
        reversed.reverse()
        return count
    }
}

/// Decodes the scalar at `index` of valid UTF-8 and its length in bytes. O(1).
@inlinable @inline(__always)
package func decodeScalarAndLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
    if lead < 0xF0 {
        return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
    }
    return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
        | UInt32(bytes[index + 3] & 0x3F), 4)
}
