import Foundation
import Testing

@Suite struct SegmentCommandTests {
    @Test func textFormatWritesOneLinePerInputLine() throws {
        let input = "联合国环境规划署成立于1972年。\r\n\r\nUNEP 在 内罗毕\n最后一行"
        let result = try CLIRunner.run(["segment"], stdin: Data(input.utf8))
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)  // four lines, each ended by "\n"
        #expect(lines[1] == "")
        #expect(lines[2] == "UNEP 在 内罗毕")
        #expect(!result.output.contains("\r"))
        #expect(lines[0].replacingOccurrences(of: " ", with: "") == "联合国环境规划署成立于1972年。")
        #expect(lines[0].split(separator: " ").count >= 4)
    }

    @Test func documentTokensJoinToTheSeedExactly() throws {
        let seed = try Data(contentsOf: URL(fileURLWithPath: CLIRunner.seedPath))
        let result = try CLIRunner.run(["segment", "--format", "jsonl", "--document", CLIRunner.seedPath])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        let joined = tokens.map { $0["text"] as! String }.joined()
        #expect(Data(joined.utf8) == seed)
        #expect(object["text"] as? String == String(decoding: seed, as: UTF8.self))
        let last = try #require(tokens.last)
        #expect((last["utf8"] as? [Int])?.last == seed.count)
    }

    @Test func jsonlLinesCarryOffsetsFromTheLineStart() throws {
        let result = try CLIRunner.run(["segment", "--format", "jsonl"], stdin: Data("第一行\r\n第二行 abc\n".utf8))
        #expect(result.status == 0)
        let objects = try result.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2)
        #expect(objects.map { $0["text"] as? String } == ["第一行", "第二行 abc"])
        let tokens = try #require(objects[1]["tokens"] as? [[String: Any]])
        #expect(tokens.first?["start"] as? Int == 0)
        #expect(tokens.last?["end"] as? Int == 7)
        #expect(tokens.last?["utf8"] as? [Int] == [10, 13])  // 第二行 is 9 bytes, then a space
        #expect(tokens.last?["kind"] as? String == "letter")
    }

    /// Folders and --output, as annotate takes them: the folder walked in name order, a binary
    /// file skipped and named, one file per input written under the output folder.
    @Test func foldersAndAnOutputFolder() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let docs = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("联合国环境规划署成立于1972年。\n".utf8).write(to: docs.appendingPathComponent("a.txt"))
        try Data("世界卫生组织在日内瓦。\n".utf8).write(to: docs.appendingPathComponent("sub/b.txt"))
        try Data([0x47, 0x49, 0x46, 0x38, 0x00, 0x01]).write(to: docs.appendingPathComponent("sub/c.gif"))
        let listed = try CLIRunner.run(["segment", docs.path])
        #expect(listed.status == 0)
        #expect(listed.output == "联合国环境规划署 成立 于 1972年 。\n世界卫生组织 在 日内瓦 。\n")
        #expect(listed.stderr.contains("skipped '\(docs.path)/sub/c.gif': binary"))
        let out = folder.appendingPathComponent("out").path
        let written = try CLIRunner.run(["segment", "--format", "jsonl", "--output", out, docs.path])
        #expect(written.status == 0)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out).sorted() == ["a.seg.jsonl", "sub", "sub/b.seg.jsonl"])
        let line = try String(contentsOfFile: out + "/sub/b.seg.jsonl", encoding: .utf8)
        #expect(line.hasPrefix("{\"text\":\"世界卫生组织在日内瓦。\",\"tokens\":[{\"text\":\"世界卫生组织\""))
    }

    /// With --reflow a hard wrap is no boundary: a wrapped word is one word (written whole in
    /// text, with its wrap in jsonl, offsets still the raw input's), wrapped lines are one line.
    @Test func reflowJoinsWrappedWordsAndLines() throws {
        let text = "联合国环境规\n划署成立于19\n72年。\n\n第二段。\n"
        let plain = try CLIRunner.run(["segment", "--reflow"], stdin: Data(text.utf8))
        #expect(plain.status == 0)
        #expect(plain.output == "联合国环境规划署 成立 于 1972年 。\n\n第二 段 。\n")
        let jsonl = try CLIRunner.run(["segment", "--reflow", "--format", "jsonl"], stdin: Data(text.utf8))
        let first = try #require(try JSONSerialization.jsonObject(with: Data(jsonl.output.split(separator: "\n")[0].utf8)) as? [String: Any])
        let tokens = try #require(first["tokens"] as? [[String: Any]])
        #expect(tokens.first?["text"] as? String == "联合国环境规\n划署")
        #expect(tokens.first?["utf8"] as? [Int] == [0, 25])
        #expect(jsonl.output.split(separator: "\n").count == 3)
        let document = try CLIRunner.run(["segment", "--reflow", "--format", "jsonl", "--document"], stdin: Data(text.utf8))
        #expect(document.output.contains("{\"text\":\"联合国环境规\\n划署\""))
    }

    @Test func filesAreReadInOrder() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.txt")
        let second = folder.appendingPathComponent("b.txt")
        try Data("甲乙\n".utf8).write(to: first)
        try Data("丙丁".utf8).write(to: second)
        let result = try CLIRunner.run(["segment", first.path, second.path])
        #expect(result.status == 0)
        #expect(result.output.replacingOccurrences(of: " ", with: "") == "甲乙\n丙丁\n")
    }

    @Test func userDictionariesWin() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dictionary = folder.appendingPathComponent("user.txt")
        try Data("# my words\n蓝瓶子\n创新办 3 nt\n".utf8).write(to: dictionary)
        let input = Data("蓝瓶子咖啡和创新办\n".utf8)
        let plain = try CLIRunner.run(["segment"], stdin: input)
        #expect(!plain.output.contains("蓝瓶子"))
        let custom = try CLIRunner.run(["segment", "--dict", dictionary.path], stdin: input)
        #expect(custom.status == 0)
        #expect(custom.output == "蓝瓶子 咖啡 和 创新办\n")
    }

    @Test func badDictionaryNamesItsLine() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dictionary = folder.appendingPathComponent("bad.txt")
        try Data("好词 10\n坏词 ten n\n".utf8).write(to: dictionary)
        let result = try CLIRunner.run(["segment", "--dict", dictionary.path], stdin: Data("你好\n".utf8))
        #expect(result.status == 65)
        #expect(result.stderr == "zhkit: bad dictionary: \(dictionary.path):2: the frequency 'ten' is not a whole number ≥ 0 (--dict-skip-invalid skips such lines)\n")
        let missing = try CLIRunner.run(["segment", "--dict", "/nonexistent/user.txt"], stdin: Data("你好\n".utf8))
        #expect(missing.status == 66)
        // The dictionary is read before the engine is chosen: a bad one is bad data (65) with
        // either engine, and a good one with ICU is a usage error (64), ICU taking no user words.
        let icu = try CLIRunner.run(["segment", "--engine", "icu", "--dict", dictionary.path], stdin: Data("你好\n".utf8))
        #expect(icu.status == 65)
        let good = folder.appendingPathComponent("good.txt")
        try Data("好词 10\n".utf8).write(to: good)
        let icuWithWords = try CLIRunner.run(["segment", "--engine", "icu", "--dict", good.path], stdin: Data("你好\n".utf8))
        #expect(icuWithWords.status == 64)
        #expect(icuWithWords.stderr.contains("--dict needs the lexicon engine"))
    }

    @Test func parallelOutputKeepsInputOrder() throws {
        // Several chunks' worth of numbered lines: every line comes back, in order.
        let lines = (0..<60_000).map { "第\($0)行：联合国环境规划署发布年度报告。" }
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        #expect(input.count > 3 << 20)
        let result = try CLIRunner.run(["segment", "--jobs", "2"], stdin: input)
        #expect(result.status == 0)
        let output = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(output.count == lines.count + 1)
        for index in stride(from: 0, to: lines.count, by: 997) {
            #expect(output[index].replacingOccurrences(of: " ", with: "") == lines[index])
        }
        let single = try CLIRunner.run(["segment", "--jobs", "1"], stdin: input)
        #expect(single.stdout == result.stdout)
    }

    @Test func emptyInputIsNotAnError() throws {
        let result = try CLIRunner.run(["segment"], stdin: Data())
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
    }

    @Test func missingFileExits66() throws {
        let result = try CLIRunner.run(["segment", "/nonexistent/zhkit-input.txt"])
        #expect(result.status == 66)
        #expect(result.stderr == "zhkit: cannot open '/nonexistent/zhkit-input.txt': No such file or directory\n")
    }

    /// A folder is walked; an empty one gives nothing, and says so.
    @Test func anEmptyFolderSaysSo() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["segment", folder.path])
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        #expect(result.stderr == "zhkit: found no files in '\(folder.path)'\n")
    }

    @Test func invalidUTF8NamesTheFileAndOffset() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("gbk.txt")
        try Data(Array("好的\n".utf8) + [0xC4, 0xE3, 0xBA, 0xC3]).write(to: file)  // "你好" in GBK
        let result = try CLIRunner.run(["segment", file.path])
        #expect(result.status == 65)
        #expect(result.stderr == "zhkit: '\(file.path)' is not valid UTF-8: bad byte sequence at byte offset 7\n")
    }

    @Test func unknownOptionExits64OnOneLine() throws {
        let result = try CLIRunner.run(["segment", "--no-such-option"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("zhkit: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let badValue = try CLIRunner.run(["segment", "--engine", "nonsense"])
        #expect(badValue.status == 64)
    }

    @Test func closedStdoutEndsQuietly() throws {
        // A pipe whose reader goes away after the first bytes, as `| head -c 1` does.
        let shell = "'\(CLIRunner.executable.path)' segment --format jsonl '\(CLIRunner.seedPath)' '\(CLIRunner.seedPath)' '\(CLIRunner.seedPath)' | head -c 1 >/dev/null; echo \"status ${PIPESTATUS[0]}\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", shell]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output == "status 0\n")
        #expect(errors.isEmpty)
    }
}
