import Foundation
import ZhKit

/// Finds the entities of `ANNOTATION.md` in raw text: organisations, people and places,
/// numbers, dates and times.
///
/// Numbers, dates and times come from grammars with normalised values; organisations, people
/// and places from a learned tagger (`NameTagger`) that reads the organisation grammar's
/// candidates and the gazetteers as features. An extractor is an immutable value over a
/// segmenter: build it once, share it between threads. Spans point into the raw text in Unicode
/// scalars, UTF-8 bytes and UTF-16 units, even across the line wraps and stray spaces of PDF
/// extraction.
public struct EntityExtractor: Sendable {
    public let segmenter: Segmenter
    public let names: NameLists
    /// The name tagger, or `nil` for the organisation grammar alone (and no people or places).
    public let tagger: NameTagger?

    public init(segmenter: Segmenter, names: NameLists = .bundled, tagger: NameTagger? = .bundled) {
        self.segmenter = segmenter
        self.names = names
        self.tagger = tagger
    }

    /// The tokens and entities of `text`. O(n).
    public func annotate(_ text: String) -> (tokens: [Token], entities: [Entity]) {
        let tokens = segmenter.tokens(in: text)
        return (tokens, entities(in: text, tokens: tokens))
    }

    /// The entities of `text`, in order, not overlapping. O(n).
    public func entities(in text: String) -> [Entity] {
        entities(in: text, tokens: segmenter.tokens(in: text))
    }

    /// The entities of `text`, given its tokens (which must cover it, as a segmenter's do). O(n).
    public func entities(in text: String, tokens: [Token]) -> [Entity] {
        var text = text
        text.makeContiguousUTF8()
        let spans = tokens.map { TokenSpan(end: $0.utf8.upperBound, kind: $0.kind) }
        return text.utf8.withContiguousStorageIfAvailable { entities(inUTF8: $0, spans: spans) } ?? []
    }

    /// What the recognisers read of a text: its raw and folded characters, tokens, and the
    /// grammars' candidates.
    struct Analysis {
        var raw: [UInt32]
        var folded: FoldedText
        var context: NameContext
    }

    /// The analysis of valid UTF-8 `bytes` with its segmenter spans. O(n).
    func analyze(_ bytes: UnsafeBufferPointer<UInt8>, spans: [TokenSpan]) -> Analysis {
        // The raw scalars, and the scalar ranges of the tokens that are not whitespace.
        var raw: [UInt32] = []
        raw.reserveCapacity(bytes.count / 2)
        var rawTokens: [Range<Int>] = []
        rawTokens.reserveCapacity(spans.count)
        var offset = 0
        for span in spans {
            let start = raw.count
            while offset < span.end {
                let (scalar, length) = decodeScalarAndLength(bytes, at: offset)
                raw.append(scalar)
                offset += length
            }
            if span.kind != .whitespace, raw.count > start { rawTokens.append(start..<raw.count) }
        }
        let folded = FoldedText(raw)
        let tokens = folded.scalars.count == raw.count ? rawTokens.map { FoldedToken(range: $0) } : foldedTokens(rawTokens, folded)

        var starts = [Bool](repeating: false, count: folded.scalars.count + 1)
        for token in tokens { starts[token.range.lowerBound] = true }
        // Inside a title (《今晚报》, 《2030年议程》) only a year and an ordinal are tagged (rule 5).
        let insideTitle = OrganizationRecognizer.bookTitleMask(folded.scalars)
        let inURL = NumberDateRecognizer.urlMask(folded.scalars)
        let numbers = NumberDateRecognizer(tokenStarts: starts).candidates(in: folded.scalars, inURL: inURL).filter { candidate in
            (!insideTitle[candidate.range.lowerBound] || candidate.label == .ordinal
                || (candidate.label == .date && candidate.value?.first.map(\.isNumber) == true))
                && !Self.endsQuotedName(candidate, folded.scalars)
        }
        let organizations = OrganizationRecognizer(names: names).findings(in: folded.scalars, tokens: tokens, insideTitle: insideTitle)
        let context = NameContext(scalars: folded.scalars, tokens: tokens, names: names, organizations: organizations, numbers: numbers,
            insideTitle: insideTitle, inURL: inURL)
        return Analysis(raw: raw, folded: folded, context: context)
    }

