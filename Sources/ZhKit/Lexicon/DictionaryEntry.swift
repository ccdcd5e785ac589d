/// One line of a word list: a word, and optionally its frequency and part-of-speech tag.
///
/// The format is jieba's: `word [frequency] [tag]`, fields separated by spaces or tabs; a line
/// with the word alone is accepted too (the SIGHAN training word lists are such). Empty lines and
/// lines starting with `#` are skipped.
public struct DictionaryEntry: Sendable, Hashable {
    public var word: String
    public var frequency: Int?
    public var tag: String?

    public init(word: String, frequency: Int? = nil, tag: String? = nil) {
        self.word = word
        self.frequency = frequency
        self.tag = tag
    }
}

/// A word list that could not be read, with where and why.
public struct DictionaryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The list's name as given (usually its path).
    public var source: String
    /// The line (from 1), or 0 for the whole file.
    public var line: Int
    public var reason: String

    public init(source: String, line: Int, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line > 0 ? "\(source):\(line): \(reason)" : "\(source): \(reason)"
    }
}

extension DictionaryEntry {
    /// Parses a whole word list. O(n).
    ///
    /// - Throws: `DictionaryError` naming the first bad line: a frequency that is not a whole
    ///   number ≥ 0, more than three fields, or a word with a control character.
    public static func parse(_ text: String, source: String) throws(DictionaryError) -> [DictionaryEntry] {
        try parse(text, source: source) { error throws(DictionaryError) in throw error }
    }

    /// Parses a whole word list, skipping the lines `parse(_:source:)` would refuse. O(n).
    ///
    /// - Returns: the entries of the good lines, and why each skipped line was skipped.
    public static func parseSkippingInvalid(_ text: String, source: String) -> (entries: [DictionaryEntry], skipped: [DictionaryError]) {
        var skipped: [DictionaryError] = []
        let entries = parse(text, source: source) { skipped.append($0) }
        return (entries, skipped)
    }

    /// Parses a word list, handing each bad line's error to `invalid`, which throws to stop.
    private static func parse<Failure: Error>(_ text: String, source: String, invalid: (DictionaryError) throws(Failure) -> Void) throws(Failure) -> [DictionaryEntry] {
        var entries: [DictionaryEntry] = []
        var lineNumber = 0
        // Split on LF scalars: as `Character`s, CR LF is one grapheme that never equals "\n".
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            guard fields.count <= 3 else {
                try invalid(DictionaryError(source: source, line: lineNumber, reason: "expected 'word [frequency] [tag]', found \(fields.count) fields"))
                continue
            }
            if first.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                try invalid(DictionaryError(source: source, line: lineNumber, reason: "the word contains a control character"))
                continue
            }
            var entry = DictionaryEntry(word: String(first))
            if fields.count >= 2 {
                if let frequency = Int(fields[1]), frequency >= 0 {
                    entry.frequency = frequency
                } else if fields.count == 2, !fields[1].contains(where: \.isNumber) {
                    entry.tag = String(fields[1])  // `word tag`, as jieba also accepts
                } else {
                    try invalid(DictionaryError(source: source, line: lineNumber, reason: "the frequency '\(fields[1])' is not a whole number ≥ 0"))
                    continue
                }
            }
            if fields.count == 3 { entry.tag = String(fields[2]) }
            entries.append(entry)
        }
        return entries
    }
}
