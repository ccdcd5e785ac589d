import ZhKit

/// A text with its gold entities, for training and scoring the name tagger: `entities` in
/// Unicode scalar offsets, labels as gold files write them (`ORG`; `PER` or `PERSON`; `LOC` or
/// `GPE`; other labels are not names and are left out).
public struct GoldDocument: Sendable {
    public var text: String
    public var entities: [LabelledSpan]

    public init(text: String, entities: [LabelledSpan]) {
        self.text = text
        self.entities = entities
    }
}

/// What one epoch of training did.
public struct TrainingEpoch: Sendable {
    public var epoch: Int
    /// Training stretches the model got wrong before its update.
    public var mistakes: Int
    /// The training stretches: runs of text between punctuation and whitespace, which the
    /// tagger decodes one by one.
    public var stretches: Int
    /// Exact-span scores on the development documents, by group (`ORG`, `PER`, `LOC`), with the
    /// weights averaged so far; empty without development documents.
    public var dev: [EntityGroup: EntityScore]
}

extension NameTagger {
    /// Trains an averaged structured perceptron on `documents`: each epoch goes through them in
    /// a shuffled order (the same for the same `seed`), decodes each sentence with the current
    /// weights and moves the weights of the features of wrong tags toward the gold ones. The
    /// averaged weights of the epoch that scores best on `dev` (the last epoch without `dev`)
    /// are kept. O(epochs × n × (features + tags²)).
    ///
    /// The model leaves out the weakest `pruning` share of the features (by their largest
    /// weight): at 0.5, half the model for a loss below 0.01 F1 on the development sets.
    ///
    /// `extractor` supplies what the features read: its segmenter, its names and its grammars.
    /// With `completingPlaces`, political places the gazetteers know that the training gold
    /// leaves untagged are added to it: UNER leaves a place named as a modifier (`美国` in
    /// 美国总统) untagged, which ANNOTATION.md tags (rule 11). (Cutting its compound places,
    /// `日本东京`, as the extractor cuts the tagger's, scored worse on both development sets.)
    public static func train(_ documents: [GoldDocument], dev: [GoldDocument] = [], extractor: EntityExtractor, epochs: Int,
        seed: UInt64 = 1, completingPlaces: Bool = false, dropout: Double = 0, pruning: Double = 0.5, sourceFingerprint: UInt64 = 0,
        progress: (TrainingEpoch) -> Void = { _ in }) -> NameTagger
    {
        let width = NameTags.count
        let examples = documents.flatMap { extractor.trainingExamples($0, completingPlaces: completingPlaces) }
        let devExamples = dev.flatMap { extractor.trainingExamples($0) }
        var model = FeatureWeights()
        var totals: [Float] = []  // Σ step × update, per weight, for the average
        var transitions = [Float](repeating: 0, count: (width + 1) * width)
        var transitionTotals = transitions
        var step: Float = 1
        var generator = SplitMix64(seed: seed)
        var order = Array(examples.indices)
        var best: (score: Double, tagger: NameTagger)?
        var scratch = NameTagger.ViterbiScratch()

        func update(_ features: NameFeatures, _ position: Int, _ tag: Int, _ delta: Float) {
            for feature in Int(features.offsets[position])..<Int(features.offsets[position + 1]) {
                let row = Int(model.insert(features.hashes[feature]))
                if totals.count < model.weights.count { totals.append(contentsOf: repeatElement(0, count: model.weights.count - totals.count)) }
                model.weights[row * FeatureWeights.stride + tag] += delta
                totals[row * FeatureWeights.stride + tag] += step * delta
            }
        }
        // The averaged weights, packed as the image stores them: a saved model tags exactly as
        // the trained one, and the scores on `dev` are those of the file.
        func averaged() -> NameTagger {
            var weights = model
            for index in weights.weights.indices { weights.weights[index] -= totals[index] / step }
            let averagedTransitions = zip(transitions, transitionTotals).map { $0 - $1 / step }
            return NameTagger(weights: weights.packed(leavingOut: pruning), transitions: averagedTransitions,
                namesFingerprint: extractor.names.fingerprint, sourceFingerprint: sourceFingerprint)
        }

        for epoch in 1...max(epochs, 1) {
            order.shuffle(using: &generator)
            var mistakes = 0
            for index in order {
                var example = examples[index]
                if dropout > 0 { example.features = example.features.droppingOut(dropout, using: &generator) }
                let count = example.gold.count
                guard count > 0 else { continue }
                var predicted = [UInt8](repeating: 0, count: count)
                NameTagger.decode(example.features, weights: model, transitions: transitions, into: &predicted, scratch: &scratch)
                if predicted != example.gold {
                    mistakes += 1
                    for position in 0..<count where predicted[position] != example.gold[position] {
                        update(example.features, position, Int(example.gold[position]), 1)
                        update(example.features, position, Int(predicted[position]), -1)
                    }
                    for position in 0..<count {
                        let goldPrevious = position == 0 ? width : Int(example.gold[position - 1])
                        let predictedPrevious = position == 0 ? width : Int(predicted[position - 1])
                        let goldPair = goldPrevious * width + Int(example.gold[position])
                        let predictedPair = predictedPrevious * width + Int(predicted[position])
                        guard goldPair != predictedPair else { continue }
                        transitions[goldPair] += 1
                        transitionTotals[goldPair] += step
                        transitions[predictedPair] -= 1
                        transitionTotals[predictedPair] -= step
                    }
                }
                step += 1
            }
            var report = TrainingEpoch(epoch: epoch, mistakes: mistakes, stretches: examples.count, dev: [:])
            if !devExamples.isEmpty {
                let tagger = averaged()
                report.dev = tagger.score(devExamples)
                let total = report.dev.values.reduce(EntityScore()) { sum, score in
                    var sum = sum
                    sum.gold += score.gold
                    sum.predicted += score.predicted
                    sum.correct += score.correct
                    return sum
                }
                if best == nil || total.f1 > best!.score { best = (total.f1, tagger) }
            }
            progress(report)
        }
        return best?.tagger ?? averaged()
    }

