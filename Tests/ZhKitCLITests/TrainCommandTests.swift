import Foundation
import Testing

/// `zhkit train entities` and `zhkit annotate --model`, end to end: a model trained on a small
/// gold file finds its names, is refused when damaged, and `eval entities` scores people and
/// places.
@Suite struct TrainCommandTests {
    /// Made-up sentences with a made-up company and lake, so that only training can teach them.
    static let gold = [
        #"{"text": "张三在北京工作。", "entities": [{"start": 0, "end": 2, "label": "PER"}, {"start": 3, "end": 5, "label": "LOC"}]}"#,
        #"{"text": "李四加入了蓝岸公司。", "entities": [{"start": 0, "end": 2, "label": "PER"}, {"start": 5, "end": 9, "label": "ORG"}]}"#,
        #"{"text": "王五在月亮湖边散步。", "entities": [{"start": 0, "end": 2, "label": "PERSON"}, {"start": 3, "end": 6, "label": "LOC"}]}"#,
        #"{"text": "今天天气很好。", "entities": []}"#,
    ].joined(separator: "\n") + "\n"

    @Test func trainsAModelThatAnnotateUses() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let goldPath = folder.appendingPathComponent("gold.jsonl").path
        let modelPath = folder.appendingPathComponent("toy.zhner").path
        try Data(Self.gold.utf8).write(to: URL(fileURLWithPath: goldPath))

        let trained = try CLIRunner.run(["train", "entities", "--train", goldPath, "--dev", goldPath, "--epochs", "30", "--prune", "0", "--output", modelPath])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stderr.contains("epoch 30:"))
        #expect(trained.stderr.contains("epoch 30: 0 of 4 stretches wrong"))
        #expect(FileManager.default.fileExists(atPath: modelPath))

        let input = #"{"id": "a", "text": "李四加入了蓝岸公司。"}"# + "\n"
        let annotated = try CLIRunner.run(["annotate", "--quiet", "--input-format", "jsonl", "--model", modelPath], stdin: Data(input.utf8))
        #expect(annotated.status == 0, "\(annotated.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: annotated.stdout) as? [String: Any])
        let entities = try #require(document["entities"] as? [[String: Any]])
        let found = entities.map { "\($0["label"]!) \($0["text"]!)" }
        #expect(found.contains("PERSON 李四") && found.contains("ORG 蓝岸公司"), "\(found)")

        // Scored against the gold: the PER and LOC groups are reported.
        let predictedPath = folder.appendingPathComponent("pred.jsonl").path
        let all = try CLIRunner.run(["annotate", "--quiet", "--input-format", "jsonl", "--model", modelPath], stdin: Data(Self.gold.utf8))
        try all.stdout.write(to: URL(fileURLWithPath: predictedPath))
        let scored = try CLIRunner.run(["eval", "entities", "--json", "--gold", goldPath, predictedPath])
        #expect(scored.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: scored.stdout) as? [String: Any])
        let groups = try #require(report["groups"] as? [String: [String: Any]])
        #expect((groups["PER"]?["recall"] as? Double ?? 0) == 1.0)
        #expect(groups["PER"]?["gold"] as? Int == 3)
        #expect(groups["LOC"]?["gold"] as? Int == 2)
    }

    @Test func aDamagedModelIsADataError() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let modelPath = folder.appendingPathComponent("bad.zhner").path
        try Data("ZHKNER02 but not a model".utf8).write(to: URL(fileURLWithPath: modelPath))
        let result = try CLIRunner.run(["annotate", "--model", modelPath], stdin: Data("张三".utf8))
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.zhner"))
        let missing = try CLIRunner.run(["annotate", "--model", folder.appendingPathComponent("none.zhner").path], stdin: Data("张三".utf8))
        #expect(missing.status == 66)
    }

    @Test func badTrainingDataIsADataError() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let goldPath = folder.appendingPathComponent("gold.jsonl").path
        try Data(#"{"text": "张三", "entities": [{"start": "0"}]}"#.utf8).write(to: URL(fileURLWithPath: goldPath))
        let result = try CLIRunner.run(["train", "entities", "--train", goldPath, "--output", folder.appendingPathComponent("m").path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("gold.jsonl:1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m").path))
    }
}
