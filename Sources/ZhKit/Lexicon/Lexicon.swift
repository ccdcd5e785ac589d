/// The words a segmenter knows, with how likely each is, compiled for fast look-up.
///
/// A lexicon is an immutable value: load or build it once and share it. It holds a double-array
/// trie over dense character codes, a log probability per word, and a character model for words
/// it does not know. Only words made of the characters the lexicon engine segments (Han
/// characters, 〇 and ○, digits, `．`, `％`) are kept; others, such as `C++` or `T恤`, are left to
/// ICU's rules.
public final class Lexicon: Sendable {
    /// The characters' codes, Traditional-only characters sharing their Simplified forms' codes.
    let codes: CharacterCodes
    /// The codes as built, which an image keeps.
    let builtCodes: CharacterCodes
    /// The script of each character, for the Traditional variants that fold only in Traditional
    /// text (`HanScriptTable`).
    let script: HanScriptTable
    let trie: DoubleArrayTrie
    let model: CharacterModel
    /// Personal names, which the lattice proposes where no word covers them.
    let names: PersonNameModel
    /// log P of a character the lexicon has never seen: as if seen once.
    let unknownScore: Float
    /// Natural log of the total frequency: turns a user's frequency into a score.
    let logTotal: Float
    /// A fingerprint of the text sources the lexicon was built from.
    public let sourceHash: UInt64

    /// How many words the lexicon holds.
    public var wordCount: Int { trie.keyCount }

    init(codes: CharacterCodes, trie: DoubleArrayTrie, model: CharacterModel, names: PersonNameModel, unknownScore: Float, logTotal: Float, sourceHash: UInt64) {
        // The image keeps the codes as built; Traditional text is read through them here, so that
        // a lexicon built or loaded before the script table changed still reads it.
        script = HanScriptTable.shared
        builtCodes = codes
        self.codes = codes.folding(script)
        self.trie = trie
        self.model = model
        self.names = names
        self.unknownScore = unknownScore
        self.logTotal = logTotal
        self.sourceHash = sourceHash
    }

    /// Whether `scalar` is one the lexicon engine segments: a Han character, 〇 or ○, an ASCII or
    /// full-width digit, or the full-width `．` and `％` that numbers use.
    @inlinable
    package static func isLatticeScalar(_ value: UInt32) -> Bool {
        if CharacterClass.isHan(value) || CharacterClass.isZeroCircle(value) || CharacterClass.isDigit(value) { return true }
        switch value {
        case 0xFF0E, 0xFF05:
            return true
        default:
            return false
        }
    }

    /// log P(`word`), or `nil` when the lexicon does not hold it. O(length).
    public func logProbability(of word: String) -> Float? {
        var state = DoubleArrayTrie.root
        for scalar in word.unicodeScalars {
            let code = codes.code(of: scalar.value)
            guard code > 0, let next = trie.child(of: state, label: code) else { return nil }
            state = next
        }
        let score = trie.scoreAt(state)
        return score > -.infinity ? score : nil
    }

    /// Whether the lexicon holds `word`.
    public func contains(_ word: String) -> Bool { logProbability(of: word) != nil }
}

extension Lexicon {
    /// Builds a lexicon from word-list entries, the text of a character model and a list of
    /// surnames.
    ///
    /// Frequencies become log probabilities over their total; an entry with no frequency counts
    /// as 1. Repeated words keep their last entry. The entries tagged `nr` (personal names) that
    /// start with one of `surnames` teach the name model. O(n log n) in the number of entries.
    ///
    /// - Throws: `DictionaryError` when the character model cannot be read.
    public static func build(entries: [DictionaryEntry], characterModel: String? = nil, surnames: [String] = [], sourceHash: UInt64 = 0) throws(DictionaryError) -> Lexicon {
        // Keep the words the lattice can use; the last entry of a word wins.
        var frequencies: [String: Int] = [:]
        for entry in entries where !entry.word.isEmpty && entry.word.unicodeScalars.allSatisfy({ isLatticeScalar($0.value) }) {
            // A word in two lists keeps its higher frequency.
            frequencies[entry.word] = max(entry.frequency ?? 1, 1, frequencies[entry.word] ?? 0)
        }
        // Character codes by descending frequency of the words they appear in.
        var characterWeight: [UInt32: Int] = [:]
        for (word, frequency) in frequencies {
            for scalar in word.unicodeScalars { characterWeight[scalar.value, default: 0] += frequency }
        }
        // Characters the character model knows but no word uses still need a code (last ones).
        if let characterModel {
            for line in characterModel.unicodeScalars.split(separator: "\n") where line.starts(with: "emit ".unicodeScalars) {
                let fields = Substring(line).split(separator: " ")
                if fields.count == 4, let scalar = fields[2].unicodeScalars.first, isLatticeScalar(scalar.value),
                    characterWeight[scalar.value] == nil
                {
                    characterWeight[scalar.value] = 0
                }
            }
        }
        let ordered = characterWeight.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let codes = CharacterCodes(orderedScalars: ordered)

        let keyed = frequencies.map { word, frequency in (word.unicodeScalars.map { codes.code(of: $0.value) }, frequency) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
        let total = max(keyed.reduce(0) { $0 + $1.1 }, 1)
        let logTotal = Float(log(Double(total)))
        let trie = DoubleArrayTrie(sortedKeys: keyed.map(\.0), scores: keyed.map { Float(log(Double($0.1))) - logTotal })
        let model = try characterModel.map { text throws(DictionaryError) in
            try CharacterModel.parse(text, source: "character model", codes: codes.code(of:), codeCount: codes.count)
        } ?? .empty
        let names = surnames.isEmpty ? PersonNameModel.empty
            : PersonNameModel(names: entries.lazy.filter { $0.tag == "nr" }.map(\.word), surnames: surnames, codes: codes)
        return Lexicon(codes: codes, trie: trie, model: model, names: names, unknownScore: -logTotal, logTotal: logTotal, sourceHash: sourceHash)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
