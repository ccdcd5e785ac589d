import Foundation
import Testing

/// The papers that travel with the product: the licence, the data's attributions, the changelog
/// of the version the tool reports, and the output contract, kept identical to its source.
@Suite struct ProductPapersTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theLicenceAndNoticeCoverEveryDataLicence() throws {
        #expect(try Self.read("LICENSE").contains("Apache License\n                           Version 2.0, January 2004"))
        let notice = try Self.read("NOTICE")
        let licences = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("dictionaries").path)
            .filter { $0.hasPrefix("LICENSE.") }
        #expect(licences.count >= 5)
        for licence in licences { #expect(notice.contains("dictionaries/\(licence)"), "NOTICE does not name \(licence)") }
        #expect(notice.contains("CC BY-SA 4.0"))
    }

    @Test func theChangelogDescribesTheVersionTheToolReports() throws {
        let version = try CLIRunner.run(["--version"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let changelog = try Self.read("CHANGELOG.md")
        let first = changelog.split(separator: "\n").first { $0.hasPrefix("## ") }
        #expect(first?.hasPrefix("## \(version)") == true, "CHANGELOG's newest entry is \(first ?? "none"), zhkit says \(version)")
    }

    /// `docs/ANNOTATION.md` is the shared contract byte for byte, where the shared copy is at hand
    /// (beside the repository, as on the development machines).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: root.appendingPathComponent("../shared/ANNOTATION.md").path)))
    func theOutputContractIsTheSharedOne() throws {
        let shipped = try Data(contentsOf: Self.root.appendingPathComponent("docs/ANNOTATION.md"))
        let shared = try Data(contentsOf: Self.root.appendingPathComponent("../shared/ANNOTATION.md"))
        #expect(shipped == shared, "docs/ANNOTATION.md differs from ../shared/ANNOTATION.md: copy it again")
    }
}
