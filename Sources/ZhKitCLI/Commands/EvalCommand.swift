import ArgumentParser
import ZhKit
import ZhKitCorpus

/// `zhkit eval`: scores against a gold standard.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score output against a gold standard.",
        subcommands: [SegmentationEvalCommand.self, EntityEvalCommand.self]
    )
}

/// `zhkit eval segmentation`: the SIGHAN bakeoff metrics.
struct SegmentationEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segmentation",
        abstract: "Score a segmentation with the SIGHAN bakeoff metrics.",
        discussion: """
            TEST and GOLD hold one sentence per line, words separated by spaces (ASCII or U+3000). \
            A gold word is correct when the word-level diff of its line keeps it unchanged, as the \
            bakeoff's own scorer (score, with GNU diff -y) decides; the figures agree with it to \
            the word. With --words, gold words missing from that training word list are \
            out-of-vocabulary (OOV), and OOV and IV recall are reported.
            """
    )

    @Option(help: "The gold segmentation.")
    var gold: String

    @Option(help: "The training word list, one word per line (defines OOV words).")
    var words: String?

    @Flag(help: "Print the scores as one JSON object.")
    var json = false

    @Argument(help: "The segmentation to score.")
    var test: String

    @Option(help: ArgumentHelp("The files' encoding: UTF-8 (the default, strict), an ICU converter name (GB18030, Big5, UTF-16, …) or auto.", valueName: "name"))
    var encoding = "UTF-8"

    func run() throws {
        let given = InputEncoding(argument: encoding)
        let goldText = try InputFile(path: gold, encoding: given).readText()
        let testText = try InputFile(path: test, encoding: given).readText()
        let vocabulary = try words.map { try SegmentationScorer.wordList(fromFileContents: InputFile(path: $0, encoding: given).readText()) } ?? []
        let score: SegmentationScore
        do {
            score = try SegmentationScorer(trainingWords: vocabulary).score(gold: goldText, test: testText)
        } catch {
            throw CorpusError(.dataError, "cannot score '\(test)' against '\(gold)': \(error)")
        }
        if !score.mismatchedLines.isEmpty {
            let first = score.mismatchedLines.prefix(5).map(String.init).joined(separator: ", ")
            let more = score.mismatchedLines.count > 5 ? ", …" : ""
            printError("warning: \(score.mismatchedLines.count) lines differ in their characters between gold and test (lines \(first)\(more)); they are scored as given")
        }
        var output = StandardOutput()
        try output.write(json ? jsonReport(score) : textReport(score, hasWordList: words != nil))
        try output.flush()
    }

    func textReport(_ score: SegmentationScore, hasWordList: Bool) -> [UInt8] {
        func figure(_ value: Double) -> String {
            let thousandths = Int((value * 1000).rounded())
            let digits = String(thousandths % 1000)
            return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - digits.count) + digits
        }
        var lines = [
            "lines           \(score.lines)",
            "gold words      \(score.goldWords)",
            "test words      \(score.testWords)",
            "correct words   \(score.correctWords)",
            "P               \(figure(score.precision))",
            "R               \(figure(score.recall))",
            "F               \(figure(score.f1))",
        ]
        if hasWordList {
            lines += [
                "OOV words       \(score.oovGoldWords)",
                "OOV rate        \(figure(score.oovRate))",
                "OOV recall      \(figure(score.oovRecall))",
                "IV recall       \(figure(score.ivRecall))",
            ]
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    func jsonReport(_ score: SegmentationScore) -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.raw("{\"lines\":")
        writer.integer(score.lines)
        writer.raw(",\"gold_words\":")
        writer.integer(score.goldWords)
        writer.raw(",\"test_words\":")
        writer.integer(score.testWords)
        writer.raw(",\"correct_words\":")
        writer.integer(score.correctWords)
        writer.raw(",\"oov_words\":")
        writer.integer(score.oovGoldWords)
        writer.raw(",\"correct_oov_words\":")
        writer.integer(score.correctOOVWords)
        writer.raw(",\"mismatched_lines\":")
        writer.integer(score.mismatchedLines.count)
        writer.raw(",\"precision\":")
        writer.decimal(score.precision)
        writer.raw(",\"recall\":")
        writer.decimal(score.recall)
        writer.raw(",\"f1\":")
        writer.decimal(score.f1)
        writer.raw(",\"oov_rate\":")
        writer.decimal(score.oovRate)
        writer.raw(",\"oov_recall\":")
        writer.decimal(score.oovRecall)
        writer.raw(",\"iv_recall\":")
        writer.decimal(score.ivRecall)
        writer.raw("}\n")
        return writer.bytes
    }
}
