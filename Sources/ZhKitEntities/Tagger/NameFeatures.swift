/// What the name tagger reads of a text: the folded characters, the segmenter's tokens, the
/// gazetteer matches, and what the number and organisation grammars found.
struct NameContext {
    var scalars: [UInt32]
    var tokens: [FoldedToken]
    var names: NameLists
    /// What the organisation grammar found.
    var organizations: OrganizationRecognizer.Findings
    /// The number and date grammar's candidates.
    var numbers: [Candidate]
    /// Positions inside 《…》.
    var insideTitle: [Bool]
    /// Positions inside URLs.
    var inURL: [Bool]
}

/// What the name tagger knows of each position of a text before it hashes features: the token
/// around it, where a name may start and end, the gazetteer classes, surnames and name
/// characters, and what the grammars found. Built once per text: O(n) bytes, one gazetteer
/// look-up per run of one to four tokens and one or two per Han character.
struct NameEvidence {
    let context: NameContext
    /// The token around each position, or -1.
    var tokenAt: [Int32] = []
    var tokenHashes: [UInt64] = []
    /// Whether each token is an organisation's head word (`OrganizationRecognizer.isHeadWord`).
    var tokenIsHead: [Bool] = []
    /// Where a name may start (bit 0) and end (bit 1): everywhere but inside a token of Latin
    /// letters or digits (`Rutherford`, `2020`), which a name takes whole or not at all; and
    /// `outsideOnly` on punctuation and whitespace, which no name here holds.
    var boundaries: [UInt8] = []
    static let outsideOnly: UInt8 = 4
    /// Per gazetteer class (`NameFeatures.gazetteerClasses`), the position's part in the
    /// longest match of that class over it, or 0.
    var classAt: [[UInt8]] = []
    var organizationPart: [UInt8] = []
    var numberPart: [UInt8] = []
    /// `surname`, `compoundSurname`, `given`, `transliteration` bits.
    var characterKinds: [UInt8] = []
    var transliterationRun: [UInt8] = []
    var personCandidate: [UInt8] = []

    static let surname: UInt8 = 1, compoundSurname: UInt8 = 2, given: UInt8 = 4, transliteration: UInt8 = 8

