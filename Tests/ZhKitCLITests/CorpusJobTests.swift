import Foundation
import Testing

/// `zhkit annotate` as a corpus job: formats, folders, outputs written whole, reflow.
@Suite struct CorpusJobTests {
    static let sample = "近50年来，联合国环境规划署提供了科学知识。“好！”他说。\n2020年12月，60%至75%的国家承诺投入100-150亿美元。\n\n联\n合国开发计划署（UNDP）成立了三大中心。\n"

    /// A fresh folder for one test, removed at the end.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-job-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func sentencesAndParagraphsCoverTheText() throws {
        let result = try CLIRunner.run(["annotate", "--quiet"], stdin: Data(Self.sample.utf8))
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let text = try #require(document["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        func piece(_ object: [String: Any]) -> String {
            String(String.UnicodeScalarView(scalars[(object["start"] as! Int)..<(object["end"] as! Int)]))
        }
        let sentences = try #require(document["sentences"] as? [[String: Any]])
        let paragraphs = try #require(document["paragraphs"] as? [[String: Any]])
        #expect(sentences.map(piece).joined() == text)
        #expect(paragraphs.map(piece).joined() == text)
        #expect(sentences.map(piece).first == "近50年来，联合国环境规划署提供了科学知识。")
        #expect(sentences.map(piece).contains("“好！”"))
        // Without reflow every line break ends a paragraph; the entity across the wrap keeps the
        // two lines in one sentence.
        #expect(paragraphs.count == 3)
        #expect(document["id"] as? String == "stdin")
    }

    @Test func reflowJoinsWordsAcrossHardWraps() throws {
        let result = try CLIRunner.run(["annotate", "--quiet", "--reflow", "--format", "bio"], stdin: Data(Self.sample.utf8))
        #expect(result.status == 0)
        #expect(result.output.contains("联合国开发计划署\tB-ORG\n"))
        let plain = try CLIRunner.run(["annotate", "--quiet", "--format", "bio"], stdin: Data(Self.sample.utf8))
        #expect(!plain.output.contains("联合国开发计划署\tB-ORG\n"))
    }

    @Test func conlluHasTheUDColumnsAndMisc() throws {
        let result = try CLIRunner.run(["annotate", "--quiet", "--format", "conllu", "--scheme", "bioes"], stdin: Data(Self.sample.utf8))
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "# newdoc id = stdin")
        #expect(lines.contains("# text = 近50年来，联合国环境规划署提供了科学知识。"))
        for line in lines where !line.isEmpty && !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(columns.count == 10, "\(line)")
            #expect(columns[9].contains("TokenRange="), "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("6\t联合国环境规划署\t") && $0.contains("NER=S-ORG") })
        #expect(lines.contains { $0.contains("\t近\t") && $0.contains("NER=B-DATE") })
    }

    @Test func bioByCharacter() throws {
        let result = try CLIRunner.run(["annotate", "--quiet", "--format", "bio", "--char"], stdin: Data("联合国环境署在2020年成立。".utf8))
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("联\tB-ORG\n合\tI-ORG\n国\tI-ORG\n环\tI-ORG\n境\tI-ORG\n署\tI-ORG\n在\tO\n2\tB-DATE\n"))
        #expect(result.output.hasSuffix("。\tO\n\n"))
    }

    @Test func outputFolderMirrorsTheInputsAndBratSlices() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = root.appendingPathComponent("in/sub")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(Self.sample.utf8).write(to: inputs.appendingPathComponent("a.txt"))
        try Data("欧盟委员会提出。".utf8).write(to: root.appendingPathComponent("in/b.txt"))
        let out = root.appendingPathComponent("out").path
        let result = try CLIRunner.run(["annotate", "--quiet", "--format", "brat", "--output", out, root.appendingPathComponent("in").path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out + "/sub/a.txt", encoding: .utf8)
        #expect(text == Self.sample)
        let annotations = try String(contentsOfFile: out + "/sub/a.ann", encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        var entities = 0
        for line in annotations.split(separator: "\n") where line.hasPrefix("T") {
            let fields = line.split(separator: "\t")
            let fragments = fields[1].split(separator: " ", maxSplits: 1)[1].split(separator: ";").map { pair in
                let bounds = pair.split(separator: " ").map { Int($0)! }
                return String(String.UnicodeScalarView(scalars[bounds[0]..<bounds[1]]))
            }
            #expect(fragments.joined(separator: " ") == String(fields[2]))
            entities += 1
        }
        #expect(entities >= 6)
        #expect(FileManager.default.fileExists(atPath: out + "/b.ann"))
        // No temporary file is left behind.
        let names = try FileManager.default.subpathsOfDirectory(atPath: out)
        #expect(!names.contains { $0.contains(".tmp-") })
    }

    @Test func aFailingInputLeavesNoPartialOutput() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.sample.utf8).write(to: root.appendingPathComponent("1-good.txt"))
        try Data([0xE8, 0x81, 0x94, 0xFF, 0x41]).write(to: root.appendingPathComponent("2-bad.txt"))
        let out = root.appendingPathComponent("out").path
        let result = try CLIRunner.run(["annotate", "--quiet", "--output", out, root.appendingPathComponent("1-good.txt").path, root.appendingPathComponent("2-bad.txt").path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("2-bad.txt") && result.stderr.contains("byte offset 3"))
        #expect(FileManager.default.fileExists(atPath: out + "/1-good.jsonl"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(names == ["1-good.jsonl"])
    }

    /// A folder as users have them: binary files are skipped and said so; a text file that turns
    /// out bad past its first block is named, its output removed, and the files after it are
    /// finished; the run exits 65 at the end. A binary file named explicitly still fails (65).
    @Test func aFolderSkipsBinaryFilesAndFinishesAfterABadOne() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let docs = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("img"), withIntermediateDirectories: true)
        try Data(Self.sample.utf8).write(to: docs.appendingPathComponent("1-good.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: docs.appendingPathComponent("img/logo.png"))
        try Data(Array(String(repeating: "今天天气很好。", count: 1000).utf8) + [0xFF, 0x0A]).write(to: docs.appendingPathComponent("2-bad.txt"))
        try Data("世界卫生组织在日内瓦。\n".utf8).write(to: docs.appendingPathComponent("3-after.txt"))
        let out = root.appendingPathComponent("out").path
        let result = try CLIRunner.run(["annotate", "--quiet", "--jobs", "2", "--output", out, docs.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("skipped '\(docs.path)/img/logo.png': binary (a NUL byte at byte offset 8)"), "\(result.stderr)")
        #expect(result.stderr.contains("2-bad.txt") && result.stderr.contains("byte offset 21000") && result.stderr.contains("the other files go on"))
        #expect(result.stderr.contains("1 of 4 files failed"))
        let names = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()
        #expect(names == ["1-good.jsonl", "3-after.jsonl"])
        let named = try CLIRunner.run(["annotate", "--quiet", docs.appendingPathComponent("img/logo.png").path])
        #expect(named.status == 65)
        #expect(named.stderr.contains("logo.png") && named.stderr.contains("not valid UTF-8"))
    }

    @Test func bratNeedsAnOutputFolderAndNeverOverwritesItsInput() throws {
        let missing = try CLIRunner.run(["annotate", "--format", "brat"], stdin: Data("你好".utf8))
        #expect(missing.status == 64)
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("a.txt")
        try Data(Self.sample.utf8).write(to: input)
        let result = try CLIRunner.run(["annotate", "--quiet", "--format", "brat", "--output", root.path, input.path])
        #expect(result.status == 73)
        #expect(try String(contentsOf: input, encoding: .utf8) == Self.sample)
    }

    @Test func globsAndTheHuggingFaceLabels() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["x.txt", "y.txt", "z.md"] { try Data(Self.sample.utf8).write(to: root.appendingPathComponent(name)) }
        let out = root.appendingPathComponent("out").path
        let result = try CLIRunner.run(["annotate", "--quiet", "--format", "hf", "--output", out, root.path + "/*.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["labels.json", "x.hf.jsonl", "y.hf.jsonl"])
        let labels = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/labels.json"))) as? [String])
        #expect(labels.first == "O" && labels.contains("B-ORG") && labels.contains("I-CARDINAL"))
        let rows = try String(contentsOfFile: out + "/x.hf.jsonl", encoding: .utf8).split(separator: "\n")
        for row in rows {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any])
            #expect((object["tokens"] as? [String])?.count == (object["ner_tags"] as? [Int])?.count)
        }
    }

    @Test func largeInputsComeInPartsWithOffsets() throws {
        // Over a megabyte of paragraphs: parts cut at paragraph ends, offsets into the input.
        let paragraph = "2020年12月，联合国环境规划署发布报告。\n"
        let text = String(repeating: paragraph, count: 40_000)
        let result = try CLIRunner.run(["annotate", "--quiet", "--jobs", "2"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        let records = try result.output.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(records.count > 1)
        var rebuilt = ""
        for (index, record) in records.enumerated() {
            #expect(record["part"] as? Int == index)
            let offset = try #require(record["offset"] as? [String: Int])
            #expect(offset["start"] == rebuilt.unicodeScalars.count)
            let part = try #require(record["text"] as? String)
            #expect(part.hasSuffix("\n"))
            rebuilt += part
        }
        #expect(rebuilt == text)
    }
}
