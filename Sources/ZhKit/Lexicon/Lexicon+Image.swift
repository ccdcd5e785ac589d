/// The compiled form of a lexicon: one file, read in one go and copied into place.
///
/// Layout (little-endian): the magic `ZHKLEX04`, the source hash (UInt64), the unknown-word
/// score and log total (Float32 each), the character code count and the word count (UInt64),
/// then arrays, each as its element count (UInt64) followed by its elements: BMP codes (UInt16),
/// supplementary scalars (UInt32) and codes (UInt16), trie slots (base Int32, check Int32, score
/// Float32, interleaved), model start, transition and emission (Float32), the name model's
/// surnames, given-name characters and given-name lengths (Float32). Each array is one
/// copy at load time: a 10 MB image loads in a few milliseconds.
extension Lexicon {
    static let magic: [UInt8] = Array("ZHKLEX04".utf8)

    /// The lexicon as a compiled image. O(size).
    public func serialized() -> [UInt8] {
        var writer = ImageWriter()
        writer.bytes += Self.magic
        writer.append(sourceHash)
        writer.append(unknownScore)
        writer.append(logTotal)
        writer.append(UInt64(builtCodes.count))
        writer.append(UInt64(trie.keyCount))
        writer.append(builtCodes.basic)
        writer.append(array: builtCodes.supplementaryScalars)
        writer.append(array: builtCodes.supplementaryCodes)
        writer.append(trie.slots)
        writer.append(array: model.start)
        writer.append(array: model.transition)
        writer.append(model.emission)
        writer.append(names.surnames)
        writer.append(names.givenCharacters)
        writer.append(array: names.givenLengths)
        return writer.bytes
    }

    /// Reads a compiled image. O(size): one copy per array.
    ///
    /// - Throws: `DictionaryError` when the image is not a ZhKit lexicon or is cut short.
    public convenience init(image: [UInt8], source: String = "lexicon image") throws(DictionaryError) {
        let decoded: Result<Lexicon, DictionaryError> = image.withUnsafeBytes { raw in
            Result { () throws(DictionaryError) in try Lexicon.decode(raw, source: source) }
        }
        let lexicon = try decoded.get()
        self.init(codes: lexicon.builtCodes, trie: lexicon.trie, model: lexicon.model, names: lexicon.names, unknownScore: lexicon.unknownScore, logTotal: lexicon.logTotal, sourceHash: lexicon.sourceHash)
    }

    static func decode(_ image: UnsafeRawBufferPointer, source: String) throws(DictionaryError) -> Lexicon {
        var reader = try ImageReader(bytes: image, source: source, magic: magic, kind: "compiled ZhKit lexicon of this version")
        let sourceHash: UInt64 = try reader.read()
        let unknownScore: Float = try reader.read()
        let logTotal: Float = try reader.read()
        let codeCount: UInt64 = try reader.read()
        let keyCount: UInt64 = try reader.read()
        let basic: FrozenArray<UInt16> = try reader.readFrozen()
        let codes = CharacterCodes(basic: basic, supplementaryScalars: try reader.readArray(),
            supplementaryCodes: try reader.readArray(), count: Int(codeCount))
        let trie = DoubleArrayTrie(slots: try reader.readFrozen(), keyCount: Int(keyCount))
        let model = CharacterModel(start: try reader.readArray(), transition: try reader.readArray(), emission: try reader.readFrozen())
        let names = PersonNameModel(surnames: try reader.readFrozen(), givenCharacters: try reader.readFrozen(), givenLengths: try reader.readArray())
        guard basic.count == 0x10000, trie.slots.count > 0, model.start.count == 4, model.transition.count == 16,
            model.emission.isEmpty || model.emission.count == codes.count * 4,
            names.isEmpty || (names.surnames.count == codes.count && names.givenCharacters.count == codes.count * 3), names.givenLengths.count == 2
        else {
            throw DictionaryError(source: source, line: 0, reason: "the image's tables have the wrong sizes")
        }
        return Lexicon(codes: codes, trie: trie, model: model, names: names, unknownScore: unknownScore, logTotal: logTotal, sourceHash: sourceHash)
    }
}

/// FNV-1a, 64 bits: a fingerprint of the dictionary sources, stored in the compiled image so
/// that a test can tell when the image is older than its sources.
package func fingerprint(_ parts: [[UInt8]]) -> UInt64 {
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

/// Writes the compiled images (lexicon, name tagger): little-endian numbers and counted arrays.
package struct ImageWriter {
    package var bytes: [UInt8] = []

    package init() {}

    package mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    package mutating func append(_ value: Float) {
        append(value.bitPattern)
    }

    package mutating func append<T: BitwiseCopyable>(array: [T]) {
        append(UInt64(array.count))
        array.withUnsafeBytes { bytes += $0 }
    }

    mutating func append<T: BitwiseCopyable>(_ array: FrozenArray<T>) {
        append(UInt64(array.count))
        bytes += UnsafeRawBufferPointer(start: array.pointer, count: array.count * MemoryLayout<T>.stride)
    }
}

/// Reads what `ImageWriter` wrote, refusing what is cut short.
package struct ImageReader {
    let bytes: UnsafeRawBufferPointer
    let source: String
    package var offset = 0

    package init(bytes: UnsafeRawBufferPointer, source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// A reader past `magic`, which the image must start with: else "not a `kind`".
    package init(bytes: UnsafeRawBufferPointer, source: String, magic: [UInt8], kind: String) throws(DictionaryError) {
        guard bytes.count >= magic.count, bytes[..<magic.count].elementsEqual(magic) else {
            throw DictionaryError(source: source, line: 0, reason: "not a \(kind) (bad magic)")
        }
        self.init(bytes: bytes, source: source)
        offset = magic.count
    }

    package mutating func read<T: FixedWidthInteger>() throws(DictionaryError) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw truncated() }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: value)
    }

    package mutating func read() throws(DictionaryError) -> Float {
        Float(bitPattern: try read() as UInt32)
    }

    /// The byte range of the next array of `T`, after its count.
    mutating func nextArray<T>(of type: T.Type) throws(DictionaryError) -> (start: Int, count: Int) {
        let count = try read() as UInt64
        guard count <= UInt64(bytes.count) else { throw truncated() }
        let size = Int(count) * MemoryLayout<T>.stride
        guard offset + size <= bytes.count else { throw truncated() }
        defer { offset += size }
        return (offset, Int(count))
    }

    package mutating func readArray<T: BitwiseCopyable>() throws(DictionaryError) -> [T] {
        let (start, count) = try nextArray(of: T.self)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: bytes.baseAddress! + start, byteCount: count * MemoryLayout<T>.stride)
            initialized = count
        }
    }

    mutating func readFrozen<T: BitwiseCopyable>() throws(DictionaryError) -> FrozenArray<T> {
        let (start, count) = try nextArray(of: T.self)
        return FrozenArray(copying: bytes.baseAddress! + start, count: count)
    }

    func truncated() -> DictionaryError {
        DictionaryError(source: source, line: 0, reason: "the compiled image is cut short at byte \(offset)")
    }
}
