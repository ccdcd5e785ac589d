import Foundation
import ZhKit

/// Names the entity recognisers know: organisations, places, people's names and surnames, and
/// the word classes the organisation grammar needs, from the general lexicon's part-of-speech
/// tags (jieba's `nt`, `ns`, `nr`, …) and the project's gazetteers (`dictionaries/places.txt`,
/// `dictionaries/surnames.txt`, `dictionaries/organizations.txt`).
///
/// `zhkit dictionary compile` writes them to `Resources/names.txt` (`TAG<TAB>name` lines); a
/// test checks that the file is current. The name tagger reads them as features, so a listed
/// name is evidence, weighed against the context, not a verdict.
public struct NameLists: Sendable {
    /// What lists a word is in, for the grammar: one look-up per token.
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt32
        static let organization = Kinds(rawValue: 1)
        static let place = Kinds(rawValue: 2)
        static let scope = Kinds(rawValue: 4)
        static let breaker = Kinds(rawValue: 8)
        static let adminUnit = Kinds(rawValue: 16)
        static let event = Kinds(rawValue: 32)
        static let eventNameEnd = Kinds(rawValue: 64)
        static let head = Kinds(rawValue: 128)
        /// Common nouns that end like a name (`有限公司`, `出版社`): they end a name but are none alone.
        static let category = Kinds(rawValue: 256)
        /// Other words that end like a name (`统揽全局`, `精心组织`): never part of one.
        static let common = Kinds(rawValue: 512)
        /// Proper names and abbreviations of other kinds (`李宁`, `华广`, `晋察冀`): they start a
        /// name that a head ends (`李宁集团`).
        static let proper = Kinds(rawValue: 1024)
        // Single words the grammar treats apart.
        static let unitedNations = Kinds(rawValue: 2048)  // 联合国
        static let organize = Kinds(rawValue: 4096)  // 组织, also the verb
        static let assembly = Kinds(rawValue: 8192)  // 大会
        static let acronymHead = Kinds(rawValue: 16384)
        static let strongHead = Kinds(rawValue: 32768)
        /// A person's name (jieba's `nr`, `nrt`, `nrfg`); also `proper` for the grammar.
        static let person = Kinds(rawValue: 1 << 16)
        /// A surname, of one character or two (`王`, `欧阳`).
        static let surname = Kinds(rawValue: 1 << 17)
        /// A political place: a country, province, city or county (ANNOTATION.md's GPE).
        static let politicalPlace = Kinds(rawValue: 1 << 18)
        /// A natural or other place: a region, continent, sea, river or mountain (LOC).
        static let naturalPlace = Kinds(rawValue: 1 << 19)
        /// A character common in Chinese given names (`伟`, `秀`, `峰`).
        static let givenNameCharacter = Kinds(rawValue: 1 << 20)
        /// A character common in transliterated foreign names (`斯`, `尔`, `克`).
        static let transliterationCharacter = Kinds(rawValue: 1 << 21)
        /// The first character of a compound surname (`欧` of 欧阳); in the one-character table
        /// only, so that a two-character surname is looked up only after one.
        static let compoundSurnameStart = Kinds(rawValue: 1 << 22)