    init(_ context: NameContext) {
        self.context = context
        let s = context.scalars
        let n = s.count

        // The token around each position, and where in it the position stands.
        tokenAt = [Int32](repeating: -1, count: n)
        for (index, token) in context.tokens.enumerated() {
            for position in token.range { tokenAt[position] = Int32(index) }
        }
        tokenHashes = context.tokens.map { NameLists.hash(s[$0.range]) }
        tokenIsHead = context.tokens.map { OrganizationRecognizer.isHeadWord(s[$0.range]) }
        boundaries = [UInt8](repeating: 3, count: n)
        for token in context.tokens where token.range.count > 1 && !s[token.range].contains(where: { CharacterShape($0) == .han }) {
            for position in token.range.dropFirst() { boundaries[position] &= 2 }
            for position in token.range.dropLast() { boundaries[position] &= 1 }
        }
        for position in 0..<n where CharacterShape(s[position]).isOutsideNames {
            // A space between Latin words or digits may sit inside a name (`Walter Damrosch`),
            // though a name neither starts nor ends on it.
            let insideLatin = s[position] == 0x20 && position > 0 && position + 1 < n
                && CharacterShape(s[position - 1]).isAlphanumeric && CharacterShape(s[position + 1]).isAlphanumeric
            boundaries[position] = insideLatin ? 0 : Self.outsideOnly
        }
        // A run between such positions with neither a Han character nor a capital letter holds
        // no name (`ab ab ab`, `http://…`, digits): it is left out whole, so that text with few
        // names costs little.
        var stretchStart = 0
        for position in 0...n where position == n || boundaries[position] == Self.outsideOnly {
            let run = stretchStart..<position
            stretchStart = position + 1
            guard !run.isEmpty, !s[run].contains(where: { CharacterShape($0) == .han || CharacterShape($0) == .upper }) else { continue }
            for inside in run { boundaries[inside] = Self.outsideOnly }
        }
        // Gazetteer matches over runs of one to four whole tokens, longest first per class.
        var matches: [(range: Range<Int>, kinds: NameLists.Kinds)] = []
        for first in context.tokens.indices {
            var last = first
            while last < context.tokens.count, last < first + 4 {
                if last > first, context.tokens[last].range.lowerBound != context.tokens[last - 1].range.upperBound { break }
                let range = context.tokens[first].range.lowerBound..<context.tokens[last].range.upperBound
                if range.count > 12 { break }
                let known = last == first ? context.organizations.facts[first].kinds : nil
                let kinds = known ?? s.withUnsafeBufferPointer { context.names.kinds(of: UnsafeBufferPointer(rebasing: $0[range])) }
                if !kinds.isEmpty { matches.append((range, kinds)) }
                last += 1
            }
        }
        matches.sort { $0.range.count > $1.range.count }
        classAt = NameFeatures.gazetteerClasses.map { _ in [UInt8](repeating: 0, count: n) }
        for (classIndex, (kind, _)) in NameFeatures.gazetteerClasses.enumerated() {
            for match in matches where match.kinds.contains(kind) {
                guard match.range.allSatisfy({ classAt[classIndex][$0] == 0 }) else { continue }
                for position in match.range { classAt[classIndex][position] = NameFeatures.part(position, in: match.range) }
            }
        }

        // What the grammars found, position by position.
        organizationPart = [UInt8](repeating: 0, count: n)
        for candidate in context.organizations.candidates where candidate.range.upperBound <= n {
            for position in candidate.range { organizationPart[position] = NameFeatures.part(position, in: candidate.range) }
        }
        numberPart = [UInt8](repeating: 0, count: n)
        for candidate in context.numbers where candidate.range.upperBound <= n {
            let group: UInt8 = candidate.label.group == .date ? 8 : 0
            for position in candidate.range { numberPart[position] = NameFeatures.part(position, in: candidate.range) | group }
        }

        // What each character is as a part of a name: a surname (or the start of a compound
        // one), a given-name or a transliteration character. One look-up or two per character.
        var characterKinds = [UInt8](repeating: 0, count: n)
        s.withUnsafeBufferPointer { scalars in
            for i in 0..<n where CharacterShape(scalars[i]) == .han {
                let kinds = context.names.kinds(of: UnsafeBufferPointer(rebasing: scalars[i..<(i + 1)]))
                var bits: UInt8 = kinds.contains(.surname) ? Self.surname : 0
                if kinds.contains(.givenNameCharacter) { bits |= Self.given }
                if kinds.contains(.transliterationCharacter) { bits |= Self.transliteration }
                if i + 1 < n, kinds.contains(.compoundSurnameStart),
                    context.names.kinds(of: UnsafeBufferPointer(rebasing: scalars[i..<(i + 2)])).contains(.surname)
                {
                    bits |= Self.compoundSurname
                }
                characterKinds[i] = bits
            }
        }
        self.characterKinds = characterKinds
        // Runs of transliteration characters and middle dots (`叶甫根尼·普鲁申科`): the run's
        // length (to 7) and the position's part in it.
        transliterationRun = [UInt8](repeating: 0, count: n)
        var runStart = 0
        for i in 0...n {
            let inRun = i < n && (characterKinds[i] & Self.transliteration != 0 || (CharacterShape(s[i]) == .middleDot && i > runStart))
            if inRun { continue }
            if i - runStart >= 2 {
                let range = runStart..<i
                for position in range { transliterationRun[position] = UInt8(min(range.count, 7)) << 3 | NameFeatures.part(position, in: range) }
            }
            runStart = i + 1
        }
        // Chinese names a surname starts: the surname and one or two given-name characters.
        personCandidate = [UInt8](repeating: 0, count: n)
        for i in 0..<n where characterKinds[i] & (Self.surname | Self.compoundSurname) != 0 {
            let start = characterKinds[i] & Self.compoundSurname != 0 ? i + 2 : i + 1
            var end = start
            while end < n, end < start + 2, characterKinds[end] & Self.given != 0 { end += 1 }
            guard end > start else { continue }
            let range = i..<end
            for position in range where personCandidate[position] == 0 {
                personCandidate[position] = UInt8(range.count) << 3 | NameFeatures.part(position, in: range)
            }
        }
    }

    /// The stretches the tagger decodes one by one: the longest runs of positions that are not
    /// `outsideOnly`. No name goes on past punctuation or whitespace (every sentence end is
    /// such), so each stretch is tagged on its own and the rest is `O`. O(n).
    var stretches: [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for position in 0...boundaries.count where position == boundaries.count || boundaries[position] == Self.outsideOnly {
            if position > start { result.append(start..<position) }
            start = position + 1
        }
        return result
    }
}