    /// The entities of valid UTF-8 `bytes`, given its segmenter spans: the fast path, with no
    /// `Token` or `String` per token. O(n).
    public func entities(inUTF8 bytes: UnsafeBufferPointer<UInt8>, spans: [TokenSpan]) -> [Entity] {
        let analysis = analyze(bytes, spans: spans)
        let raw = analysis.raw
        let folded = analysis.folded
        let context = analysis.context
        let candidates = Self.resolve(context.numbers + names(context))
        guard !candidates.isEmpty else { return [] }

        // Offsets in the other two units: one walk, since the spans come in order.
        var counter = (scalars: 0, utf8: 0, utf16: 0)
        func advance(to scalar: Int) {
            while counter.scalars < scalar {
                let value = raw[counter.scalars]
                counter.utf8 += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
                counter.utf16 += value < 0x10000 ? 1 : 2
                counter.scalars += 1
            }
        }
        return candidates.map { candidate in
            let range = folded.rawRange(candidate.range)
            advance(to: range.lowerBound)
            let start = counter
            advance(to: range.upperBound)
            let utf8 = start.utf8..<counter.utf8
            return Entity(label: candidate.label, scalars: range, utf8: utf8, utf16: start.utf16..<counter.utf16,
                text: String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8]), as: UTF8.self), value: candidate.value)
        }
    }

    /// The names of a text: the tagger's, held to ANNOTATION.md's rules, and the organisation
    /// grammar's. Where they overlap the grammar's organisation wins (it has a head word or a
    /// listed name for evidence: `全国政协` in `九届全国政协`), unless the tagger's is an
    /// organisation that contains it and ends as a name ends, in a head, a listed name or an
    /// acronym (`辽宁营口东北钢琴（集团）公司` around `东北钢琴`; not `世界卫生组织警告`).
    func names(_ context: NameContext) -> [Candidate] {
        guard let tagger else { return context.organizations.candidates }
        let grammar = OrganizationRecognizer(names: names)
        // Nothing inside a URL is a name (rule 5).
        let found = tagger.candidates(in: context).filter { !context.inURL[$0.range.lowerBound] && !context.inURL[$0.range.upperBound - 1] }
        let vetted = found.compactMap {
            grammar.vet($0, in: context.scalars, tokens: context.tokens, findings: context.organizations, insideTitle: context.insideTitle)
        }.filter { !isDescription($0, context) }
        let tagged = coordinatedPeople(regions(vetted.flatMap { splittingPlaces($0, context) }.map { wholeForeignName($0, context) }, context), context)
        let organizations = context.organizations.candidates.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var dropped = [Bool](repeating: false, count: organizations.count)
        func endsAsAName(_ range: Range<Int>) -> Bool {
            guard let last = grammar.tokenEndingAt(range.upperBound, context.tokens) else { return false }
            let fact = context.organizations.facts[last]
            return fact.isHead || fact.isOrganization || fact.isAcronym
        }
        var kept: [Candidate] = []
        var next = 0  // the first grammar candidate that may still overlap
        for candidate in tagged {
            while next < organizations.count, organizations[next].range.upperBound <= candidate.range.lowerBound { next += 1 }
            var overlapping = next
            var wins = true
            var contained: [Range<Int>] = []
            while overlapping < organizations.count, organizations[overlapping].range.lowerBound < candidate.range.upperBound {
                let organization = organizations[overlapping].range
                if !dropped[overlapping], organization.overlaps(candidate.range) {
                    let inside = candidate.range.lowerBound <= organization.lowerBound && organization.upperBound <= candidate.range.upperBound
                    if inside { contained.append(organization) }
                    if !(candidate.label == .org && candidate.range.count > organization.count && inside && endsAsAName(candidate.range)) {
                        wins = false
                    }
                }
                overlapping += 1
            }
            // Two of the grammar's names inside one of the tagger's with a conjunction between
            // them: it ran them together (`联合国环境署 与 气候和清洁空气联盟`), where a name
            // with a sub-unit (`北京大学医学部`) is one.
            for (first, second) in zip(contained, contained.dropFirst()) {
                guard var index = grammar.tokenStartingAt(first.upperBound, context.tokens) else { continue }
                while index < context.tokens.count, context.tokens[index].range.upperBound <= second.lowerBound {
                    if context.organizations.facts[index].isBreaker { wins = false }
                    index += 1
                }
            }
            if wins {
                for index in next..<overlapping where organizations[index].range.overlaps(candidate.range) { dropped[index] = true }
                kept.append(candidate)
            }
        }
        return kept + zip(organizations, dropped).filter { !$0.1 }.map(\.0)
    }

    /// Whether the tagger's organisation is a description, not a name: a head after one common
    /// word of the lexicon that no list calls a name (`科技 公司`, `商业 银行`, `人民 医院`).
    func isDescription(_ candidate: Candidate, _ context: NameContext) -> Bool {
        let grammar = OrganizationRecognizer(names: names)
        guard candidate.label == .org, let first = grammar.tokenStartingAt(candidate.range.lowerBound, context.tokens),
            first + 1 < context.tokens.count, context.tokens[first + 1].range.upperBound == candidate.range.upperBound,
            context.organizations.facts[first + 1].isHead
        else { return false }
        let modifier = context.tokens[first].range
        let kinds = names.kinds(of: context.scalars, modifier)
        guard modifier.count >= 2, kinds.isDisjoint(with: [.organization, .place, .proper, .person, .scope]) else { return false }
        let word = String(String.UnicodeScalarView(context.scalars[modifier].compactMap(Unicode.Scalar.init)))
        return segmenter.lexicon?.contains(word) ?? false
    }

    /// Regions named with 地区 (ANNOTATION.md: `亚太地区`, `拉丁美洲和加勒比地区` as one span): a
    /// place right before the word 地区 takes it and is a LOC, and so do two places joined by
    /// 和, 与 or 及 before it.
    func regions(_ candidates: [Candidate], _ context: NameContext) -> [Candidate] {
        let s = context.scalars
        var result: [Candidate] = []
        for candidate in candidates {
            let end = candidate.range.upperBound
            guard candidate.label == .gpe || candidate.label == .loc, end + 2 <= s.count, s[end..<(end + 2)].elementsEqual(Self.region) else {
                result.append(candidate)
                continue
            }
            var start = candidate.range.lowerBound
            // `A和B地区`: A, a place the tagger found, and a conjunction right before B.
            if start >= 1, Self.conjunctions.contains(s[start - 1]), let previous = result.last,
                previous.label == .gpe || previous.label == .loc, previous.range.upperBound == start - 1
            {
                start = previous.range.lowerBound
                result.removeLast()
            }
            result.append(Candidate(range: start..<(end + 2), label: .loc, value: nil))
        }
        return result
    }

    static let region: [UInt32] = [0x5730, 0x533A]  // 地区

    /// People named in a list with people (`华君武、丁聪、韦启美、江帆`): an item of a list
    /// joined by enumeration commas that reads as a Chinese name (a surname and one or two
    /// given-name characters, Han only) is a PERSON when the tagger found two people or more in
    /// the same list: coordinated items are of one kind.
    func coordinatedPeople(_ candidates: [Candidate], _ context: NameContext) -> [Candidate] {
        let s = context.scalars
        let comma: UInt32 = 0x3001  // 、
        guard s.contains(comma) else { return candidates }
        var taken = IndexSet()
        var people = IndexSet()
        for candidate in candidates {
            taken.insert(integersIn: candidate.range)
            if candidate.label == .person { people.insert(integersIn: candidate.range) }
        }
        var added: [Candidate] = []
        var index = 0
        while index < s.count {
            guard s[index] == comma else {
                index += 1
                continue
            }
            // The list around this comma: items separated by 、 up to any other punctuation.
            var start = index
            while start > 0, NameFeatures.shape(s[start - 1]) == 1 || s[start - 1] == comma { start -= 1 }
            var end = index
            while end < s.count, NameFeatures.shape(s[end]) == 1 || s[end] == comma { end += 1 }
            let items = s[start..<end].split(separator: comma, omittingEmptySubsequences: false).reduce(into: [Range<Int>]()) { items, piece in
                items.append(piece.startIndex..<piece.endIndex)
            }
            if items.filter({ people.intersects(integersIn: $0) }).count >= 2 {
                for (position, item) in items.enumerated() where !item.isEmpty {
                    // A middle item is a name whole; the first one may end in a name
                    // (`出席的有王建国`), the last one start with one before 和, 及, 与, 等 or a
                    // bracket (`江帆等人`, `刀述仁（傣族）`).
                    var spans: [Range<Int>] = []
                    if position > 0 && position < items.count - 1 {
                        spans = [item]
                    } else if position == 0 {
                        spans = [3, 2].filter { $0 < item.count }.map { (item.upperBound - $0)..<item.upperBound }
                    } else {
                        spans = [3, 2].filter { $0 <= item.count }.map { item.lowerBound..<(item.lowerBound + $0) }.filter { span in
                            span.upperBound == end ? end < s.count && (s[end] == 0xFF08 || s[end] == 0x28)
                                : Self.listEnds.contains(s[span.upperBound])
                        }
                    }
                    if let name = spans.first(where: { !taken.intersects(integersIn: $0) && isChineseName($0, context) }) {
                        added.append(Candidate(range: name, label: .person, value: nil))
                    }
                }
            }
            index = end
        }
        return added.isEmpty ? candidates : (candidates + added).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Words that end a list: 和 及 与 等.
    static let listEnds: Set<UInt32> = [0x548C, 0x53CA, 0x4E0E, 0x7B49]

    /// Whether `range` reads as a Chinese name: a surname (one character or two) and one or two
    /// given-name characters.
    func isChineseName(_ range: Range<Int>, _ context: NameContext) -> Bool {
        let s = context.scalars
        guard (2...4).contains(range.count) else { return false }
        for surnameLength in [2, 1] where range.count - surnameLength >= 1 && range.count - surnameLength <= 2 {
            let surname = range.lowerBound..<(range.lowerBound + surnameLength)
            guard names.kinds(of: s, surname).contains(.surname) else { continue }
            if (surname.upperBound..<range.upperBound).allSatisfy({ names.kinds(of: s, $0..<($0 + 1)).contains(.givenNameCharacter) }) { return true }
        }
        return false
    }
    static let conjunctions: Set<UInt32> = [0x548C, 0x4E0E, 0x53CA]  // 和 与 及

    /// A person's name taken whole where the tagger stopped inside it: across a middle dot to
    /// the word on its other side (`根尼·普鲁申科` → `叶甫根尼·普鲁申科`), and over the
    /// capitalised words of a Latin name (`William Drayton` → `William Drayton Rutherford`).
    func wholeForeignName(_ candidate: Candidate, _ context: NameContext) -> Candidate {
        guard candidate.label == .person else { return candidate }
        let s = context.scalars
        let tokens = context.tokens
        let grammar = OrganizationRecognizer(names: names)
        var range = candidate.range
        func isHan(_ position: Int) -> Bool { position >= 0 && position < s.count && NameFeatures.shape(s[position]) == 1 }
        func isDot(_ position: Int) -> Bool { position >= 0 && position < s.count && NameFeatures.shape(s[position]) == 6 }
        func isCapital(_ position: Int) -> Bool { position < s.count && (0x41...0x5A).contains(s[position]) }
        func isLetter(_ position: Int) -> Bool { position >= 0 && position < s.count && (4...5).contains(NameFeatures.shape(s[position])) }
        while isDot(range.lowerBound - 1), isHan(range.lowerBound - 2), let before = grammar.tokenEndingAt(range.lowerBound - 1, tokens) {
            range = tokens[before].range.lowerBound..<range.upperBound
        }
        while isDot(range.upperBound), isHan(range.upperBound + 1), let after = grammar.tokenStartingAt(range.upperBound + 1, tokens) {
            range = range.lowerBound..<tokens[after].range.upperBound
        }
        // A Latin name goes on over ` Word` while the words are capitalised.
        while isLetter(range.upperBound - 1), range.upperBound + 1 < s.count, s[range.upperBound] == 0x20, isCapital(range.upperBound + 1) {
            var end = range.upperBound + 1
            while isLetter(end) { end += 1 }
            range = range.lowerBound..<end
        }
        return Candidate(range: range, label: candidate.label, value: nil)
    }

    /// A place the tagger found, cut into the places it is made of when the gazetteers know
    /// each (`浙江省湖州市` → `浙江省` `湖州市`, `新疆喀什` → `新疆` `喀什`): a province and its
    /// city are two places, as People's Daily and OntoNotes tag them. Each piece has two
    /// characters or more and the longest known piece is taken first. O(length²) look-ups.
    func splittingPlaces(_ candidate: Candidate, _ context: NameContext) -> [Candidate] {
        guard candidate.label == .gpe || candidate.label == .loc, candidate.range.count >= 4 else { return [candidate] }
        let pieces = Self.placePieces(candidate.range, context.scalars, names)
        guard pieces.count >= 2 else { return [candidate] }
        return pieces.map { Candidate(range: $0, label: NameTagger.label(.place, names, context.scalars, $0), value: nil) }
    }

    /// The known places that make up `range` one after another, longest first; one range when
    /// they do not cover it.
    static func placePieces(_ range: Range<Int>, _ s: [UInt32], _ names: NameLists) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = range.upperBound
            while end >= start + 2, !names.kinds(of: s, start..<end).contains(.place) { end -= 1 }
            guard end >= start + 2 else { return [range] }
            pieces.append(start..<end)
            start = end
        }
        return pieces
    }

    /// Whether a period ends a quoted name (`“联合国生态系统恢复十年”`, an initiative: rule 5):
    /// a closing quote right after it, and Han characters, not an opening quote, right before.
    static func endsQuotedName(_ candidate: Candidate, _ s: [UInt32]) -> Bool {
        let start = candidate.range.lowerBound
        let end = candidate.range.upperBound
        guard candidate.label == .date, end < s.count, s[end] == 0x201D || s[end] == 0x300D, start > 0 else { return false }  // ” 」
        return (0x4E00...0x9FFF).contains(s[start - 1])
    }

    /// The tokens of the folded text: the raw tokens moved to folded positions, and segmented
    /// again around each place where folding joined two pieces (a word broken by a line wrap is
    /// whole there). O(n).
    func foldedTokens(_ rawTokens: [Range<Int>], _ folded: FoldedText) -> [FoldedToken] {
        // Raw tokens in folded positions: folding only drops whitespace, which is no token here.
        var tokens: [FoldedToken] = []
        tokens.reserveCapacity(rawTokens.count)
        var k = 0
        let rawIndex = folded.rawIndex
        for range in rawTokens {
            while rawIndex[k] < range.lowerBound { k += 1 }
            let start = k
            while rawIndex[k] < range.upperBound { k += 1 }
            if k > start { tokens.append(FoldedToken(range: start..<k)) }
        }
        // Tokens that start right after a fold, and windows of three tokens either side of each.
        var windows: [Range<Int>] = []
        for (index, token) in tokens.enumerated() {
            let start = token.range.lowerBound
            guard start > 0, rawIndex[start] != rawIndex[start - 1] + 1 else { continue }
            let window = max(0, index - 3)..<min(tokens.count, index + 3)
            if let last = windows.last, last.upperBound >= window.lowerBound {
                windows[windows.count - 1] = last.lowerBound..<window.upperBound
            } else {
                windows.append(window)
            }
        }
        guard !windows.isEmpty else { return tokens }
        var result: [FoldedToken] = []
        result.reserveCapacity(tokens.count)
        var next = 0
        for window in windows {
            result += tokens[next..<window.lowerBound]
            let lower = tokens[window.lowerBound].range.lowerBound
            let upper = tokens[window.upperBound - 1].range.upperBound
            var piece = String(String.UnicodeScalarView(folded.scalars[lower..<upper].compactMap(Unicode.Scalar.init)))
            piece.makeContiguousUTF8()
            piece.utf8.withContiguousStorageIfAvailable { bytes in
                var position = lower
                var offset = 0
                for span in segmenter.spans(in: bytes) {
                    var count = 0
                    while offset < span.end {
                        offset += decodeScalarAndLength(bytes, at: offset).1
                        count += 1
                    }
                    if span.kind != .whitespace { result.append(FoldedToken(range: position..<(position + count))) }
                    position += count
                }
            }
            next = window.upperBound
        }
        result += tokens[next...]
        return result
    }

    /// Non-overlapping candidates in order: where two overlap, the longer wins (then the first).
    /// O(n log n).
    static func resolve(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.sorted { a, b in
            a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.count > b.range.count
        }
        var taken: [Candidate] = []
        for candidate in ordered {
            if let last = taken.last, last.range.overlaps(candidate.range) {
                if candidate.range.count > last.range.count { taken[taken.count - 1] = candidate }
            } else {
                taken.append(candidate)
            }
        }
        return taken
    }
}
