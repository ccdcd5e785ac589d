import ArgumentParser
import Foundation
import ZhKit
import ZhKitCorpus
import ZhKitEntities

/// `zhkit annotate`: tokens and entities as JSONL documents.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate Chinese text with tokens and entities, as JSONL.",
        discussion: """
            Writes one JSON document per input file ({"text", "tokens", "entities"}), or, with \
            --input-format jsonl, one per input line, reading {"id", "text"} objects and keeping \
            the ids. Entities follow ANNOTATION.md: ORG, DATE, TIME, PERCENT, MONEY, QUANTITY, \
            ORDINAL, CARDINAL, with start/end in Unicode scalars, utf8 and utf16 ranges, and a \
            normalised value where the text gives one.
            """
    )

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    @Option(name: .customLong("dict"), help: ArgumentHelp("A user dictionary (see 'zhkit segment --help'). Repeatable.", valueName: "file"))
    var dictionaries: [String] = []

    @Option(help: "Input format: text (one document per file) or jsonl (one {\"id\", \"text\"} object per line).")
    var inputFormat: InputFormat = .text

    @Argument(help: "Input files, UTF-8. Standard input when none is given.")
    var files: [String] = []

    func run() throws {
        let extractor = EntityExtractor(segmenter: try makeSegmenter(engine: .lexicon, dictionaries: dictionaries))
        var output = StandardOutput()
        let inputs = files.isEmpty ? [InputFile(path: nil)] : files.map { InputFile(path: $0) }
        for input in inputs {
            let content = try input.readText()
            switch inputFormat {
            case .text:
                try annotate(id: nil, text: content, extractor: extractor, output: &output)
            case .jsonl:
                var lineNumber = 0
                for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
                    lineNumber += 1
                    guard !line.allSatisfy(\.isWhitespace) else { continue }
                    let (id, text) = try parseRecord(line, lineNumber: lineNumber, name: input.displayName)
                    try annotate(id: id, text: text, extractor: extractor, output: &output)
                }
            }
        }
        try output.flush()
    }

    /// Writes one document: tokens from the segmenter's spans, entities, JSON, without a `Token`
    /// per token; a long document goes out in pieces of about a megabyte.
    func annotate(id: String?, text: String, extractor: EntityExtractor, output: inout StandardOutput) throws {
        var text = text
        text.makeContiguousUTF8()
        var writer = JSONWriter(capacity: min(text.utf8.count * 24, 1 << 21) + 256)
        try text.utf8.withContiguousStorageIfAvailable { bytes in
            let spans = extractor.segmenter.spans(in: bytes)
            let entities = extractor.entities(inUTF8: bytes, spans: spans)
            try writer.annotatedDocument(id: id, utf8: bytes, spans: spans, entities: entities) { writer in
                try output.write(writer.bytes)
                writer.bytes.removeAll(keepingCapacity: true)
            }
        }
        try output.write(writer.bytes)
    }

    /// Reads `{"id", "text"}` from one JSONL line; `id` may be a string or a number.
    func parseRecord(_ line: Substring, lineNumber: Int, name: String) throws(CLIError) -> (String?, String) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        } catch {
            throw CLIError(.dataError, "\(name):\(lineNumber): not a JSON object")
        }
        guard let record = object as? [String: Any], let text = record["text"] as? String else {
            throw CLIError(.dataError, "\(name):\(lineNumber): expected an object with a \"text\" string")
        }
        let id = record["id"].map { value -> String in (value as? String) ?? "\(value)" }
        return (id, text)
    }
}
