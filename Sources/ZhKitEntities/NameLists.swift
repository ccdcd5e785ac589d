import Foundation

/// Names the organisation recogniser knows: organisations and places, from the general lexicon's
/// part-of-speech tags (jieba's `nt` and `ns`).
///
/// `zhkit dictionary compile` writes them to `Resources/names.txt` (`ORG<TAB>name` and
/// `PLACE<TAB>name` lines), derived from `dictionaries/general.txt`; a test checks that the file
/// is current.
public struct NameLists: Sendable {
    public var organizations: Set<String>
    public var places: Set<String>

    public init(organizations: Set<String>, places: Set<String>) {
        self.organizations = organizations
        self.places = places
    }

    /// The names file's text derived from the general lexicon's text: words of two characters
    /// or more tagged `nt` (organisations) or `ns` (places), sorted. O(n log n).
    public static func derive(fromGeneralLexicon text: String) -> String {
        var organizations: [String] = []
        var places: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            guard fields.count == 3, fields[0].unicodeScalars.count >= 2 else { continue }
            if fields[2] == "nt" { organizations.append(String(fields[0])) }
            if fields[2] == "ns" { places.append(String(fields[0])) }
        }
        let lines = organizations.sorted().map { "ORG\t" + $0 } + places.sorted().map { "PLACE\t" + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a names file.
    public init(namesFile text: String) {
        var organizations = Set<String>()
        var places = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2 else { continue }
            if fields[0] == "ORG" { organizations.insert(String(fields[1])) }
            if fields[0] == "PLACE" { places.insert(String(fields[1])) }
        }
        self.init(organizations: organizations, places: places)
    }

    /// The lists shipped with ZhKit, loaded once.
    public static let bundled: NameLists = {
        guard let path = Bundle.module.path(forResource: "names", ofType: "txt"),
            let data = FileManager.default.contents(atPath: path)
        else { return NameLists(organizations: [], places: []) }
        return NameLists(namesFile: String(decoding: data, as: UTF8.self))
    }()
}
