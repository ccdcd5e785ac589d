import ZhKit

/// The compiled form of a name tagger: one file, read in one go.
///
/// Layout (little-endian, `ImageWriter`'s counted arrays): the magic `ZHKNER02`, the feature
/// version (UInt32), the names file's fingerprint and the training fingerprint (UInt64 each),
/// the transition weights (Float32), the weights' scale (Float32), then each feature's key
/// (UInt64) in increasing order, a mask per feature of the tags with a weight (UInt16), and
/// those weights (Int16, in units of the scale). A perceptron moves few tags of a feature, so
/// storing only those keeps the file at about a third of the dense table; loading rebuilds the
/// hash table (a few milliseconds).
extension NameTagger {
    static let magic: [UInt8] = Array("ZHKNER02".utf8)

    /// The tagger as a compiled image. O(size).
    public func serialized() -> [UInt8] {
        var writer = ImageWriter()
        writer.bytes += Self.magic
        writer.append(NameFeatures.version)
        writer.append(namesFingerprint)
        writer.append(sourceFingerprint)
        writer.append(array: transitions)
        writer.append(weights.scale)
        let rows = weights.rows
        let width = NameTags.count
        var masks: [UInt16] = []
        var values: [Int16] = []
        masks.reserveCapacity(rows.keys.count)
        for row in rows.keys.indices {
            var mask: UInt16 = 0
            for tag in 0..<width where rows.weights[row * width + tag] != 0 {
                mask |= 1 << tag
                values.append(rows.weights[row * width + tag])
            }
            masks.append(mask)
        }
        writer.append(array: rows.keys)
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
        let scale: Float = try reader.read()
        let keys: [UInt64] = try reader.readArray()
        let masks: [UInt16] = try reader.readArray()
        let values: [Int16] = try reader.readArray()
        let width = NameTags.count
        guard transitions.count == (width + 1) * width, keys.count == masks.count, scale.isFinite, scale > 0,
            masks.reduce(0, { $0 + $1.nonzeroBitCount }) == values.count, masks.allSatisfy({ $0 >> width == 0 && $0 != 0 })
        else {
            throw DictionaryError(source: source, line: 0, reason: "the model's tables have the wrong sizes")
        }
        // Keys in increasing order, each of 48 bits and not 0: so none is held twice.
        guard zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }), keys.allSatisfy({ $0 != 0 && $0 >> 48 == 0 }) else {
            throw DictionaryError(source: source, line: 0, reason: "the model's features are out of order or out of range")
        }
        var weights = [Int16](repeating: 0, count: keys.count * width)
        var next = 0
        for (row, mask) in masks.enumerated() {
            for tag in 0..<width where mask & (1 << tag) != 0 {
                weights[row * width + tag] = values[next]
                next += 1
            }
        }
        return NameTagger(weights: PackedWeights(scale: scale, keys: keys, weights: weights), transitions: transitions,
            namesFingerprint: namesFingerprint, sourceFingerprint: sourceFingerprint)
    }
}
