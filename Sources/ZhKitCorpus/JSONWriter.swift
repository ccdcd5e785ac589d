/// Appends JSON to a byte buffer: strings escaped per RFC 8259, integers in decimal.
///
/// Hand-written because output is the hot end of every job: Foundation's `JSONEncoder` costs
/// more than segmentation itself. Non-ASCII text is written as raw UTF-8, not `\u` escapes.
public struct JSONWriter {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Makes a writer with room for `capacity` bytes.
    public init(capacity: Int = 1 << 16) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends ASCII text as is (keys, punctuation). The caller guarantees it needs no escaping.
    @inlinable
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends one ASCII byte.
    @inlinable
    public mutating func raw(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `value` in decimal. O(digits).
    @inlinable
    public mutating func integer(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            integer(UInt(value.magnitude))
        } else {
            integer(UInt(value))
        }
    }

    @inlinable
    mutating func integer(_ value: UInt) {
        if value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        // Digits from the end into a stack buffer, then one append.
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { digits in
            var index = digits.count
            var rest = value
            repeat {
                index &-= 1
                digits[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[index...]))
        }
    }

    /// Appends `value` with up to six decimals, shortest form (`0.794`, `1`, `0`).
    public mutating func decimal(_ value: Double) {
        guard value.isFinite else {
            raw("null")
            return
        }
        let scaled = (value * 1_000_000).rounded()
        var whole = Int(scaled / 1_000_000)
        var fraction = Int(abs(scaled) - abs(Double(whole)) * 1_000_000)
        if fraction >= 1_000_000 { whole += 1; fraction -= 1_000_000 }
        if scaled < 0 && whole == 0 { raw(UInt8(ascii: "-")) }
        integer(whole)
        guard fraction > 0 else { return }
        raw(UInt8(ascii: "."))
        var digits = Array(String(fraction).utf8)
        digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 6 - digits.count), at: 0)
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        bytes.append(contentsOf: digits)
    }

    /// Appends `text` as a JSON string, quotes included.
    @inlinable
    public mutating func string(_ text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ string($0) }) != nil { return }
        var copy = String(text)  // a bridged string: make it native UTF-8 once
        copy.makeContiguousUTF8()
        copy.utf8.withContiguousStorageIfAvailable { string($0) }
    }

    /// Appends `text` as a JSON string, quotes included.
    @inlinable
    public mutating func string(_ text: String) {
        string(text[...])
    }

    /// Appends valid UTF-8 `utf8` as a JSON string, quotes included.
    ///
    /// Escapes `"`, `\`, the C0 controls and DEL (short forms where JSON has them), U+2028 and
    /// U+2029, which end lines in JavaScript, and U+FEFF, which Foundation's JSON parser drops
    /// when it stands raw. O(n).
    @inlinable
    public mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            let needsEscape: Bool
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                needsEscape = true
            } else if byte == 0xE2, index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] & 0xFE == 0xA8 {
                needsEscape = true
            } else if byte == 0xEF, index + 2 < count, utf8[index + 1] == 0xBB, utf8[index + 2] == 0xBF {
                needsEscape = true
            } else {
                needsEscape = false
            }
            guard needsEscape else {
                index &+= 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0xE2:
                raw(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index &+= 2
            case 0xEF:
                raw("\\ufeff")
                index &+= 2
            default:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
            index &+= 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        bytes.append(UInt8(ascii: "\""))
    }

    @usableFromInline
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
