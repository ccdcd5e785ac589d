import ZhKit
import ZhKitEntities

/// One document with everything the corpus formats write: its text, tokens, sentences,
/// paragraphs and entities.
///
/// Tokens are the segmenter's, split where an entity starts or ends inside one (`三大` gives `三`
/// `大` when `三` is a CARDINAL), so that every entity is a run of whole tokens in every format.
/// Offsets are relative to the document's text; `origin` says where that text starts in the
/// input it came from, when it is a part of a longer file.
public struct AnnotatedDocument: Sendable {
    /// The document's id (`--input-format jsonl`) or name (a file).
    public var id: String?
    /// Whether `id` was a JSON number in the input, and goes out as one.
    package var idIsNumber = false
    /// Its text as UTF-8.
    package var utf8: [UInt8]
    /// Its tokens' ends and kinds, covering `utf8` exactly: what the writers read.
    package var spans: [TokenSpan]
    /// Its sentences, as ranges of `tokens`, covering them exactly; paragraphs are the runs of
    /// sentences from one that starts a paragraph to the next.
    public var sentences: [SentenceSpan]
    /// Its entities, in order, not overlapping, offsets relative to `text`.
    public var entities: [Entity]
    /// Where `text` starts in its input.
    public var origin: TextPosition
    /// Which part of its input this is, when the input was cut into parts (0, 1, …), or `nil`.
    public var part: Int?
    /// Whether the input started with a UTF-8 byte order mark, taken off before `text`.
    public var byteOrderMark = false

    package init(id: String?, utf8: [UInt8], spans: [TokenSpan], sentences: [SentenceSpan], entities: [Entity],
        origin: TextPosition = .zero, part: Int? = nil)
    {
        self.id = id
        self.utf8 = utf8
        self.spans = spans
        self.sentences = sentences
        self.entities = entities
        self.origin = origin
        self.part = part
    }
}

extension AnnotatedDocument {
    /// Its text.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Its tokens, covering `text` exactly, each with its text and its offsets in UTF-8 bytes,
    /// Unicode scalars and UTF-16 units (relative to `text`). O(n): they are made on each call
    /// from the spans the document keeps, 16 bytes a token.
    public var tokens: [Token] {
        let text = self.text
        return utf8.withUnsafeBufferPointer { Segmenter.tokens(from: spans, in: $0, of: text) }
    }
}
