import ZhKitCorpus
import ArgumentParser
import Foundation
import ZhKit
import ZhKitEntities

/// `zhkit train`: models learned from the user's own annotated data.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train models from annotated data.",
        subcommands: [TrainEntitiesCommand.self]
    )
}

/// `zhkit train entities`: a name tagger (ORG, PERSON, GPE/LOC) from gold JSONL.
struct TrainEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Train the name tagger (organisations, people, places) on gold JSONL.",
        discussion: """
            The --train and --dev files hold one document a line: {"text": "...", "entities": [{"start", "end", \
            "label"}]} with Unicode scalar offsets, as ANNOTATION.md's gold files. Labels ORG, PER \
            or PERSON, LOC or GPE train the tagger; others are ignored. The tagger is an averaged \
            perceptron over characters; it reads the segmenter's words (with --dict, the same \
            user dictionaries you will annotate with), the gazetteers and the grammars, so train \
            with the ZhKit you annotate with. With --dev, the model of the epoch that scores best \
            there is kept. Use the model with 'zhkit annotate --model MODEL'.
            """
    )

    @Option(help: ArgumentHelp("Gold documents to learn from (JSONL).", valueName: "file"))
    var train: String

    @Option(help: ArgumentHelp("Gold documents to score each epoch on (JSONL).", valueName: "file"))
    var dev: String?

    @Option(help: ArgumentHelp("Where to write the model.", valueName: "file"))
    var output: String

    @Option(help: "Passes over the training documents.")
    var epochs = 8

    @Option(help: "The share of features left out of each sentence at each step (0 to 0.9): the model learns to lean on context, not only on names it has seen.")
    var dropout = 0.0

    @Option(help: "The share of features left out of the model, the weakest first (by their largest weight): 0.5 halves the model at a cost below 0.01 F1 on the development sets; 0 keeps every feature.")
    var prune = 0.5

    @Option(help: "The seed of the order the documents are read in.")
    var seed: UInt64 = 1

    @Flag(help: "Add the political places the gazetteers know and the gold leaves untagged (a place as a modifier, 美国 in 美国总统, which ANNOTATION.md tags and UNER does not).")
    var completePlaces = false

    @OptionGroup var words: SegmenterOptions

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if !(0...0.9).contains(dropout) { throw ValidationError("--dropout must be between 0 and 0.9") }
        if !(0...0.95).contains(prune) { throw ValidationError("--prune must be between 0 and 0.95") }
    }

    func run() throws {
        let (trainDocuments, trainBytes) = try goldDocuments(train)
        let (devDocuments, _) = try dev.map { path throws(CorpusError) in try goldDocuments(path) } ?? ([], [])
        guard !trainDocuments.isEmpty else { throw CorpusError(.dataError, "'\(train)' holds no document") }
        let extractor = EntityExtractor(segmenter: try words.segmenter(), tagger: nil)
        let started = Date()
        let source = NameTagger.trainingFingerprint(trainBytes, epochs: epochs, seed: seed, completingPlaces: completePlaces, dropout: dropout,
            pruning: prune)
        let tagger = NameTagger.train(trainDocuments, dev: devDocuments, extractor: extractor, epochs: epochs, seed: seed,
            completingPlaces: completePlaces, dropout: dropout, pruning: prune, sourceFingerprint: source)
        { epoch in
            guard !quiet else { return }
            var line = String(format: "epoch %d: %d of %d stretches wrong", epoch.epoch, epoch.mistakes, epoch.stretches)
            for group in [EntityGroup.org, .per, .loc] {
                if let score = epoch.dev[group] { line += String(format: "  %@ F1 %.3f", group.rawValue, score.f1) }
            }
            line += String(format: "  (%.0f s)", Date().timeIntervalSince(started))
            printError(line)
        }
        try writeWhole(tagger.serialized(), to: output)
        if !quiet { printError("wrote \(tagger.featureCount) features to \(output)") }
    }
}

/// The documents of a gold JSONL file, which must each have a "text", and the file's bytes.
func goldDocuments(_ path: String) throws(CorpusError) -> ([GoldDocument], [UInt8]) {
    let file = try GoldFile(path: path)
    var documents: [GoldDocument] = []
    for line in file.lines {
        guard let text = line.text else { throw CorpusError(.dataError, "\(path):\(line.number): no \"text\" string") }
        documents.append(GoldDocument(text: text, entities: line.spans))
    }
    return (documents, file.bytes)
}
