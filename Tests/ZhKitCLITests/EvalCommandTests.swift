import Foundation
import Testing

@Suite struct EvalCommandTests {
    func write(_ files: [String: String], in folder: URL) throws {
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    @Test func scoresAHandMadeCase() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 6 gold words, 5 test words, 2 correct; OOV: 北京, 秋天; none of them found.
        try write([
            "gold.txt": "我们 喜欢 北京 的 秋天 。\r\n",
            "test.txt": "我们 喜 欢北京 的 秋天。\n",
            "words.txt": "我们\n喜欢\n的\n。\n",
        ], in: folder)
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let result = try CLIRunner.run(["eval", "segmentation", "--gold", path("gold.txt"), "--words", path("words.txt"), path("test.txt")])
        #expect(result.status == 0)
        let rows = Dictionary(result.output.split(separator: "\n").map { line -> (String, String) in
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            return (parts.dropLast().joined(separator: " "), String(parts.last!))
        }, uniquingKeysWith: { a, _ in a })
        #expect(rows["gold words"] == "6")
        #expect(rows["test words"] == "5")
        #expect(rows["correct words"] == "2")
        #expect(rows["P"] == "0.400")
        #expect(rows["R"] == "0.333")
        #expect(rows["F"] == "0.364")
        #expect(rows["OOV rate"] == "0.333")
        #expect(rows["OOV recall"] == "0.000")
        #expect(rows["IV recall"] == "0.500")

        let json = try CLIRunner.run(["eval", "segmentation", "--json", "--gold", path("gold.txt"), path("test.txt")])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["correct_words"] as? Int == 2)
        #expect(abs((object["f1"] as? Double ?? 0) - 0.363636) < 1e-6)
    }

    @Test func lineCountMismatchIsADataError() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(["gold.txt": "一 二\n三\n", "test.txt": "一 二\n"], in: folder)
        let result = try CLIRunner.run(["eval", "segmentation", "--gold", folder.appendingPathComponent("gold.txt").path, folder.appendingPathComponent("test.txt").path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("2 lines"))
    }

    @Test func missingGoldIsNoInput() throws {
        let result = try CLIRunner.run(["eval", "segmentation", "--gold", "/nonexistent/gold", "/nonexistent/test"])
        #expect(result.status == 66)
    }

    @Test func missingRequiredOptionIsUsage() throws {
        let result = try CLIRunner.run(["eval", "segmentation", "test.txt"])
        #expect(result.status == 64)
    }
}
