import Foundation
import ZhKit

/// A learned tagger of organisations, people and places: a linear model over hashed features
/// of each character (its neighbours, the segmenter's words, gazetteer matches, what the number
/// and organisation grammars found), decoded with Viterbi over BIOES tags whose transitions only
/// make well-formed spans.
///
/// A tagger is an immutable value: load it once (`bundled`, or a model that `zhkit train
/// entities` wrote) and share it between threads. Tagging costs O(n × (features + tags²)) with
/// one hash-table probe per feature; decoding goes sentence by sentence, so its memory is
/// bounded by the longest sentence.
public struct NameTagger: Sendable {
    var weights: FeatureWeights
    /// `(NameTags.count + 1) × NameTags.count` transition weights, the start as the last row.
    var transitions: [Float]
    /// The fingerprint of the names file (`NameLists`) the model was trained with: the
    /// gazetteer features mean nothing with other lists.
    public let namesFingerprint: UInt64
    /// A fingerprint of the training data and settings.
    public let sourceFingerprint: UInt64

    init(weights: FeatureWeights, transitions: [Float], namesFingerprint: UInt64, sourceFingerprint: UInt64) {
        self.weights = weights
        self.transitions = transitions
        self.namesFingerprint = namesFingerprint
        self.sourceFingerprint = sourceFingerprint
    }

    /// How many features carry weights.
    public var featureCount: Int { weights.rowCount }

    /// The model shipped with ZhKit (trained on UNER Chinese, CC BY-SA 4.0: see
    /// `dictionaries/SOURCES.md`), or `nil` if its resource is missing or unreadable.
    public static let bundled: NameTagger? = {
        guard let path = Bundle.module.path(forResource: "entities", ofType: "zhner"),
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return try? NameTagger(image: [UInt8](data))
    }()

    /// The names of `context`, as candidates in folded positions. O(n).
    func candidates(in context: NameContext) -> [Candidate] {
        let features = NameFeatures(context)
        let tags = decode(features, count: context.scalars.count, sentenceEnds: context.scalars)
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

    /// Whether `scalar` ends a sentence: no name goes on past it, so decoding restarts after it.
    static func endsSentence(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF1B, 0x3B, 0x0A, 0x0D: return true  // 。！？!?；;\n\r
        default: return false
        }
    }

    /// The best tags of every position, stretch by stretch: a sentence's end, or a position
    /// that can only be `O` (`NameFeatures.outsideOnly`), ends a stretch, since no name goes on
    /// past it; stretches of such positions alone are not decoded at all.
    func decode(_ features: NameFeatures, count: Int, sentenceEnds s: [UInt32]) -> [UInt8] {
        var tags = [UInt8](repeating: UInt8(NameTags.outside), count: count)
        var scratch = ViterbiScratch()
        var start = 0
        for position in 0..<count where features.boundaries[position] == NameFeatures.outsideOnly || Self.endsSentence(s[position]) || position == count - 1 {
            let stretch = start..<(position + 1)
            start = position + 1
            guard stretch.contains(where: { features.boundaries[$0] != NameFeatures.outsideOnly }) else { continue }
            decode(features, stretch, into: &tags, scratch: &scratch)
        }
        return tags
    }

    struct ViterbiScratch {
        var emission: [Float] = []
        var best: [Float] = []
        var back: [UInt8] = []
        /// The rows of one position's features.
        var rows: [Int32] = []
    }

    /// For each tag, the tags that may come before it (`NameTags.allowed`): seven before a tag
    /// that opens a name or is outside, two before one that goes on a name.
    static let previousTags: [[Int]] = (0..<NameTags.count).map { tag in (0..<NameTags.count).filter { NameTags.allowed($0, tag) } }

