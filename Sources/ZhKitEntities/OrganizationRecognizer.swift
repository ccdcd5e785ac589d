import ZhKit

/// A token of the folded text: its range in folded characters.
struct FoldedToken {
    var range: Range<Int>
}

/// What the organisation grammar needs to know of a token, worked out once per token.
///
/// Its nineteen facts are bits of one word, so that a part's facts take 12 bytes a token
/// rather than 28 (a megabyte of text has some 300,000 tokens, on every thread at once).
struct TokenFacts {
    private var bits: UInt32 = 0
    /// The lists the token is in, where it was looked up (Han words and acronyms): the tagger's
    /// features read them again.
    var kinds: NameLists.Kinds?

    private func bit(_ index: UInt32) -> Bool { bits & (1 << index) != 0 }
    private mutating func set(_ index: UInt32, _ value: Bool) {
        if value { bits |= 1 << index } else { bits &= ~(1 << index) }
    }

    var isOrganization: Bool { get { bit(0) } set { set(0, newValue) } }
    /// A bare head (`政府`) or a word ending like a name (`公安部`).
    var isHead: Bool { get { bit(1) } set { set(1, newValue) } }
    /// A word ending like a name, with a name before its head.
    var isNamedHead: Bool { get { bit(2) } set { set(2, newValue) } }
    var isPlace: Bool { get { bit(3) } set { set(3, newValue) } }
    var isScope: Bool { get { bit(4) } set { set(4, newValue) } }
    var isBreaker: Bool { get { bit(5) } set { set(5, newValue) } }
    var isAdminUnit: Bool { get { bit(6) } set { set(6, newValue) } }
    /// Han characters only, or an acronym.
    var isNameText: Bool { get { bit(7) } set { set(7, newValue) } }
    var isEvent: Bool { get { bit(8) } set { set(8, newValue) } }
    var endsEventName: Bool { get { bit(9) } set { set(9, newValue) } }
    var isAcronym: Bool { get { bit(10) } set { set(10, newValue) } }
    var isProper: Bool { get { bit(11) } set { set(11, newValue) } }
    var isUnitedNations: Bool { get { bit(12) } set { set(12, newValue) } }
    var isOrganize: Bool { get { bit(13) } set { set(13, newValue) } }
    var isAssembly: Bool { get { bit(14) } set { set(14, newValue) } }
    var isAcronymHead: Bool { get { bit(15) } set { set(15, newValue) } }
    var isStrongHead: Bool { get { bit(16) } set { set(16, newValue) } }
    /// A kind of body (`有限公司`) or a word that only looks like a name (`统揽全局`): no name alone.
    var isGeneric: Bool { get { bit(17) } set { set(17, newValue) } }
    /// A word that only looks like a name (`统揽全局`, `精心组织`): no name ends in it.
    var isLookalike: Bool { get { bit(18) } set { set(18, newValue) } }

    var isAnchor: Bool { isOrganization || isNamedHead || isPlace || isScope || isAcronym }
}

/// Finds organisations (ANNOTATION.md, ORG): names the lexicon knows, names built on a head
/// (`荷兰政府`, `全球环境基金`, `西非国家经济共同体委员会`), acronyms in brackets after a name
/// (`联合国开发计划署（UNDP）`), abbreviations a text defines (`（以下简称为“联合国环境署”）`),
/// and every later occurrence of a name found once.
struct OrganizationRecognizer {
    let names: NameLists

    /// Words that end an organisation's name.
    static let heads: Set<String> = [
        "政府", "委员会", "秘书处", "理事会", "基金", "基金会", "组织", "银行", "公司", "联盟", "协会", "署", "局",
        "议会", "联合会", "伙伴关系", "集团", "研究所", "研究院", "大学", "学院", "办事处", "规划署", "计划署", "警署",
        "共同体", "小组", "网络", "中心", "学会", "医院", "学校", "小学", "中学", "出版社", "报社", "电视台", "电台", "剧院",
        "艺术团", "合唱团", "乐团", "公证处", "档案馆", "博物馆", "图书馆", "俱乐部", "工厂", "大使馆", "使馆", "领事馆",
        "总领事馆", "代表处", "代表团", "男排", "女排", "男篮", "女篮", "男足", "女足", "球队", "法院", "检察院", "国务院", "人大", "常委会", "代表大会",
    ]

