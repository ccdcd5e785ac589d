import Foundation
import Synchronization
import Testing
import ZhKit
import ZhKitCorpus
import ZhKitEntities

/// The library's file pipeline (`Annotator.forEachDocument`, `Annotator.write`), without the CLI:
/// parts of a large file, input order across threads, errors that name the file and keep what
/// came before.
@Suite struct AnnotatorPipelineTests {
    static let annotator = Annotator(extractor: EntityExtractor(segmenter: try! Segmenter(), tagger: nil))

    /// A scratch folder, removed after `body`.
    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-pipeline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    /// A file over a megabyte comes in parts, in order, that tile it: each part's origin is where
    /// the one before it ended, in all three units, and their texts joined are the file.
    @Test func aLargeFileComesInPartsThatTileIt() throws {
        try withFolder { folder in
            let paragraph = "联合国环境规划署（UNEP）于2020年12月发布报告，𠀀字与English混排。\n"
            let text = String(repeating: paragraph, count: 30_000)  // 2.8 MB
            try text.write(toFile: folder + "/big.txt", atomically: true, encoding: .utf8)
            for jobs in [1, 2] {
                var options = CorpusOptions()
                options.jobs = jobs
                var parts: [AnnotatedDocument] = []
                try Self.annotator.forEachDocument(in: [folder + "/big.txt"], options: options) { parts.append($0) }
                #expect(parts.count >= 3)
                #expect(parts.map(\.part) == Array(0..<parts.count).map(Optional.some))
                var position = TextPosition.zero
                for part in parts {
                    #expect(part.origin == position)
                    let units = part.text
                    position = TextPosition(utf8: position.utf8 + units.utf8.count, scalars: position.scalars + units.unicodeScalars.count,
                        utf16: position.utf16 + units.utf16.count)
                    #expect(part.id == "big")
                }
                #expect(parts.map(\.text).joined() == text)
                #expect(parts.map { $0.entities.count }.reduce(0, +) >= 30_000 * 2)
            }
        }
    }

    /// Files come in the order their names sort, whatever thread annotated them. A file found in
    /// the folder that is not text is skipped and said so; named, it stops the run with a data
    /// error that names it and the byte.
    @Test func filesComeInOrderAndABadOneIsSkippedOrNamed() throws {
        try withFolder { folder in
            for index in 0..<6 { try "第\(index)份报告：2020年。\n".write(toFile: folder + "/\(index).txt", atomically: true, encoding: .utf8) }
            try Data([0xE8, 0xAF, 0x95, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: folder + "/3b.txt"))
            let notices = Mutex<[String]>([])
            var options = CorpusOptions()
            options.jobs = 2
            options.notice = { message in notices.withLock { $0.append(message) } }
            var ids: [String] = []
            try Self.annotator.forEachDocument(in: [folder], options: options) { ids.append($0.id ?? "") }
            #expect(ids == ["0", "1", "2", "3", "4", "5"])
            #expect(notices.withLock { $0 } == ["skipped '\(folder)/3b.txt': not UTF-8 text (a bad byte sequence at byte offset 3)"])
            #expect {
                try Self.annotator.forEachDocument(in: [folder + "/3b.txt"], options: options) { _ in }
            } throws: { error in
                guard let error = error as? CorpusError else { return false }
                return error.code == .dataError && error.message.contains("3b.txt") && error.message.contains("byte offset 3")
            }
        }
    }

    /// `write` to a folder mirrors the inputs' sub-folders, one file per input in the format, and
    /// each is what `formatted` gives for its document.
    @Test func writeMirrorsTheFoldersAndMatchesFormatted() throws {
        try withFolder { folder in
            try FileManager.default.createDirectory(atPath: folder + "/in/sub", withIntermediateDirectories: true)
            try "王建国在北京。\n".write(toFile: folder + "/in/sub/a.txt", atomically: true, encoding: .utf8)
            try "三天后，价格为5万元。\n".write(toFile: folder + "/in/b.txt", atomically: true, encoding: .utf8)
            var options = CorpusOptions()
            options.format = .conllu
            var progress: [CorpusProgress] = []
            try Self.annotator.write([folder + "/in"], to: .folder(folder + "/out"), options: options) { progress.append($0) }
            let written = try String(contentsOfFile: folder + "/out/sub/a.conllu", encoding: .utf8)
            let document = Self.annotator.annotate("王建国在北京。\n", id: "sub/a")
            #expect(written == document.formatted(options))
            #expect(FileManager.default.fileExists(atPath: folder + "/out/b.conllu"))
            #expect(progress.last?.filesDone == 2 && progress.last?.totalFiles == 2)
            #expect(progress.last?.bytesDone == progress.last?.totalBytes)
        }
    }
}
