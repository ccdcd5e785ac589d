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
    /// Common nouns that end like a name (`有限公司`, `出版社`): they end a name but are none alone.
    public let categories: Set<String>
    /// Other words that end like a name (`统揽全局`, `精心组织`): never part of one.
    public let commonWords: Set<String>
    /// Proper names and abbreviations of other kinds (`李宁`, `华广`, `晋察冀`): they start a name
    /// that a head ends (`李宁集团`).
    public let properNames: Set<String>

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
        static let category = Kinds(rawValue: 256)
        static let common = Kinds(rawValue: 512)
        static let proper = Kinds(rawValue: 1024)
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

    public init(organizations: Set<String>, places: Set<String>, categories: Set<String> = [], commonWords: Set<String> = [], properNames: Set<String> = []) {
        self.organizations = organizations
        self.places = places
        self.categories = categories
        self.commonWords = commonWords
        self.properNames = properNames
        var kinds: [String: Kinds] = [:]
        func mark(_ words: some Sequence<String>, _ kind: Kinds) {
            for word in words { kinds[word, default: []].insert(kind) }
        }
        mark(organizations, .organization)
        mark(places, .place)
        mark(categories, .category)
        mark(commonWords, .common)
        mark(properNames, .proper)
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
        var categories: [String] = []
        var commonWords: [String] = []
        var properNames: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            guard fields.count == 3, fields[0].unicodeScalars.count >= 2 else { continue }
            let word = String(fields[0])
            let tag = fields[2]
            if genericOrganizations.contains(word) {
                categories.append(word)
                continue
            }
            if tag == "nt", !standaloneOrganizations.contains(word), !noiseEndings.contains(where: { word.hasSuffix($0) }) {
                organizations.append(word)
            }
            if tag == "ns" { places.append(word) }
            if otherProperTags.contains(tag), word.unicodeScalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }) {
                properNames.append(word)
            }
            // Words that end like a name but whose tag says they are none: nouns of a kind of
            // body (`卷烟厂`, tagged `n`) and idioms, verbs and the rest (`统揽全局`).
            if !properTags.contains(tag), !standaloneOrganizations.contains(word), OrganizationRecognizer.isHeadWord(word) {
                if tag == "n", !ministryEndings.contains(where: { word.hasSuffix($0) }) {
                    categories.append(word)
                } else if tag != "n" {
                    commonWords.append(word)
                }
            }
        }
        // Standing bodies named without a head are organisations whatever their tag (欧盟 is `j`).
        organizations += standaloneOrganizations
        let lines = organizations.sorted().map { "ORG\t" + $0 } + places.sorted().map { "PLACE\t" + $0 }
            + categories.sorted().map { "CATEGORY\t" + $0 } + commonWords.sorted().map { "COMMON\t" + $0 }
            + properNames.sorted().map { "PROPER\t" + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `nt` words that name a kind of body, not one body (`人民法院` is any people's court): they
    /// end a name (`福建省人民检察院`) and are none alone.
    static let genericOrganizations: Set<String> = [
        "人民法院", "人民检察院", "人民政府", "联合政府", "党组织", "国家队", "人民军队", "中央国家机关", "地方政府",
        "高级人民法院", "中级人民法院", "基层党组织",
    ]

    /// Tags of proper names and abbreviations: such words keep their head.
    static let properTags: Set<Substring> = ["nt", "ns", "nr", "nrt", "nrfg", "nz", "j"]

    /// Tags of the names that may start an organisation's name besides places and organisations.
    static let otherProperTags: Set<Substring> = ["nr", "nrt", "nrfg", "nz", "j"]

    /// Endings of the names of ministries and departments, which jieba tags `n` (`公安部`):
    /// names, not kinds of body.
    static let ministryEndings = ["部", "委", "厅", "局", "署"]

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
        var lists: [Substring: Set<String>] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "\t", maxSplits: 1)
            guard fields.count == 2 else { continue }
            lists[fields[0], default: []].insert(String(fields[1]))
        }
        self.init(organizations: lists["ORG"] ?? [], places: lists["PLACE"] ?? [], categories: lists["CATEGORY"] ?? [], commonWords: lists["COMMON"] ?? [],
            properNames: lists["PROPER"] ?? [])
    }

    /// The lists shipped with ZhKit, loaded once.
    public static let bundled: NameLists = {
        guard let path = Bundle.module.path(forResource: "names", ofType: "txt"),
            let data = FileManager.default.contents(atPath: path)
        else { return NameLists(organizations: [], places: []) }
        return NameLists(namesFile: String(decoding: data, as: UTF8.self))
    }()
}
