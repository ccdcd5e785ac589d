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
        /// Phrases of two characters or more, with their converted forms.
        var phrases: [String: String] = [:]
        /// The longest phrase starting with each character, in scalars.
        var longestPhrase: [UInt32: Int] = [:]
        /// Characters with their first converted form.
        var characters: [UInt32: String] = [:]

        /// Reads OpenCC tables (`key<TAB>form form…`, `#` comments); a later table's key replaces
        /// an earlier one's.
        init(_ texts: [String]) {
            for text in texts {
                for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                    let fields = line.split(separator: "\t")
                    guard fields.count >= 2, let form = fields[1].split(separator: " ").first else { continue }
                    let key = fields[0].unicodeScalars
                    guard let first = key.first?.value else { continue }
                    if key.count == 1 {
                        characters[first] = String(form)
                    } else {
                        phrases[String(fields[0])] = String(form)
                        longestPhrase[first] = max(longestPhrase[first] ?? 0, key.count)
                    }
                }
            }
        }

        /// `text` converted. O(n · L) for phrases of up to L characters.
        func convert(_ text: String) -> String {
            let scalars = Array(text.unicodeScalars)
            var output = String.UnicodeScalarView()
            output.reserveCapacity(scalars.count)
            var index = 0
            next: while index < scalars.count {
                let scalar = scalars[index].value
                if let longest = longestPhrase[scalar] {
                    for length in stride(from: min(longest, scalars.count - index), through: 2, by: -1) {
                        var key = String.UnicodeScalarView()
                        key.append(contentsOf: scalars[index..<index + length])
                        if let form = phrases[String(key)] {
                            output.append(contentsOf: form.unicodeScalars)
                            index += length
                            continue next
                        }
                    }
                }
                if let form = characters[scalar] { output.append(contentsOf: form.unicodeScalars) } else { output.append(scalars[index]) }
                index += 1
            }
            return String(output)
        }
    }

    let toTraditional: Table
    let toSimplified: Table

    /// `text` written in `script`. Characters without a form in the other script, and every
    /// character that is not Han, stay as they are. O(n).
    public func convert(_ text: String, to script: ChineseScript) -> String {
        switch script {
        case .traditional: toTraditional.convert(text)
        case .simplified: toSimplified.convert(text)
        }
    }

    /// The converter over OpenCC's tables among ZhKit's resources, loaded once per process
    /// (about 1 MB of tables: a few tenths of a second).
    ///
    /// - Throws: `DictionaryError` when a table is missing or unreadable.
    public static func bundled() throws(DictionaryError) -> ScriptConverter {
        try bundledLoad.get()
    }

    private static let bundledLoad = Result { () throws(DictionaryError) -> ScriptConverter in
        return ScriptConverter(
            toTraditional: Table([try HanScriptTable.openCCTable("STCharacters"), try HanScriptTable.openCCTable("STPhrases")]),
            toSimplified: Table([try HanScriptTable.openCCTable("TSCharacters"), try HanScriptTable.openCCTable("TSPhrases")]))
    }
}
