/// A word, a run of spaces, a punctuation mark: one piece of a segmented text.
///
/// A token knows its text and where it stands in the source in the three units that tools
/// count in: UTF-8 bytes (Rust, Go, C, byte-oriented files), Unicode scalars (Python's `str`
/// index) and UTF-16 code units (JavaScript, Java, ICU, `NSString`). Ranges are half-open.
public struct Token: Sendable, Hashable {
    /// The token's text, a slice of the segmented string.
    public var text: Substring
    /// What the token is made of.
    public var kind: TokenKind
    /// The token's range in UTF-8 bytes from the start of the source.
    public var utf8: Range<Int>
    /// The token's range in Unicode scalars from the start of the source.
    public var scalars: Range<Int>
    /// The token's range in UTF-16 code units from the start of the source.
    public var utf16: Range<Int>

    public init(text: Substring, kind: TokenKind, utf8: Range<Int>, scalars: Range<Int>, utf16: Range<Int>) {
        self.text = text
        self.kind = kind
        self.utf8 = utf8
        self.scalars = scalars
        self.utf16 = utf16
    }

    /// Whether the token is spaces or line breaks only.
    @inlinable
    public var isWhitespace: Bool { kind == .whitespace }
}
