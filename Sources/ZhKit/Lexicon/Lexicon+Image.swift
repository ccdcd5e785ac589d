/// The compiled form of a lexicon: one file, read in one go.
///
/// Layout (little-endian): the magic `ZHKLEX01`, the source hash (UInt64), the unknown-word
/// score and log total (Float32 each), then arrays, each as its element count (UInt64) followed
/// by its elements: BMP codes (UInt16), supplementary scalars (UInt32) and codes (UInt16),
/// trie base and check (Int32) and score (Float32, −∞ where no word ends), model start,
/// transition and emission (Float32).
extension Lexicon {
    static let magic: [UInt8] = Array("ZHKLEX02".utf8)

    /// The lexicon as a compiled image. O(size).
    public func serialized() -> [UInt8] {
        var writer = ImageWriter()
        writer.bytes += Self.magic
        writer.append(sourceHash)
        writer.append(unknownScore)
        writer.append(logTotal)
        writer.append(UInt64(codes.count))
        writer.append(array: codes.basic.array)
        writer.append(array: codes.supplementaryScalars)
        writer.append(array: codes.supplementaryCodes)
        writer.append(array: trie.baseArray)
        writer.append(array: trie.checkArray)
        writer.append(array: trie.scoreArray)
        writer.append(array: model.start)
        writer.append(array: model.transition)
        writer.append(array: model.emission.array)
        return writer.bytes
    }

    /// Reads a compiled image. O(size): one copy per array.
    ///
    /// - Throws: `DictionaryError` when the image is not a ZhKit lexicon or is cut short.
    public convenience init(image: [UInt8], source: String = "lexicon image") throws(DictionaryError) {
        var reader = ImageReader(bytes: image, source: source)
        guard image.count >= Self.magic.count, Array(image[..<Self.magic.count]) == Self.magic else {
            throw DictionaryError(source: source, line: 0, reason: "not a compiled ZhKit lexicon (bad magic)")
        }
        reader.offset = Self.magic.count
        let sourceHash: UInt64 = try reader.read()
        let unknownScore: Float = try reader.read()
        let logTotal: Float = try reader.read()
        let codeCount: UInt64 = try reader.read()
        let codes = CharacterCodes(
            basic: try reader.readArray(), supplementaryScalars: try reader.readArray(),
            supplementaryCodes: try reader.readArray(), count: Int(codeCount))
        let trie = DoubleArrayTrie(base: try reader.readArray(), check: try reader.readArray(), score: try reader.readArray())
        let model = CharacterModel(start: try reader.readArray(), transition: try reader.readArray(), emission: FrozenArray(try reader.readArray()))
        guard codes.basic.count == 0x10000, model.start.count == 4, model.transition.count == 16,
            model.emission.isEmpty || model.emission.count == codes.count * 4
        else {
            throw DictionaryError(source: source, line: 0, reason: "the image's tables have the wrong sizes")
        }
        self.init(codes: codes, trie: trie, model: model, unknownScore: unknownScore, logTotal: logTotal, sourceHash: sourceHash)
    }
}

/// FNV-1a, 64 bits: a fingerprint of the dictionary sources, stored in the compiled image so
/// that a test can tell when the image is older than its sources.
public func fingerprint(_ parts: [[UInt8]]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
        for byte in part {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        hash ^= 0xFF
        hash &*= 0x100_0000_01b3
    }
    return hash
}

struct ImageWriter {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func append(_ value: Float) {
        append(value.bitPattern)
    }

    mutating func append<T: BitwiseCopyable>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { bytes += $0 }
    }
}

struct ImageReader {
    let bytes: [UInt8]
    let source: String
    var offset = 0

    init(bytes: [UInt8], source: String) {
        self.bytes = bytes
        self.source = source
    }

    mutating func read<T: FixedWidthInteger>() throws(DictionaryError) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw truncated() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        offset += size
        return T(littleEndian: value)
    }

    mutating func read() throws(DictionaryError) -> Float {
        Float(bitPattern: try read() as UInt32)
    }

    mutating func readArray<T: BitwiseCopyable>() throws(DictionaryError) -> [T] {
        let count = Int(try read() as UInt64)
        let size = count * MemoryLayout<T>.stride
        guard count >= 0, size >= 0, offset + size <= bytes.count else { throw truncated() }
        let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + size)]))
            }
            initialized = count
        }
        offset += size
        return array
    }

    func truncated() -> DictionaryError {
        DictionaryError(source: source, line: 0, reason: "the compiled lexicon is cut short at byte \(offset)")
    }
}
