/// The words that turn a number into a kind of entity, with their normalised units.
enum Vocabulary {
    /// Currencies and their ISO 4217 codes, longest first where one is the other's suffix.
    static let currencies: [(String, String)] = [
        ("美元", "USD"), ("美金", "USD"), ("欧元", "EUR"), ("英镑", "GBP"), ("日元", "JPY"), ("日圆", "JPY"), ("港元", "HKD"),
        ("港币", "HKD"), ("人民币", "CNY"), ("元人民币", "CNY"), ("澳元", "AUD"), ("加元", "CAD"), ("瑞士法郎", "CHF"),
        ("卢布", "RUB"), ("卢比", "INR"), ("韩元", "KRW"), ("新台币", "TWD"), ("台币", "TWD"), ("泰铢", "THB"), ("新加坡元", "SGD"),
        ("新西兰元", "NZD"), ("澳门元", "MOP"), ("澳门币", "MOP"), ("印尼盾", "IDR"), ("越南盾", "VND"), ("林吉特", "MYR"),
        ("菲律宾比索", "PHP"), ("墨西哥比索", "MXN"), ("兰特", "ZAR"), ("瑞典克朗", "SEK"), ("挪威克朗", "NOK"), ("丹麦克朗", "DKK"),
        ("里拉", "TRY"), ("雷亚尔", "BRL"), ("迪拉姆", "AED"), ("沙特里亚尔", "SAR"), ("新谢克尔", "ILS"), ("埃及镑", "EGP"),
        ("印度卢比", "INR"), ("俄罗斯卢布", "RUB"), ("巴基斯坦卢比", "PKR"), ("比索", "MXN"), ("缅元", "MMK"),
        ("瑞郎", "CHF"), ("法郎", "CHF"), ("先令", "KES"), ("奈拉", "NGN"), ("格里夫纳", "UAH"), ("坚戈", "KZT"),
        ("特别提款权", "XDR"), ("比特币", "XBT"),
        // Cantonese: Hong Kong's dollar (`五十蚊`, `港纸`).
        ("蚊", "HKD"), ("港纸", "HKD"),
        ("元", "CNY"), ("圆", "CNY"), ("块钱", "CNY"),
    ]

    /// Currency signs written before an amount (`$9.99`, `HK$300`, `£20`, `￥50`): ISO 4217 codes.
    /// `¥` and `￥` are the yuan's in Chinese text.
    static let currencySigns: [(String, String)] = [
        ("$", "USD"), ("US$", "USD"), ("＄", "USD"), ("HK$", "HKD"), ("NT$", "TWD"), ("S$", "SGD"), ("A$", "AUD"), ("C$", "CAD"),
        ("£", "GBP"), ("€", "EUR"), ("¥", "CNY"), ("￥", "CNY"), ("₩", "KRW"), ("₹", "INR"), ("RMB", "CNY"), ("USD", "USD"),
        ("EUR", "EUR"), ("CNY", "CNY"),
    ]

