/// The tags of the name tagger: `O`, and `B`, `I`, `E`, `S` of each kind of name (BIOES), with
/// the transitions that make well-formed spans.
///
/// The tagger learns three kinds: organisations, people and places. Whether a place is a GPE or
/// a LOC is decided afterwards from the gazetteers and the name's ending (UNER and People's
/// Daily, the corpora it learns from, do not tell them apart).
enum NameTags {
    enum Kind: Int, CaseIterable {
        case organization, person, place
    }

    enum Part: Int {
        case begin, inside, end, single
    }

    /// `O` and four tags per kind.
    static let count = 1 + Kind.allCases.count * 4
    static let outside = 0

    static func tag(_ kind: Kind, _ part: Part) -> Int { 1 + kind.rawValue * 4 + part.rawValue }
    static func kind(of tag: Int) -> Kind? { tag == outside ? nil : Kind(rawValue: (tag - 1) / 4) }
    static func part(of tag: Int) -> Part? { tag == outside ? nil : Part(rawValue: (tag - 1) % 4) }

    /// Whether `tag` may follow `previous` (`count` standing for the start of a sequence).
    static func allowed(_ previous: Int, _ tag: Int) -> Bool {
        let opensOrOutside = tag == outside || part(of: tag) == .begin || part(of: tag) == .single
        guard previous != count, let previousPart = part(of: previous) else { return opensOrOutside }
        switch previousPart {
        case .begin, .inside:
            return kind(of: tag) == kind(of: previous) && (part(of: tag) == .inside || part(of: tag) == .end)
        case .end, .single:
            return opensOrOutside
        }
    }

    /// Whether a sequence may end on `tag`.
    static func mayEnd(_ tag: Int) -> Bool {
        tag == outside || part(of: tag) == .end || part(of: tag) == .single
    }

    /// Whether `tags` spell spans whole: each transition allowed, the last tag one a sequence
    /// may end on.
    static func isWellFormed(_ tags: [UInt8]) -> Bool {
        var previous = count
        for tag in tags {
            guard allowed(previous, Int(tag)) else { return false }
            previous = Int(tag)
        }
        return previous == count || mayEnd(previous)
    }

    /// Whether `tag` may stand where `boundary` (`NameEvidence.boundaries`) says what may start
    /// and end there.
    static func fits(_ tag: UInt8, boundary: UInt8) -> Bool {
        guard let part = part(of: Int(tag)) else { return true }
        if boundary == NameEvidence.outsideOnly { return false }
        let starts = part == .begin || part == .single
        let ends = part == .end || part == .single
        return !(starts && boundary & 1 == 0) && !(ends && boundary & 2 == 0)
    }

    /// The tags of `spans` (positions relative to the sequence, not overlapping) over `length`
    /// positions.
    static func tags(of spans: [(range: Range<Int>, kind: Kind)], length: Int) -> [UInt8] {
        var tags = [UInt8](repeating: UInt8(outside), count: length)
        for (range, kind) in spans where !range.isEmpty && range.upperBound <= length {
            guard range.allSatisfy({ tags[$0] == UInt8(outside) }) else { continue }
            if range.count == 1 {
                tags[range.lowerBound] = UInt8(tag(kind, .single))
                continue
            }
            for position in range { tags[position] = UInt8(tag(kind, .inside)) }
            tags[range.lowerBound] = UInt8(tag(kind, .begin))
            tags[range.upperBound - 1] = UInt8(tag(kind, .end))
        }
        return tags
    }

    /// The spans that well-formed `tags` spell.
    static func spans(of tags: [UInt8], offset: Int = 0) -> [(range: Range<Int>, kind: Kind)] {
        var spans: [(range: Range<Int>, kind: Kind)] = []
        var start = 0
        for (position, raw) in tags.enumerated() {
            let tag = Int(raw)
            guard let kind = kind(of: tag), let part = part(of: tag) else { continue }
            switch part {
            case .begin: start = position
            case .inside: break
            case .end: spans.append(((offset + start)..<(offset + position + 1), kind))
            case .single: spans.append(((offset + position)..<(offset + position + 1), kind))
            }
        }
        return spans
    }
}
