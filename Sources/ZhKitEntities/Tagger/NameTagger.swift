import Foundation
import ZhKit

/// A learned tagger of organisations, people and places: a linear model over hashed features
/// of each character (its neighbours, the segmenter's words, gazetteer matches, what the number
/// and organisation grammars found), decoded with Viterbi over BIOES tags whose transitions only
/// make well-formed spans.
///
/// A tagger is an immutable value: load it once (`bundled`, or a model that `zhkit train
/// entities` wrote) and share it between threads. Tagging costs O(n × (features + tags)) with
/// one hash-table probe per feature; features are hashed and decoded stretch by stretch (the
/// text between punctuation and whitespace), in buffers bounded by the longest stretch.
public struct NameTagger: Sendable {
    var weights: PackedWeights
    /// `(NameTags.count + 1) × NameTags.count` transition weights, the start as the last row.
    var transitions: [Float]
    /// The fingerprint of the names file (`NameLists`) the model was trained with: the
    /// gazetteer features mean nothing with other lists.
    public let namesFingerprint: UInt64
    /// A fingerprint of the training data and settings.
    public let sourceFingerprint: UInt64

    init(weights: PackedWeights, transitions: [Float], namesFingerprint: UInt64, sourceFingerprint: UInt64) {
        self.weights = weights
        self.transitions = transitions
        self.namesFingerprint = namesFingerprint
        self.sourceFingerprint = sourceFingerprint
    }

    /// How many features carry weights.
    public var featureCount: Int { weights.count }

    /// The model shipped with ZhKit (trained on UNER Chinese, CC BY-SA 4.0: see
    /// `dictionaries/SOURCES.md`). Loaded once, on first use; a missing or damaged resource stops
    /// the process with the reason.
    public static let bundled: NameTagger = {
        // Part of the module, like the name lists: missing or damaged is a broken installation.
        guard let path = ResourceFiles.path(of: "entities.zhner", module: "ZhKitEntities"), let data = FileManager.default.contents(atPath: path)
        else { fatalError(ResourceFiles.missing("entities.zhner", module: "ZhKitEntities")) }
        do {
            return try NameTagger(image: [UInt8](data))
        } catch {
            fatalError("ZhKitEntities: its bundled name model \(path) is damaged: \(error)")
        }
    }()

    /// The names of `context`, as candidates in folded positions. O(n): the evidence once, then
    /// each stretch's features, hashed into one reused buffer and decoded while in cache.
    func candidates(in context: NameContext) -> [Candidate] {
        let evidence = NameEvidence(context)
        var features = NameFeatures()
        var scratch = ViterbiScratch()
        var tags = [UInt8](repeating: UInt8(NameTags.outside), count: context.scalars.count)
        for stretch in evidence.stretches {
            features.fill(evidence, stretch)
            Self.decode(features, weights: weights, transitions: transitions, into: &tags, at: stretch.lowerBound, scratch: &scratch)
        }
        return NameTags.spans(of: tags).map { span in
            Candidate(range: span.range, label: Self.label(span.kind, context.names, context.scalars, span.range), value: nil)
        }
    }

    /// The label of a span the tagger found: a place is a GPE or a LOC by the gazetteers, else
    /// by its ending (`山`, `河`, `地区` make a LOC; a city or a country is the common case).
    static func label(_ kind: NameTags.Kind, _ names: NameLists, _ s: [UInt32], _ range: Range<Int>) -> EntityLabel {
        switch kind {
        case .organization: return .org
        case .person: return .person
        case .place:
            let kinds = names.kinds(of: s, range)
            if kinds.contains(.politicalPlace) { return .gpe }
            if kinds.contains(.naturalPlace) { return .loc }
            return NameLists.isNaturalPlaceName(s[range]) ? .loc : .gpe
        }
    }

    /// The decoder's buffers, kept from stretch to stretch so that decoding allocates nothing.
    struct ViterbiScratch {
        var emission: [Float] = []
        var best: [Float] = []
        var columns: [Float] = []
    }

    /// For each tag, the tags that may come before it (`NameTags.allowed`): seven before a tag
    /// that opens a name or is outside, two before one that goes on a name.
    static let previousTags: [[Int]] = (0..<NameTags.count).map { tag in (0..<NameTags.count).filter { NameTags.allowed($0, tag) } }
    /// The tags that close what came before (`O`, `E-`, `S-`): what may precede an opening tag.
    static let closingTags: [Int] = (0..<NameTags.count).filter(NameTags.mayEnd)
    /// The tags that open a name or are outside (`O`, `B-`, `S-`): what may start a sequence.
    static let openingTags: [Int] = (0..<NameTags.count).filter { NameTags.allowed(NameTags.count, $0) }

