import Foundation
import Testing

/// `--encoding`: ICU's converters and detector; strict UTF-8 by default.
@Suite struct EncodingTests {
    static func bytes(_ hex: String) -> Data {
        var data = Data()
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            data.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return data
    }

    /// 联合国环境署在2020年成立。 in GBK, 聯合國環境署在2020年成立。 in Big5, and the first in UTF-16 with a BOM.
    static let gbk = bytes("c1aabacfb9fabbb7beb3caf0d4da32303230c4eab3c9c1a2a1a3")
    static let big5 = bytes("c170a658b0eac0f4b9d2b870a66232303230a67ea6a8a5dfa143")
    static let utf16 = bytes("fffe54800854fd56af738358727f28573200300032003000745e1062cb7a0230")

    @Test(arguments: [("GBK", gbk, "联合国环境署"), ("GB18030", gbk, "联合国环境署"), ("Big5", big5, "聯合國環境署"), ("UTF-16", utf16, "联合国环境署")])
    func namedEncodingsDecode(_ name: String, _ input: Data, _ organization: String) throws {
        let result = try CLIRunner.run(["annotate", "--quiet", "--encoding", name], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((document["text"] as? String)?.hasPrefix(organization) == true)
        let entities = try #require(document["entities"] as? [[String: Any]])
        #expect(entities.contains { $0["text"] as? String == "2020年" && $0["value"] as? String == "2020" })
    }

    /// 联合国 in GBK: six bytes, which ICU's best guess calls IBM420_ltr (Arabic, 75 %).
    static let shortGBK = bytes("c1aabacfb9fa")

    @Test(arguments: [(gbk, "GB18030"), (big5, "Big5"), (utf16, "UTF-16"), (shortGBK, "GB18030")])
    func autoDetectsAndSaysSo(_ input: Data, _ reading: String) throws {
        let result = try CLIRunner.run(["segment", "--encoding", "auto"], stdin: input)
        #expect(result.status == 0)
        #expect(result.stderr.contains("reading it as \(reading)"), "\(result.stderr)")
        #expect(result.output.hasPrefix("联合国") || result.output.hasPrefix("聯合國"))
    }

    @Test func invalidUTF8NamesTheOffsetAndSuggestsAnEncoding() throws {
        let result = try CLIRunner.run(["segment"], stdin: Self.big5)
        #expect(result.status == 65)
        #expect(result.stderr.contains("standard input is not valid UTF-8: bad byte sequence at byte offset 0"))
        #expect(result.stderr.contains("try --encoding Big5"))
        // One bad byte in UTF-8 text: the offset, and no guess.
        var text = Data("联合国环境署".utf8)
        text.insert(0xFF, at: 6)
        let bad = try CLIRunner.run(["annotate", "--quiet"], stdin: text)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("byte offset 6") && !bad.stderr.contains("try --encoding"))
    }

    @Test func bytesTheEncodingForbidsAreAnErrorNotAReplacement() throws {
        var input = Self.gbk
        input.insert(contentsOf: [0x81, 0x20], at: 4)  // a lead byte and no trail byte
        let result = try CLIRunner.run(["segment", "--encoding", "GBK"], stdin: input)
        #expect(result.status == 65)
        #expect(result.stderr.contains("is not valid GBK") && result.stderr.contains("byte offset 4"), "\(result.stderr)")
        let unknown = try CLIRunner.run(["segment", "--encoding", "NO-SUCH"], stdin: input)
        #expect(unknown.status == 64)
    }

    @Test func evalReadsGoldInAnEncoding() throws {
        let root = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // 联合国 环境 规划署 / 联合国 环境规划署, in GBK.
        try Self.bytes("c1aabacfb9fa20bbb7beb320b9e6bbaecaf00a").write(to: root.appendingPathComponent("gold.txt"))
        try Self.bytes("c1aabacfb9fa20bbb7beb3b9e6bbaecaf00a").write(to: root.appendingPathComponent("test.txt"))
        let result = try CLIRunner.run(["eval", "segmentation", "--encoding", "GBK", "--gold", root.appendingPathComponent("gold.txt").path, root.appendingPathComponent("test.txt").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains("gold words      3") && result.output.contains("test words      2"))
        let strict = try CLIRunner.run(["eval", "segmentation", "--gold", root.appendingPathComponent("gold.txt").path, root.appendingPathComponent("test.txt").path])
        #expect(strict.status == 65)
    }

    @Test func aUTF8ByteOrderMarkIsTakenOffAndReported() throws {
        var input = Data([0xEF, 0xBB, 0xBF])
        input.append(Data("联合国环境署在2020年成立。".utf8))
        let result = try CLIRunner.run(["annotate", "--quiet"], stdin: input)
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(document["bom"] as? Bool == true)
        #expect(document["text"] as? String == "联合国环境署在2020年成立。")
        let entities = try #require(document["entities"] as? [[String: Any]])
        #expect(entities.first?["start"] as? Int == 0)
        // An invalid byte after a BOM: the offset counts the raw file.
        var bad = Data([0xEF, 0xBB, 0xBF, 0x41, 0xFF])
        bad.append(0x0A)
        let failed = try CLIRunner.run(["annotate", "--quiet"], stdin: bad)
        #expect(failed.status == 65 && failed.stderr.contains("byte offset 4"), "\(failed.stderr)")
    }
}
