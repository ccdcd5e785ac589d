import ZhKit
import ZhKitEntities

/// The corpus formats `zhkit annotate` writes.
public enum CorpusFormat: String, Sendable, CaseIterable {
    /// Documents: `id`, `text`, `paragraphs`, `sentences`, `tokens`, `entities` (the default).
    case jsonl
    /// Universal Dependencies' CoNLL-U: the entity tag and token ranges in MISC.
    case conllu
    /// CoNLL-2003 style: a token (or a character) and its tag a line, sentences apart.
    case bio
    /// BRAT standoff: the text as it is and an `.ann` of `T` lines.
    case brat
    /// spaCy/Prodigy JSONL: `text`, `tokens` with `ws`, `spans` and `entities` by character offset.
    case spacy
    /// Hugging Face token classification: a sentence a line, `tokens` and `ner_tags` ids.
    case hf
    /// For a person: the text with each entity marked in place, `[text](LABEL value)`.
    case inline

    /// The extension of the files written for one input (`--output`).
    public var fileExtension: String {
        switch self {
        case .jsonl: "jsonl"
        case .conllu: "conllu"
        case .bio: "bio"
        case .brat: "ann"
        case .spacy: "spacy.jsonl"
        case .hf: "hf.jsonl"
        case .inline: "inline.txt"
        }
    }
}

/// How entity tags mark a token's place in its entity.
public enum TagScheme: String, Sendable, CaseIterable {
    /// B- begins, I- goes on, O is outside.
    case bio
    /// As BIO, with E- for the last token and S- for an entity of one token.
    case bioes

    /// The tags of the scheme, in the order `hf`'s `ner_tags` number them: `O`, then each
    /// label's B-, I- (E-, S-) in `EntityLabel.allCases` order.
    public var labels: [String] {
        let prefixes = self == .bio ? ["B", "I"] : ["B", "I", "E", "S"]
        return ["O"] + EntityLabel.allCases.flatMap { label in prefixes.map { "\($0)-\(label.rawValue)" } }
    }
}

