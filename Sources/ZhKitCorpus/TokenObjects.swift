import ZhKit

extension JSONWriter {
    /// Appends the token objects of `spans` (`{"text","start","end","kind","utf8","utf16"}`, the
    /// fields of `tokenFields`), comma-separated, from valid UTF-8 `text`, starting at `position`,
    /// which it moves past them. `first` tells whether a comma goes before the first one.
    ///
    /// The hot loop of every token writer: objects are built in a scratch buffer with raw
    /// pointer writes and appended 64 KB at a time. O(n).
    public mutating func tokenObjects(
        _ spans: some Collection<TokenSpan>, in text: UnsafeBufferPointer<UInt8>, position: inout TextPosition, first: inout Bool
    ) {
        let capacity = 1 << 16
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { scratch.deallocate() }
        var out = scratch
        for span in spans {
            let start = position.utf8
            let length = span.end - start
            // The most a token object takes: its keys and numbers, and its text escaped (six
            // bytes for a byte at most).
            let worst = 160 + 6 * length
            if out - scratch + worst > capacity {
                bytes.append(contentsOf: UnsafeBufferPointer(start: scratch, count: out - scratch))
                out = scratch
            }
            var scalars = 0
            var supplementary = 0
            for index in start..<span.end {
                let byte = text[index]
                scalars &+= (byte & 0xC0) != 0x80 ? 1 : 0
                supplementary &+= byte >= 0xF0 ? 1 : 0
            }
            let next = TextPosition(utf8: span.end, scalars: position.scalars + scalars, utf16: position.utf16 + scalars + supplementary)
            if worst > capacity {
                // A token longer than the scratch buffer (a run of one symbol, say): the slow path.
                if !first { raw(UInt8(ascii: ",")) }
                raw("{\"text\":")
                string(UnsafeBufferPointer(rebasing: text[start..<span.end]))
                tokenFields(kind: span.kind, scalars: position.scalars..<next.scalars, utf8: start..<span.end, utf16: position.utf16..<next.utf16)
            } else {
                if !first { Self.put(",", &out) }
                Self.put("{\"text\":", &out)
                Self.putString(UnsafeBufferPointer(rebasing: text[start..<span.end]), &out)
                Self.put(",\"start\":", &out)
                Self.putInteger(position.scalars, &out)
                Self.put(",\"end\":", &out)
                Self.putInteger(next.scalars, &out)
                Self.put(",\"kind\":\"", &out)
                Self.put(Self.kindNames[Int(span.kind.rawValue)], &out)
                Self.put("\",\"utf8\":[", &out)
                Self.putInteger(start, &out)
                Self.put(",", &out)
                Self.putInteger(span.end, &out)
                Self.put("],\"utf16\":[", &out)
                Self.putInteger(position.utf16, &out)
                Self.put(",", &out)
                Self.putInteger(next.utf16, &out)
                Self.put("]}", &out)
            }
            first = false
            position = next
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: scratch, count: out - scratch))
    }

    /// The kinds' names by raw value, as `kindName` writes them.
    static let kindNames: [StaticString] = TokenKind.allCases.sorted { $0.rawValue < $1.rawValue }.map(\.jsonName)

    @inline(__always)
    static func put(_ text: StaticString, _ out: inout UnsafeMutablePointer<UInt8>) {
        out.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        out += text.utf8CodeUnitCount
    }

    @inline(__always)
    static func putInteger(_ value: Int, _ out: inout UnsafeMutablePointer<UInt8>) {
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

    /// `text` as a JSON string with the escapes of `string(_:)`.
    @inline(__always)
    static func putString(_ text: UnsafeBufferPointer<UInt8>, _ out: inout UnsafeMutablePointer<UInt8>) {
        out.pointee = 0x22
        out += 1
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
        out.pointee = 0x22
        out += 1
    }
}