    /// Currencies written before their amount (`港币两千九百六十元`, `人民币100元`): names of
    /// `currencies`, with their codes from there.
    static let currencyPrefixes: [(String, String)] = currencies.filter {
        ["人民币", "港币", "港元", "美元", "美金", "欧元", "日元", "新台币", "台币", "澳门币"].contains($0.0)
    } + currencySigns.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }  // `HK$` before `$`

    /// Units written in Latin letters right after digits (`2cm`, `1.5kg`, `100ml`), UCUM codes.
    static let latinUnits: [(String, String)] = [
        ("km²", "km2"), ("m²", "m2"), ("km/h", "km/h"), ("kWh", "kW.h"), ("kW", "kW"), ("MW", "MW"), ("GW", "GW"), ("km", "km"),
        ("cm", "cm"), ("mm", "mm"), ("kg", "kg"), ("mg", "mg"), ("ml", "mL"), ("mL", "mL"), ("m", "m"), ("g", "g"), ("L", "L"),
        ("ha", "har"), ("°F", "[degF]"), ("kcal", "kcal"), ("cal", "cal"), ("mAh", "mA.h"), ("kV", "kV"), ("V", "V"), ("W", "W"),
        ("Hz", "Hz"), ("GHz", "GHz"), ("MHz", "MHz"), ("dB", "dB"), ("nm", "nm"), ("μm", "um"), ("cm²", "cm2"), ("m³", "m3"),
        ("GB", "GBy"), ("MB", "MBy"), ("TB", "TBy"), ("KB", "kBy"), ("kB", "kBy"), ("lb", "[lb_av]"), ("oz", "[oz_av]"),
        ("ft", "[ft_i]"), ("mph", "[mi_i]/h"), ("kPa", "kPa"), ("MPa", "MPa"),
    ]

    /// Units of measure and their UCUM codes.
    static let units: [(String, String)] = [
        ("°C", "Cel"), ("℃", "Cel"), ("摄氏度", "Cel"), ("公顷", "har"), ("平方公里", "km2"), ("平方千米", "km2"),
        ("平方米", "m2"), ("立方米", "m3"), ("公里", "km"), ("千米", "km"), ("厘米", "cm"), ("毫米", "mm"), ("米", "m"),
        ("公斤", "kg"), ("千克", "kg"), ("毫克", "mg"), ("克", "g"), ("吨", "t"), ("毫升", "mL"), ("升", "L"),
        ("千瓦时", "kW.h"), ("千瓦", "kW"), ("兆瓦", "MW"), ("吉瓦", "GW"), ("英亩", "[acr_us]"), ("海里", "[nmi_i]"),
        ("亩", "[mu_cn]"), ("公分", "cm"), ("公尺", "m"), ("公升", "L"), ("英尺", "[ft_i]"), ("英寸", "[in_i]"), ("英里", "[mi_i]"),
        ("加仑", "[gal_us]"), ("华氏度", "[degF]"), ("千米每小时", "km/h"), ("公里每小时", "km/h"),
        ("伏特", "V"), ("伏", "V"), ("千伏", "kV"), ("瓦特", "W"), ("瓦", "W"), ("安培", "A"), ("毫安", "mA"), ("毫安时", "mA.h"),
        ("赫兹", "Hz"), ("千赫", "kHz"), ("兆赫", "MHz"), ("分贝", "dB"), ("千卡", "kcal"), ("大卡", "kcal"), ("卡路里", "cal"),
        ("焦耳", "J"), ("千焦", "kJ"), ("帕", "Pa"), ("千帕", "kPa"), ("兆帕", "MPa"), ("光年", "[ly]"), 
        ("磅", "[lb_av]"), ("盎司", "[oz_av]"), ("纳米", "nm"), ("微米", "um"), ("平方厘米", "cm2"), ("立方厘米", "cm3"),
        ("马力", "[HP]"), ("克拉", "[car_m]"), ("兆字节", "MBy"), ("千字节", "kBy"),
    ]

    /// Classifiers that count: a number with one is CARDINAL, classifier included.
    static let classifiers: Set<String> = [
        // Things counted, containers and measures (杯 册 封 页 根 …); 国, 人 are nouns (rule 12).
        "个", "家", "项", "名", "位", "种", "次", "倍", "座", "条", "件", "类", "批", "所", "台", "辆", "架", "艘", "只", "头", "株", "棵",
        "部", "份", "篇", "本", "场", "届", "支", "组", "对", "套", "张", "块", "片", "处", "户", "起", "段", "轮", "层", "级", "点", "份儿",
        "笔", "首", "门", "例", "颗", "枚", "粒", "层次", "杯", "册", "封", "页", "根", "匹", "口", "间", "栋", "幢", "扇", "把", "双", "副",
        "瓶", "碗", "盒", "包", "袋", "箱", "桶", "罐", "盘", "碟", "串", "束", "朵", "顿", "趟", "遍", "回", "声", "眼", "拳",
        "脚", "步", "票", "卷", "幅", "帧", "集", "章", "节", "句", "列", "款", "宗", "桩", "席", "辈", "尾", "堆", "群", "伙", "帮", "排",
        "班", "人次", "吨次", "架次", "艘次", "餐", "剂", "针", "枪", "局", "球", "圈", "项次",
    ]

    /// Nouns a single numeral counts directly (`两国`, `三人`, `两岸`): the numeral alone is
    /// CARDINAL, the noun stays out (ANNOTATION.md rule 12).
    static let countedNouns: Set<UInt32> = Set("国人岸地院党军方队省市县校".unicodeScalars.map(\.value))

    /// First characters of the classifiers, to skip the look-up after most numbers.
    static let classifierScalars: Set<UInt32> = Set(classifiers.map { $0.unicodeScalars.first!.value })

    /// Words that follow a number as a multiplier of what comes next (`三大`): the number is
    /// CARDINAL, the word stays out.
    static let multipliers: Set<UInt32> = [0x5927]  // 大

    /// Words that are dates by themselves (relative, frequency, demonstrative periods).
    static let dateWords: [(String, EntityValue?)] = [
        ("本世纪", nil), ("上世纪", nil), ("今年", nil), ("去年", nil), ("明年", nil), ("前年", nil), ("后年", nil),
        ("近年来", nil), ("本年度", nil), ("多年来", nil), ("这一年", nil), ("新的一年", nil),
        ("今天", nil), ("昨天", nil), ("明天", nil), ("本月", nil), ("上个月", nil), ("下个月", nil), ("当年", nil),
        // Annual and frequency words: one of the period (rule 10).
        ("每年", .period(Period(1, .years))), ("年度", .period(Period(1, .years))), ("每月", .period(Period(1, .months))),
        ("每天", .period(Period(1, .days))), ("每周", .period(Period(1, .weeks))),
        // Parts of a year, seasons, and nearby days and weeks.
        ("年底", nil), ("年初", nil), ("年末", nil), ("年中", nil), ("上半年", nil), ("下半年", nil), ("上年", nil),
        ("去年底", nil), ("去年初", nil), ("今年底", nil), ("今年初", nil), ("明年初", nil), ("明年底", nil),
        ("春夏", nil), ("秋冬", nil), ("春季", nil), ("夏季", nil), ("秋季", nil), ("冬季", nil), ("春天", nil), ("夏天", nil), ("秋天", nil), ("冬天", nil),
        ("当天", nil), ("本周", nil), ("上周", nil), ("下周", nil), ("今晚", nil), ("昨晚", nil), ("明晚", nil),
        ("今日", nil), ("昨日", nil), ("明日", nil), ("当日", nil), ("次日", nil), ("翌日", nil), ("当月", nil), ("周末", nil),
        ("今春", nil), ("今夏", nil), ("今秋", nil), ("今冬", nil), ("去冬", nil), ("明春", nil), ("岁末年初", nil),
        // More relative days, weeks, months and years: no value without a reference date.
        ("近年", nil), ("近些年", nil), ("近几年", nil), ("这些年", nil), ("这几年", nil), ("上月", nil), ("下月", nil),
        ("上月底", nil), ("下月初", nil), ("本月初", nil), ("本月底", nil), ("月初", nil), ("月底", nil), ("前天", nil),
        ("大前天", nil), ("后天", nil), ("大后天", nil), ("昨夜", nil), ("今夜", nil), ("今晨", nil), ("昨晨", nil), ("当晚", nil),
        ("当夜", nil), ("次年", nil), ("翌年", nil), ("年终", nil), ("上星期", nil), ("下星期", nil), ("这个月", nil),
        ("上个星期", nil), ("下个星期", nil), ("这周", nil), ("这个星期", nil), ("本世纪初", nil), ("上世纪末", nil),
        ("大前年", nil), ("大后年", nil), ("下个月初", nil), ("上个月底", nil), ("上个月初", nil), ("下个月底", nil), ("这个月底", nil),
        ("这个月初", nil), ("上礼拜", nil), ("下礼拜", nil), ("这礼拜", nil),
        // Quarters and halves, parts of a year: the year's value after one (`2021年前三季度`), none alone.
        ("前三季度", nil), ("前两季度", nil), ("一季度", nil), ("二季度", nil), ("三季度", nil), ("四季度", nil), ("前三个季度", nil),
        // Lunar new-year days: no Gregorian value without the year.
        ("大年初一", nil), ("大年初二", nil), ("大年初三", nil), ("大年初四", nil), ("大年初五", nil), ("大年三十", nil),
        ("正月初一", nil), ("正月十五", nil), ("除夕", nil),
    ]

    /// Days of the week (`周五`, `星期天`), as week dates of an open week: `XXXX-WXX-5`.
    static let weekdays: [(String, EntityValue?)] = ["周", "星期", "礼拜"].flatMap { week in
        ["一", "二", "三", "四", "五", "六", "日", "天"].enumerated().compactMap { index, day in
            week == "周" && day == "天" ? nil : (week + day, .date(DateValue(weekday: min(index + 1, 7))))
        }
    }

    /// `上周五`, `下星期一`, `本周日`: a day of a nearby week (relative: no value without a
    /// reference date).
    static let nearbyWeekdays: [(String, EntityValue?)] = {
        var words: [(String, EntityValue?)] = []
        for week in ["上周", "下周", "本周", "这周", "上星期", "下星期", "本星期", "这星期", "上个星期", "下个星期", "上礼拜", "下礼拜", "这礼拜", "本礼拜", "上个礼拜", "下个礼拜"] {
            for day in ["一", "二", "三", "四", "五", "六", "日", "天"] where !(week.hasSuffix("周") && day == "天") {
                words.append((week + day, nil))
            }
        }
        return words
    }()

    /// Holidays, with the Gregorian month and day of those that have a fixed one. A holiday
    /// alone is a named day, no DATE (ANNOTATION.md rule 10); after a year it dates that year's
    /// (`2024年国庆节` → 2024-10-01, `1995年春节` → 1995: a lunar holiday keeps the year).
    static let holidays: [(String, (month: Int, day: Int)?)] = [
        ("元旦", (1, 1)), ("情人节", (2, 14)), ("妇女节", (3, 8)), ("三八妇女节", (3, 8)), ("植树节", (3, 12)), ("愚人节", (4, 1)),
        ("劳动节", (5, 1)), ("五一劳动节", (5, 1)), ("五一", (5, 1)), ("青年节", (5, 4)), ("五四青年节", (5, 4)), ("儿童节", (6, 1)),
        ("六一儿童节", (6, 1)), ("建党节", (7, 1)), ("七一", (7, 1)), ("建军节", (8, 1)), ("八一建军节", (8, 1)), ("教师节", (9, 10)),
        ("国庆节", (10, 1)), ("国庆", (10, 1)), ("十一", (10, 1)), ("平安夜", (12, 24)), ("圣诞节", (12, 25)), ("圣诞", (12, 25)),
        ("春节", nil), ("除夕", nil), ("元宵节", nil), ("清明节", nil), ("清明", nil), ("端午节", nil), ("端午", nil), ("七夕", nil),
        ("中秋节", nil), ("中秋", nil), ("重阳节", nil), ("腊八", nil), ("小年", nil), ("新年", nil), ("新春", nil),
    ]
    static let holidayTable = WordTable(holidays)

    /// Every word that is a date by itself.
    static let allDateWords = dateWords + weekdays + nearbyWeekdays
    static let dateWordTable = WordTable(allDateWords)

    /// Date words that are dates only as whole tokens, their characters often being parts of the
    /// words beside them (之后日本, 前日本, 钢琴日): the day words of Cantonese as Hong Kong writes
    /// them (in Simplified form: text is read folded), and 前日, 后日.
    static let tokenDateWords: [(String, EntityValue?)] = [("听日", nil), ("琴日", nil), ("寻日", nil), ("前日", nil), ("后日", nil)]
    static let tokenDateWordTable = WordTable(tokenDateWords)
    static let currencyTable = WordTable(currencies)
    static let unitTable = WordTable(units)
    static let latinUnitTable = WordTable(latinUnits)
    static let classifierTable = WordTable(classifiers.map { ($0, ()) })

    /// Whether `word` ends in `s` right before `index`. O(length of `word`).
    static func endsBefore(_ s: [UInt32], at index: Int, with word: String) -> Bool {
        let count = word.unicodeScalars.count
        return index >= count && starts(s, at: index - count, with: word)
    }

    /// Whether `s` at `index` starts with `word`. O(length of `word`), no allocation.
    static func starts(_ s: [UInt32], at index: Int, with word: String) -> Bool {
        starts(s, at: index, with: word.unicodeScalars)
    }

    static func starts(_ s: [UInt32], at index: Int, with scalars: String.UnicodeScalarView) -> Bool {
        var position = index
        for scalar in scalars {
            guard position < s.count, s[position] == scalar.value else { return false }
            position += 1
        }
        return true
    }
}

