import Foundation

/// Converts text between Simplified and Traditional characters, as OpenCC's `s2t` and `t2s`
/// configurations do, with OpenCC's phrase and character tables (Apache-2.0).
///
/// At each position the longest phrase of the table that starts there is converted whole
/// (头发 → 頭髮, 发展 → 發展: one Simplified character, two Traditional ones); otherwise the
/// character takes its table's first form (发 → 發), or stays as it is. All but a dozen of the
/// tables' entries map one character to one character, so the converted text almost always has
/// the same length in Unicode scalars as the input, and offsets into one point at the same
/// characters of the other.
///
/// ```swift
/// let converter = try ScriptConverter.bundled()
/// converter.convert("联合国环境规划署", to: .traditional)   // "聯合國環境規劃署"
/// ```
public struct ScriptConverter: Sendable {
    /// One direction's tables.
    struct Table: Sendable {
        /// The phrases of two characters or more as a trie: the child of a node along a character
        /// is `edges[node << 32 | character]`; the root is node 0.
        var edges: [UInt64: UInt32] = [:]
        /// The converted form of each node that ends a phrase, as UTF-8.
        var phraseForms: [UInt32: [UInt8]] = [:]
        /// Characters with their first converted form, as UTF-8.
        var characters: [UInt32: [UInt8]] = [:]

        /// Reads OpenCC tables (`key<TAB>form form…`, `#` comments); a later table's key replaces
        /// an earlier one's.
        init(_ texts: [String]) {
            var nodeCount: UInt32 = 1
            for text in texts {
                for (key, forms) in OpenCCTable.entries(text) {
                    let form = forms[0].flatMap { UTF8.encode(Unicode.Scalar($0) ?? "\u{FFFD}")! }
                    guard key.count > 1 else {
                        characters[key[0]] = form
                        continue
                    }
                    var node: UInt32 = 0
                    for scalar in key {
                        let edge = UInt64(node) << 32 | UInt64(scalar)
                        if let child = edges[edge] {
                            node = child
                        } else {
                            edges[edge] = nodeCount
                            node = nodeCount
                            nodeCount += 1
                        }
                    }
                    phraseForms[node] = form
                }
            }
        }

        /// `text` converted: at each position the longest phrase, else the character's form. O(n)
        /// hash look-ups for phrases as long as the text's matches go.
        func convert(_ text: String) -> String {
            let scalars = Array(text.unicodeScalars)
            // Written as UTF-8 bytes: appending to a `String` a character at a time copies.
            var output: [UInt8] = []
            output.reserveCapacity(text.utf8.count + 16)
            var index = 0
            while index < scalars.count {
                // The longest phrase starting here: walk the trie as far as the text follows it.
                var node: UInt32 = 0
                var end = index
                var longest: (end: Int, form: [UInt8])?
                while end < scalars.count, let child = edges[UInt64(node) << 32 | UInt64(scalars[end].value)] {
                    node = child
                    end += 1
                    if let form = phraseForms[node] { longest = (end, form) }
                }
                if let longest {
                    output.append(contentsOf: longest.form)
                    index = longest.end
                    continue
                }
                let scalar = scalars[index]
                if let form = characters[scalar.value] { output.append(contentsOf: form) } else { output.append(contentsOf: UTF8.encode(scalar)!) }
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    let toTraditional: Table
    let toSimplified: Table

    /// `text` written in `script`. Characters without a form in the other script, and every
    /// character that is not Han, stay as they are. O(n): about 20 MB a second on one core.
    public func convert(_ text: String, to script: ChineseScript) -> String {
        switch script {
        case .traditional: toTraditional.convert(text)
        case .simplified: toSimplified.convert(text)
        }
    }

    /// The converter over OpenCC's tables among ZhKit's resources, loaded once per process
    /// (about 1 MB of tables: a tenth of a second).
    ///
    /// - Throws: `DictionaryError` when a table is missing or unreadable.
    public static func bundled() throws(DictionaryError) -> ScriptConverter {
        try bundledLoad.get()
    }

    private static let bundledLoad = Result { () throws(DictionaryError) -> ScriptConverter in
        return ScriptConverter(
            toTraditional: Table([try OpenCCTable.text("STCharacters"), try OpenCCTable.text("STPhrases")]),
            toSimplified: Table([try OpenCCTable.text("TSCharacters"), try OpenCCTable.text("TSPhrases")]))
    }
}
