/// A four-state (B, M, E, S) hidden Markov model of how characters sit in words: at the
/// beginning, in the middle, at the end, or alone. It proposes words for runs of characters the
/// lexicon leaves single.
struct CharacterModel: Sendable {
    /// States, in the order of the tables.
    static let states = 4  // B, M, E, S
    static let impossible: Float = -3.0e38

    /// log P(first state).
    var start: [Float]  // 4
    /// log P(next state | state), row-major.
    var transition: [Float]  // 16
    /// log P(character | state), `emission[code * 4 + state]`; `impossible` where unseen.
    var emission: FrozenArray<Float>

    static let empty = CharacterModel(
        start: [Float](repeating: impossible, count: 4),
        transition: [Float](repeating: impossible, count: 16),
        emission: FrozenArray([]))

    /// Parses the text form written by `dictionaries/tools/import-jieba.py`.
    static func parse(_ text: String, source: String, codes: (UInt32) -> Int32, codeCount: Int) throws(DictionaryError) -> CharacterModel {
        func state(_ name: Substring) -> Int? { ["B": 0, "M": 1, "E": 2, "S": 3][String(name)] }
        var start = [Float](repeating: impossible, count: 4)
        var transition = [Float](repeating: impossible, count: 16)
        var emission = [Float](repeating: impossible, count: codeCount * 4)
        var lineNumber = 0
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = Substring(line).split(separator: " ")
            guard let kind = fields.first, !kind.hasPrefix("#") else { continue }
            func number(_ field: Substring) throws(DictionaryError) -> Float {
                guard let value = Double(field) else {
                    throw DictionaryError(source: source, line: lineNumber, reason: "'\(field)' is not a number")
                }
                return Float(max(value, Double(impossible)))
            }
            switch (kind, fields.count) {
            case ("start", 3):
                guard let s = state(fields[1]) else { break }
                start[s] = try number(fields[2])
                continue
            case ("trans", 4):
                guard let from = state(fields[1]), let to = state(fields[2]) else { break }
                transition[from * 4 + to] = try number(fields[3])
                continue
            case ("emit", 4):
                guard let s = state(fields[1]), let scalar = fields[2].unicodeScalars.first, fields[2].unicodeScalars.count == 1 else { break }
                let code = Int(codes(scalar.value))
                if code > 0 { emission[code * 4 + s] = try number(fields[3]) }
                continue
            default:
                break
            }
            throw DictionaryError(source: source, line: lineNumber, reason: "expected 'start S P', 'trans S S P' or 'emit S C P'")
        }
        return CharacterModel(start: start, transition: transition, emission: FrozenArray(emission))
    }
}