/// Words looked for as the end of the text before a position: `matchEnding(in:at:)` is true when
/// one of them ends right before it. O(number of words) a look-up; for short lists.
struct SuffixTable: Sendable {
    let words: [[UInt32]]

    init(_ words: [String]) { self.words = words.map { $0.unicodeScalars.map(\.value) } }

    func matchEnding(in s: [UInt32], at index: Int) -> Bool {
        words.contains { word in index >= word.count && s[(index - word.count)..<index].elementsEqual(word) }
    }
}

/// Words with payloads, indexed by their first scalar.
struct WordTable<Payload: Sendable>: Sendable {
    /// The words grouped by first scalar (a group is a range of `words`), and their payloads at
    /// the same positions: the search reads only the words, and copies one payload, the winner's.
    let byFirst: [UInt32: Range<Int>]
    let words: [[UInt32]]
    let payloads: [Payload]
    /// Which BMP scalars start a word: most look-ups end here, before any hashing.
    let firstBits: [UInt64]

    init(_ entries: [(String, Payload)]) {
        let sorted = entries.map { ($0.0.unicodeScalars.map(\.value), $0.1) }.enumerated()
            .sorted { ($0.element.0[0], $0.offset) < ($1.element.0[0], $1.offset) }.map(\.element)
        words = sorted.map(\.0)
        payloads = sorted.map(\.1)
        var groups: [UInt32: Range<Int>] = [:]
        for (position, word) in words.enumerated() {
            let first = word[0]
            groups[first] = (groups[first]?.lowerBound ?? position)..<(position + 1)
        }
        byFirst = groups
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for first in groups.keys where first < 0x10000 { bits[Int(first >> 6)] |= 1 << (first & 63) }
        firstBits = bits
    }

    /// The payload and end of the longest word at `index` of `s`, or `nil`. O(total length of the
    /// words that share the first scalar); no allocation.
    func match(in s: [UInt32], at index: Int) -> (payload: Payload, end: Int)? {
        guard index < s.count else { return nil }
        let first = s[index]
        if first < 0x10000, firstBits[Int(first >> 6)] & (1 << (first & 63)) == 0 { return nil }
        guard let group = byFirst[first] else { return nil }
        var best: (word: Int, end: Int)?
        for word in group {
            let end = index + words[word].count
            guard end <= s.count, best == nil || end > best!.end, s[index..<end].elementsEqual(words[word]) else { continue }
            best = (word, end)
        }
        return best.map { (payloads[$0.word], $0.end) }
    }
}
