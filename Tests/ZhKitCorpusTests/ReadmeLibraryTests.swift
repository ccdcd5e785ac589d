import Foundation
import Testing
import ZhKit
import ZhKitCorpus
import ZhKitEntities

/// The README's library section, run as written there: the code between the markers below is
/// the README's block, line for line (checked by `readmeShowsThisCode`).
@Suite struct ReadmeLibraryTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")

    @Test func readmeLibraryExampleRuns() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let reports = work.appendingPathComponent("reports").path
        let corpus = work.appendingPathComponent("corpus").path
        try FileManager.default.createDirectory(atPath: reports + "/2020", withIntermediateDirectories: true)
        try "联合国环境规划署（UNEP）成立于1972年。\n".write(toFile: reports + "/2020/unep.txt", atomically: true, encoding: .utf8)
        try "王建国去年10月在北京会见了法国总统。\n".write(toFile: reports + "/visit.txt", atomically: true, encoding: .utf8)
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // README: begin
        // Segment a string: tokens with offsets in UTF-8 bytes, Unicode scalars and UTF-16 units.
        let segmenter = try Segmenter()   // the lexicon engine; immutable and Sendable: share it
        for token in segmenter.tokens(in: "联合国环境规划署成立于1972年。") {
            print(token.text, token.kind, token.scalars, token.utf8, token.utf16)
        }
        let custom = try segmenter.adding([DictionaryEntry(word: "蓝瓶子")])   // user words win

        // Annotate a string: tokens, sentences, and entities with their normalised values.
        let annotator = Annotator(extractor: EntityExtractor(segmenter: segmenter, referenceDate: CalendarDate("2026-11-30")))
        let document = annotator.annotate("王建国去年10月在北京会见了法国总统。")
        for entity in document.entities {
            print(entity.label.rawValue, entity.text, entity.scalars, entity.value?.description ?? "-")
        }
        print(document.sentences.count, document.tokens.count, document.formatted())   // the jsonl line

        // Annotate files, folders and streams: parts on every core, memory flat, input order kept.
        // (`reports` is a folder of text files; `corpus`, the folder the annotated files go to.)
        var options = CorpusOptions()   // jsonl with every token, by default
        options.format = .conllu
        try annotator.write([reports], to: .folder(corpus), options: options)   // corpus/2020/unep.conllu, …
        try annotator.forEachDocument(in: [reports]) { document in
            print(document.id ?? "", document.entities.map(\.text))
        }
        // README: end

        #expect(printed.first == "联合国环境规划署 ideographic 0..<8 0..<24 0..<8")
        #expect(custom.tokens(in: "蓝瓶子咖啡").first?.text == "蓝瓶子")
        #expect(printed.contains("PERSON 王建国 0..<3 -"))
        #expect(printed.contains("DATE 去年10月 3..<8 2025-10"))
        #expect(printed.contains("GPE 北京 9..<11 -"))
        #expect(printed.contains { $0.hasPrefix("1 ") && $0.contains("{\"text\":\"王建国去年10月") })
        let conllu = try String(contentsOfFile: corpus + "/2020/unep.conllu", encoding: .utf8)
        #expect(conllu.contains("联合国环境规划署") && conllu.contains("NER=B-ORG"))
        #expect(FileManager.default.fileExists(atPath: corpus + "/visit.conllu"))
        #expect(printed.suffix(2) == ["2020/unep [\"联合国环境规划署\", \"UNEP\", \"1972年\"]", "visit [\"王建国\", \"去年10月\", \"北京\", \"法国\"]"])
    }

    @Test func readmeShowsThisCode() throws {
        let test = try String(contentsOfFile: #filePath, encoding: .utf8)
        let region = test.components(separatedBy: "// README: begin\n")[1].components(separatedBy: "        // README: end")[0]
        let code = region.split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst(8) }.joined(separator: "\n")
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let library = readme.components(separatedBy: "## Library\n")[1]
        let block = library.components(separatedBy: "```swift\n")[1].components(separatedBy: "```")[0]
        let body = block.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("import ") || $0.isEmpty }
            .joined(separator: "\n")
        #expect(body == code)
    }
}