    /// Endings that make a word an organisation (`公安部`, `玉溪卷烟厂`, `北京市杂文学会`).
    static let headSuffixes: [String] = [
        "委员会", "协会", "学会", "联合会", "理事会", "商会", "总会", "工会", "议会", "联谊会", "基金会", "同乡会", "促进会",
        "研究会", "公司", "集团", "银行", "大学", "学院", "中学", "小学", "医院", "法院", "检察院", "研究院", "科学院",
        "研究所", "设计院", "事务所", "国务院", "政府", "组织", "联盟", "基金", "秘书处", "办事处", "联络处", "公证处",
        "大使馆", "使馆", "领事馆", "出版社", "报社", "杂志社", "通讯社", "电视台", "电台", "俱乐部", "代表团",
        "卷烟厂", "工厂", "分公司", "总公司", "有限公司", "股份公司", "集团公司", "共产党", "民主党", "工党",
        "警署", "中心", "部", "局", "委", "厅", "社", "厂", "队", "司",
    ]

    /// Generic words that make no name before a head (`有限公司`, `集团公司` alone are no names).
    static let genericModifiers: Set<String> = [
        "有限", "股份", "集团", "总", "分", "该", "这", "本", "我", "其", "各", "有关", "相关", "人民", "国家", "中西", "村干",
        "机关干", "这个", "那个", "一个", "活动", "服务", "研究", "数据", "工作",
    ]

    /// Words that end like an organisation but are none.
    static let notOrganizations: Set<String> = Set([
        "全部", "内部", "外部", "局部", "干部", "部分", "东部", "西部", "南部", "北部", "中部", "中西部", "总部", "本部",
        "结局", "格局", "布局", "大局", "当局", "全局", "社会", "机会", "大会", "晚会", "音乐会", "宴会", "舞会", "会",
        "国会", "开会", "约会", "学会", "知道", "方面", "全国", "军队", "部队", "团队", "队伍", "球队", "所以", "场所",
        "厕所", "住所", "处所", "研究所", "进行", "银行", "执行", "实行", "举行", "旅行", "运行", "发行", "流行", "行",
        "公司", "上司", "官司", "集团", "社团", "团", "党", "政党", "国务院", "医院", "学院", "法院", "剧院", "庭院",
        "大院", "委", "部", "局", "厅", "署", "办", "厂", "社", "军", "队", "所", "司", "院", "会",
    ]).subtracting(["国务院", "研究所", "研究院", "银行", "公司", "集团", "医院", "学院", "法院"])

    /// Head suffixes as scalars, by their last scalar.
    static let suffixesByLast: [UInt32: [[UInt32]]] = Dictionary(grouping: headSuffixes.map { $0.unicodeScalars.map(\.value) }, by: { $0.last! })

    /// Endings of words that are parts or places, not bodies (`干部`, `东部`).
    static let partEndings: [[UInt32]] = ["干部", "内部", "外部", "全部", "局部", "总部", "本部", "西部", "东部", "南部", "北部", "中部", "常委"]
        .map { $0.unicodeScalars.map(\.value) }

    /// Hashes of word lists the head test looks words up in (64-bit FNV-1a, as `NameLists`).
    static let notOrganizationHashes = Set(notOrganizations.map { NameLists.hash($0.unicodeScalars.map(\.value)) })
    static let nameExclusionHashes = Set((genericModifiers.union(headSuffixes)).map { NameLists.hash($0.unicodeScalars.map(\.value)) })

    /// Whether `word` ends like an organisation's name (`公安部`, `玉溪卷烟厂`) and is not a common
    /// word that only looks so: a head suffix after a name of two characters or more that is
    /// no generic word. O(length × suffixes sharing the last character); no allocation.
    static func isHeadWord(_ word: ArraySlice<UInt32>) -> Bool {
        guard word.count >= 3, let last = word.last, let suffixes = suffixesByLast[last] else { return false }
        guard !notOrganizationHashes.contains(NameLists.hash(word)), !partEndings.contains(where: { word.ends(with: $0) }) else { return false }
        for suffix in suffixes where word.count > suffix.count && word.ends(with: suffix) {
            let name = word.dropLast(suffix.count)
            if name.count >= 2, !nameExclusionHashes.contains(NameLists.hash(name)) { return true }
        }
        return false
    }

