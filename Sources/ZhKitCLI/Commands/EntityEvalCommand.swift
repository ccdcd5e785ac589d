import ArgumentParser
import Foundation
import ZhKitCorpus
import ZhKitEntities

/// `zhkit eval entities`: exact-span P, R, F1 per label and per group.
struct EntityEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Score entities against a gold standard: exact-span precision, recall and F1.",
        discussion: """
            GOLD and PRED are JSONL, one document per line, each with "entities": [{"start", \
            "end", "label"}] (Unicode scalar offsets, end exclusive): gold files as ANNOTATION.md \
            describes them, predictions as 'zhkit annotate' writes them. Documents are matched by \
            "id" when both have ids, else by line. Scores are given per label and per group: ORG; \
            PER = PERSON (and a gold label PER); LOC = GPE + LOC; DATE = DATE + TIME; NUMBER = PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL (and a gold \
            label NUMBER).
            """
    )

    @Option(help: "The gold entities (JSONL).")
    var gold: String

    @Flag(help: "Print the scores as one JSON object.")
    var json = false

    @Argument(help: "The predicted entities (JSONL).")
    var predicted: String

    func run() throws {
        let goldDocuments = try readDocuments(gold)
        let predictedDocuments = try readDocuments(predicted)
        let byID = Dictionary(predictedDocuments.compactMap { doc in doc.id.map { ($0, doc) } }, uniquingKeysWith: { a, _ in a })
        var scorer = EntityScorer()
        for (index, goldDocument) in goldDocuments.enumerated() {
            let match: Document?
            if let id = goldDocument.id, !byID.isEmpty {
                match = byID[id]
            } else {
                match = index < predictedDocuments.count ? predictedDocuments[index] : nil
            }
            guard let match else {
                throw CorpusError(.dataError, "'\(predicted)' has no document for gold line \(index + 1)\(goldDocument.id.map { " (id \($0))" } ?? "")")
            }
            scorer.add(gold: goldDocument.spans, predicted: match.spans)
        }
        var output = StandardOutput()
        try output.write(json ? jsonReport(scorer, documents: goldDocuments.count) : textReport(scorer))
        try output.flush()
    }

    struct Document {
        var id: String?
        var spans: [LabelledSpan]
    }

    func readDocuments(_ path: String) throws(CorpusError) -> [Document] {
        try GoldFile(path: path).lines.map { Document(id: $0.id, spans: $0.spans) }
    }

    func textReport(_ scorer: EntityScorer) -> [UInt8] {
        func row(_ name: String, _ score: EntityScore) -> String {
            let padded = name.padding(toLength: 10, withPad: " ", startingAt: 0)
            return padded + String(format: "%7d %7d %7d   %.3f   %.3f   %.3f", score.gold, score.predicted, score.correct, score.precision, score.recall, score.f1)
        }
        var lines = ["          " + "   gold    pred correct       P       R      F1"]
        for group in EntityGroup.allCases { lines.append(row(group.rawValue + "*", scorer.byGroup[group] ?? EntityScore())) }
        lines.append(row("all*", scorer.overall))
        for label in scorer.byLabel.keys.sorted() { lines.append(row(label, scorer.byLabel[label]!)) }
        lines.append("(* groups: PER = PERSON, PER; LOC = GPE + LOC; DATE = DATE + TIME; NUMBER = PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL, NUMBER)")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    func jsonReport(_ scorer: EntityScorer, documents: Int) -> [UInt8] {
        var writer = JSONWriter(capacity: 2048)
        func score(_ s: EntityScore) {
            writer.raw("{\"gold\":")
            writer.integer(s.gold)
            writer.raw(",\"predicted\":")
            writer.integer(s.predicted)
            writer.raw(",\"correct\":")
            writer.integer(s.correct)
            writer.raw(",\"precision\":")
            writer.decimal(s.precision)
            writer.raw(",\"recall\":")
            writer.decimal(s.recall)
            writer.raw(",\"f1\":")
            writer.decimal(s.f1)
            writer.raw(UInt8(ascii: "}"))
        }
        writer.raw("{\"documents\":")
        writer.integer(documents)
        writer.raw(",\"overall\":")
        score(scorer.overall)
        writer.raw(",\"groups\":{")
        for (index, group) in EntityGroup.allCases.enumerated() {
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            writer.string(group.rawValue)
            writer.raw(UInt8(ascii: ":"))
            score(scorer.byGroup[group] ?? EntityScore())
        }
        writer.raw("},\"labels\":{")
        for (index, label) in scorer.byLabel.keys.sorted().enumerated() {
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            writer.string(label)
            writer.raw(UInt8(ascii: ":"))
            score(scorer.byLabel[label]!)
        }
        writer.raw("}}\n")
        return writer.bytes
    }
}
