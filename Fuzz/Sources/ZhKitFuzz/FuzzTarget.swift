import ZhKit
import ZhKitCorpus
import ZhKitEntities
import ZhKitICU

/// One segmenter and extractor for the whole run, as the CLI shares them.
nonisolated(unsafe) let annotator = CorpusAnnotator(extractor: EntityExtractor(segmenter: try! Segmenter()), reflow: false)
nonisolated(unsafe) let reflowingAnnotator = CorpusAnnotator(extractor: annotator.extractor, reflow: true)

/// libFuzzer's entry point: arbitrary bytes through decode, segmentation, entities and every
/// writer, with the invariants the formats promise checked. A failed check traps: a finding.
///
/// The first byte picks the decoding (strict UTF-8, GB18030, Big5, UTF-16) and reflow; the rest
/// is the input.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let mode = data[0]
    let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
    guard let text = decode(input, mode: mode & 3) else { return 0 }
    let document = (mode & 4 == 0 ? annotator : reflowingAnnotator).annotate(text, id: "fuzz")
    check(document)
    let layout = DocumentLayout(document)
    var writer = JSONWriter()
    writer.corpusDocument(layout)
    for scheme in TagScheme.allCases {
        writer.conllu(layout, scheme: scheme)
        writer.bio(layout, scheme: scheme, characters: false)
        writer.bio(layout, scheme: scheme, characters: true)
        writer.huggingFace(layout, scheme: scheme)
    }
    writer.spacy(layout)
    var next = 1
    writer.brat(BratEntity.entities(of: document), next: &next)
    precondition(firstInvalidUTF8Offset(in: writer.bytes.withUnsafeBufferPointer { $0 }) == nil, "a writer wrote invalid UTF-8")
    return 0
}

/// The input as UTF-8, or `nil` where the chosen encoding refuses it.
func decode(_ input: UnsafeBufferPointer<UInt8>, mode: UInt8) -> [UInt8]? {
    guard mode != 0 else { return firstInvalidUTF8Offset(in: input) == nil ? Array(input) : nil }
    let name = mode == 1 ? "GB18030" : mode == 2 ? "Big5" : "UTF-16"
    guard let decoder = try? TextDecoder(encoding: name), let decoded = try? decoder.decode(input, isLast: true) else { return nil }
    precondition(firstInvalidUTF8Offset(in: decoded.withUnsafeBufferPointer { $0 }) == nil, "\(name) decoded to invalid UTF-8")
    return decoded
}

/// What every format relies on: tokens cover the text, sentences cover the tokens, entities lie
/// on token boundaries, in order, and slice the text to their own text.
func check(_ document: AnnotatedDocument) {
    var start = 0
    for span in document.spans {
        precondition(span.end > start, "an empty or backward token")
        start = span.end
    }
    precondition(start == document.text.count, "tokens do not cover the text")
    var token = 0
    for sentence in document.sentences {
        precondition(sentence.tokens.lowerBound == token && sentence.tokens.upperBound > token, "sentences do not cover the tokens")
        token = sentence.tokens.upperBound
    }
    precondition(token == document.spans.count, "sentences stop short of the last token")
    let boundaries = Set([0] + document.spans.map(\.end))
    var previous = 0
    for entity in document.entities {
        precondition(entity.utf8.lowerBound >= previous && entity.utf8.upperBound <= document.text.count, "entities overlap or run past the text")
        precondition(boundaries.contains(entity.utf8.lowerBound) && boundaries.contains(entity.utf8.upperBound), "an entity cuts a token")
        let piece = String(decoding: document.text[entity.utf8], as: UTF8.self)
        precondition(piece == entity.text, "an entity's text is not its slice")
        precondition(entity.scalars.count == piece.unicodeScalars.count && entity.utf16.count == piece.utf16.count, "offsets disagree between units")
        previous = entity.utf8.upperBound
    }
}