    /// Viterbi over `range`, the tags written into `tags[range]`. O(length × (features + 51)):
    /// one table probe per feature, and only the 51 allowed transitions.
    ///
    /// Punctuation and whitespace are never part of a name here: their features are not looked
    /// up and they can only be `O`.
    func decode(_ features: NameFeatures, _ range: Range<Int>, into tags: inout [UInt8], scratch: inout ViterbiScratch) {
        let width = NameTags.count
        let length = range.count
        guard length > 0 else { return }
        scratch.emission.removeAll(keepingCapacity: true)
        scratch.emission.append(contentsOf: repeatElement(0, count: length * width))
        scratch.best.removeAll(keepingCapacity: true)
        scratch.best.append(contentsOf: repeatElement(-.infinity, count: length * width))
        scratch.back.removeAll(keepingCapacity: true)
        scratch.back.append(contentsOf: repeatElement(0, count: length * width))
        let mostFeatures = range.lazy.map { Int(features.offsets[$0 + 1] - features.offsets[$0]) }.max() ?? 0
        if scratch.rows.count < mostFeatures { scratch.rows = [Int32](repeating: -1, count: mostFeatures) }
        let previousTags = Self.previousTags
        let startRow = width * width
        weights.weights.withUnsafeBufferPointer { w in
        weights.slots.withUnsafeBufferPointer { slots in
        transitions.withUnsafeBufferPointer { transition in
        features.hashes.withUnsafeBufferPointer { hashes in
        features.offsets.withUnsafeBufferPointer { offsets in
        features.boundaries.withUnsafeBufferPointer { boundaries in
        scratch.emission.withUnsafeMutableBufferPointer { emission in
        scratch.best.withUnsafeMutableBufferPointer { best in
        scratch.back.withUnsafeMutableBufferPointer { back in
        scratch.rows.withUnsafeMutableBufferPointer { rows in
            for (index, position) in range.enumerated() {
                let base = index * width
                let boundary = boundaries[position]
                if boundary == NameFeatures.outsideOnly {
                    // Only `O`.
                    for tag in 1..<width { emission[base + tag] = -.infinity }
                    continue
                }
                // Probe every feature first, then add the rows found: the rows' cache misses
                // overlap instead of waiting on each probe.
                var found = 0
                for feature in Int(offsets[position])..<Int(offsets[position + 1]) {
                    let row = FeatureWeights.row(of: hashes[feature], in: slots)
                    rows[found] = row
                    found &+= row >= 0 ? 1 : 0
                }
                var sum = SIMD16<Float>()
                for index in 0..<found {
                    sum += UnsafeRawPointer(w.baseAddress! + Int(rows[index]) * FeatureWeights.stride).loadUnaligned(as: SIMD16<Float>.self)
                }
                for tag in 0..<width { emission[base + tag] = sum[tag] }
                if boundary != 3 {
                    // A name starts and ends only where `boundaries` allows.
                    for tag in 1..<width where !NameTags.fits(UInt8(tag), boundary: boundary) { emission[base + tag] = -.infinity }
                }
            }
            for tag in 0..<width where NameTags.allowed(NameTags.count, tag) {
                best[tag] = transition[startRow + tag] + emission[tag]
            }
            for index in 1..<length {
                let base = index * width
                let previousBase = base - width
                for tag in 0..<width {
                    var bestScore = -Float.infinity
                    var bestPrevious = 0
                    for previous in previousTags[tag] {
                        let score = best[previousBase + previous] + transition[previous * width + tag]
                        if score > bestScore {
                            bestScore = score
                            bestPrevious = previous
                        }
                    }
                    best[base + tag] = bestScore + emission[base + tag]
                    back[base + tag] = UInt8(bestPrevious)
                }
            }
            var tag = NameTags.outside
            var bestScore = -Float.infinity
            for candidate in 0..<width where NameTags.mayEnd(candidate) && best[(length - 1) * width + candidate] > bestScore {
                bestScore = best[(length - 1) * width + candidate]
                tag = candidate
            }
            for index in stride(from: length - 1, through: 0, by: -1) {
                tags[range.lowerBound + index] = UInt8(tag)
                tag = Int(back[index * width + tag])
            }
        }}}}}}}}}}
    }
}
