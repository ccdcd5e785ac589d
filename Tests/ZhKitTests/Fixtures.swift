/// Paths to the repository's own data, found from this file's location.
enum Fixtures {
    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ZhKitTests/Fixtures.swift
        return parts.joined(separator: "/")
    }()

    static var seedPath: String { repositoryRoot + "/seeds/unep-annual-report-2020.zh.txt" }
}
