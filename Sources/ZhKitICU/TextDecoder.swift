internal import CZhKitICU

/// A failure to decode: the encoding is unknown, or the bytes break its rules.
public enum TextDecodingError: Error, Sendable, Hashable {
    /// ICU has no converter of that name.
    case unknownEncoding(String)
    /// A byte sequence the encoding does not allow, at this offset of all the bytes fed so far.
    case invalidBytes(offset: Int)
}

/// Decodes text in a legacy or UTF-16/32 encoding (GB18030, GBK, Big5, Big5-HKSCS, UTF-16 with or
/// without BOM, …) to UTF-8 through ICU's converters, a chunk at a time.
///
/// Strict: a byte sequence the encoding does not allow stops decoding with its offset, never a
/// silent U+FFFD. Stateful across chunks (a character cut between two chunks is kept for the
/// next), so not thread-safe: one decoder per input.
public final class TextDecoder {
    private let decoder: OpaquePointer
    /// ICU's canonical name of the encoding.
    public let encodingName: String
    /// Bytes fed so far.
    public private(set) var consumed = 0

    public init(encoding: String) throws(TextDecodingError) {
        var status: Int32 = 0
        guard let decoder = zk_decoder_open(encoding, &status), status <= 0 else { throw .unknownEncoding(encoding) }
        self.decoder = decoder
        let name = zk_decoder_name(decoder, &status)
        encodingName = name.map { String(cString: $0) } ?? encoding
    }

    deinit {
        zk_decoder_close(decoder)
    }

    /// The UTF-8 of `bytes`, the next chunk of the input; `isLast` when nothing follows. O(n).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>, isLast: Bool) throws(TextDecodingError) -> [UInt8] {
        let capacity = bytes.count * 4 + 64
        var badOffset: Int64 = -1
        var status: Int32 = 0
        var written = 0
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            written = Int(zk_decoder_decode(decoder, bytes.baseAddress, Int64(bytes.count), isLast ? 1 : 0,
                buffer.baseAddress, Int64(capacity), &badOffset, &status))
            count = min(written, capacity)
        }
        if status > 0 {
            throw .invalidBytes(offset: consumed + Int(max(badOffset, 0)))
        }
        consumed += bytes.count
        return output
    }
}

/// ICU's charset detection: the likely encodings of some bytes, and how sure it is of each.
public enum CharsetDetector {
    /// The best match for `bytes` (its first 64 KB are enough): ICU's name (`UTF-8`,
    /// `GB18030`, `Big5`, `UTF-16LE`, …) and a confidence from 0 to 100; `nil` if nothing matches.
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, confidence: Int)? {
        matches(bytes).first
    }

    /// Every match for `bytes` (its first 64 KB), best first. On a short text the best is often a
    /// guess of little confidence (a few GBK characters read as UTF-16BE at 10 %), and the right
    /// answer further down the list.
    public static func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> [(name: String, confidence: Int)] {
        let capacity = 32
        let size = Int(ZK_CHARSET_NAME_SIZE)
        var names = [CChar](repeating: 0, count: capacity * size)
        var confidences = [Int32](repeating: 0, count: capacity)
        let count = zk_detect_charsets(bytes.baseAddress, Int32(min(bytes.count, 1 << 16)), &names, &confidences, Int32(capacity))
        guard count > 0 else { return [] }
        return (0..<Int(count)).map { index in
            let name = names[(index * size)..<((index + 1) * size)].prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            return (String(decoding: name, as: UTF8.self), Int(confidences[index]))
        }
    }
}
