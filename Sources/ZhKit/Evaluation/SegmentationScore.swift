/// Word segmentation scores as the SIGHAN bakeoffs define them.
///
/// A word counts as correct when a minimal word-level diff of its line (a longest common
/// subsequence of gold and test words) aligns it with the same word, as the bakeoff's `score`
/// script does with `diff -y`; on lines with the same characters that is, in practice, the same
/// word at the same place. Recall is correct ÷ gold words, precision correct ÷ test words, F their harmonic
/// mean. Out-of-vocabulary (OOV) words are gold words missing from the training word list.
public struct SegmentationScore: Sendable, Hashable {
    /// Words in the gold segmentation.
    public var goldWords = 0
    /// Words in the segmentation under test.
    public var testWords = 0
    /// Test words whose span matches a gold word.
    public var correctWords = 0
    /// Gold words not in the training word list (0 when no list was given).
    public var oovGoldWords = 0
    /// OOV gold words found by the test.
    public var correctOOVWords = 0
    /// Lines compared.
    public var lines = 0
    /// Numbers (from 1) of the lines whose characters differ between gold and test: a sign that
    /// the test was made from other text, or that lines have shifted.
    public var mismatchedLines: [Int] = []

    public init() {}

    /// Correct words ÷ gold words.
    public var recall: Double { ratio(correctWords, goldWords) }
    /// Correct words ÷ test words.
    public var precision: Double { ratio(correctWords, testWords) }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let (p, r) = (precision, recall)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    /// The share of gold words that are not in the training word list.
    public var oovRate: Double { ratio(oovGoldWords, goldWords) }
    /// Recall over the gold words outside the training word list.
    public var oovRecall: Double { ratio(correctOOVWords, oovGoldWords) }
    /// Recall over the gold words inside the training word list.
    public var ivRecall: Double { ratio(correctWords - correctOOVWords, goldWords - oovGoldWords) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}

/// Why two segmentations could not be compared.
public enum SegmentationScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The files have a different number of lines.
    case lineCountMismatch(gold: Int, test: Int)

    public var description: String {
        switch self {
        case .lineCountMismatch(let gold, let test):
            "the gold has \(gold) lines and the test \(test): they must have one line per sentence, in the same order"
        }
    }
}

/// Scores segmentations against a gold standard, line by line.
public struct SegmentationScorer: Sendable {
    /// The training word list that defines in-vocabulary words, if any.
    public let trainingWords: Set<String>

    /// Makes a scorer; `trainingWords` defines which gold words are in-vocabulary.
    public init(trainingWords: Set<String> = []) {
        self.trainingWords = trainingWords
    }

    /// Reads a word list: one word per line; spaces, CR and empty lines ignored.
    public static func wordList(fromFileContents contents: String) -> Set<String> {
        var words = Set<String>()
        for line in contents.split(whereSeparator: \.isNewline) {
            let word = line.trimmingWhitespace()
            if !word.isEmpty { words.insert(String(word)) }
        }
        return words
    }

    /// Scores `test` against `gold`, both whole files of space-separated words, one sentence a line.
    ///
    /// Words are separated by ASCII white space or U+3000; CR is ignored; gold lines with no word
    /// are skipped, as the bakeoff's scorer does. A final line break does
    /// not make an extra line. O(n) in the length of the files.
    public func score(gold: String, test: String) throws(SegmentationScoringError) -> SegmentationScore {
        let goldLines = Self.lines(of: gold)
        let testLines = Self.lines(of: test)
        guard goldLines.count == testLines.count else {
            throw .lineCountMismatch(gold: goldLines.count, test: testLines.count)
        }
        var score = SegmentationScore()
        for (number, (goldLine, testLine)) in zip(goldLines, testLines).enumerated() {
            add(gold: goldLine, test: testLine, lineNumber: number + 1, to: &score)
        }
        return score
    }

    /// Adds one line's counts to `score`. O(g × t) in the line's gold and test word counts.
    public func add(gold goldLine: Substring, test testLine: Substring, lineNumber: Int, to score: inout SegmentationScore) {
        let goldWords = Self.words(of: goldLine)
        let testWords = Self.words(of: testLine)
        // The bakeoff's scorer skips lines with no gold words, test words and all.
        guard !goldWords.isEmpty else { return }
        if goldWords.joined() != testWords.joined() { score.mismatchedLines.append(lineNumber) }
        score.lines += 1
        score.goldWords += goldWords.count
        score.testWords += testWords.count
        let matched = BakeoffAlignment.alignedGoldWords(goldWords, testWords)
        for (index, word) in goldWords.enumerated() {
            let isOOV = !trainingWords.isEmpty && !trainingWords.contains(String(word))
            if isOOV { score.oovGoldWords += 1 }
            if matched[index] {
                score.correctWords += 1
                if isOOV { score.correctOOVWords += 1 }
            }
        }
    }

    static func lines(of file: String) -> [Substring] {
        // Split on LF scalars: as `Character`s, CR LF is one grapheme and never equals "\n".
        var lines = file.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
        if lines.last?.unicodeScalars.allSatisfy({ $0 == "\r" }) == true { lines.removeLast() }
        return lines
    }

    static func words(of line: Substring) -> [Substring] {
        line.unicodeScalars.split(whereSeparator: { $0 == " " || ("\t"..."\r").contains($0) || $0 == "\u{3000}" })
            .map { Substring($0) }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return self[first...last]
    }
}
