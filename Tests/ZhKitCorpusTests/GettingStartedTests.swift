import Foundation
import Synchronization
import Testing
import ZhKit
import ZhKitCorpus
import ZhKitEntities

/// The DocC getting-started article's code, run: each of its Swift blocks (but the package
/// manifest lines) stands in one of the functions below, line for line, as `articleShowsThisCode`
/// checks.
@Suite struct GettingStartedTests {
    static let article = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/ZhKitCorpus/ZhKitCorpus.docc/GettingStarted.md")

    @Test func theArticleRuns() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-article-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("reports"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try "联合国环境规划署成立于1972年。\n".write(to: work.appendingPathComponent("reports/a.txt"), atomically: true, encoding: .utf8)
        // What the article prints, kept (the notice handler prints from the pipeline's thread).
        let lines = Mutex<[String]>([])
        @Sendable func print(_ items: Any...) {
            let line = items.map { "\($0)" }.joined(separator: " ")
            lines.withLock { $0.append(line) }
        }
        var printed: [String] { lines.withLock { $0 } }

        // Article: segment
        let segmenter = try Segmenter()   // the lexicon engine over the bundled lexicon
        for token in segmenter.tokens(in: "联合国环境规划署成立于1972年。") {
            print(token.text, token.kind, token.scalars, token.utf8, token.utf16)
        }
        // 联合国环境规划署 ideographic 0..<8 0..<24 0..<8, 成立 …, 1972年 number 11..<16 33..<40 11..<16, 。

        let custom = try segmenter.adding([DictionaryEntry(word: "蓝瓶子")])   // your words win
        // Article: end
        #expect(printed.first == "联合国环境规划署 ideographic 0..<8 0..<24 0..<8")
        #expect(printed.contains("1972年 number 11..<16 33..<40 11..<16"))
        #expect(custom.tokens(in: "蓝瓶子").count == 1)
        lines.withLock { $0 = [] }

        // Article: entities
        let extractor = EntityExtractor(segmenter: segmenter, referenceDate: CalendarDate("2026-11-30"))
        for entity in extractor.entities(in: "王建国去年10月在北京会见了法国总统。") {
            print(entity.label.rawValue, entity.text, entity.scalars, entity.value?.description ?? "-")
        }
        // PERSON 王建国 0..<3 -, DATE 去年10月 3..<8 2025-10, GPE 北京 9..<11 -, GPE 法国 14..<16 -
        // Article: end
        #expect(printed == ["PERSON 王建国 0..<3 -", "DATE 去年10月 3..<8 2025-10", "GPE 北京 9..<11 -", "GPE 法国 14..<16 -"])
        lines.withLock { $0 = [] }

        // Article: annotate a string
        let annotator = Annotator(extractor: extractor)
        let document = annotator.annotate("王建国去年10月在北京会见了法国总统。")
        print(document.sentences.count, document.tokens.count, document.entities.count)
        var options = CorpusOptions()
        options.format = .conllu
        print(document.formatted(options))   // the sentence in CoNLL-U, NER tags in MISC
        // Article: end
        #expect(printed.first == "1 10 4")
        #expect(printed.last?.contains("NER=B-PERSON") == true)
        lines.withLock { $0 = [] }

        do {
            // The article names its folders relative to where it runs: the working directory
            // moves to the scratch folder for this block only. (It is the process's: no other
            // test reads a relative path.)
            let previous = FileManager.default.currentDirectoryPath
            #expect(FileManager.default.changeCurrentDirectoryPath(work.path))
            defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
            // Article: annotate a folder
            var options = CorpusOptions()
            options.format = .jsonl          // or .conllu, .bio, .brat, .spacy, .hf, .inline
            options.notice = { print($0) }   // binary files skipped, files that failed
            try annotator.write(["reports/"], to: .folder("corpus"), options: options) { progress in
                print(progress.filesDone, "of", progress.totalFiles)
            }
            // Article: end
        }
        #expect(printed == ["1 of 1"])
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("corpus/a.jsonl").path))

        // Article: train
        let gold = [GoldDocument(text: "李四加入了蓝岸公司。", entities: [LabelledSpan(start: 0, end: 2, label: "PER"),
                                                                    LabelledSpan(start: 5, end: 9, label: "ORG")])]
        let tagger = NameTagger.train(gold, extractor: EntityExtractor(segmenter: segmenter, tagger: nil), epochs: 8)
        let mine = Annotator(extractor: EntityExtractor(segmenter: segmenter, tagger: tagger))
        let image = tagger.serialized()   // save it; NameTagger(image:) loads it again
        // Article: end
        #expect(try NameTagger(image: image).featureCount == tagger.featureCount)
        #expect(mine.annotate("李四加入了蓝岸公司。").entities.map(\.text).contains("李四"))
    }

    /// Every Swift block of the article but the manifest's is one of the regions above.
    @Test func articleShowsThisCode() throws {
        let test = try String(contentsOfFile: #filePath, encoding: .utf8)
        let marker = "// Article" + ": "  // built, so that this line is no marker itself
        let regions = test.components(separatedBy: marker).dropFirst().compactMap { piece -> String? in
            guard !piece.hasPrefix("end") else { return nil }
            let body = piece.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix { !$0.contains(marker + "end") }
            // Dedented by the region's own indentation.
            let indent = body.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            return body.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
        }
        let article = try String(contentsOf: Self.article, encoding: .utf8)
        let blocks = article.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
            .filter { !$0.hasPrefix(".product") }
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("import ") }
                .drop { $0.isEmpty }.joined(separator: "\n").trimmingCharacters(in: .newlines) }
        #expect(blocks.count == regions.count)
        for (block, region) in zip(blocks, regions) {
            #expect(block == region.trimmingCharacters(in: .newlines))
        }
    }
}
