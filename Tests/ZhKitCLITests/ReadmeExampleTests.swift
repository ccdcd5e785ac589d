import Foundation
import Testing

/// Every `console` example of the README, run with the built `zhkit`, a block at a time in a
/// scratch folder of its own: each `$ command` line's output must be the lines shown under it. A shown line that starts with `… ` is the end of a
/// longer line. The files the examples read are made first: `user.txt` as the README shows it,
/// `example.txt` from the comment after its command, `reports/` with the seed.
@Suite struct ReadmeExampleTests {
    struct Example: CustomStringConvertible {
        var command: String
        var expected: [String]
        var description: String { command }
    }

    /// The README's console blocks, each a list of commands and what they print.
    static let blocks: [[Example]] = {
        guard let readme = try? String(contentsOfFile: CLIRunner.repositoryRoot + "/README.md", encoding: .utf8) else { return [] }
        return readme.components(separatedBy: "```console\n").dropFirst().map { block in
            var examples: [Example] = []
            let lines = block.components(separatedBy: "\n```")[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines {
                if line.hasPrefix("$ ") {
                    examples.append(Example(command: String(line.dropFirst(2)), expected: []))
                } else if !examples.isEmpty {
                    examples[examples.count - 1].expected.append(line)
                }
            }
            return examples
        }
    }()

    @Test func theReadmeHasExamples() {
        #expect(Self.blocks.joined().count >= 8)
    }

    @Test(arguments: blocks)
    func theExamplesGiveWhatTheReadmeShows(_ block: [Example]) throws {
        let work = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try "蓝瓶子\n创新办 3 nt\n".write(to: work.appendingPathComponent("user.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLIRunner.seedPath, toPath: work.appendingPathComponent("reports/unep-annual-report-2020.zh.txt").path)
        for example in block { try run(example, in: work) }
    }

    func run(_ example: Example, in work: URL) throws {
        var command = example.command
        if let comment = command.range(of: "#") {
            // `zhkit annotate example.txt     # TEXT`: the file holds TEXT.
            let text = command[comment.upperBound...].trimmingCharacters(in: .whitespaces)
            try (text + "\n").write(to: work.appendingPathComponent("example.txt"), atomically: true, encoding: .utf8)
            command = String(command[..<comment.lowerBound])
        }
        let zhkit = CLIRunner.executable.path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command.replacingOccurrences(of: "zhkit ", with: "'\(zhkit)' ")]
        shell.currentDirectoryURL = work
        let output = Pipe()
        shell.standardOutput = output
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "\(example.command)")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = example.expected.last == "" ? Array(example.expected.dropLast()) : example.expected
        let got = lines.last == "" ? Array(lines.dropLast()) : lines
        if let tail = expected.first, tail.hasPrefix("… "), expected.count == 1 {
            #expect(got.count == 1 && got[0].hasSuffix(String(tail.dropFirst(2))), "\(example.command)")
        } else {
            #expect(got == expected, "\(example.command)")
        }
    }
}
