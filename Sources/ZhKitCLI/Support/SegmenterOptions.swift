import ArgumentParser
import ZhKit
import ZhKitCorpus

extension Segmenter.Engine: ExpressibleByArgument {}

/// `--script`: a script, or `auto` to tell it from the text.
enum ScriptArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, hans, hant

    /// The script to give a segmenter: `nil` for auto.
    var script: ChineseScript? { ChineseScript(rawValue: rawValue) }
}

/// The options every command that segments takes: user dictionaries and the text's script.
struct SegmenterOptions: ParsableArguments {
    @Option(name: .customLong("dict"), help: ArgumentHelp("A user dictionary: 'word [frequency] [tag]' or one word per line. Repeatable; its words win over the general lexicon.", valueName: "file"))
    var dictionaries: [String] = []

    @Flag(name: .customLong("dict-skip-invalid"), help: "Skip the lines of a user dictionary that cannot be read (a control character in a word, a bad frequency), each named on stderr, instead of refusing the dictionary.")
    var skipInvalidLines = false

    @Option(help: "The text's script: hans (Simplified), hant (Traditional) or auto (told from the text as it goes). Traditional characters read as their Simplified forms either way; the script decides the characters both scripts write (於, 乾).")
    var script: ScriptArgument = .auto

    /// A segmenter for `engine` with these dictionaries, or a CLI error: 66 for a dictionary that
    /// cannot be read, 65 for one with a bad line (unless skipped), 64 for user words with ICU.
    func segmenter(engine: Segmenter.Engine = .lexicon) throws(CorpusError) -> Segmenter {
        var entries: [DictionaryEntry] = []
        for path in dictionaries {
            let text = try InputFile(path: path).readText()
            if skipInvalidLines {
                let (good, skipped) = DictionaryEntry.parseSkippingInvalid(text, source: path)
                for line in skipped { printError("skipped a line of a dictionary: \(line)") }
                entries += good
            } else {
                do {
                    entries += try DictionaryEntry.parse(text, source: path)
                } catch {
                    throw CorpusError(.dataError, "bad dictionary: \(error) (--dict-skip-invalid skips such lines)")
                }
            }
        }
        if !entries.isEmpty && engine == .icu {
            throw CorpusError(.usage, "--dict needs the lexicon engine; ICU cannot take user words")
        }
        do {
            return try Segmenter(engine: engine, userWords: entries, script: script.script)
        } catch {
            throw CorpusError(.software, "cannot start the \(engine) engine: \(error)")
        }
    }
}