/// The features of the positions of one stretch of a text, as 48-bit hashes: those of the
/// stretch's `i`-th position are `hashes[offsets[i]..<offsets[i + 1]]`.
///
/// Features are hashed, not interned: no `String` is made, and a feature the model never saw
/// finds no row. Building them costs O(length × templates); one value is refilled stretch after
/// stretch, so its buffers are allocated once per text.
struct NameFeatures {
    /// At least `offsets.last` hashes; those past it are left over from a longer stretch.
    var hashes: [UInt64] = []
    var offsets: [Int32] = [0]
    /// `NameEvidence.boundaries` of the stretch's positions.
    var boundaries: [UInt8] = []
    var count: Int { offsets.count - 1 }

    /// Bumped whenever a template or the hash changes: a model trained with other features is
    /// refused.
    static let version: UInt32 = 4

    /// The templates, whose number is mixed into each feature's key.
    enum Template: UInt64 {
        case bias = 1, char, bigram, skipBigram, trigram, shapes, tokenPosition, tokenWord, tokenBefore, tokenAfter
        case tokenLast, tokenFirst, gazetteer, surname, organizationGrammar, numberGrammar, title, headWord, wordPair
        case nameCharacters, transliterationRun, personCandidate
    }
    /// The most features a position can have: `fill` writes without checking.
    static let mostPerPosition = 48

    /// The gazetteer classes a position can be matched in, as features.
    static let gazetteerClasses: [(NameLists.Kinds, UInt64)] = [
        (.person, 1), (.politicalPlace, 2), (.naturalPlace, 3), (.place, 4), (.organization, 5), (.proper, 6), (.category, 7),
        (.common, 8), (.breaker, 9),
    ]

    init() {}

    init(_ evidence: NameEvidence, _ range: Range<Int>) {
        fill(evidence, range)
    }

