import Foundation
import ZhKit
import ZhKitCorpus
import ZhKitEntities
import ZhKitICU

/// One segmenter and extractor for the whole run, as the CLI shares them.
let annotator = Annotator(extractor: EntityExtractor(segmenter: try! Segmenter()), reflow: false)
let reflowingAnnotator = Annotator(extractor: annotator.extractor, reflow: true)
/// Where the pipeline's input goes: one file, rewritten for each input.
let inputPath = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-fuzz-\(getpid()).txt").path

/// libFuzzer's entry point: arbitrary bytes through decode, segmentation, entities and every
/// writer, with the invariants the formats promise checked. A failed check traps: a finding.
///
/// The first byte picks the decoding (strict UTF-8, GB18030, Big5, UTF-16), reflow, and
/// whether the input also goes through the file pipeline (`Annotator.forEachDocument`).
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let mode = data[0]
    let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let chosen = mode & 4 == 0 ? annotator : reflowingAnnotator
    if mode & 8 != 0 { throughFiles(input, mode: mode & 3, annotator: chosen) }
    guard let text = decode(input, mode: mode & 3) else { return 0 }
    let document = chosen.annotate(String(decoding: text, as: UTF8.self), id: "fuzz")
    check(document)
    var formats: [CorpusOptions] = []
    for format in CorpusFormat.allCases {
        for scheme in TagScheme.allCases {
            for characters in format == .bio ? [false, true] : [false] {
                var options = CorpusOptions()
                options.format = format
                options.scheme = scheme
                options.characters = characters
                formats.append(options)
            }
        }
    }
    for options in formats {
        var output = document.formatted(options)
        precondition(output.withUTF8 { firstInvalidUTF8Offset(in: $0) } == nil, "a writer wrote invalid UTF-8")
    }
    return 0
}

/// The input as UTF-8, or `nil` where the chosen encoding refuses it.
func decode(_ input: UnsafeBufferPointer<UInt8>, mode: UInt8) -> [UInt8]? {
    guard mode != 0 else { return firstInvalidUTF8Offset(in: input) == nil ? Array(input) : nil }
    guard let decoder = try? TextDecoder(encoding: encodingName(mode)), let decoded = try? decoder.decode(input, isLast: true) else { return nil }
    precondition(decoded.withUnsafeBufferPointer { firstInvalidUTF8Offset(in: $0) } == nil, "\(encodingName(mode)) decoded to invalid UTF-8")
    return decoded
}

func encodingName(_ mode: UInt8) -> String {
    mode == 0 ? "UTF-8" : mode == 1 ? "GB18030" : mode == 2 ? "Big5" : "UTF-16"
}

/// The raw input written to a file and read back by the pipeline: it either refuses the file
/// with a data error (65) or gives the documents that annotating the decoded text gives.
func throughFiles(_ input: UnsafeBufferPointer<UInt8>, mode: UInt8, annotator: Annotator) {
    guard FileManager.default.createFile(atPath: inputPath, contents: Data(input)) else { return }
    defer { try? FileManager.default.removeItem(atPath: inputPath) }
    var options = CorpusOptions()
    options.encoding = InputEncoding(argument: encodingName(mode))
    options.jobs = 1
    var documents: [AnnotatedDocument] = []
    do {
        try annotator.forEachDocument(in: [inputPath], options: options) { documents.append($0) }
    } catch let error as CorpusError {
        precondition(error.code == .dataError, "the pipeline failed with \(error.code): \(error.message)")
        return
    } catch {
        preconditionFailure("the pipeline threw \(error)")
    }
    // Strict UTF-8 takes a byte order mark off the text; converters keep what they decode.
    var expected = decode(input, mode: mode) ?? []
    if mode == 0, expected.starts(with: [0xEF, 0xBB, 0xBF]) { expected.removeFirst(3) }
    precondition(documents.count == 1, "a small input made \(documents.count) documents")
    precondition(documents[0].text == String(decoding: expected, as: UTF8.self), "the pipeline's text is not the decoded input")
    check(documents[0])
}

/// What every format relies on: tokens cover the text, sentences cover the tokens, entities lie
/// on token boundaries, in order, and slice the text to their own text.
func check(_ document: AnnotatedDocument) {
    let text = document.text
    let tokens = document.tokens
    var start = 0
    for token in tokens {
        precondition(token.utf8.lowerBound == start && token.utf8.upperBound > start, "an empty, backward or detached token")
        precondition(String(token.text) == String(decoding: Array(text.utf8)[token.utf8], as: UTF8.self), "a token's text is not its slice")
        start = token.utf8.upperBound
    }
    precondition(start == text.utf8.count, "tokens do not cover the text")
    var index = 0
    for sentence in document.sentences {
        precondition(sentence.tokens.lowerBound == index && sentence.tokens.upperBound > index, "sentences do not cover the tokens")
        index = sentence.tokens.upperBound
    }
    precondition(index == tokens.count, "sentences stop short of the last token")
    let boundaries = Set([0] + tokens.map(\.utf8.upperBound))
    var previous = 0
    for entity in document.entities {
        precondition(entity.utf8.lowerBound >= previous && entity.utf8.upperBound <= text.utf8.count, "entities overlap or run past the text")
        precondition(boundaries.contains(entity.utf8.lowerBound) && boundaries.contains(entity.utf8.upperBound), "an entity cuts a token")
        let piece = String(decoding: Array(text.utf8)[entity.utf8], as: UTF8.self)
        precondition(piece == entity.text, "an entity's text is not its slice")
        precondition(entity.scalars.count == piece.unicodeScalars.count && entity.utf16.count == piece.utf16.count, "offsets disagree between units")
        previous = entity.utf8.upperBound
    }
}