    /// The best tags of a stretch's positions by Viterbi, written into `tags[offset...]`.
    /// O(length × (features + tags)): one table probe per feature, then per position one
    /// eight-lane add and maximum for each of the seven tags that open or are outside (all
    /// seven closing tags may precede each) and two compares for each of the six that go on.
    /// The back pointers are not stored: the way back recomputes the one it takes at each
    /// position, with the same sums in the same order, so the tags are those of a full table.
    /// Generic over the table: the trainer decodes with the weights it moves, the tagger with
    /// packed ones.
    static func decode<Weights: EmissionWeights>(_ features: NameFeatures, weights: Weights, transitions: [Float],
        into tags: inout [UInt8], at offset: Int = 0, scratch: inout ViterbiScratch)
    {
        let width = NameTags.count
        let length = features.count
        guard length > 0 else { return }
        if scratch.best.count < length * width {
            scratch.best = [Float](repeating: 0, count: length * width * 2)
            scratch.emission = scratch.best
        }
        let closing = closingTags, opening = openingTags
        transitions.withUnsafeBufferPointer { transition in
        features.hashes.withUnsafeBufferPointer { hashes in
        scratch.emission.withUnsafeMutableBufferPointer { emission in
        scratch.best.withUnsafeMutableBufferPointer { best in
            for position in 0..<length {
                let base = position &* width
                weights.emission(of: UnsafeBufferPointer(rebasing: hashes[Int(features.offsets[position])..<Int(features.offsets[position &+ 1])]),
                    into: emission.baseAddress! + base)
                let boundary = features.boundaries[position]
                if boundary != 3 {
                    // A name starts and ends only where `boundaries` allows.
                    for tag in 1..<width where !NameTags.fits(UInt8(tag), boundary: boundary) { emission[base &+ tag] = -.infinity }
                }
            }
            // The transitions into each opening tag from the seven closing ones, eight lanes a
            // tag (the eighth never wins).
            scratch.columns.removeAll(keepingCapacity: true)
            scratch.columns.append(contentsOf: repeatElement(-.infinity, count: width * 8))
            for tag in opening {
                for (lane, previous) in closing.enumerated() { scratch.columns[tag * 8 + lane] = transition[previous &* width &+ tag] }
            }
            let startRow = width &* width
            for tag in 0..<width { best[tag] = opening.contains(tag) ? transition[startRow &+ tag] + emission[tag] : -.infinity }
            scratch.columns.withUnsafeBytes { columnBytes in
            for position in 1..<max(length, 1) {
                let base = position &* width
                let previousBase = base &- width
                var closed = SIMD8<Float>(repeating: -.infinity)
                for (lane, previous) in closing.enumerated() { closed[lane] = best[previousBase &+ previous] }
                for tag in opening {
                    let column = columnBytes.loadUnaligned(fromByteOffset: tag &* 32, as: SIMD8<Float>.self)
                    best[base &+ tag] = (closed + column).max() + emission[base &+ tag]
                }
                for kind in 0..<NameTags.Kind.allCases.count {
                    let begin = 1 &+ kind &* 4, inside = begin &+ 1, end = begin &+ 2
                    let fromBegin: Float = best[previousBase &+ begin], fromInside: Float = best[previousBase &+ inside]
                    let beginInside: Float = fromBegin + transition[begin &* width &+ inside]
                    let insideInside: Float = fromInside + transition[inside &* width &+ inside]
                    best[base &+ inside] = max(beginInside, insideInside) + emission[base &+ inside]
                    let beginEnd: Float = fromBegin + transition[begin &* width &+ end]
                    let insideEnd: Float = fromInside + transition[inside &* width &+ end]
                    best[base &+ end] = max(beginEnd, insideEnd) + emission[base &+ end]
                }
            }
            }
            var tag = NameTags.outside
            var bestScore = -Float.infinity
            for candidate in closing where best[(length &- 1) &* width &+ candidate] > bestScore {
                bestScore = best[(length &- 1) &* width &+ candidate]
                tag = candidate
            }
            for position in stride(from: length &- 1, through: 0, by: -1) {
                tags[offset &+ position] = UInt8(tag)
                guard position > 0 else { break }
                // The tag before: the first of the greatest, as the forward pass's maximum.
                let previousBase = (position &- 1) &* width
                var bestPrevious = 0
                var bestScore = -Float.infinity
                for previous in previousTags[tag] {
                    let score = best[previousBase &+ previous] + transition[previous &* width &+ tag]
                    if score > bestScore {
                        bestScore = score
                        bestPrevious = previous
                    }
                }
                tag = bestPrevious
            }
        }}}}
    }
}