    /// Makes these the features of `range` of `evidence`'s text. O(range.count × templates).
    mutating func fill(_ evidence: NameEvidence, _ range: Range<Int>) {
        boundaries.removeAll(keepingCapacity: true)
        boundaries.append(contentsOf: evidence.boundaries[range])
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
        let needed = range.count * Self.mostPerPosition
        if hashes.count < needed { hashes = [UInt64](repeating: 0, count: max(needed, hashes.count * 2)) }
        let context = evidence.context
        let s = context.scalars
        let n = s.count
        let tokens = context.tokens
        var written = 0
        func char(_ position: Int) -> UInt64 {
            position < 0 ? 0x11_0000 : position >= n ? 0x11_0001 : UInt64(Self.normalized(s[position]))
        }
        func shape(_ position: Int) -> UInt64 {
            position < 0 || position >= n ? 15 : UInt64(CharacterShape(s[position]).rawValue)
        }
        hashes.withUnsafeMutableBufferPointer { hashes in
            @inline(__always) func add(_ template: Template, _ value: UInt64, _ detail: UInt64) {
                hashes[written] = Self.key(template, value, detail)
                written &+= 1
            }
            let nameCharacters = NameEvidence.given | NameEvidence.transliteration
            for i in range {
                let c0 = char(i), cm1 = char(i - 1), cp1 = char(i + 1), cm2 = char(i - 2), cp2 = char(i + 2)
                add(.bias, 0, 0)
                add(.char, c0, 2)
                add(.char, cm1, 1)
                add(.char, cp1, 3)
                add(.char, cm2, 0)
                add(.char, cp2, 4)
                add(.bigram, cm1 << 21 | c0, 0)
                add(.bigram, c0 << 21 | cp1, 1)
                add(.bigram, cm2 << 21 | cm1, 2)
                add(.bigram, cp1 << 21 | cp2, 3)
                add(.skipBigram, cm1 << 21 | cp1, 0)
                add(.trigram, (cm1 << 42) | (c0 << 21) | cp1, 0)
                add(.shapes, shape(i - 1) << 8 | shape(i) << 4 | shape(i + 1), 0)

                // The token around the position.
                let token = Int(evidence.tokenAt[i])
                if token >= 0 {
                    let tokenRange = tokens[token].range
                    let part = UInt64(Self.part(i, in: tokenRange))
                    let tokenHashes = evidence.tokenHashes
                    add(.tokenPosition, part << 4 | UInt64(min(tokenRange.count, 6)), 0)
                    add(.tokenWord, tokenHashes[token], part)
                    add(.tokenBefore, token > 0 ? tokenHashes[token - 1] : 1, part)
                    add(.tokenAfter, token + 1 < tokenHashes.count ? tokenHashes[token + 1] : 2, part)
                    add(.tokenLast, UInt64(Self.normalized(s[tokenRange.upperBound - 1])), part)
                    add(.tokenFirst, UInt64(Self.normalized(s[tokenRange.lowerBound])), part)
                    if evidence.tokenIsHead[token] { add(.headWord, part, 0) }
                    if token > 0 { add(.wordPair, tokenHashes[token - 1] ^ (tokenHashes[token] &* 31), part) }
                } else {
                    add(.tokenPosition, 0, 1)
                }
                // Gazetteer classes matched here, with the position's part and the class's.
                var matchedClasses: UInt64 = 0
                for (classIndex, (_, code)) in Self.gazetteerClasses.enumerated() {
                    let part = evidence.classAt[classIndex][i]
                    guard part != 0 else { continue }
                    add(.gazetteer, code << 4 | UInt64(part), 0)
                    matchedClasses |= 1 << code
                }
                if matchedClasses != 0 { add(.gazetteer, matchedClasses, 1) }
                // A surname here, as a token's start or not; characters of names around.
                let kinds = evidence.characterKinds[i]
                if kinds & (NameEvidence.surname | NameEvidence.compoundSurname) != 0 {
                    let atTokenStart = token >= 0 && tokens[token].range.lowerBound == i
                    add(.surname, (kinds & NameEvidence.compoundSurname != 0 ? 2 : 1) << 1 | (atTokenStart ? 1 : 0),
                        token >= 0 ? UInt64(min(tokens[token].range.count, 4)) : 0)
                }
                if i > 0, evidence.characterKinds[i - 1] & NameEvidence.surname != 0 { add(.surname, 9, 0) }
                if i > 1, evidence.characterKinds[i - 2] & NameEvidence.surname != 0 { add(.surname, 10, 0) }
                let around = (i > 0 ? evidence.characterKinds[i - 1] & nameCharacters : 0) << 4 | kinds & nameCharacters
                    | (i + 1 < n ? evidence.characterKinds[i + 1] & nameCharacters : 0) << 8
                if around != 0 { add(.nameCharacters, UInt64(around), 0) }
                if evidence.transliterationRun[i] != 0 { add(.transliterationRun, UInt64(evidence.transliterationRun[i]), 0) }
                if evidence.personCandidate[i] != 0 { add(.personCandidate, UInt64(evidence.personCandidate[i]), 0) }
                if evidence.organizationPart[i] != 0 { add(.organizationGrammar, UInt64(evidence.organizationPart[i]), 0) }
                if evidence.numberPart[i] != 0 { add(.numberGrammar, UInt64(evidence.numberPart[i]), 0) }
                if context.insideTitle[i] { add(.title, 1, 0) }
                offsets.append(Int32(written))
            }
        }
    }

    /// Where `position` stands in `range`: 1 begin, 2 inside, 3 end, 4 single.
    static func part(_ position: Int, in range: Range<Int>) -> UInt8 {
        range.count == 1 ? 4 : position == range.lowerBound ? 1 : position == range.upperBound - 1 ? 3 : 2
    }

    /// A feature's key: 48 bits (the packed table keeps keys in three 16-bit lanes), never 0,
    /// which marks an empty slot. One mix: the template and detail, small constants at most
    /// call sites, move the value by a multiple of an odd constant.
    @inline(__always)
    static func key(_ template: Template, _ value: UInt64, _ detail: UInt64) -> UInt64 {
        let key = mix(value &+ (template.rawValue << 16 | detail) &* 0x9E37_79B9_7F4A_7C15) & 0xFFFF_FFFF_FFFF
        return key == 0 ? 1 : key
    }

    /// SplitMix64's finaliser: every input bit reaches every output bit.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A character as features see it: full-width ASCII as ASCII, every digit as `0`, Latin
    /// letters in lower case.
    static func normalized(_ scalar: UInt32) -> UInt32 {
        var value = scalar
        if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
        if (0x30...0x39).contains(value) { return 0x30 }
        if (0x41...0x5A).contains(value) { return value + 0x20 }
        return value
    }

}
