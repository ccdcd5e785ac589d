/// Shapes of number words that a word list teaches: `D年D月D日`, `D个`, `第N`, `D．D％`.
///
/// A segmentation standard writes numbers its own way: MSR keeps `５月１２日` and `８个` as one
/// word, PKU writes `5月 12日` and `8 个`. A word list of that standard holds many examples of
/// its way, and they share shapes: with digit groups written `D` and runs of Chinese numerals
/// `N`, a shape seen often enough (`minimumCount` times) becomes a template, and any number in
/// the text that fits it is a word. So `--dict msr_training_words.utf8` segments `１１月２３日`
/// as MSR does even though that date is not in the list.
struct NumberTemplates: Sendable {
    /// A template element. Numbers carry a size class (1–2 digits or numerals, 3, 4, 5 and
    /// more; decimal digit groups add 10), because standards treat sizes differently: PKU writes
    /// years `2000年` as one word but durations `10 年` as two.
    enum Element: Hashable, Sendable {
        case digits(Int)
        case numerals(Int)
        case literal(UInt32)

        var isNumber: Bool {
            if case .literal = self { return false }
            return true
        }
    }

    static func digitsClass(_ scalars: [UInt32], _ range: Range<Int>) -> Int {
        var digits = 0
        for index in range where NumberGrammar.isDigit(scalars[index]) { digits += 1 }
        return sizeClass(digits) + (digits < range.count ? 10 : 0)
    }

    static func sizeClass(_ count: Int) -> Int {
        count <= 2 ? 2 : min(count, 5)
    }

    /// A shape must be seen this many times to become a template.
    static let minimumCount = 5

    private(set) var templates: [[Element]] = []

    /// Learns the templates of `words`. O(total length).
    init(words: some Sequence<String>) {
        var counts: [[Element]: Int] = [:]
        for word in words {
            let scalars = word.unicodeScalars.map(\.value)
            guard let shape = Self.shape(of: scalars), shape.count >= 2, shape.contains(where: \.isNumber) else { continue }
            counts[shape, default: 0] += 1
        }
        templates = counts.filter { $0.value >= Self.minimumCount }.map(\.key)
            .sorted { $0.count > $1.count }
    }

    var isEmpty: Bool { templates.isEmpty }

    /// The shape of a word, or `nil` when it has no number in it.
    static func shape(of scalars: [UInt32]) -> [Element]? {
        var shape: [Element] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if NumberGrammar.isDigit(scalar) {
                let end = NumberGrammar.digitGroupEnd(scalars, from: index)
                shape.append(.digits(digitsClass(scalars, index..<end)))
                index = end
            } else if NumberGrammar.isChineseNumeral(scalar) {
                let start = index
                while index < scalars.count, NumberGrammar.isChineseNumeral(scalars[index]) { index += 1 }
                shape.append(.numerals(sizeClass(index - start)))
            } else {
                shape.append(.literal(scalar))
                index += 1
            }
        }
        return shape
    }

    /// Calls `body` with the end of each template match starting at `start`.
    func forEachMatch(in scalars: [UInt32], from start: Int, _ body: (Int) -> Void) {
        let first = scalars[start]
        // Only a digit group's or a numeral run's first character starts a number.
        if NumberGrammar.isDigit(first), !NumberGrammar.isGroupStart(scalars, start) { return }
        if NumberGrammar.isChineseNumeral(first), start > 0, NumberGrammar.isChineseNumeral(scalars[start - 1]) { return }
        for template in templates {
            var index = start
            var matched = true
            for element in template {
                guard index < scalars.count else { matched = false; break }
                let scalar = scalars[index]
                switch element {
                case .digits(let size):
                    guard NumberGrammar.isDigit(scalar) else { matched = false; break }
                    let end = NumberGrammar.digitGroupEnd(scalars, from: index)
                    guard Self.digitsClass(scalars, index..<end) == size else { matched = false; break }
                    index = end
                case .numerals(let size):
                    guard NumberGrammar.isChineseNumeral(scalar) else { matched = false; break }
                    let runStart = index
                    while index < scalars.count, NumberGrammar.isChineseNumeral(scalars[index]) { index += 1 }
                    guard Self.sizeClass(index - runStart) == size else { matched = false; break }
                case .literal(let expected):
                    guard scalar == expected else { matched = false; break }
                    index += 1
                }
                if !matched { break }
            }
            // A match must not stop inside a digit group or a numeral run.
            if matched, index < scalars.count, let last = template.last {
                if case .digits = last, NumberGrammar.isDigitGroupScalar(scalars[index]) { matched = false }
                if case .numerals = last, NumberGrammar.isChineseNumeral(scalars[index]) { matched = false }
            }
            if matched { body(index) }
        }
    }
}