    static func isHeadWord(_ word: String) -> Bool {
        isHeadWord(word.unicodeScalars.map(\.value)[...])
    }

    /// 十 百 千 万 年 月 日 号: with Chinese digits, they make a number or a date.
    static let dateScalars: Set<UInt32> = [0x5341, 0x767E, 0x5343, 0x4E07, 0x5E74, 0x6708, 0x65E5, 0x53F7]

    /// Administrative units that may sit between a place and an organisation (`福州市 鼓楼区`).
    static let adminUnits: Set<String> = ["省", "市", "县", "区", "镇", "乡", "村", "州", "自治区", "特别行政区"]

    /// Heads strong enough to make a name of the words before them without a place or a known
    /// name at its start (`净零资产所有者联盟`, `油气甲烷伙伴关系`).
    static let strongHeads: Set<String> = ["联盟", "伙伴关系", "基金", "基金会", "委员会", "组织", "协会", "理事会", "联合会"]

    /// Words that make an organisation after an acronym (`UN-REDD方案`).
    static let acronymHeads: Set<String> = ["方案", "倡议", "计划", "基金", "中心", "网络", "联盟"]

    /// Words an organisation's name may start with besides a place or an organisation.
    static let scopes: Set<String> = ["全球", "国际", "世界", "亚洲", "非洲", "欧洲", "美洲", "国家", "地区", "欧盟", "联合国", "中央", "中国"]

    /// Words after a name that make it part of an event, report or day (ANNOTATION.md rule 5).
    static let eventWords: Set<String> = ["峰会", "会议", "论坛", "报告", "日", "十年", "公约", "议程", "协定", "年会", "周"]
    /// Event words that end a longer name (`联合国 生物多样性 峰会`); reports and days only count
    /// right after the name, since verbs come between a name and what it publishes.
    static let eventNameEnds: Set<String> = ["峰会", "会议", "论坛", "十年", "年会"]

    /// Words that never sit inside a name.
    static let breakers: Set<String> = [
        "的", "和", "与", "及", "以及", "等", "在", "是", "了", "对", "为", "以", "将", "由", "向", "从", "把", "被", "也", "都",
        "并", "或", "其", "兼", "使", "让", "同", "跟", "各", "之", "这", "该", "其他", "所有", "这种", "这个", "这些",
        "那些", "一种", "各种", "此", "有关", "相关", "一些", "有些", "许多", "没有", "参加", "参与", "接受", "受到", "获得", "得到", "会见", "访问", "他们", "我们", "你们", "她们", "它们", "大家", "自己", "通过", "包括", "支持", "加入", "成立", "建立", "发起", "领导", "组建",
    ]

    /// What the grammar needs to know of a token: one hash look-up, no `String` made.
    func facts(of token: FoldedToken, in s: [UInt32]) -> TokenFacts {
        var facts = TokenFacts()
        let scalars = s[token.range]
        facts.isAcronym = Self.isAcronym(scalars)
        facts.isNameText = facts.isAcronym || scalars.allSatisfy(CharacterClass.isHan)
        guard facts.isNameText else { return facts }
        let kinds = names.kinds(of: s, token.range)
        facts.kinds = kinds
        facts.isOrganization = kinds.contains(.organization)
        facts.isPlace = kinds.contains(.place)
        facts.isScope = kinds.contains(.scope)
        // Numerals and dates written in Chinese (`一月十三日`) are no part of a name either.
        facts.isBreaker = kinds.contains(.breaker) || scalars.allSatisfy { Numeral.chineseDigit($0) != nil || Self.dateScalars.contains($0) }
        facts.isAdminUnit = kinds.contains(.adminUnit)
        facts.isProper = kinds.contains(.proper)
        facts.isUnitedNations = kinds.contains(.unitedNations)
        facts.isOrganize = kinds.contains(.organize)
        facts.isAssembly = kinds.contains(.assembly)
        facts.isAcronymHead = kinds.contains(.acronymHead)
        facts.isStrongHead = kinds.contains(.strongHead)
        facts.isEvent = kinds.contains(.event)
        facts.endsEventName = kinds.contains(.eventNameEnd)
        facts.isGeneric = kinds.contains(.common) || kinds.contains(.category)
        facts.isLookalike = kinds.contains(.common)
        if kinds.contains(.common) { return facts }
        facts.isNamedHead = !kinds.contains(.category) && Self.isHeadWord(scalars)
        facts.isHead = facts.isNamedHead || kinds.contains(.head) || kinds.contains(.category)
        return facts
    }

