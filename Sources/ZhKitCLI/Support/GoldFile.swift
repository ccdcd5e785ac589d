import ZhKitCorpus
import Foundation
import ZhKitEntities

/// A JSONL file of annotated documents, as ANNOTATION.md's gold files and `zhkit annotate`'s
/// output are: one object a line with "entities": [{"start", "end", "label"}] (Unicode scalar
/// offsets), and optionally "id" and "text". Blank lines are skipped.
struct GoldFile {
    struct Line {
        /// The line's number in the file, from 1.
        var number: Int
        var id: String?
        var text: String?
        var spans: [LabelledSpan]
    }

    var lines: [Line] = []
    /// The file's bytes (for a fingerprint).
    var bytes: [UInt8]

    /// Reads and parses `path`: 66 when it cannot be read, 65 naming the line when a line is no
    /// such object.
    init(path: String) throws(CorpusError) {
        let text = try InputFile(path: path).readText()
        bytes = Array(text.utf8)
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CorpusError(.dataError, "\(path):\(number): not a JSON object")
            }
            guard let entities = object["entities"] as? [[String: Any]] else {
                throw CorpusError(.dataError, "\(path):\(number): no \"entities\" list")
            }
            var spans: [LabelledSpan] = []
            for entity in entities {
                guard let start = entity["start"] as? Int, let end = entity["end"] as? Int, let label = entity["label"] as? String else {
                    throw CorpusError(.dataError, "\(path):\(number): an entity needs integer \"start\", \"end\" and a \"label\"")
                }
                spans.append(LabelledSpan(start: start, end: end, label: label))
            }
            let id = object["id"].map { value -> String in (value as? String) ?? "\(value)" }
            lines.append(Line(number: number, id: id, text: object["text"] as? String, spans: spans))
        }
    }
}
