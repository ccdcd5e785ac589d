import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One input of a many-file job: what to read, and where its output goes under `--output`.
package struct JobInput {
    package let file: InputFile
    /// The output's path under the output folder, without the format's extension: the input's
    /// path below the folder it was found in, or its name (`a/b.txt` → `a/b`).
    package let outputStem: String
    /// Its size in bytes, when it is a regular file.
    package let size: Int?
    /// Whether it was found by walking a folder or expanding a pattern rather than named: such
    /// a file is skipped when it is binary, and its failure does not stop the run.
    package var found = false
}

/// Turns the command line's inputs into files: files as given, folders walked recursively
/// (hidden files and folders skipped, names sorted), glob patterns expanded, `-` for standard
/// input. A path that names nothing is an error (66).
package func expandInputs(_ arguments: [String], encoding: InputEncoding = .utf8, notice: @escaping @Sendable (String) -> Void = { _ in })
    throws(CorpusError) -> [JobInput]
{
    try expandPaths(arguments, notice: notice).map { input in
        var file = input.file
        file.encoding = encoding
        file.notice = notice
        return JobInput(file: file, outputStem: input.outputStem, size: input.size, found: input.found)
    }
}

private func expandPaths(_ arguments: [String], notice: (String) -> Void) throws(CorpusError) -> [JobInput] {
    if arguments.isEmpty { return [JobInput(file: InputFile(path: nil), outputStem: "stdin", size: nil)] }
    var inputs: [JobInput] = []
    for argument in arguments {
        if argument == "-" {
            inputs.append(JobInput(file: InputFile(path: nil), outputStem: "stdin", size: nil))
            continue
        }
        var info = stat()
        if stat(argument, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR {
                let found = try walk(argument)
                if found.isEmpty { notice("found no files in '\(argument)'") }
                inputs += found
            } else {
                inputs.append(JobInput(file: InputFile(path: argument), outputStem: stem(of: name(of: argument)), size: Int(info.st_size)))
            }
            continue
        }
        let matches = globbed(argument)
        guard !matches.isEmpty else { throw CorpusError(.noInput, "cannot open '\(argument)': \(errnoMessage(ENOENT))") }
        for match in matches where stat(match, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR {
            inputs.append(JobInput(file: InputFile(path: match), outputStem: stem(of: name(of: match)), size: Int(info.st_size), found: true))
        }
    }
    return inputs
}

/// The regular files under `folder`, sorted by path; output stems keep their sub-folders.
private func walk(_ folder: String) throws(CorpusError) -> [JobInput] {
    let root = URL(fileURLWithPath: folder)
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey],
        options: [.skipsHiddenFiles])
    else { throw CorpusError(.noInput, "cannot read the folder '\(folder)'") }
    var found: [(relative: String, path: String, size: Int)] = []
    let prefix = root.standardizedFileURL.path
    for case let url as URL in enumerator {
        guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), values.isRegularFile == true else { continue }
        var relative = url.standardizedFileURL.path
        if relative.hasPrefix(prefix + "/") { relative.removeFirst(prefix.count + 1) }
        found.append((relative, folder + "/" + relative, values.fileSize ?? 0))
    }
    return found.sorted { $0.relative < $1.relative }.map {
        JobInput(file: InputFile(path: $0.path), outputStem: stem(of: $0.relative), size: $0.size, found: true)
    }
}

/// The paths a glob pattern matches, sorted; none if it is no pattern or matches nothing.
private func globbed(_ pattern: String) -> [String] {
    guard pattern.contains(where: { "*?[".contains($0) }) else { return [] }
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
}

private func name(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

/// A path without its last extension (`a/b.txt` → `a/b`; `.hidden` stays).
private func stem(of path: String) -> String {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
    return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
}
