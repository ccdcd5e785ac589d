/// The end of one segment and its kind: what an engine produces, before offsets are counted.
///
/// Engines emit spans in order; each starts where the previous one ended, so a list of spans
/// covers its text by construction.
public struct TokenSpan: Sendable, Hashable {
    /// UTF-8 offset where the segment ends (exclusive).
    public var end: Int
    public var kind: TokenKind

    @inlinable
    public init(end: Int, kind: TokenKind) {
        self.end = end
        self.kind = kind
    }
}

/// Running offsets in the three units while walking a UTF-8 text from its start.
@usableFromInline
struct OffsetCounter {
    @usableFromInline var utf8 = 0
    @usableFromInline var scalars = 0
    @usableFromInline var utf16 = 0

    @inlinable
    init() {}

    /// Moves to UTF-8 offset `end`, counting the scalars and UTF-16 units of the bytes passed.
    ///
    /// A scalar starts at every byte that is not a continuation byte (`10xxxxxx`); a four-byte
    /// scalar (lead byte `11110xxx`) is two UTF-16 units. O(end − utf8).
    @inlinable
    mutating func advance(to end: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var scalarCount = 0
        var supplementary = 0
        var index = utf8
        while index < end {
            let byte = bytes[index]
            scalarCount &+= (byte & 0xC0) != 0x80 ? 1 : 0
            supplementary &+= byte >= 0xF0 ? 1 : 0
            index &+= 1
        }
        utf8 = end
        scalars &+= scalarCount
        utf16 &+= scalarCount &+ supplementary
    }
}
