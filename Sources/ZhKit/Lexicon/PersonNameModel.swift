/// How likely a stretch of characters is a Chinese personal name: a one-character surname and a
/// given name of one or two characters (王芳, 沈时华).
///
/// Names are the largest class of words no lexicon holds. The model is a product of character
/// probabilities learned from a lexicon's names (jieba's `nr` words): the surname's share of
/// names, the given name's length, and each given-name character's probability in its place
/// (first of two, second of two, alone), smoothed towards its probability in any place. The lattice sets a name against the best reading of
/// the same characters as words (`LatticeSegmenter`), so 张说 stays two words and 沈时华 is one.
/// Codes are the lexicon's, so Traditional names (沈時華) read through their Simplified forms.
struct PersonNameModel: Sendable {
    /// log P(surname | name) of each character code as a one-character surname, or `absent`.
    let surnames: FrozenArray<Float>
    /// log P(character | place) of each code, three places a code: first of a two-character
    /// given name, second of two, a one-character given name.
    let givenCharacters: FrozenArray<Float>
    /// log P(a given name of one character), log P(of two).
    let givenLengths: [Float]

    static let absent: Float = -.infinity
    /// A surname starts a name the lattice proposes when it is at least this share of the names:
    /// the rarer ones (one in a thousand names or less) are common characters far more often
    /// than surnames (年, 经, 党), and proposing them costs 4 % of the lattice's time for no
    /// gain of F on the odd lines of CityU and AS.
    static let minimumSurnameShare = 0.001

    /// No names: the lattice proposes none.
    static let empty = PersonNameModel(surnames: FrozenArray([]), givenCharacters: FrozenArray([]), givenLengths: [absent, absent])

    var isEmpty: Bool { surnames.isEmpty }

    init(surnames: FrozenArray<Float>, givenCharacters: FrozenArray<Float>, givenLengths: [Float]) {
        self.surnames = surnames
        self.givenCharacters = givenCharacters
        self.givenLengths = givenLengths
    }

    /// Learns the model from `names` (a lexicon's personal names, each counted once whatever its
    /// frequency: a name's frequency says how famous one person is, not how names are made) and
    /// the list of one-character `surnames`. Names that do not start with a listed surname, or
    /// whose given name is not one or two characters, are left out. O(names).
    init(names: some Sequence<String>, surnames surnameList: some Sequence<String>, codes: CharacterCodes) {
        var surnameCounts: [Int32: Double] = [:]
        for surname in surnameList where surname.unicodeScalars.count == 1 {
            let code = codes.code(of: surname.unicodeScalars.first!.value)
            if code > 0 { surnameCounts[code] = 0 }
        }
        var givenCounts = [Double](repeating: 0, count: codes.count * 3)
        var lengthCounts: [Double] = [0, 0]
        var placeTotals: [Double] = [0, 0, 0]
        for name in Set(names) {
            let scalars = name.unicodeScalars.map { codes.code(of: $0.value) }
            guard scalars.count == 2 || scalars.count == 3, surnameCounts[scalars[0]] != nil, !scalars.contains(0) else { continue }
            surnameCounts[scalars[0], default: 0] += 1
            lengthCounts[scalars.count - 2] += 1
            let places = scalars.count == 3 ? [0, 1] : [2]
            for (code, place) in zip(scalars.dropFirst(), places) {
                givenCounts[Int(code) * 3 + place] += 1
                placeTotals[place] += 1
            }
        }
        // Add-half smoothing: every listed surname and every known character keeps some chance.
        let surnameTotal = surnameCounts.values.reduce(0, +) + 0.5 * Double(surnameCounts.count)
        var surnameScores = [Float](repeating: Self.absent, count: codes.count)
        for (code, count) in surnameCounts where count + 0.5 >= Self.minimumSurnameShare * surnameTotal {
            surnameScores[Int(code)] = Float(log((count + 0.5) / surnameTotal))
        }
        // Each place's probability is half its own and half the character's in any place: a
        // character common in given names is a likely one-character given name too, though
        // the lexicon holds few such names (张庭 is a name before 的, not 张庭的).
        var givenScores = [Float](repeating: 0, count: codes.count * 3)
        let anyTotal = placeTotals.reduce(0, +) + 0.5 * Double(codes.count)
        for code in 0..<codes.count {
            let anyPlace = (givenCounts[code * 3] + givenCounts[code * 3 + 1] + givenCounts[code * 3 + 2] + 0.5) / anyTotal
            for place in 0..<3 {
                let own = (givenCounts[code * 3 + place] + 0.5) / (placeTotals[place] + 0.5 * Double(codes.count))
                givenScores[code * 3 + place] = Float(log(0.5 * own + 0.5 * anyPlace))
            }
        }
        let lengthTotal = max(lengthCounts[0] + lengthCounts[1], 1)
        self.init(surnames: FrozenArray(surnameScores), givenCharacters: FrozenArray(givenScores),
            givenLengths: lengthCounts.map { Float(log(max($0, 0.5) / lengthTotal)) })
    }

    /// log P(the name `codes[start..<end]` | a name), or `absent` when the first character is no
    /// surname. The span is two or three characters, and the model is not empty. O(1).
    @inline(__always)
    func score(_ codes: UnsafeMutablePointer<Int32>, _ start: Int, _ end: Int) -> Float {
        var score = surnames[Int(codes[start])]
        if end - start == 2 {
            score += givenLengths[0] + given(codes[start + 1], place: 2)
        } else {
            score += givenLengths[1] + given(codes[start + 1], place: 0) + given(codes[start + 2], place: 1)
        }
        return score
    }

    /// Whether `code` is a surname's. O(1).
    @inline(__always)
    func isSurname(_ code: Int32) -> Bool {
        code > 0 && Int(code) < surnames.count && surnames[Int(code)] > Self.absent
    }

    @inline(__always)
    private func given(_ code: Int32, place: Int) -> Float {
        // Code 0, a character the lexicon does not know, is as likely as an unseen known one.
        givenCharacters[Int(code) * 3 + place]
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
