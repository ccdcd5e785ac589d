import ZhKit

/// The compiled form of a name tagger: one file, read in one go.
///
/// Layout (little-endian, `ImageWriter`'s counted arrays): the magic `ZHKNER01`, the feature
/// version (UInt32), the names file's fingerprint and the training fingerprint (UInt64 each),
/// then the transition weights (Float32), each feature's key (UInt64) in row order, a mask per
/// row of the tags with a weight (UInt16), and those weights as Float16 (half of Float32; the
/// tagger only compares sums of them). A perceptron moves few tags of a feature, so storing
/// only those keeps the file at about a third of the dense table; loading rebuilds the hash
/// table (a few milliseconds).
extension NameTagger {
    static let magic: [UInt8] = Array("ZHKNER01".utf8)

    /// The tagger as a compiled image. O(size).
    public func serialized() -> [UInt8] {
        var writer = ImageWriter()
        writer.bytes += Self.magic
        writer.append(NameFeatures.version)
        writer.append(namesFingerprint)
        writer.append(sourceFingerprint)
        writer.append(array: transitions)
        let width = NameTags.count
        let keys = weights.keys
        var masks: [UInt16] = []
        var values: [UInt16] = []
        masks.reserveCapacity(keys.count)
        for row in 0..<weights.rowCount {
            var mask: UInt16 = 0
            for tag in 0..<width {
                let value = Float16(weights.weights[row * FeatureWeights.stride + tag])
                guard value != 0 else { continue }
                mask |= 1 << tag
                values.append(value.bitPattern)
            }
            masks.append(mask)
        }
        writer.append(array: keys)
        writer.append(array: masks)
        writer.append(array: values)
        return writer.bytes
    }

    /// Reads a compiled image. O(size).
    ///
    /// - Throws: `DictionaryError` when the image is no ZhKit name model of this version, is cut
    ///   short, or its tables do not fit together.
    public init(image: [UInt8], source: String = "name model") throws(DictionaryError) {
        let decoded: Result<NameTagger, DictionaryError> = image.withUnsafeBytes { raw in
            Result { () throws(DictionaryError) in try NameTagger.decode(raw, source: source) }
        }
        self = try decoded.get()
    }

    static func decode(_ image: UnsafeRawBufferPointer, source: String) throws(DictionaryError) -> NameTagger {
        var reader = try ImageReader(bytes: image, source: source, magic: magic, kind: "ZhKit name model")
        let version: UInt32 = try reader.read()
        guard version == NameFeatures.version else {
            throw DictionaryError(source: source, line: 0,
                reason: "the model uses features of version \(version), this ZhKit those of version \(NameFeatures.version): train it again")
        }
        let namesFingerprint: UInt64 = try reader.read()
        let sourceFingerprint: UInt64 = try reader.read()
        let transitions: [Float] = try reader.readArray()
        let keys: [UInt64] = try reader.readArray()
        let masks: [UInt16] = try reader.readArray()
        let values: [UInt16] = try reader.readArray()
        let width = NameTags.count
        guard transitions.count == (width + 1) * width, keys.count == masks.count, !keys.contains(0),
            masks.reduce(0, { $0 + $1.nonzeroBitCount }) == values.count, masks.allSatisfy({ $0 >> width == 0 })
        else {
            throw DictionaryError(source: source, line: 0, reason: "the model's tables have the wrong sizes")
        }
        var weights = FeatureWeights(capacity: keys.count * 2)
        weights.weights.reserveCapacity(keys.count * FeatureWeights.stride)
        var next = 0
        for (key, mask) in zip(keys, masks) {
            let row = Int(weights.insert(key)) * FeatureWeights.stride
            guard row == weights.weights.count - FeatureWeights.stride else {
                throw DictionaryError(source: source, line: 0, reason: "the model holds a feature twice")
            }
            for tag in 0..<width where mask & (1 << tag) != 0 {
                weights.weights[row + tag] = Float(Float16(bitPattern: values[next]))
                next += 1
            }
        }
        return NameTagger(weights: weights, transitions: transitions, namesFingerprint: namesFingerprint, sourceFingerprint: sourceFingerprint)
    }
}
