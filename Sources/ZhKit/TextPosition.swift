/// A position in a text, counted in the three units tokens carry.
public struct TextPosition: Sendable, Hashable {
    /// UTF-8 bytes from the start.
    public var utf8: Int
    /// Unicode scalars from the start.
    public var scalars: Int
    /// UTF-16 code units from the start.
    public var utf16: Int

    public init(utf8: Int, scalars: Int, utf16: Int) {
        self.utf8 = utf8
        self.scalars = scalars
        self.utf16 = utf16
    }

    /// The start of a text.
    public static let zero = TextPosition(utf8: 0, scalars: 0, utf16: 0)
}

extension Token {
    /// Where the token starts.
    @inlinable
    public var start: TextPosition { TextPosition(utf8: utf8.lowerBound, scalars: scalars.lowerBound, utf16: utf16.lowerBound) }

    /// Where the token ends.
    @inlinable
    public var end: TextPosition { TextPosition(utf8: utf8.upperBound, scalars: scalars.upperBound, utf16: utf16.upperBound) }
}