/// What every token format needs of a document, worked out once: the tokens' offsets in the
/// three units, their forms, and their entity tags.
package struct DocumentLayout {
    package let document: AnnotatedDocument
    /// Where each token starts, and one more entry for the end of the text.
    package let positions: [TextPosition]
    /// The entity and the place in it of each token that is not whitespace; empty when the
    /// layout was made without tags.
    let tagParts: [(label: EntityLabel, index: Int, count: Int)?]

    /// The layout of `document`; with `tags`, the entity tags of its tokens too (`tag(_:scheme:)`),
    /// which cost 32 bytes a token and only the tagged formats read. O(n).
    package init(_ document: AnnotatedDocument, tags: Bool = true) {
        self.document = document
        var positions: [TextPosition] = []
        positions.reserveCapacity(document.spans.count + 1)
        var position = TextPosition.zero
        positions.append(position)
        document.utf8.withUnsafeBufferPointer { bytes in
            var index = 0
            for span in document.spans {
                var scalars = 0
                var supplementary = 0
                while index < span.end {
                    let byte = bytes[index]
                    scalars &+= (byte & 0xC0) != 0x80 ? 1 : 0
                    supplementary &+= byte >= 0xF0 ? 1 : 0
                    index += 1
                }
                position = TextPosition(utf8: span.end, scalars: position.scalars + scalars, utf16: position.utf16 + scalars + supplementary)
                positions.append(position)
            }
        }
        self.positions = positions
        guard tags else {
            tagParts = []
            return
        }
        // Tokens inside each entity (by UTF-8 range), whitespace left out of the count.
        var parts = [(label: EntityLabel, index: Int, count: Int)?](repeating: nil, count: document.spans.count)
        var token = 0
        for entity in document.entities {
            while token < document.spans.count, positions[token].utf8 < entity.utf8.lowerBound { token += 1 }
            var members: [Int] = []
            while token < document.spans.count, positions[token + 1].utf8 <= entity.utf8.upperBound {
                if document.spans[token].kind != .whitespace { members.append(token) }
                token += 1
            }
            for (index, member) in members.enumerated() { parts[member] = (entity.label, index, members.count) }
        }
        tagParts = parts
    }

    /// The tag of token `index` in `scheme`: `O`, `B-ORG`, `I-ORG`, `E-ORG`, `S-ORG`.
    package func tag(_ index: Int, scheme: TagScheme) -> String {
        guard let part = tagParts[index] else { return "O" }
        let label = part.label.rawValue
        switch scheme {
        case .bio: return (part.index == 0 ? "B-" : "I-") + label
        case .bioes:
            if part.count == 1 { return "S-" + label }
            return (part.index == 0 ? "B-" : part.index == part.count - 1 ? "E-" : "I-") + label
        }
    }

    /// The bytes of token `index`.
    package func bytes(_ index: Int) -> ArraySlice<UInt8> {
        document.utf8[positions[index].utf8..<positions[index + 1].utf8]
    }

    /// The token's form: its text without the whitespace of a hard wrap inside it (`联\n合国` →
    /// `联合国`), for formats whose fields hold no whitespace.
    package func form(_ index: Int) -> String {
        let raw = bytes(index)
        guard raw.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 || $0 == 0xE3 }) else {
            return String(decoding: raw, as: UTF8.self)
        }
        return String(String(decoding: raw, as: UTF8.self).unicodeScalars.filter { !Self.isSpace($0.value) }.map(Character.init))
    }

    static func isSpace(_ scalar: UInt32) -> Bool {
        CharacterClass.isWhitespace(scalar)
    }

    /// The paragraphs, as ranges of sentence indices.
    package var paragraphs: [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var start = 0
        for (index, sentence) in document.sentences.enumerated() where index > 0 && sentence.startsParagraph {
            paragraphs.append(start..<index)
            start = index
        }
        if start < document.sentences.count { paragraphs.append(start..<document.sentences.count) }
        return paragraphs
    }

    /// Where sentence `index` starts and ends.
    package func sentenceBounds(_ index: Int) -> (start: TextPosition, end: TextPosition) {
        let tokens = document.sentences[index].tokens
        return (positions[tokens.lowerBound], positions[tokens.upperBound])
    }
}

extension JSONWriter {
    /// Appends `document` in `options.format`, the one switch from a document to its format's
    /// writer. BRAT, whose entities are numbered across an input's parts, goes through
    /// `BratEntity` instead and writes nothing here. O(n).
    ///
    /// `flush` is called whenever more than `limit` bytes are buffered (jsonl only).
    mutating func document<Failure: Error>(
        _ document: AnnotatedDocument, options: CorpusOptions, flushAbove limit: Int = .max, flush: (inout JSONWriter) throws(Failure) -> Void
    ) throws(Failure) {
        switch options.format {
        case .brat: return
        case .inline: return inline(document, colour: options.colour)
        default: break
        }
        let layout = DocumentLayout(document, tags: [.conllu, .bio, .hf].contains(options.format))
        switch options.format {
        case .jsonl: try corpusDocument(layout, tokens: options.tokens, flushAbove: limit, flush: flush)
        case .conllu: conllu(layout, scheme: options.scheme)
        case .bio: bio(layout, scheme: options.scheme, characters: options.characters)
        case .spacy: spacy(layout)
        case .hf: huggingFace(layout, scheme: options.scheme)
        case .inline: break
        case .brat: break
        }
    }
}

extension AnnotatedDocument {
    /// The document in `options.format` (its `.ann` standoff for BRAT), as `Annotator.write`
    /// writes it: UTF-8, ending in a line break. O(n).
    public func formatted(_ options: CorpusOptions = CorpusOptions()) -> String {
        var writer = JSONWriter(capacity: utf8.count * (options.format == .jsonl ? 8 : 4) + 64)
        if options.format == .brat {
            var next = 1
            writer.brat(BratEntity.entities(of: self), next: &next)
        } else {
            writer.document(self, options: options) { _ in }
        }
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