    /// The fingerprint `zhkit train entities` records: of the training file's bytes and the
    /// settings. A test checks the bundled model's against the training data.
    package static func trainingFingerprint(_ data: [UInt8], epochs: Int, seed: UInt64, completingPlaces: Bool, dropout: Double,
        pruning: Double) -> UInt64
    {
        fingerprint([data, Array("epochs=\(epochs) seed=\(seed) complete-places=\(completingPlaces) dropout=\(dropout) prune=\(pruning)".utf8)])
    }

    /// Exact-span scores of the tagger on examples, by group.
    func score(_ examples: [TrainingExample]) -> [EntityGroup: EntityScore] {
        var scores: [EntityGroup: EntityScore] = [.org: EntityScore(), .per: EntityScore(), .loc: EntityScore()]
        var scratch = ViterbiScratch()
        let groups: [NameTags.Kind: EntityGroup] = [.organization: .org, .person: .per, .place: .loc]
        for example in examples where !example.gold.isEmpty {
            var predicted = [UInt8](repeating: 0, count: example.gold.count)
            Self.decode(example.features, weights: weights, transitions: transitions, into: &predicted, scratch: &scratch)
            let goldSpans = NameTags.spans(of: example.gold)
            let gold = Set(goldSpans.map { [$0.range.lowerBound, $0.range.upperBound, $0.kind.rawValue] })
            for span in goldSpans { scores[groups[span.kind]!]!.gold += 1 }
            for span in NameTags.spans(of: predicted) {
                scores[groups[span.kind]!]!.predicted += 1
                if gold.contains([span.range.lowerBound, span.range.upperBound, span.kind.rawValue]) { scores[groups[span.kind]!]!.correct += 1 }
            }
        }
        return scores
    }
}

