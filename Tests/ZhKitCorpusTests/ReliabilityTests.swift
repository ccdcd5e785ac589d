import Foundation
import Testing
import ZhKit
import ZhKitCorpus
import ZhKitEntities

/// Sharing: one annotator for many tasks. (Time on pathological text, which a wall clock in a test
/// cannot judge, is measured in the benchmark package: `Pathological: …`.)
@Suite struct ReliabilityTests {
    static let annotator = Annotator(extractor: EntityExtractor(segmenter: try! Segmenter()), reflow: true)

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
