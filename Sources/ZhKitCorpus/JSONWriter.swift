/// Appends JSON to a byte buffer: strings escaped per RFC 8259, integers in decimal.
///
/// Hand-written because output is the hot end of every job: Foundation's `JSONEncoder` costs
/// more than segmentation itself. Non-ASCII text is written as raw UTF-8, not `\u` escapes.
package struct JSONWriter {
    /// The bytes written so far.
    package var bytes: [UInt8]

    /// Makes a writer with room for `capacity` bytes.
    package init(capacity: Int = 1 << 16) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends ASCII text as is (keys, punctuation). The caller guarantees it needs no escaping.
    @inlinable
    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends one ASCII byte.
    @inlinable
    package mutating func raw(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `value` in decimal. O(digits).
    @inlinable
    package mutating func integer(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var out = scratch.baseAddress!
            if value < 0 {
                out.pointee = UInt8(ascii: "-")
                out += 1
            }
            Self.putInteger(value.magnitude, &out)
            bytes.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress, count: out - scratch.baseAddress!))
        }
    }

    /// Appends `value` with up to six decimals, shortest form (`0.794`, `1`, `0`).
    package mutating func decimal(_ value: Double) {
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
    package mutating func string(_ text: Substring) {
        if text.utf8.withContiguousStorageIfAvailable({ string($0) }) != nil { return }
        var copy = String(text)  // a bridged string: make it native UTF-8 once
        copy.makeContiguousUTF8()
        copy.utf8.withContiguousStorageIfAvailable { string($0) }
    }

    /// Appends `text` as a JSON string, quotes included.
    @inlinable
    package mutating func string(_ text: String) {
        string(text[...])
    }

    /// Appends valid UTF-8 `utf8` as a JSON string, quotes included, with the escapes of
    /// `putEscaped`. O(n): escaped a piece at a time into a scratch buffer on the stack.
    @inlinable
    package mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        let piece = 4096
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * min(utf8.count, piece) + 6) { scratch in
            var start = 0
            while start < utf8.count {
                var end = min(start + piece, utf8.count)
                // A piece ends before a lead byte, so that no character (and no escape) is cut.
                while end < utf8.count, utf8[end] & 0xC0 == 0x80 { end -= 1 }
                var out = scratch.baseAddress!
                Self.putEscaped(UnsafeBufferPointer(rebasing: utf8[start..<end]), &out)
                bytes.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress, count: out - scratch.baseAddress!))
                start = end
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `value` in decimal at `out` and moves `out` past it. O(digits).
    @inlinable @inline(__always)
    static func putInteger(_ value: UInt, _ out: inout UnsafeMutablePointer<UInt8>) {
        var digits = 1
        var probe = value / 10
        while probe > 0 {
            digits &+= 1
            probe /= 10
        }
        var rest = value
        var index = digits - 1
        repeat {
            out[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
            rest /= 10
            index &-= 1
        } while index >= 0
        out += digits
    }

    /// Writes `value`, an offset or a count (never negative), in decimal at `out`.
    @inlinable @inline(__always)
    static func putInteger(_ value: Int, _ out: inout UnsafeMutablePointer<UInt8>) {
        putInteger(UInt(value), &out)
    }

    /// Writes ASCII `text` at `out` and moves `out` past it.
    @inlinable @inline(__always)
    static func put(_ text: StaticString, _ out: inout UnsafeMutablePointer<UInt8>) {
        out.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        out += text.utf8CodeUnitCount
    }

    /// Writes valid UTF-8 `text` escaped for a JSON string (no quotes) at `out`, which has room
    /// for six bytes per byte, and moves `out` past it: the one escaping routine of every writer.
    ///
    /// Escapes `"`, `\`, the C0 controls and DEL (short forms where JSON has them), U+2028 and
    /// U+2029, which end lines in JavaScript, and U+FEFF, which Foundation's JSON parser drops
    /// when it stands raw. O(n).
    @inlinable @inline(__always)
    static func putEscaped(_ text: UnsafeBufferPointer<UInt8>, _ out: inout UnsafeMutablePointer<UInt8>) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x7F, byte != 0xE2, byte != 0xEF {
                out.pointee = byte
                out += 1
                index &+= 1
                continue
            }
            // The rare bytes: escapes, or a lead byte that only sometimes starts one.
            switch byte {
            case 0x22: put("\\\"", &out)
            case 0x5C: put("\\\\", &out)
            case 0x0A: put("\\n", &out)
            case 0x0D: put("\\r", &out)
            case 0x09: put("\\t", &out)
            case 0x08: put("\\b", &out)
            case 0x0C: put("\\f", &out)
            case 0xE2 where index + 2 < count && text[index + 1] == 0x80 && text[index + 2] & 0xFE == 0xA8:
                put(text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", &out)
                index &+= 2
            case 0xEF where index + 2 < count && text[index + 1] == 0xBB && text[index + 2] == 0xBF:
                put("\\ufeff", &out)
                index &+= 2
            case 0xE2, 0xEF:
                out.pointee = byte
                out += 1
            default:
                put("\\u00", &out)
                out[0] = hexDigits[Int(byte >> 4)]
                out[1] = hexDigits[Int(byte & 0x0F)]
                out += 2
            }
            index &+= 1
        }
    }

    @usableFromInline
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
