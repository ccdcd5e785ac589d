/// Words a user adds on top of a lexicon, with the priority that makes them win.
///
/// Priority rules, in order:
/// 1. A user word of several characters earns `coverageBonus` for each character after its
///    first, more than any difference of probability: the segmentation keeps as many characters
///    together in user words as it can, so a user word is never split by the general lexicon,
///    and a word list that defines a segmentation standard (PKU's, MSR's) decides wherever its
///    words apply.
/// 2. A general-lexicon word of several characters that is not a user word pays
///    `nonUserPenalty`: with a standard loaded, the lexicon's own compounds yield to it, but
///    still fill the gaps it leaves (names, new words).
/// 3. Otherwise probability decides: a user word scores its own frequency when the entry gives
///    one, else the general lexicon's score for the same word, else `defaultLogFrequency`.
public final class UserLexicon: Sendable {
    let trie: DoubleArrayTrie
    /// Codes for characters the general lexicon does not know, after its own codes.
    let extraScalars: [UInt32]
    let extraCodes: [Int32]
    let baseCodeCount: Int
    /// Shapes of number words the user's list teaches (`D个`, `D年D月D日`).
    let numberTemplates: NumberTemplates
    /// The score of a number that fits a template: a user word of `templateLength` characters.
    let templateScore: Float
    /// Whether the list's standard writes a personal name as one word (沈时华, as AS, CityU and
    /// MSR do) rather than as surname and given name (江 泽民, as PKU does): told by how many of
    /// its three-character words start with a common surname.
    let joinsPersonNames: Bool

    /// What each character after the first of a user word earns: larger than any probability
    /// difference.
    static let coverageBonus: Float = 30
    /// What a general word of several characters that is not a user word pays, when there are
    /// user words.
    static let nonUserPenalty: Float = 8
    /// log-frequency credit of a user word that gives no frequency and is not in the lexicon.
    static let defaultLogFrequency: Float = 1.6

    /// How many user words there are.
    public var wordCount: Int { trie.keyCount }

    /// Builds the user words of `entries` over `lexicon`. O(n log n).
    public init(entries: [DictionaryEntry], over lexicon: Lexicon) {
        var frequencies: [String: Int?] = [:]
        for entry in entries where !entry.word.isEmpty && entry.word.unicodeScalars.allSatisfy({ Lexicon.isLatticeScalar($0.value) }) {
            frequencies[entry.word] = entry.frequency
        }
        var extra: [UInt32: Int32] = [:]
        var nextCode = Int32(lexicon.codes.count)
        func code(_ scalar: UInt32) -> Int32 {
            let base = lexicon.codes.code(of: scalar)
            if base > 0 { return base }
            if let code = extra[scalar] { return code }
            extra[scalar] = nextCode
            nextCode += 1
            return nextCode - 1
        }
        let keyed = frequencies.map { word, frequency in
            let characters = Float(word.unicodeScalars.count)
            let probability: Float
            if let frequency {
                probability = Float(log(Double(max(frequency, 1)))) - lexicon.logTotal
            } else {
                probability = lexicon.logProbability(of: word) ?? (Self.defaultLogFrequency - lexicon.logTotal)
            }
            return (word.unicodeScalars.map { code($0.value) }, probability + (characters - 1) * Self.coverageBonus)
        }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        // Words that differ only by script (裡面, 裏面: both 里面's codes) are one key, with the
        // better score.
        var keys: [[Int32]] = []
        var scores: [Float] = []
        for (key, score) in keyed {
            if key == keys.last { scores[scores.count - 1] = max(scores[scores.count - 1], score) } else {
                keys.append(key)
                scores.append(score)
            }
        }
        trie = DoubleArrayTrie(sortedKeys: keys, scores: scores)
        let sortedExtra = extra.sorted { $0.key < $1.key }
        extraScalars = sortedExtra.map(\.key)
        extraCodes = sortedExtra.map(\.value)
        baseCodeCount = lexicon.codes.count
        // The number grammar reads Traditional-only characters folded (萬 as 万): so do its templates.
        numberTemplates = NumberTemplates(words: frequencies.keys.map { lexicon.script.folded($0, inTraditionalText: false) })
        templateScore = Self.defaultLogFrequency - lexicon.logTotal
        joinsPersonNames = Self.writesNamesWhole(frequencies.keys, names: lexicon.names, codes: lexicon.codes)
    }

    /// A common surname is at least this share of names (36 surnames).
    static let commonSurname: Float = log(0.005)
    /// In a list that writes names whole, one three-character word in seven or so starts with a
    /// common surname (AS 15.5 %, CityU 14.2 %, MSR 19.0 %); in PKU's, which splits names, 3.4 %
    /// do (林业厅, 马铃薯, 高压氧). The threshold sits between, near their geometric mean.
    static let nameShare = 0.07

    /// Whether a list of `words` writes personal names whole: `nameShare` of its three-character
    /// words or more start with a common surname. O(words).
    static func writesNamesWhole(_ words: some Collection<String>, names: PersonNameModel, codes: CharacterCodes) -> Bool {
        var threeCharacterWords = 0
        var named = 0
        for word in words where word.unicodeScalars.count == 3 {
            threeCharacterWords += 1
            let code = codes.code(of: word.unicodeScalars.first!.value)
            if !names.isEmpty, names.surnames[Int(code)] >= commonSurname { named += 1 }
        }
        return threeCharacterWords > 0 && Double(named) >= nameShare * Double(threeCharacterWords)
    }

    /// The score of a template match of `length` characters.
    @inline(__always)
    func templateScore(length: Int) -> Float {
        templateScore + Float(length - 1) * Self.coverageBonus
    }

    /// The user code of `scalar`, whose general code is `baseCode`. O(1) for known characters.
    @inline(__always)
    func code(of scalar: UInt32, baseCode: Int32) -> Int32 {
        if baseCode > 0 || extraScalars.isEmpty { return baseCode }
        var low = 0
        var high = extraScalars.count
        while low < high {
            let middle = (low + high) / 2
            if extraScalars[middle] < scalar { low = middle + 1 } else { high = middle }
        }
        return low < extraScalars.count && extraScalars[low] == scalar ? extraCodes[low] : 0
    }

}

#if canImport(Glibc)
import Glibc
#endif