extension NameFeatures {
    /// The features with each left out at `rate`: training on such copies makes the model lean
    /// on every kind of evidence, not only on the names it has seen.
    func droppingOut(_ rate: Double, using generator: inout SplitMix64) -> NameFeatures {
        var result = NameFeatures()
        result.boundaries = boundaries
        result.hashes.reserveCapacity(Int(offsets.last!))
        result.offsets.reserveCapacity(offsets.count)
        let threshold = UInt64(rate * Double(UInt64.max))
        for position in 0..<(offsets.count - 1) {
            for feature in Int(offsets[position])..<Int(offsets[position + 1]) where generator.next() >= threshold {
                result.hashes.append(hashes[feature])
            }
            result.offsets.append(Int32(result.hashes.count))
        }
        return result
    }
}

/// One sentence's features and gold tags.
struct TrainingExample {
    var features: NameFeatures
    var gold: [UInt8]
}

/// SplitMix64: a small seeded generator, so that training is the same from run to run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return NameFeatures.mix(state)
    }
}

extension EntityExtractor {
    /// The training examples of a gold document: its features, and its names as gold tags in
    /// folded positions, one example per stretch (as the tagger decodes). Gold spans that
    /// begin or end on folded whitespace, or overlap an earlier one, are left out. With
    /// `completingPlaces`, runs of one or two whole tokens that the names list as political
    /// places, outside every gold span and title, are added as places.
    func trainingExamples(_ document: GoldDocument, completingPlaces: Bool = false) -> [TrainingExample] {
        var text = document.text
        text.makeContiguousUTF8()
        guard let analysis = text.utf8.withContiguousStorageIfAvailable({ bytes in analyze(bytes, spans: segmenter.spans(in: bytes)) }) else {
            return []
        }
        let folded = analysis.folded
        var foldedIndex = [Int](repeating: -1, count: analysis.raw.count + 1)
        for (index, raw) in folded.rawIndex.enumerated() { foldedIndex[raw] = index }
        var spans: [(range: Range<Int>, kind: NameTags.Kind)] = []
        for entity in document.entities {
            let kind: NameTags.Kind
            switch entity.label {
            case "ORG": kind = .organization
            case "PER", "PERSON": kind = .person
            case "LOC", "GPE": kind = .place
            default: continue
            }
            guard entity.start >= 0, entity.end <= analysis.raw.count, entity.start < entity.end else { continue }
            let start = foldedIndex[entity.start]
            let last = foldedIndex[entity.end - 1]
            guard start >= 0, last >= start else { continue }
            spans.append((start..<(last + 1), kind))
        }
        let count = folded.scalars.count
        if completingPlaces {
            let context = analysis.context
            var taken = [Bool](repeating: false, count: count)
            for span in spans { for position in span.range where position < count { taken[position] = true } }
            var index = 0
            while index < context.tokens.count {
                var added = false
                for length in [2, 1] where index + length <= context.tokens.count {
                    let last = context.tokens[index + length - 1].range
                    let range = context.tokens[index].range.lowerBound..<last.upperBound
                    guard range.count >= 2, length == 1 || context.tokens[index + 1].range.lowerBound == context.tokens[index].range.upperBound,
                        !range.contains(where: { taken[$0] || context.insideTitle[$0] }),
                        context.names.kinds(of: folded.scalars, range).contains(.politicalPlace)
                    else { continue }
                    spans.append((range, .place))
                    index += length
                    added = true
                    break
                }
                if !added { index += 1 }
            }
        }
        let gold = NameTags.tags(of: spans, length: count)
        // One example per stretch, as the tagger decodes. Gold the tagger cannot spell (a name
        // over a comma, one starting inside a Latin word) would only pull the weights astray:
        // such stretches are left out.
        let evidence = NameEvidence(analysis.context)
        return evidence.stretches.compactMap { stretch in
            let tags = Array(gold[stretch])
            var features = NameFeatures(evidence, stretch)
            features.hashes.removeSubrange(Int(features.offsets.last!)...)  // kept for the whole training
            guard NameTags.isWellFormed(tags), zip(tags, features.boundaries).allSatisfy({ NameTags.fits($0, boundary: $1) }) else {
                return nil
            }
            return TrainingExample(features: features, gold: tags)
        }
    }
}
