import Testing

@testable import ZhKitEntities

/// The tagger's weight table and decoder against plain reference computations: the packed
/// table gives back every row it holds (within its rounding) and nothing for other keys, and
/// Viterbi finds the best legal tag sequence that trying every sequence finds.
@Suite struct NameTaggerDecodingTests {
    /// Random rows for `count` random keys, in the trainer's table.
    static func randomWeights(_ count: Int, seed: UInt64) -> (FeatureWeights, [UInt64]) {
        var generator = SplitMix64(seed: seed)
        var table = FeatureWeights()
        var keys: [UInt64] = []
        for _ in 0..<count {
            let key = (generator.next() & 0xFFFF_FFFF_FFFF) | 1
            let row = Int(table.insert(key)) * FeatureWeights.stride
            for tag in 0..<NameTags.count {
                table.weights[row + tag] = Float(Int(generator.next() % 2001) - 1000) / 100  // -10 … 10
            }
            keys.append(key)
        }
        return (table, keys)
    }

    func emission(_ weights: some EmissionWeights, _ keys: [UInt64]) -> [Float] {
        var scores = [Float](repeating: .nan, count: NameTags.count)
        keys.withUnsafeBufferPointer { keys in scores.withUnsafeMutableBufferPointer { weights.emission(of: keys, into: $0.baseAddress!) } }
        return scores
    }

    @Test func thePackedTableGivesBackEveryRow() {
        let (table, keys) = Self.randomWeights(50_000, seed: 3)
        let packed = table.packed(leavingOut: 0)
        #expect(packed.count == keys.count)
        let tolerance = packed.scale / 2 + 1e-6
        for key in keys.prefix(2_000) {
            let expected = emission(table, [key]), found = emission(packed, [key])
            for tag in 0..<NameTags.count { #expect(abs(expected[tag] - found[tag]) <= tolerance) }
        }
        // Sums of several, and keys the table does not hold add nothing.
        let some = Array(keys.suffix(30)) + [2, 4, 6]
        let expected = emission(table, some), found = emission(packed, some)
        for tag in 0..<NameTags.count { #expect(abs(expected[tag] - found[tag]) <= tolerance * 30) }
        #expect(emission(packed, [2, 4, 6, 8]) == [Float](repeating: 0, count: NameTags.count))
        // The image holds the same rows.
        #expect(packed.rows.keys == keys.sorted())
    }

    @Test func theWeakestFeaturesAreLeftOut() {
        var table = FeatureWeights()
        for (key, weight) in [(UInt64(10), Float(0.4)), (11, -0.9), (12, 1.5), (13, -2), (14, 0)] {
            table.weights[Int(table.insert(key)) * FeatureWeights.stride + 3] = weight
        }
        #expect(table.packed(leavingOut: 0).rows.keys == [10, 11, 12, 13])  // all but the zero row
        let packed = table.packed(leavingOut: 0.5)
        #expect(packed.rows.keys == [12, 13])
        #expect(emission(packed, [10, 11]) == [Float](repeating: 0, count: NameTags.count))
        #expect(abs(emission(packed, [12, 13])[3] - -0.5) <= packed.scale)
    }

    /// Every legal sequence of `length` tags, and its score.
    static func bestByTryingAll(_ emissions: [[Float]], _ transitions: [Float]) -> (tags: [UInt8], score: Float) {
        let width = NameTags.count
        var best: (tags: [UInt8], score: Float) = ([], -.infinity)
        var tags = [Int](repeating: 0, count: emissions.count)
        func visit(_ position: Int, _ score: Float) {
            if position == emissions.count {
                guard NameTags.mayEnd(tags[position - 1]), score > best.score else { return }
                best = (tags.map(UInt8.init), score)
                return
            }
            let previous = position == 0 ? width : tags[position - 1]
            for tag in 0..<width where NameTags.allowed(previous, tag) {
                tags[position] = tag
                visit(position + 1, score + transitions[previous * width + tag] + emissions[position][tag])
            }
        }
        visit(0, 0)
        return best
    }

    @Test func viterbiFindsTheBestLegalSequence() {
        var generator = SplitMix64(seed: 11)
        func random() -> Float { Float(Int(generator.next() % 2001) - 1000) / 100 }
        let width = NameTags.count
        for trial in 0..<40 {
            let length = 1 + trial % 4
            // One feature per position, whose row is the position's emission.
            var table = FeatureWeights()
            var features = NameFeatures()
            features.offsets = [0]
            features.boundaries = [UInt8](repeating: 3, count: length)
            var emissions: [[Float]] = []
            for position in 0..<length {
                let key = UInt64(100 + position)
                let row = Int(table.insert(key)) * FeatureWeights.stride
                var emission = [Float](repeating: 0, count: width)
                for tag in 0..<width {
                    emission[tag] = random()
                    table.weights[row + tag] = emission[tag]
                }
                emissions.append(emission)
                features.hashes.append(key)
                features.offsets.append(Int32(position + 1))
            }
            let transitions = (0..<((width + 1) * width)).map { _ in random() }
            var tags = [UInt8](repeating: 0, count: length)
            var scratch = NameTagger.ViterbiScratch()
            NameTagger.decode(features, weights: table, transitions: transitions, into: &tags, scratch: &scratch)
            #expect(tags == Self.bestByTryingAll(emissions, transitions).tags, "trial \(trial)")
        }
    }
}