    /// What the grammar finds in a text.
    struct Findings {
        var candidates: [Candidate]
        /// What the grammar knows of each token.
        var facts: [TokenFacts]
        /// Numbered sessions (`第五届联合国环境大会`): nothing inside them is a name (rule 5).
        var sessions: [Range<Int>]
    }

    /// The organisations of `s`, what the grammar knows of each token, and the sessions.
    func findings(in s: [UInt32], tokens: [FoldedToken], insideTitle: [Bool]) -> Findings {
        let facts = tokens.map { self.facts(of: $0, in: s) }
        let (found, sessions) = candidates(in: s, tokens: tokens, facts: facts, insideTitle: insideTitle)
        return Findings(candidates: found, facts: facts, sessions: sessions)
    }

    /// A name the tagger found, held to ANNOTATION.md's rules as the grammar's own are: nothing
    /// inside a title or a numbered session; no organisation that runs into an event's name
    /// (rule 5) or that is a numbered session; function words at the start left out
    /// (`与 粮食及农业组织`); a kind of body alone (`有限公司`) is none. `nil` when nothing is left.
    func vet(_ candidate: Candidate, in s: [UInt32], tokens: [FoldedToken], findings: Findings, insideTitle: [Bool]) -> Candidate? {
        var range = candidate.range
        let facts = findings.facts
        guard !insideTitle[range.lowerBound], !findings.sessions.contains(where: { $0.overlaps(range) }) else { return nil }
        // A name in Latin letters alone is capitalised and holds no `%` or `/`: lower-case words
        // and pieces of URLs that a PDF's line wraps cut loose (`blue-championing-coastal-`) are
        // none.
        if !s[range].contains(where: { CharacterShape($0) == .han }) {
            guard CharacterShape(s[range.lowerBound]) == .upper,
                s[range].allSatisfy({ CharacterShape($0).isAlphanumeric || CharacterShape($0) == .middleDot || $0 == 0x20 || $0 == 0x2D || $0 == 0x2E || $0 == 0x27 || $0 == 0x26 })
            else { return nil }
        }
        guard candidate.label == .org else { return candidate }
        // Leading function words that are whole tokens inside the span.
        var first = tokenStartingAt(range.lowerBound, tokens)
        while let index = first, facts[index].isBreaker, tokens[index].range.upperBound < range.upperBound {
            range = tokens[index].range.upperBound..<range.upperBound
            first = index + 1 < tokens.count && tokens[index + 1].range.lowerBound == range.lowerBound ? index + 1 : nil
        }
        if let index = first, tokens[index].range == range, facts[index].isGeneric { return nil }
        if let last = tokenEndingAt(range.upperBound, tokens), facts[last].isLookalike || isFollowedByEvent(tokens, facts, after: last) { return nil }
        if range.lowerBound > 0, s[range.lowerBound - 1] == 0x5C4A || s[range.lowerBound - 1] == 0x6B21, s[range.upperBound - 1] == 0x4F1A {
            return nil  // 届 次 … 会: a numbered session
        }
        return Candidate(range: range, label: .org, value: nil)
    }

    /// The index of the token that starts at `start`, by binary search. O(log n).
    func tokenStartingAt(_ start: Int, _ tokens: [FoldedToken]) -> Int? {
        Self.token(at: start, tokens, bound: \.lowerBound)
    }

