import ZhKit

extension JSONWriter {
    /// Appends the token objects of `spans` (`{"text","start","end","kind","utf8","utf16"}`, the
    /// fields of `tokenFields`), comma-separated, from valid UTF-8 `text`, starting at `position`,
    /// which it moves past them. `first` tells whether a comma goes before the first one.
    ///
    /// The hot loop of every token writer: objects are built in a scratch buffer with raw
    /// pointer writes and appended 64 KB at a time (less for a short text). Offsets are counted from the bytes as it goes,
    /// unless `ends` gives them (a `DocumentLayout`'s positions past the first: the end of each
    /// token), so that a text whose positions are known is not walked twice. O(n).
    package mutating func tokenObjects(
        _ spans: some Collection<TokenSpan>, in text: UnsafeBufferPointer<UInt8>, position: inout TextPosition, first: inout Bool,
        ends: ArraySlice<TextPosition>? = nil
    ) {
        // 64 KB, or less for a short text (a line of `segment --format jsonl`): no more than
        // its tokens can take, so that a call a line does not allocate 64 KB a line.
        let capacity = min(1 << 16, 160 * spans.count + 6 * text.count + 64)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { scratch.deallocate() }
        var out = scratch
        var count = 0  // tokens written, to index `ends`
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
            let next: TextPosition
            if let ends {
                next = ends[ends.startIndex + count]
            } else {
                var scalars = 0
                var supplementary = 0
                for index in start..<span.end {
                    let byte = text[index]
                    scalars &+= (byte & 0xC0) != 0x80 ? 1 : 0
                    supplementary &+= byte >= 0xF0 ? 1 : 0
                }
                next = TextPosition(utf8: span.end, scalars: position.scalars + scalars, utf16: position.utf16 + scalars + supplementary)
            }
            count += 1
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

    /// `text` as a JSON string, quotes included.
    @inline(__always)
    static func putString(_ text: UnsafeBufferPointer<UInt8>, _ out: inout UnsafeMutablePointer<UInt8>) {
        out.pointee = 0x22
        out += 1
        putEscaped(text, &out)
        out.pointee = 0x22
        out += 1
    }
}
