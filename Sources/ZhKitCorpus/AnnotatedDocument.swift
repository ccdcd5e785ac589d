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
    /// Its text, valid UTF-8.
    public var text: [UInt8]
    /// Its tokens, covering `text` exactly.
    public var spans: [TokenSpan]
    /// Its sentences, covering the tokens exactly; paragraphs are the runs of sentences from
    /// one that starts a paragraph to the next.
    public var sentences: [SentenceSpan]
    /// Its entities, in order, not overlapping, offsets relative to `text`.
    public var entities: [Entity]
    /// Where `text` starts in its input.
    public var origin: TextPosition
    /// Which part of its input this is, when the input was cut into parts (0, 1, …), or `nil`.
    public var part: Int?
    /// Whether the input started with a UTF-8 byte order mark, taken off before `text`.
    public var byteOrderMark = false

    public init(id: String?, text: [UInt8], spans: [TokenSpan], sentences: [SentenceSpan], entities: [Entity],
        origin: TextPosition = .zero, part: Int? = nil)
    {
        self.id = id
        self.text = text
        self.spans = spans
        self.sentences = sentences
        self.entities = entities
        self.origin = origin
        self.part = part
    }
}

/// Annotates documents for the corpus formats: segmentation (with reflow if asked), entities,
/// sentences. An immutable value: share one between threads.
public struct CorpusAnnotator: Sendable {
    public let extractor: EntityExtractor
    /// Whether hard line wraps join what they break (`Reflow`).
    public let reflow: Bool

    public init(extractor: EntityExtractor, reflow: Bool) {
        self.extractor = extractor
        self.reflow = reflow
    }

    /// The annotated document of `text`, valid UTF-8. O(n).
    public func annotate(_ text: [UInt8], id: String?, origin: TextPosition = .zero, part: Int? = nil) -> AnnotatedDocument {
        text.withUnsafeBufferPointer { bytes in
            let segmented = extractor.segmenter.spans(in: bytes, reflow: reflow)
            let entities = extractor.entities(inUTF8: bytes, spans: segmented)
            let spans = Self.splitting(segmented, at: entities, in: bytes)
            let sentences = Self.joiningAcross(Sentences.split(bytes, spans: spans, reflow: reflow), entities: entities, spans: spans)
            return AnnotatedDocument(id: id, text: text, spans: spans, sentences: sentences, entities: entities, origin: origin, part: part)
        }
    }

    /// `spans` cut where an entity starts or ends inside a token. O(n).
    static func splitting(_ spans: [TokenSpan], at entities: [Entity], in bytes: UnsafeBufferPointer<UInt8>) -> [TokenSpan] {
        guard !entities.isEmpty else { return spans }
        var cuts: [Int] = []
        cuts.reserveCapacity(entities.count * 2)
        for entity in entities { cuts += [entity.utf8.lowerBound, entity.utf8.upperBound] }
        var result: [TokenSpan] = []
        result.reserveCapacity(spans.count + cuts.count)
        var cut = 0
        var start = 0
        for span in spans {
            while cut < cuts.count, cuts[cut] <= start { cut += 1 }
            var pieceStart = start
            while cut < cuts.count, cuts[cut] < span.end {
                // The piece before the cut keeps the token's kind; so does the rest. Adjacent
                // entities share a cut: no empty piece.
                if cuts[cut] > pieceStart {
                    result.append(TokenSpan(end: cuts[cut], kind: span.kind))
                    pieceStart = cuts[cut]
                }
                cut += 1
            }
            result.append(span)
            start = span.end
        }
        return result
    }

    /// Sentences joined where an entity runs across their boundary (`2020\n年` without reflow). O(n).
    static func joiningAcross(_ sentences: [SentenceSpan], entities: [Entity], spans: [TokenSpan]) -> [SentenceSpan] {
        guard sentences.count > 1, !entities.isEmpty else { return sentences }
        var joined: [SentenceSpan] = []
        var entity = 0
        for sentence in sentences {
            guard let last = joined.last else {
                joined.append(sentence)
                continue
            }
            // The byte offset where `sentence` starts.
            let boundary = spans[sentence.tokens.lowerBound - 1].end
            while entity < entities.count, entities[entity].utf8.upperBound <= boundary { entity += 1 }
            if entity < entities.count, entities[entity].utf8.lowerBound < boundary {
                joined[joined.count - 1].tokens = last.tokens.lowerBound..<sentence.tokens.upperBound
            } else {
                joined.append(sentence)
            }
        }
        return joined
    }
}