    func candidates(in s: [UInt32], tokens: [FoldedToken], facts: [TokenFacts], insideTitle: [Bool]) -> (found: [Candidate], sessions: [Range<Int>]) {
        var found: [Candidate] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard !insideTitle[token.range.lowerBound] else {
                index += 1
                continue
            }
            if let (range, nextIndex) = name(at: index, tokens: tokens, facts: facts, in: s) ?? headedName(at: index, tokens: tokens, facts: facts, in: s)
                ?? properName(at: index, tokens: tokens, facts: facts)
            {
                found.append(Candidate(range: range, label: .org, value: nil))
                index = nextIndex
                continue
            }
            index += 1
        }
        found += quotedNames(in: s, tokens: tokens, facts: facts)
        // A transliterated name before the head (`艾伦·麦克阿瑟基金会`): the name's first part,
        // one token before the middle dot, belongs to it.
        for (position, candidate) in found.enumerated() {
            let start = candidate.range.lowerBound
            guard start >= 2, Self.middleDots.contains(s[start - 1]), let before = tokenEndingAt(start - 1, tokens),
                facts[before].isNameText, !facts[before].isBreaker, tokens[before].range.count >= 2 || before == 0 || !facts[before - 1].isNameText
            else { continue }
            found[position].range = tokens[before].range.lowerBound..<candidate.range.upperBound
        }
        // Acronyms and abbreviations defined right after a name.
        var defined: [Candidate] = []
        for candidate in found {
            defined += definitions(after: candidate.range.upperBound, in: s)
        }
        found += defined
        // Every occurrence of a name found once: names by first character, token ends by position.
        var namesByFirst: [UInt32: [[UInt32]]] = [:]
        for candidate in found {
            let scalars = Array(s[candidate.range])
            if !(namesByFirst[scalars[0]]?.contains(scalars) ?? false) { namesByFirst[scalars[0], default: []].append(scalars) }
        }
        var tokenEndingAt = [Int32](repeating: -1, count: s.count + 1)
        for (position, token) in tokens.enumerated() { tokenEndingAt[token.range.upperBound] = Int32(position) }
        var covered = Set(found.map(\.range))
        for token in tokens where !insideTitle[token.range.lowerBound] {
            guard let candidates = namesByFirst[s[token.range.lowerBound]] else { continue }
            for scalars in candidates {
                let end = token.range.lowerBound + scalars.count
                guard end <= s.count, s[token.range.lowerBound..<end].elementsEqual(scalars) else { continue }
                // The name must end at a token boundary, and not be part of an event's name.
                let last = Int(tokenEndingAt[end])
                guard last >= 0, !isFollowedByEvent(tokens, facts, after: last) else { continue }
                let range = token.range.lowerBound..<end
                if covered.insert(range).inserted { found.append(Candidate(range: range, label: .org, value: nil)) }
            }
        }
        // A numbered body (`九届 全国政协`): the body is the name; the count stays out.
        for (position, candidate) in found.enumerated() {
            var start = candidate.range.lowerBound
            while start < candidate.range.upperBound, Numeral.chineseDigit(s[start]) != nil || s[start] == 0x5341 { start += 1 }  // 十
            if start > candidate.range.lowerBound, start + 2 < candidate.range.upperBound, s[start] == 0x5C4A {  // 届
                found[position].range = (start + 1)..<candidate.range.upperBound
            }
        }
        // A numbered session is no standing body (`第五届 联合国环境大会`), and nothing inside its
        // name is tagged (rule 5).
        let sessions = found.filter { candidate in
            let start = candidate.range.lowerBound
            return start > 0 && (s[start - 1] == 0x5C4A || s[start - 1] == 0x6B21) && s[candidate.range.upperBound - 1] == 0x4F1A  // 届 次 … 会
        }.map(\.range)
        if !sessions.isEmpty {
            found.removeAll { candidate in sessions.contains { $0.overlaps(candidate.range) } }
        }
        return (found, sessions)
    }

    /// Middle dots between the parts of a transliterated name: · ・ • ‧.
    static let middleDots: Set<UInt32> = [0xB7, 0x30FB, 0x2022, 0x2027, 0xFF65]

    /// The index of the token that ends at `end`, by binary search. O(log n).
    func tokenEndingAt(_ end: Int, _ tokens: [FoldedToken]) -> Int? {
        Self.token(at: end, tokens, bound: \.upperBound)
    }

    /// The index of the token whose `bound` is `position`, by binary search over tokens in
    /// order. O(log n).
    static func token(at position: Int, _ tokens: [FoldedToken], bound: KeyPath<Range<Int>, Int>) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range[keyPath: bound] < position { low = middle + 1 } else { high = middle }
        }
        return low < tokens.count && tokens[low].range[keyPath: bound] == position ? low : nil
    }

    /// The organisation name starting at token `index`, and the token after it.
    func name(at index: Int, tokens: [FoldedToken], facts: [TokenFacts], in s: [UInt32]) -> (Range<Int>, Int)? {
        let first = facts[index]
        guard first.isAnchor else { return nil }
        // Extend to a head within five more tokens: `西非 国家 经济 共同体 委员会`.
        var best: Int? = first.isOrganization || first.isNamedHead ? index : nil
        var onlyPlaces = true  // every token so far is a place or an administrative unit
        var j = index + 1
        // A complete name goes on only into a name of its own (`联合国环境规划署 世界保护监测中心`),
        // not into a sentence (`联合国环境署 很 高兴 受到 粮农组织`).
        // 联合国 starts many names (`联合国环境大会`) and goes on into words of two characters or more.
        let isUnitedNations = first.isUnitedNations
        if first.isOrganization, j < tokens.count, !(facts[j].isHead || facts[j].isPlace || facts[j].isOrganization || facts[j].isScope),
            !(isUnitedNations && tokens[j].range.count >= 2)
        {
            j = tokens.count
        }
        if first.isAcronym, j < tokens.count, tokens[j].range.lowerBound == tokens[index].range.upperBound,
            facts[j].isAcronymHead
        {
            best = j
        }
        while j < tokens.count, j <= index + 5 {
            let fact = facts[j]
            guard tokens[j].range.lowerBound == tokens[j - 1].range.upperBound, !fact.isBreaker, fact.isNameText,
                !isUnitedNations || tokens[j].range.count >= 2
            else { break }
            // A head ends a name; so does a known organisation right after places only
            // (`福建省 人民检察院`, `联合国 粮农组织`), not one further on (`联合国副秘书长兼联合国…`).
            // 组织 right after places is mostly the verb (`全国 组织 实施`).
            let isVerbAfterPlaces = onlyPlaces && fact.isOrganize
            if (fact.isHead && !isVerbAfterPlaces) || (onlyPlaces && fact.isOrganization) { best = j }
            // A head split in two tokens (`伙伴 关系`).
            if j + 1 < tokens.count, tokens[j + 1].range.lowerBound == tokens[j].range.upperBound,
                names.kinds(of: s, tokens[j].range.lowerBound..<tokens[j + 1].range.upperBound).contains(.head)
            {
                best = j + 1
                j += 1
            }
            // 大会 is a standing body after 联合国 (`联合国环境大会`), not a numbered session.
            if fact.isAssembly, isUnitedNations { best = j }
            onlyPlaces = onlyPlaces && (fact.isPlace || fact.isAdminUnit)
            j += 1
        }
        guard let last = best else { return nil }
        // A name that goes on into an event, a report or a day is no organisation here
        // (`联合国生物多样性峰会`): nothing inside such a name is tagged.
        if isFollowedByEvent(tokens, facts, after: last) { return nil }
        var start = tokens[index].range.lowerBound
        // `UN-REDD`: an acronym cut at a hyphen is one.
        if first.isAcronym, index >= 2, tokens[index - 1].range.count == 1, s[tokens[index - 1].range.lowerBound] == 0x2D,  // -
            tokens[index - 1].range.upperBound == start, tokens[index - 2].range.upperBound == tokens[index - 1].range.lowerBound,
            s[tokens[index - 2].range].allSatisfy({ (0x41...0x5A).contains($0) })
        {
            start = tokens[index - 2].range.lowerBound
        }
        return (start..<tokens[last].range.upperBound, last + 1)
    }

    /// A name with no known start that ends in a strong head, right after a boundary:
    /// `净零资产所有者联盟`, `油气甲烷伙伴关系`. Every word before the head has two characters or more.
    func headedName(at index: Int, tokens: [FoldedToken], facts: [TokenFacts], in s: [UInt32]) -> (Range<Int>, Int)? {
        let start = tokens[index].range.lowerBound
        // A boundary before: the text's start, a gap, punctuation or a breaker word.
        if index > 0, tokens[index - 1].range.upperBound == start, facts[index - 1].isNameText, !facts[index - 1].isBreaker { return nil }
        var j = index
        while j < tokens.count, j <= index + 4 {
            guard j == index || tokens[j].range.lowerBound == tokens[j - 1].range.upperBound else { return nil }
            // 组织 after one word is mostly the verb (`精心 组织`); a name has two before it (`世界 卫生 组织`).
            if j > index, !facts[j].isOrganize || j >= index + 2 {
                if facts[j].isStrongHead { return (start..<tokens[j].range.upperBound, j + 1) }
                if j + 1 < tokens.count, tokens[j + 1].range.lowerBound == tokens[j].range.upperBound,
                    names.kinds(of: s, tokens[j].range.lowerBound..<tokens[j + 1].range.upperBound).contains(.strongHead)
                {
                    return (start..<tokens[j + 1].range.upperBound, j + 2)
                }
            }
            // A place or a known name inside: the name starts there, and `name(at:)` finds it.
            guard facts[j].isNameText, !facts[j].isBreaker, !facts[j].isAcronym, tokens[j].range.count >= 2,
                j == index || !(facts[j].isPlace || facts[j].isScope || facts[j].isOrganization)
            else { return nil }
            j += 1
        }
        return nil
    }

    /// A proper name right before a head, or one word before it: `李宁 集团`, `华广 公司`,
    /// `玉溪 卷烟厂`, `晋察冀 中央局`.
    func properName(at index: Int, tokens: [FoldedToken], facts: [TokenFacts]) -> (Range<Int>, Int)? {
        guard facts[index].isProper, tokens[index].range.count >= 2 else { return nil }
        var j = index + 1
        while j < tokens.count, j <= index + 2, tokens[j].range.lowerBound == tokens[j - 1].range.upperBound {
            let fact = facts[j]
            if fact.isHead, !fact.isOrganize {
                if isFollowedByEvent(tokens, facts, after: j) { return nil }
                return (tokens[index].range.lowerBound..<tokens[j].range.upperBound, j + 1)
            }
            guard fact.isNameText, !fact.isBreaker, !fact.isAcronym, tokens[j].range.count >= 2 else { return nil }
            j += 1
        }
        return nil
    }

    /// Names with a quoted or titled part before their head: `“为地球而玩”联盟`,
    /// `《生物多样性公约》秘书处` (ANNOTATION.md rule 6: the marks are part of the name).
    func quotedNames(in s: [UInt32], tokens: [FoldedToken], facts: [TokenFacts]) -> [Candidate] {
        var found: [Candidate] = []
        let pairs: [UInt32: UInt32] = [0x201D: 0x201C, 0x300B: 0x300A, 0x300D: 0x300C]  // ” “, 》 《, 」 「
        for (position, token) in tokens.enumerated() where facts[position].isHead {
            let start = token.range.lowerBound
            guard start > 0, let open = pairs[s[start - 1]] else { continue }
            var k = start - 2
            while k >= 0, k > start - 30, s[k] != open { k -= 1 }
            guard k >= 0, s[k] == open, k < start - 2 else { continue }
            found.append(Candidate(range: k..<token.range.upperBound, label: .org, value: nil))
        }
        return found
    }

    /// Whether the Han words right after token `last` run into an event, report or day word
    /// within four words.
    func isFollowedByEvent(_ tokens: [FoldedToken], _ facts: [TokenFacts], after last: Int) -> Bool {
        if last + 1 < tokens.count, facts[last + 1].isEvent { return true }
        var j = last + 1
        while j < tokens.count, j <= last + 4, tokens[j].range.lowerBound == tokens[j - 1].range.upperBound {
            let fact = facts[j]
            if fact.endsEventName { return true }
            guard !fact.isBreaker, !fact.isHead, fact.isNameText, !fact.isAcronym else { return false }
            j += 1
        }
        return false
    }

    /// `（UNDP）`, `（以下简称“联合国环境署”）`, `（以下简称为“UNEP”）` right after a name.
    func definitions(after end: Int, in s: [UInt32]) -> [Candidate] {
        guard end < s.count, s[end] == 0xFF08 || s[end] == 0x28 else { return [] }
        var close = end + 1
        while close < s.count, close < end + 40, s[close] != 0xFF09, s[close] != 0x29 { close += 1 }
        guard close < s.count, close < end + 40 else { return [] }
        let inside = Array(s[(end + 1)..<close])
        let text = String(String.UnicodeScalarView(inside.compactMap(Unicode.Scalar.init)))
        if Self.isAcronym(text) || Self.isEnglishName(inside) {
            return [Candidate(range: (end + 1)..<close, label: .org, value: nil)]
        }
        // 以下简称（为）“X” or 简称“X”: the name in quotes.
        guard text.contains("简称"), let open = inside.firstIndex(where: { $0 == 0x201C || $0 == 0x300C || $0 == 0x22 }) else { return [] }
        guard let quoteEnd = inside[(open + 1)...].firstIndex(where: { $0 == 0x201D || $0 == 0x300D || $0 == 0x22 }), quoteEnd > open + 1 else { return [] }
        return [Candidate(range: (end + 1 + open + 1)..<(end + 1 + quoteEnd), label: .org, value: nil)]
    }

    /// An English name in brackets after a Chinese one (`（Cool Coalition）`): two to eight
    /// words of ASCII letters, each capitalised but for the small words of names (of, and, for,
    /// the, on, in).
    static func isEnglishName(_ scalars: [UInt32]) -> Bool {
        let words = scalars.split(separator: 0x20)
        guard (2...8).contains(words.count), words.joined().count + words.count - 1 == scalars.count else { return false }
        let smallWords: Set<[UInt32]> = Set(["of", "and", "for", "the", "on", "in", "&"].map { $0.unicodeScalars.map(\.value) })
        return words.allSatisfy { word in
            if smallWords.contains(Array(word)) { return true }
            guard let first = word.first, (0x41...0x5A).contains(first) else { return false }
            return word.allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2D || $0 == 0x27 || $0 == 0x2E }
        } && (0x41...0x5A).contains(words[0].first!)
    }

    static func isAcronym(_ scalars: ArraySlice<UInt32>) -> Bool {
        guard (2...12).contains(scalars.count) else { return false }
        var capitals = 0
        for scalar in scalars {
            if (0x41...0x5A).contains(scalar) {
                capitals += 1
            } else if !(0x30...0x39).contains(scalar), scalar != 0x2D {
                return false
            }
        }
        return capitals >= 2
    }

    /// An acronym: two to twelve ASCII capitals, digits and hyphens, with at least two capitals.
    static func isAcronym(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard (2...12).contains(scalars.count) else { return false }
        let capitals = scalars.filter { (0x41...0x5A).contains($0.value) }.count
        return capitals >= 2 && scalars.allSatisfy { (0x41...0x5A).contains($0.value) || (0x30...0x39).contains($0.value) || $0 == "-" }
    }

    /// Which positions lie inside 《…》: treaty, report and book titles, where nothing is tagged
    /// but years and ordinals.
    static func bookTitleMask(_ s: [UInt32]) -> [Bool] {
        var mask = [Bool](repeating: false, count: s.count + 1)
        var depth = 0
        for (index, scalar) in s.enumerated() {
            if scalar == 0x300A { depth += 1 }
            mask[index] = depth > 0
            if scalar == 0x300B, depth > 0 { depth -= 1 }
        }
        return mask
    }
}

extension ArraySlice where Element == UInt32 {
    /// Whether the slice ends with `suffix`. O(suffix length).
    func ends(with suffix: [UInt32]) -> Bool {
        guard count >= suffix.count else { return false }
        return self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