        /// The kinds of a names file's line tag.
        static let byTag: [String: Kinds] = [
            "ORG": .organization, "PLACE": .place, "GPE": [.place, .politicalPlace], "LOC": [.place, .naturalPlace],
            "CATEGORY": .category, "COMMON": .common, "PROPER": .proper, "PERSON": [.proper, .person], "SURNAME": .surname,
            "GIVEN": .givenNameCharacter, "TRANSLIT": .transliterationCharacter,
            "BREAK": .breaker,
        ]
    }

    /// One word: where its scalars are in `storage`, its kinds, and the next word of the same hash.
    struct Entry {
        var start: Int32
        var count: Int32
        var kinds: Kinds
        var next: Int32
    }

    /// The scalars of every word, one after another.
    private var storage: [UInt32] = []
    private var entries: [Entry] = []
    /// The first entry of each hash: a look-up without making a `String`.
    private var firstByHash: [UInt64: Int32] = [:]
    /// The same, as an open-addressing table keyed by the FNV hash itself: the look-up of the
    /// hot path, without `Hasher`'s SipHash. Built once all words are in.
    private var slots: [(hash: UInt64, entry: Int32)] = []
    /// One bit per 2²¹ values of a hash's top bits, set for the hashes of listed words: most
    /// look-ups are of runs of words that are no name (the tagger tries every run of two to
    /// four), and this 256 KiB filter, which stays in cache, answers those without touching
    /// the tables (a wrong "maybe" about once in twelve, at the 190,000 words of `names.txt`).
    private var mayHold: [UInt64] = []
    private static let filterBits = 21

    /// Builds `slots` from `firstByHash`, at most half full, and `mayHold`.
    private mutating func buildSlots() {
        mayHold = [UInt64](repeating: 0, count: 1 << (Self.filterBits - 6))
        for hash in firstByHash.keys {
            let bit = Int(hash >> UInt64(64 - Self.filterBits))
            mayHold[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        var capacity = 16
        while capacity < firstByHash.count * 2 { capacity *= 2 }
        slots = Array(repeating: (0, -1), count: capacity)
        let mask = UInt64(capacity - 1)
        for (hash, entry) in firstByHash {
            var slot = Int(hash & mask)
            while slots[slot].entry >= 0 { slot = (slot + 1) & Int(mask) }
            slots[slot] = (hash, entry)
        }
    }

    /// The first entry of words with `hash`, or -1. O(1) expected.
    @inline(__always)
    private func firstEntry(_ hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var slot = Int(hash & UInt64(mask))
        while true {
            let (slotHash, entry) = slots[slot]
            if entry < 0 || slotHash == hash { return entry }
            slot = (slot + 1) & mask
        }
    }

    /// The lists `s[range]` is in. O(length).
    func kinds(of s: [UInt32], _ range: Range<Int>) -> Kinds {
        s.withUnsafeBufferPointer { kinds(of: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The lists `word` is in. O(length); one character: O(1), from `characterKinds`.
    func kinds(of word: UnsafeBufferPointer<UInt32>) -> Kinds {
        if word.count == 1, let index = Self.characterIndex(word[0]), index < characterKinds.count {
            return characterKinds[index]
        }
        let hash = Self.hash(word)
        let bit = Int(hash >> UInt64(64 - Self.filterBits))
        guard mayHold[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return [] }
        var index = firstEntry(hash)
        while index >= 0 {
            let entry = entries[Int(index)]
            if Int(entry.count) == word.count, storage[Int(entry.start)..<Int(entry.start + entry.count)].elementsEqual(word) {
                return entry.kinds
            }
            index = entry.next
        }
        return []
    }

    /// The kinds of each character of the CJK Unified Ideographs block, the hot path's
    /// one-character look-up (surnames, name characters); others go through the hash table.
    private var characterKinds: [Kinds] = []

    /// A character's place in `characterKinds`, if it is in that block.
    static func characterIndex(_ scalar: UInt32) -> Int? {
        CharacterClass.isUnifiedHan(scalar) ? Int(scalar - 0x4E00) : nil
    }
    /// Fills `characterKinds` from the entries, marking the first characters of compound
    /// surnames.
    private mutating func buildCharacterTables() {
        characterKinds = [Kinds](repeating: [], count: 0x9FFF - 0x4E00 + 1)
        for entry in entries {
            guard let index = Self.characterIndex(storage[Int(entry.start)]) else { continue }
            // A character's own entry replaces a compound-surname mark set before it (an entry
            // made after the compound's): the bundled model was trained so. Keeping the mark
            // (`formUnion`) is the better rule, for the next model trained.
            if entry.count == 1 { characterKinds[index] = entry.kinds }
            if entry.count == 2, entry.kinds.contains(.surname) { characterKinds[index].insert(.compoundSurnameStart) }
        }
    }

    /// A fingerprint of the names file this was read from (0 when built from sets): a name
    /// model records the one it was trained with.
    package private(set) var fingerprint: UInt64 = 0

    /// Endings of places that are no political entities (ANNOTATION.md's LOC): mountains,
    /// rivers, lakes, seas, bays, islands, plains, deserts, continents, regions.
    static let naturalPlaceEndings: [[UInt32]] = ["山", "峰", "岭", "河", "江", "湖", "海", "洋", "湾", "峡", "岛", "原", "漠", "洲", "地区", "流域", "盆地"]
        .map { $0.unicodeScalars.map(\.value) }

    /// Whether a place's name ends like a natural place or a region (`恒河`, `亚太地区`).
    static func isNaturalPlaceName(_ name: ArraySlice<UInt32>) -> Bool {
        naturalPlaceEndings.contains { name.count > $0.count && name.ends(with: $0) }
    }

    /// Whether `word` is a known organisation's name.
    package func isOrganization(_ word: String) -> Bool {
        let scalars = word.unicodeScalars.map(\.value)
        return kinds(of: scalars, 0..<scalars.count).contains(.organization)
    }

    static func hash(_ scalars: some Sequence<UInt32>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            hash ^= UInt64(scalar)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    /// Adds the word `storage[start...]` (the last scalars appended) with `kinds`, or merges its
    /// kinds into the same word already there.
    private mutating func addLastWord(from start: Int, _ kinds: Kinds) {
        let count = storage.count - start
        guard count > 0 else { return }
        let hash = Self.hash(storage[start...])
        var index = firstByHash[hash] ?? -1
        while index >= 0 {
            let entry = entries[Int(index)]
            if Int(entry.count) == count, storage[Int(entry.start)..<Int(entry.start + entry.count)].elementsEqual(storage[start...]) {
                entries[Int(index)].kinds.formUnion(kinds)
                storage.removeLast(count)
                return
            }
            index = entry.next
        }
        entries.append(Entry(start: Int32(start), count: Int32(count), kinds: kinds, next: firstByHash[hash] ?? -1))
        firstByHash[hash] = Int32(entries.count - 1)
    }

    private mutating func add(_ words: some Sequence<String>, _ kinds: Kinds) {
        for word in words {
            let start = storage.count
            storage.append(contentsOf: word.unicodeScalars.lazy.map(\.value))
            addLastWord(from: start, kinds)
        }
    }

    /// The grammar's own word lists (heads, scopes, breakers, event words).
    private mutating func addGrammarWords() {
        add(OrganizationRecognizer.scopes, .scope)
        add(OrganizationRecognizer.breakers, .breaker)
        add(OrganizationRecognizer.adminUnits, .adminUnit)
        add(OrganizationRecognizer.eventWords, .event)
        add(OrganizationRecognizer.eventNameEnds, .eventNameEnd)
        add(OrganizationRecognizer.heads, .head)
        add(["联合国"], .unitedNations)
        add(["组织"], .organize)
        add(["大会"], .assembly)
        add(OrganizationRecognizer.acronymHeads, .acronymHead)
        add(OrganizationRecognizer.strongHeads, .strongHead)
    }

    public init(organizations: Set<String>, places: Set<String>) {
        add(organizations, .organization)
        add(places, .place)
        addGrammarWords()
        buildSlots()
        buildCharacterTables()
    }

    /// The names file's text derived from the general lexicon's text and the gazetteers: words
    /// of two characters or more tagged `nt` (organisations), `ns` (places), `nr`, `nrt`,
    /// `nrfg` (people), `nz`, `j` (other proper names), sorted. O(n log n).
    ///
    /// jieba's `nt` tag is noisy (`音乐会`, `上进心`, `联合公报` carry it): `nt` words that end like
    /// events, meetings, documents or places (`noiseEndings`) are left out.
    /// `organizations`, the project's list of organisation names (`dictionaries/organizations.txt`,
    /// the same format), adds names whatever the general lexicon says of them; `places`
    /// (`name<TAB>GPE|LOC` lines) and `surnames` (one a line) are the gazetteers of
    /// `dictionaries/`, `#` lines being comments.
    package static func derive(fromGeneralLexicon text: String, organizations organizationList: String = "", places placeList: String = "",
        surnames surnameList: String = "") -> String
    {
        var listed = Set<String>()
        for line in organizationList.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            if let word = line.split(separator: " ").first { listed.insert(String(word)) }
        }
        var organizations: [String] = []
        var places: [String] = []
        var categories: [String] = []
        var commonWords: [String] = []
        var properNames: [String] = []
        var people: [String] = []
        var peopleByTag: [(String, Substring)] = []
        var functionWords: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            guard fields.count == 3 else { continue }
            let word = String(fields[0])
            let tag = fields[2]
            // Adverbs, prepositions, conjunctions, pronouns, particles and interjections never sit
            // inside a name: they end a chain of name words (`南京 接受 江苏省政府`).
            // (jieba tags a few longer words `c` that are nouns: 所有者.)
            if functionWordTags.contains(tag), !listed.contains(word), tag != "c" || word.unicodeScalars.count <= 2,
                word.unicodeScalars.allSatisfy({ CharacterClass.isUnifiedHan($0.value) })
            {
                functionWords.append(word)
            }
            guard word.unicodeScalars.count >= 2 else { continue }
            if listed.contains(word) { continue }
            if genericOrganizations.contains(word) {
                categories.append(word)
                continue
            }
            if tag == "nt", !standaloneOrganizations.contains(word), !noiseEndings.contains(where: { word.hasSuffix($0) }) {
                organizations.append(word)
            }
            if tag == "ns" { places.append(word) }
            if otherProperTags.contains(tag), word.unicodeScalars.allSatisfy({ CharacterClass.isUnifiedHan($0.value) }) {
                if personTags.contains(tag) {
                    people.append(word)
                    peopleByTag.append((word, tag))
                } else {
                    properNames.append(word)
                }
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
        organizations += listed.subtracting(standaloneOrganizations)
        // The gazetteers: places typed GPE or LOC, surnames.
        var typedPlaces: [String: String] = [:]
        for line in placeList.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, fields[1] == "GPE" || fields[1] == "LOC", fields[0].unicodeScalars.count >= 2 else { continue }
            typedPlaces[String(fields[0])] = String(fields[1])
        }
        let surnames = surnameList.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { String($0.split(separator: "\t")[0]) }
        let (givenNameCharacters, transliterationCharacters) = nameCharacters(people: peopleByTag, surnames: Set(surnames))
        let lines = organizations.sorted().map { "ORG\t" + $0 } + places.filter { typedPlaces[$0] == nil }.sorted().map { "PLACE\t" + $0 }
            + typedPlaces.sorted { $0.key < $1.key }.map { $0.value + "\t" + $0.key }
            + categories.sorted().map { "CATEGORY\t" + $0 } + commonWords.sorted().map { "COMMON\t" + $0 }
            + properNames.sorted().map { "PROPER\t" + $0 } + people.sorted().map { "PERSON\t" + $0 }
            + Set(surnames).sorted().map { "SURNAME\t" + $0 } + givenNameCharacters.map { "GIVEN\t" + $0 }
            + transliterationCharacters.map { "TRANSLIT\t" + $0 } + functionWords.sorted().map { "BREAK\t" + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The characters of given names and of transliterated names, from the lexicon's names:
    /// those that follow a surname in 20 Chinese names (`nr`, `nrfg`) or more, and those in 20
    /// transliterated names (`nrt`) or more, sorted. The thresholds keep the characters that
    /// recur in names and drop the noise of single odd entries.
    static func nameCharacters(people: [(String, Substring)], surnames: Set<String>) -> (given: [String], transliteration: [String]) {
        var given: [Character: Int] = [:]
        var transliteration: [Character: Int] = [:]
        for (word, tag) in people {
            let characters = Array(word)
            if tag == "nrt" {
                for character in characters { transliteration[character, default: 0] += 1 }
            } else if (2...3).contains(characters.count) {
                let rest: ArraySlice<Character>
                if characters.count == 3, surnames.contains(String(characters[0..<2])) {
                    rest = characters[2...]
                } else if surnames.contains(String(characters[0])) {
                    rest = characters[1...]
                } else {
                    continue
                }
                for character in rest { given[character, default: 0] += 1 }
            }
        }
        func frequent(_ counts: [Character: Int]) -> [String] { counts.filter { $0.value >= 20 }.map { String($0.key) }.sorted() }
        return (frequent(given), frequent(transliteration))
    }

    /// `nt` words that name a kind of body, not one body (`人民法院` is any people's court): they
    /// end a name (`福建省人民检察院`) and are none alone.
    static let genericOrganizations: Set<String> = [
        "人民法院", "人民检察院", "人民政府", "联合政府", "党组织", "国家队", "人民军队", "中央国家机关", "地方政府",
        "高级人民法院", "中级人民法院", "基层党组织",
    ]

    /// Tags of proper names and abbreviations: such words keep their head.
    static let properTags: Set<Substring> = ["nt", "ns", "nr", "nrt", "nrfg", "nz", "j"]

    /// Tags of the closed word classes (adverbs, prepositions, conjunctions, pronouns, particles,
    /// interjections, modal particles).
    static let functionWordTags: Set<Substring> = ["d", "p", "c", "r", "u", "e", "y", "uj", "ul", "uz", "ud", "ug", "uv"]

    /// Tags of the names that may start an organisation's name besides places and organisations.
    static let otherProperTags: Set<Substring> = ["nr", "nrt", "nrfg", "nz", "j"]

    /// Tags of people's names: Chinese (`nr`), transliterated (`nrt`, `nrfg`).
    static let personTags: Set<Substring> = ["nr", "nrt", "nrfg"]

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

    /// Reads a names file (`TAG<TAB>word` lines, valid UTF-8). O(n), no `String` per line.
    package init(namesFile bytes: UnsafeBufferPointer<UInt8>) {
        fingerprint = ZhKit.fingerprint([Array(bytes)])
        let tags = Kinds.byTag.map { (Array($0.key.utf8), $0.value) }
        entries.reserveCapacity(bytes.count / 12)
        firstByHash.reserveCapacity(bytes.count / 12)
        storage.reserveCapacity(bytes.count / 3)
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var tab = lineStart
            while tab < lineEnd, bytes[tab] != 0x09 { tab += 1 }
            if tab < lineEnd, let kinds = tags.first(where: { $0.0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[lineStart..<tab])) })?.1 {
                let start = storage.count
                var offset = tab + 1
                var end = lineEnd
                if end > offset, bytes[end - 1] == 0x0D { end -= 1 }
                while offset < end {
                    let (scalar, length) = decodeScalarAndLength(bytes, at: offset)
                    storage.append(scalar)
                    offset += length
                }
                addLastWord(from: start, kinds)
            }
            lineStart = lineEnd + 1
        }
        addGrammarWords()
        buildSlots()
        buildCharacterTables()
    }

    /// Reads a names file's text.
    public init(namesFile text: String) {
        var text = text
        text.makeContiguousUTF8()
        self = text.utf8.withContiguousStorageIfAvailable { NameLists(namesFile: $0) } ?? NameLists(organizations: [], places: [])
    }

    /// The lists shipped with ZhKit, loaded once.
    public static let bundled: NameLists = {
        // The lists are part of the module: without them every name would silently go unfound,
        // so a missing file is a broken installation, said as such.
        guard let path = ResourceFiles.path(of: "names.txt", module: "ZhKitEntities"), let data = FileManager.default.contents(atPath: path)
        else { fatalError(ResourceFiles.missing("names.txt", module: "ZhKitEntities")) }
        return data.withUnsafeBytes { NameLists(namesFile: $0.bindMemory(to: UInt8.self)) }
    }()
}
