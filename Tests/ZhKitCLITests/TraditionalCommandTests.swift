import Foundation
import Testing

/// Traditional text on the command line: `convert`, `--script`, and word lists with bad lines.
@Suite struct TraditionalCommandTests {
    @Test func convertWritesEitherScriptLineForLine() throws {
        let simplified = "联合国环境规划署成立于1972年。\n头发和发展\n\nUNEP 2020\n"
        let traditional = try CLIRunner.run(["convert", "--to", "hant"], stdin: Data(simplified.utf8))
        #expect(traditional.status == 0)
        #expect(traditional.output == "聯合國環境規劃署成立於1972年。\n頭髮和發展\n\nUNEP 2020\n")
        let back = try CLIRunner.run(["convert", "--to", "hans"], stdin: traditional.stdout)
        #expect(back.output == simplified)
    }

    @Test func convertWritesAFolderWholeAndRefusesBadInput() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("两万人\n".utf8).write(to: input.appendingPathComponent("a.txt"))
        let result = try CLIRunner.run(["convert", "--to", "hant", "--output", folder.appendingPathComponent("out").path, input.path])
        #expect(result.status == 0)
        let written = try String(contentsOf: folder.appendingPathComponent("out/a.hant.txt"), encoding: .utf8)
        #expect(written == "兩萬人\n")
        // Not UTF-8: a clear error and exit 65, nothing on standard output.
        let bad = try CLIRunner.run(["convert", "--to", "hant"], stdin: Data([0xE4, 0xB8, 0x0A]))
        #expect(bad.status == 65)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("UTF-8"))
        #expect(try CLIRunner.run(["convert", "--to", "latin"], stdin: Data()).status == 64)
    }

    @Test func scriptOptionDecidesTheVariantsBothScriptsWrite() throws {
        let traditional = try CLIRunner.run(["segment", "--script", "hant"], stdin: Data("由於\n".utf8))
        #expect(traditional.output == "由於\n")
        let simplified = try CLIRunner.run(["segment", "--script", "hans"], stdin: Data("由於\n".utf8))
        #expect(simplified.output == "由 於\n")
        #expect(try CLIRunner.run(["segment", "--script", "latn"], stdin: Data()).status == 64)
    }

    @Test func aWordListWithAControlCharacterIsRefusedUnlessSkipping() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("words.txt")
        try Data("聯合國環境規劃署\n壞\u{7}詞\n".utf8).write(to: list)
        let refused = try CLIRunner.run(["segment", "--dict", list.path], stdin: Data("聯合國環境規劃署\n".utf8))
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("words.txt:2: the word contains a control character"))
        #expect(refused.stderr.contains("--dict-skip-invalid"))
        let skipped = try CLIRunner.run(["segment", "--dict", list.path, "--dict-skip-invalid"], stdin: Data("聯合國環境規劃署\n".utf8))
        #expect(skipped.status == 0)
        #expect(skipped.output == "聯合國環境規劃署\n")
        #expect(skipped.stderr.contains("skipped a line of a dictionary: \(list.path):2"))
    }

    @Test func annotateReadsTraditionalText() throws {
        let result = try CLIRunner.run(["annotate", "--format", "inline", "--color", "never"], stdin: Data("世界衛生組織宣佈撥款3億美元。\n".utf8))
        #expect(result.status == 0)
        #expect(result.output.contains("[世界衛生組織](ORG)"))
        #expect(result.output.contains("[3億美元](MONEY 300000000 USD)"))
    }
}
