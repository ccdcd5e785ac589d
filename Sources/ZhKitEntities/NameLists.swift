import Foundation

/// Names the organisation recogniser knows: organisations and places, from the general lexicon's
/// part-of-speech tags (jieba's `nt` and `ns`).
///
/// `zhkit dictionary compile` writes them to `Resources/names.txt` (`ORG<TAB>name` and
/// `PLACE<TAB>name` lines), derived from `dictionaries/general.txt`; a test checks that the file
/// is current.
public struct NameLists: Sendable {
    public let organizations: Set<String>
    public let places: Set<String>

    /// What lists a word is in, for the grammar: one look-up per token.
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt16
        static let organization = Kinds(rawValue: 1)
        static let place = Kinds(rawValue: 2)
        static let scope = Kinds(rawValue: 4)
        static let breaker = Kinds(rawValue: 8)
        static let adminUnit = Kinds(rawValue: 16)
        static let event = Kinds(rawValue: 32)
        static let eventNameEnd = Kinds(rawValue: 64)
        static let head = Kinds(rawValue: 128)
    }

    /// Keyed by a hash of the word's scalars: a look-up without making a `String`.
    let kindsByHash: [UInt64: [([UInt32], Kinds)]]

    /// The lists `s[range]` is in. O(length).
    func kinds(of s: [UInt32], _ range: Range<Int>) -> Kinds {
        guard let entries = kindsByHash[Self.hash(s[range])] else { return [] }
        for (scalars, kinds) in entries where scalars.elementsEqual(s[range]) { return kinds }
        return []
    }

    static func hash(_ scalars: some Sequence<UInt32>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            hash ^= UInt64(scalar)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    public init(organizations: Set<String>, places: Set<String>) {
        self.organizations = organizations
        self.places = places
        var kinds: [String: Kinds] = [:]
        func mark(_ words: some Sequence<String>, _ kind: Kinds) {
            for word in words { kinds[word, default: []].insert(kind) }
        }
        mark(organizations, .organization)
        mark(places, .place)
        mark(OrganizationRecognizer.scopes, .scope)
        mark(OrganizationRecognizer.breakers, .breaker)
        mark(OrganizationRecognizer.adminUnits, .adminUnit)
        mark(OrganizationRecognizer.eventWords, .event)
        mark(OrganizationRecognizer.eventNameEnds, .eventNameEnd)
        mark(OrganizationRecognizer.heads, .head)
        var byHash: [UInt64: [([UInt32], Kinds)]] = [:]
        for (word, kind) in kinds {
            let scalars = word.unicodeScalars.map(\.value)
            byHash[Self.hash(scalars), default: []].append((scalars, kind))
        }
        kindsByHash = byHash
    }

    /// The names file's text derived from the general lexicon's text: words of two characters
    /// or more tagged `nt` (organisations) or `ns` (places), sorted. O(n log n).
    ///
    /// jieba's `nt` tag is noisy (`音乐会`, `上进心`, `联合公报` carry it): `nt` words that end like
    /// events, meetings, documents or places (`noiseEndings`) are left out.
    public static func derive(fromGeneralLexicon text: String) -> String {
        var organizations: [String] = []
        var places: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            guard fields.count == 3, fields[0].unicodeScalars.count >= 2 else { continue }
            let word = String(fields[0])
            if fields[2] == "nt", !standaloneOrganizations.contains(word), !noiseEndings.contains(where: { word.hasSuffix($0) }) {
                organizations.append(word)
            }
            if fields[2] == "ns" { places.append(word) }
        }
        // Standing bodies named without a head are organisations whatever their tag (欧盟 is `j`).
        organizations += standaloneOrganizations
        let lines = organizations.sorted().map { "ORG\t" + $0 } + places.sorted().map { "PLACE\t" + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Endings of `nt` words that are no organisations here.
    static let noiseEndings = [
        "音乐会", "晚会", "招待会", "座谈会", "研讨会", "发布会", "茶话会", "运动会", "奥运会", "全会", "大会", "公报",
        "大会堂", "心", "节", "宣言", "条约", "协议", "声明", "峰会", "王国",
    ]

    /// Bodies usually named without a head word.
    static let standaloneOrganizations: Set<String> = [
        "联合国", "欧盟", "东盟", "北约", "欧佩克", "世贸", "中共中央", "党中央", "解放军", "国务院", "全国人大", "全国政协",
        "新华社", "安理会", "中共", "人大", "政协", "红十字会", "欧共体", "非统", "亚太经合组织", "世卫", "粮农组织",
        "联合国大会", "联大", "世界银行", "国际货币基金组织", "世界贸易组织", "非盟", "欧洲议会", "二十国集团",
    ]

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
