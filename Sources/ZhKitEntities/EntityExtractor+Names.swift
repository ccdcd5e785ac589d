import Foundation
import ZhKit

/// The names the extractor keeps: the tagger's, held to ANNOTATION.md's rules and completed by
/// the grammar of names (regions, lists, foreign names, places within places), beside the
/// organisation grammar's.
extension EntityExtractor {
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
        }.filter { !isDescription($0, context) && !isFunctionWords($0, context) }
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

    /// Whether the tagger's name is function words alone (adverbs, prepositions, conjunctions:
    /// `越来越`, jieba's `d` `p` `c` …, `BREAK` in the names file), which no name is.
    func isFunctionWords(_ candidate: Candidate, _ context: NameContext) -> Bool {
        let grammar = OrganizationRecognizer(names: names)
        guard var index = grammar.tokenStartingAt(candidate.range.lowerBound, context.tokens) else { return false }
        while index < context.tokens.count, context.tokens[index].range.upperBound <= candidate.range.upperBound {
            guard context.organizations.facts[index].isBreaker else { return false }
            if context.tokens[index].range.upperBound == candidate.range.upperBound { return true }
            index += 1
        }
        return false
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
            while start > 0, CharacterShape(s[start - 1]) == .han || s[start - 1] == comma { start -= 1 }
            var end = index
            while end < s.count, CharacterShape(s[end]) == .han || s[end] == comma { end += 1 }
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

    /// The conjunctions that join two names (`拉丁美洲和加勒比地区`): 和 与 及.
    static let conjunctions: Set<UInt32> = [0x548C, 0x4E0E, 0x53CA]
    /// Words that end a list: the conjunctions and 等.
    static let listEnds: Set<UInt32> = conjunctions.union([0x7B49])

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

    /// A person's name taken whole where the tagger stopped inside it: across a middle dot to
    /// the word on its other side (`根尼·普鲁申科` → `叶甫根尼·普鲁申科`), and over the
    /// capitalised words of a Latin name (`William Drayton` → `William Drayton Rutherford`).
    func wholeForeignName(_ candidate: Candidate, _ context: NameContext) -> Candidate {
        guard candidate.label == .person else { return candidate }
        let s = context.scalars
        let tokens = context.tokens
        let grammar = OrganizationRecognizer(names: names)
        var range = candidate.range
        func isHan(_ position: Int) -> Bool { position >= 0 && position < s.count && CharacterShape(s[position]) == .han }
        func isDot(_ position: Int) -> Bool { position >= 0 && position < s.count && CharacterShape(s[position]) == .middleDot }
        func isCapital(_ position: Int) -> Bool { position < s.count && (0x41...0x5A).contains(s[position]) }
        func isLetter(_ position: Int) -> Bool { position >= 0 && position < s.count && CharacterShape(s[position]).isLetter }
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
}
