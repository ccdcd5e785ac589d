import ZhKitCorpus
import ArgumentParser
import Foundation
import ZhKit
import ZhKitEntities

/// `zhkit dictionary`: work with the project's lexicon sources.
struct DictionaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dictionary",
        abstract: "Compile the lexicon and the name lists from dictionaries/.",
        subcommands: [CompileDictionaryCommand.self]
    )
}

/// The text sources of the default lexicon, in the order they are fingerprinted.
enum LexiconSources {
    /// The general lexicon, the organisations, and the words Taiwan and Hong Kong write their own
    /// way (from OpenCC, in Simplified characters). The name lists derive from the first two: the
    /// name model is trained with them, and a regional place is a word here before it is a name.
    static let wordLists = ["general.txt", "organizations.txt", "regional.txt"]
    static let characterModel = "hmm.txt"
    /// The surnames of the name model, which learns given names from the general lexicon's.
    static let surnames = NameSources.surnames

    static func files(in folder: String) -> [String] {
        (wordLists + [characterModel, surnames]).map { folder + "/" + $0 }
    }
}

/// The gazetteers that go into the names file (not into the lexicon): places typed GPE or LOC,
/// surnames, and organisation names beyond `organizations.txt`.
enum NameSources {
    static let places = "places.txt"
    static let surnames = "surnames.txt"
    static let organizations = "org-extra.txt"
}

/// `zhkit dictionary compile`: builds the compiled default lexicon from `dictionaries/`.
struct CompileDictionaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile the lexicon sources into the image ZhKit loads.",
        discussion: """
            Reads the word lists, the character model and the surnames in SOURCES (general.txt, organizations.txt, regional.txt, hmm.txt, \
            surnames.txt) and \
            writes the compiled image to OUTPUT, whole or not at all. The image records a \
            fingerprint of its sources; the tests fail when the committed image is older than them. \
            The names file for entities (NAMES-OUTPUT) is derived from the lexicon's tags and the \
            gazetteers places.txt, surnames.txt and org-extra.txt.
            """
    )

    @Option(help: "The folder of lexicon sources.")
    var sources = "dictionaries"

    @Option(help: "Where to write the compiled image.")
    var output = "Sources/ZhKit/Resources/default.zhlex"

    @Option(help: "Where to write the organisation and place names (for entities).")
    var namesOutput = "Sources/ZhKitEntities/Resources/names.txt"

    func run() throws {
        let paths = LexiconSources.files(in: sources)
        var contents: [[UInt8]] = []
        for path in paths {
            let text = try InputFile(path: path).readText()
            contents.append(Array(text.utf8))
        }
        var entries: [DictionaryEntry] = []
        for (path, bytes) in zip(paths, contents).prefix(LexiconSources.wordLists.count) {
            do {
                entries += try DictionaryEntry.parse(String(decoding: bytes, as: UTF8.self), source: path)
            } catch {
                throw CorpusError(.dataError, error.description)
            }
        }
        let lexicon: Lexicon
        do {
            let text = contents.map { String(decoding: $0, as: UTF8.self) }
            let surnames = text[LexiconSources.wordLists.count + 1].split(whereSeparator: \.isNewline)
                .filter { !$0.hasPrefix("#") }.map { String($0.trimmingCharacters(in: .whitespaces)) }
            lexicon = try Lexicon.build(entries: entries, characterModel: text[LexiconSources.wordLists.count], surnames: surnames,
                sourceHash: fingerprint(contents))
        } catch {
            throw CorpusError(.dataError, error.description)
        }
        try writeWhole(lexicon.serialized(), to: output)
        printError("compiled \(lexicon.wordCount) words into \(output)")
        func gazetteer(_ name: String) throws(CorpusError) -> String { try InputFile(path: sources + "/" + name).readText() }
        let names = NameLists.derive(fromGeneralLexicon: String(decoding: contents[0], as: UTF8.self),
            organizations: String(decoding: contents[1], as: UTF8.self) + "\n" + (try gazetteer(NameSources.organizations)),
            places: try gazetteer(NameSources.places), surnames: try gazetteer(NameSources.surnames))
        try writeWhole(Array(names.utf8), to: namesOutput)
        printError("wrote the organisation and place names to \(namesOutput)")
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename: whole or not at all.
func writeWhole(_ bytes: [UInt8], to path: String) throws(CorpusError) {
    let temporary = path + ".tmp-\(getpid())"
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    } catch {
        try? FileManager.default.removeItem(atPath: temporary)
        throw CorpusError(.cannotCreate, "cannot write '\(path)': \(error.localizedDescription)")
    }
}
