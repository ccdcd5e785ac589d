import Foundation

/// OpenCC's dictionary tables among ZhKit's resources (`opencc-TSCharacters.txt`, …): one
/// `key<TAB>form form…` entry a line, the first form the default, `#` starting a comment.
enum OpenCCTable {
    /// The text of table `name` (`TSCharacters`, `STPhrases`, …).
    static func text(_ name: String) throws(DictionaryError) -> String {
        let file = "opencc-\(name).txt"
        guard let path = ResourceFiles.path(of: file, module: "ZhKit") else {
            throw DictionaryError(source: file, line: 0, reason: ResourceFiles.missing(file, module: "ZhKit"))
        }
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw DictionaryError(source: path, line: 0, reason: "cannot read it: \(error.localizedDescription)")
        }
    }

    /// The entries of a table's text, in order: each key with its forms, as scalars. Read as
    /// bytes: a `String` split costs ten times as much, at every start of the process. O(n).
    static func entries(_ text: String) -> [(key: [UInt32], forms: [[UInt32]])] {
        var entries: [(key: [UInt32], forms: [[UInt32]])] = []
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                var lineEnd = index
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { index = lineEnd + 1 }
                guard bytes[index] != 0x23 else { continue }  // `#`
                // Fields: the key, a tab, then the forms separated by spaces.
                var fields: [[UInt32]] = [[]]
                var position = index
                while position < lineEnd {
                    let byte = bytes[position]
                    if byte == 0x09 || byte == 0x20 || byte == 0x0D {
                        if !fields[fields.count - 1].isEmpty { fields.append([]) }
                        position += 1
                        continue
                    }
                    let (scalar, length) = decodeScalarAndLength(bytes, at: position)
                    fields[fields.count - 1].append(scalar)
                    position += length
                }
                if fields.last?.isEmpty == true { fields.removeLast() }
                if fields.count >= 2 { entries.append((fields[0], Array(fields[1...]))) }
            }
        }
        return entries
    }
}
