import Foundation

/// Where ZhKit's data files (the compiled lexicon, the name lists, the name model) are found at
/// run time.
///
/// In order: the folder `ZHKIT_RESOURCES` names (a shared install, or data of your own); the
/// resource bundle SwiftPM puts beside the executable (`<dir>/ZhKit_<module>.resources`, in a
/// build tree or copied along with the binary); and `<dir>/../share/zhkit`, where
/// `scripts/install.sh` puts them. Never the tree the binary was built in, as SwiftPM's
/// `Bundle.module` falls back to: a binary that found its data there would stop working when the
/// build is removed, and one whose data is missing would die in `Bundle.module` without a word
/// on where to put it.
package enum ResourceFiles {
    /// The path of resource `name` of module `module` (`ZhKit`, `ZhKitEntities`), or `nil`.
    package static func path(of name: String, module: String) -> String? {
        folders(module: module).lazy.map { $0 + "/" + name }.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// The folders searched for `module`'s resources, in order, for messages.
    package static func folders(module: String) -> [String] {
        var folders: [String] = []
        if let shared = ProcessInfo.processInfo.environment["ZHKIT_RESOURCES"], !shared.isEmpty { folders.append(shared) }
        let executableFolder = executablePath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() } ?? Bundle.main.bundleURL
        folders.append(executableFolder.appendingPathComponent("ZhKit_\(module).resources").path)
        folders.append(executableFolder.deletingLastPathComponent().appendingPathComponent("share/zhkit").standardizedFileURL.path)
        return folders
    }

    /// The running executable's path with every link resolved, so that a link to an installed
    /// binary (`/usr/local/bin/zhkit` → `/opt/zhkit/bin/zhkit`) finds the data beside the binary.
    static let executablePath: String? = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// The message for a resource that was not found.
    package static func missing(_ name: String, module: String) -> String {
        "\(module)'s data file \(name) is in none of \(folders(module: module).joined(separator: ", ")): the installation is incomplete (set ZHKIT_RESOURCES to the folder that holds it)"
    }
}
