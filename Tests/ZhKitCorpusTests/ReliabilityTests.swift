import Foundation
import Testing
import ZhKit
import ZhKitCorpus
import ZhKitEntities

/// Bounds and sharing: no quadratic path on pathological text; one annotator for many tasks.
@Suite struct ReliabilityTests {
    static let annotator = CorpusAnnotator(extractor: EntityExtractor(segmenter: try! Segmenter()), reflow: true)

    /// The fastest of three runs of annotating and writing `text` as every format, in seconds.
    static func time(_ text: [UInt8]) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let document = annotator.annotate(text, id: "t")
            let layout = DocumentLayout(document)
            var writer = JSONWriter()
            writer.corpusDocument(layout)
            writer.conllu(layout, scheme: .bio)
            writer.spacy(layout)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    static let pathological: [(String, String)] = [
        ("one bracket", "（"),
        ("digits", "7"),
        ("one Han character", "国"),
        ("a line of prose with no break", "联合国环境规划署在2020年投入10亿美元，"),
        ("Chinese numerals", "一二三四五六七八九十百千万亿"),
        ("wraps", "联\n"),
    ]

    /// Four times the input takes less than eight times the time (a quadratic path would take
    /// sixteen): each pathological text at 32 KB and 128 KB, the fastest of three runs each, so
    /// that a busy machine does not fail it.
    @Test(arguments: pathological)
    func timeGrowsLinearly(_ name: String, _ unit: String) {
        let small = Array(String(repeating: unit, count: max(1, 32_768 / unit.utf8.count)).utf8)
        let large = small + small + small + small
        _ = Self.time(Array(String(repeating: unit, count: 64).utf8))  // warm up
        let ratio = Self.time(large) / Self.time(small)
        #expect(ratio < 8, "\(name): 4× the input took \(ratio)× the time")
    }

    /// One annotator shared by many concurrent tasks gives each the same result as alone.
    @Test func oneAnnotatorServesManyTasks() async throws {
        let seed = try String(contentsOfFile: Fixtures.seedPath, encoding: .utf8)
        let paragraphs = seed.components(separatedBy: "\n\n").filter { !$0.isEmpty }.prefix(48).map { Array($0.utf8) }
        let alone = paragraphs.map { Self.annotator.annotate($0, id: "p").entities }
        let together = await withTaskGroup(of: (Int, [Entity]).self) { group in
            for (index, paragraph) in paragraphs.enumerated() {
                group.addTask { (index, Self.annotator.annotate(paragraph, id: "p").entities) }
            }
            var results = [[Entity]](repeating: [], count: paragraphs.count)
            for await (index, entities) in group { results[index] = entities }
            return results
        }
        #expect(together == alone)
        #expect(alone.joined().count > 50)
    }
}

enum Fixtures {
    static let seedPath: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/seeds/unep-annual-report-2020.zh.txt"
    }()
}
