import Foundation

/// A span found in folded text, before it is mapped back to the raw input.
struct Candidate: Equatable {
    var range: Range<Int>
    var label: EntityLabel
    var value: String?
}

/// Finds numbers, dates and times in folded text, with their values (see ANNOTATION.md).
///
/// It reads the characters from left to right; at each position it tries the readings that
/// can start there (a date word, an ordinal, a percentage, a number with what follows it) and
/// keeps the longest; ranges (`60%至75%`, `100-150亿美元`, `2022-2025`) are joined into one span.
struct NumberDateRecognizer {
    /// Folded positions where a token of the segmentation starts: a Chinese numeral counts as a
    /// number only at such a start, so that the 一 of 统一 or the 二 of 二氧化碳 is no number.
    let tokenStarts: [Bool]

    /// The numbers, dates and times of `s`; `inURL` is `urlMask(s)`.
    func candidates(in s: [UInt32], inURL: [Bool]) -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        while index < s.count {
            // Numbers inside URLs (`/2020-12-02/`, `%202020%20`) are no entities; most characters
            // start none at all.
            if inURL[index] || !Self.mayStart(s[index]) {
                index += 1
                continue
            }
            if let candidate = longest(in: s, at: index) {
                // The longest reading wins: a date right after a relative date or a year makes one
                // span with it (`去年11月`, `今年5月3日`, `1998年下午3点` stays two: a time is apart).
                // A day and a time of that day are one TIME (`今天上午`, `5日下午3点`).
                if candidate.label == .time, let last = found.last, last.label == .date,
                    last.range.upperBound == candidate.range.lowerBound, Self.isDay(last, in: s)
                {
                    let value = last.value.flatMap { day in candidate.value.map { day + $0 } }
                    found[found.count - 1] = Candidate(range: last.range.lowerBound..<candidate.range.upperBound, label: .time, value: value)
                } else if candidate.label == .date, let last = found.last, last.label == .date,
                    last.range.upperBound == candidate.range.lowerBound, last.value?.hasPrefix("P") != true,
                    candidate.value?.hasPrefix("XXXX") == true || (candidate.value == nil && last.value?.hasPrefix("P") != true)
                {
                    // `去年11月` (no value without a reference date), `2020年夏季` (the year's value).
                    let value = candidate.value.map { part in last.value.map { part.replacingOccurrences(of: "XXXX", with: $0) } } ?? last.value
                    found[found.count - 1] = Candidate(range: last.range.lowerBound..<candidate.range.upperBound, label: .date, value: value)
                } else {
                    found.append(candidate)
                }
                index = candidate.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The longest entity starting at `index`, ranges joined.
    func longest(in s: [UInt32], at index: Int) -> Candidate? {
        guard var first = single(in: s, at: index) else { return nil }
        // A range: `60%至75%`, `100-150亿美元`, `2022-2025`, `5-18岁`.
        if first.range.upperBound < s.count, Self.isRangeJoiner(s[first.range.upperBound]),
            let second = single(in: s, at: first.range.upperBound + 1), let joined = join(first, second, in: s)
        {
            first = joined
        }
        return first
    }

    /// Characters that may start a number, date or time: digits and numerals, and the first
    /// characters of the words and frames that do (第, 百分之, 近, 未来, 这, 上午, date words).
    static let starters: Set<UInt32> = {
        var set = Set<UInt32>([0x7B2C, 0x767E, 0x8FD1, 0x672A, 0x8FD9, 0x6570, 0x51E0, 0x4E0A, 0x6210])  // 第 百 近 未 这 数 几 上 成
        for (word, _) in Vocabulary.dateWords { set.insert(word.unicodeScalars.first!.value) }
        for (word, _) in dayPeriods { set.insert(word.unicodeScalars.first!.value) }
        for (word, _) in partsOfDay { set.insert(word.unicodeScalars.first!.value) }
        for scalar in Numeral.chineseDigits.keys { set.insert(scalar) }
        set.formUnion([0x5341, 0x62FE])  // 十 拾: `十五`
        return set
    }()

    /// `starters` and the digits as a bitmap over the Basic Multilingual Plane: one load a scalar.
    static let starterBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for scalar in starters where scalar < 0x10000 { bits[Int(scalar >> 6)] |= 1 << (scalar & 63) }
        for scalar in UInt32(0x30)...0x39 { bits[Int(scalar >> 6)] |= 1 << (scalar & 63) }
        for scalar in UInt32(0xFF10)...0xFF19 { bits[Int(scalar >> 6)] |= 1 << (scalar & 63) }
        return bits
    }()

    @inline(__always)
    static func mayStart(_ scalar: UInt32) -> Bool {
        scalar < 0x10000 ? starterBits[Int(scalar >> 6)] & (1 << (scalar & 63)) != 0 : starters.contains(scalar)
    }

    static let partOfDayTable = WordTable(partsOfDay)
    static let dayPeriodTable = WordTable(dayPeriods)
    static let periodTable = WordTable(periods)

    /// Which positions lie inside a URL: from `http`, `https` or `www.` to the next space or
    /// non-ASCII character.
    static func urlMask(_ s: [UInt32]) -> [Bool] {
        var mask = [Bool](repeating: false, count: s.count)
        var index = 0
        while index < s.count {
            if Vocabulary.starts(s, at: index, with: "http") || Vocabulary.starts(s, at: index, with: "www.") {
                var end = index
                while end < s.count, s[end] > 0x20, s[end] < 0x7F { end += 1 }
                for k in index..<end { mask[k] = true }
                index = max(end, index + 1)
            } else {
                index += 1
            }
        }
        return mask
    }

    static func isRangeJoiner(_ scalar: UInt32) -> Bool {
        // 至 到 - ～ — ~ 〜 －
        [0x81F3, 0x5230, 0x2D, 0xFF5E, 0x2014, 0x7E, 0x301C, 0xFF0D, 0x2013].contains(scalar)
    }

    /// A range of two readings: same label, or a bare number before a measured one.
    func join(_ low: Candidate, _ high: Candidate, in s: [UInt32]) -> Candidate? {
        let lowReading = reading(in: s, at: low.range.lowerBound)
        let highReading = reading(in: s, at: high.range.lowerBound)
        guard let lowValue = lowReading?.value, let highValue = highReading?.value else { return nil }
        // `2022-2025`: two years make a period.
        let lowYear = lowReading!.hasArabicDigits && low.range.count == 4 && lowValue >= 1000 && lowValue < 3000
        let highYear = highReading!.hasArabicDigits && high.range.count == 4 && highValue >= 1000 && highValue < 3000
        if low.label == .cardinal, high.label == .cardinal, lowYear, highYear, lowValue < highValue {
            return Candidate(range: low.range.lowerBound..<high.range.upperBound, label: .date, value: "\(lowValue)/\(highValue)")
        }
        if low.label == high.label, let lv = low.value, let hv = high.value {
            // `60%至75%` → 60/75; `2022年至2025年` → 2022/2025; units repeated on both sides.
            let lowParts = lv.split(separator: " ", maxSplits: 1)
            let highParts = hv.split(separator: " ", maxSplits: 1)
            if lowParts.count == 2, highParts.count == 2, lowParts[1] == highParts[1] {
                return Candidate(range: low.range.lowerBound..<high.range.upperBound, label: low.label, value: "\(lowParts[0])/\(highParts[0]) \(lowParts[1])")
            }
            return Candidate(range: low.range.lowerBound..<high.range.upperBound, label: low.label, value: "\(lv)/\(hv)")
        }
        // `100-150亿美元`, `5-18岁`: a bare number before a measured one takes its unit and multiplier.
        guard low.label == .cardinal, low.range.upperBound == lowReading!.end, high.label != .cardinal, high.label != .ordinal else { return nil }
        let scaledLow = lowValue * highReading!.multiplier
        guard let highValueText = high.value else {
            return Candidate(range: low.range.lowerBound..<high.range.upperBound, label: high.label, value: nil)
        }
        let parts = highValueText.split(separator: " ", maxSplits: 1)
        let unit = parts.count == 2 ? " " + parts[1] : ""
        let lowText: String
        switch high.label {
        case .date where highValueText.hasPrefix("P"):
            lowText = "P\(scaledLow)" + String(highValueText.last!)
            return Candidate(range: low.range.lowerBound..<high.range.upperBound, label: high.label, value: "\(lowText)/\(highValueText)")
        case .date:
            return Candidate(range: low.range.lowerBound..<high.range.upperBound, label: high.label, value: "\(scaledLow)/\(highValueText)")
        default:
            lowText = "\(scaledLow)"
        }
        return Candidate(range: low.range.lowerBound..<high.range.upperBound, label: high.label, value: "\(lowText)/\(parts[0])\(unit)")
    }

    /// A number starting at `index`, if one may start there.
    func reading(in s: [UInt32], at index: Int) -> NumberReading? {
        guard index < s.count else { return nil }
        let scalar = s[index]
        if Numeral.isArabicDigit(scalar) {
            // Digits inside identifiers and codes (`AGRI3`, `cop-15`) are no numbers.
            if index > 0, Self.isASCIILetter(s[index - 1]) { return nil }
            if index > 1, s[index - 1] == 0x2D, Self.isASCIILetter(s[index - 2]) { return nil }
            if index > 0, Numeral.isArabicDigit(s[index - 1]) { return nil }
            // Nor are numbers in URL paths (`/pga/75/`).
            if index > 0, s[index - 1] == 0x2F { return nil }
            guard let reading = NumberReader.read(s, from: index) else { return nil }
            if reading.end < s.count, Self.isASCIILetter(s[reading.end]) || s[reading.end] == 0x2F { return nil }
            return reading
        }
        guard Numeral.chineseDigits[scalar] != nil || Numeral.smallUnit(scalar) == 10, tokenStarts[index] else { return nil }
        if index > 0, Numeral.chineseDigits[s[index - 1]] != nil { return nil }
        return NumberReader.read(s, from: index)
    }

    static func isASCIILetter(_ scalar: UInt32) -> Bool {
        (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
    }

    /// One entity (no range joining) starting at `index`.
    func single(in s: [UInt32], at index: Int) -> Candidate? {
        // Frames look past their first word (`未来…`, `近…`): the text may end there.
        guard index < s.count else { return nil }
        // Words that are dates by themselves.
        if let (value, end) = Vocabulary.dateWordTable.match(in: s, at: index) {
            return Candidate(range: index..<end, label: .date, value: value)
        }
        // Demonstrative periods: `这十年`, `这关键的一年` (ANNOTATION.md rule 10).
        if s[index] == 0x8FD9 {  // 这
            var start = index + 1
            // `这关键的一年`: a short modifier with 的 between 这 and the period.
            if let de = (start..<min(start + 5, s.count)).first(where: { s[$0] == 0x7684 }) { start = de + 1 }
            for begin in (start == index + 1 ? [start] : [index + 1, start]) where begin < s.count {
                if let period = single(in: s, at: begin), period.label == .date, period.value?.hasPrefix("P") == true,
                    period.range.lowerBound == begin, !Numeral.isArabicDigit(s[begin]) || begin == index + 1
                {
                    // A demonstrative period is a relative date (`这十年`: this decade): no value
                    // without a reference date, as 今年 has none.
                    return Candidate(range: index..<period.range.upperBound, label: .date, value: nil)
                }
            }
        }
        // 近…来, 未来…: the frame belongs to the period.
        if Vocabulary.starts(s, at: index, with: "近"), var period = single(in: s, at: index + 1), period.label == .date,
            period.value?.hasPrefix("P") == true, s[period.range.upperBound - 1] == 0x6765
        {
            period.range = index..<period.range.upperBound
            return period
        }
        if Vocabulary.starts(s, at: index, with: "未来"), var period = single(in: s, at: index + 2), period.label == .date, period.value?.hasPrefix("P") == true {
            period.range = index..<period.range.upperBound
            return period
        }
        // Ordinals: 第 with its numeral.
        if s[index] == 0x7B2C, let number = reading(in: s, at: index + 1) ?? NumberReader.read(s, from: index + 1), !number.isApproximate {
            return Candidate(range: index..<number.end, label: .ordinal, value: number.text)
        }
        // 百分之…: a percentage.
        if Vocabulary.starts(s, at: index, with: "百分之"), let number = NumberReader.read(s, from: index + 3) {
            return Candidate(range: index..<number.end, label: .percent, value: number.text)
        }
        if let time = timeOfDay(in: s, at: index) ?? partOfDay(in: s, at: index) { return time }
        if let vague = vagueAmount(in: s, at: index) { return vague }
        guard let number = reading(in: s, at: index) else { return nil }
        return measured(number, in: s, from: index)
    }

    /// Words after which 一 with a classifier counts rather than serves as an article.
    static let countingWords: [[UInt32]] = ["只有", "仅有", "只剩", "仅剩", "仅", "才", "唯一"].map { $0.unicodeScalars.map(\.value) }

    /// Vague amounts written as words (rule 9): CARDINAL, with no value.
    static let vagueAmountWords = WordTable([
        "成千上万", "成百上千", "成千成万", "数以百计", "数以千计", "数以万计", "数以十万计", "数以百万计", "数以千万计", "数以亿计",
    ].map { ($0, ()) })

    /// Magnitudes that make 数, 几 or 上 a vague amount: 十 百 千 万 亿.
    static let magnitudes: Set<UInt32> = [0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF]

    /// `数十家`, `数百万棵`, `数万亿美元`, `几十个`, `上千人`, `成千上万`: a vague amount with a
    /// magnitude (rule 9), with what it counts or measures; no value.
    func vagueAmount(in s: [UInt32], at index: Int) -> Candidate? {
        guard tokenStarts[index] else { return nil }
        if let (_, end) = Self.vagueAmountWords.match(in: s, at: index) {
            return Candidate(range: index..<end, label: .cardinal, value: nil)
        }
        guard s[index] == 0x6570 || s[index] == 0x51E0 || s[index] == 0x4E0A else { return nil }  // 数 几 上
        var end = index + 1
        while end < s.count, Self.magnitudes.contains(s[end]) { end += 1 }
        guard end > index + 1 else { return nil }
        if let (_, stop) = Vocabulary.currencyTable.match(in: s, at: end) { return Candidate(range: index..<stop, label: .money, value: nil) }
        if let (_, stop) = Vocabulary.unitTable.match(in: s, at: end) { return Candidate(range: index..<stop, label: .quantity, value: nil) }
        if let (payload, stop) = Self.periodTable.match(in: s, at: end) {
            var stop = stop
            if stop < s.count, s[stop] == 0x6765 { stop += 1 }  // 数十年来
            return Candidate(range: index..<stop, label: payload.0, value: nil)
        }
        if let (_, stop) = Vocabulary.classifierTable.match(in: s, at: end) {
            return Candidate(range: index..<stop, label: .cardinal, value: nil)
        }
        // 上 alone before a magnitude is mostly a verb or a place word (`上百` needs what it counts).
        return s[index] == 0x4E0A ? nil : Candidate(range: index..<end, label: .cardinal, value: nil)
    }

    /// Whether a DATE names one day (`今天`, `5日`, `1月5日`), which a time of day may follow.
    static func isDay(_ date: Candidate, in s: [UInt32]) -> Bool {
        let last = s[date.range.upperBound - 1]
        return last == 0x5929 || last == 0x65E5 || last == 0x53F7  // 天 日 号
    }

    /// Parts of the day and their TIMEX3 values (morning, midday, afternoon, evening, night).
    static let partsOfDay: [(String, String)] = [
        ("上午", "TMO"), ("早上", "TMO"), ("早晨", "TMO"), ("清晨", "TMO"), ("凌晨", "TNI"), ("中午", "TMI"), ("午后", "TAF"),
        ("下午", "TAF"), ("傍晚", "TEV"), ("黄昏", "TEV"), ("晚上", "TEV"), ("晚间", "TEV"), ("夜晚", "TNI"), ("夜间", "TNI"),
        ("深夜", "TNI"), ("午夜", "TNI"), ("半夜", "TNI"),
    ]

    /// `上午`, `傍晚`: a part of the day, as a word of its own (`上午好` is a greeting: none).
    func partOfDay(in s: [UInt32], at index: Int) -> Candidate? {
        guard tokenStarts[index], let (value, end) = Self.partOfDayTable.match(in: s, at: index), end >= s.count || tokenStarts[end],
            end >= s.count || s[end] != 0x597D  // 好
        else { return nil }
        return Candidate(range: index..<end, label: .time, value: value)
    }

    /// `下午3点`, `上午10时30分`: a time of day.
    static let dayPeriods: [(String, Int)] = [("上午", 0), ("早上", 0), ("凌晨", 0), ("中午", 12), ("下午", 12), ("晚上", 12), ("傍晚", 12)]

    func timeOfDay(in s: [UInt32], at index: Int) -> Candidate? {
        guard let (offset, end) = Self.dayPeriodTable.match(in: s, at: index), let hour = NumberReader.read(s, from: end),
            hour.end < s.count, s[hour.end] == 0x70B9 || s[hour.end] == 0x65F6,  // 点 时
            let h = hour.smallInteger, (0...12).contains(h)
        else { return nil }
        var stop = hour.end + 1
        var minutes = 0
        if let minute = NumberReader.read(s, from: stop), minute.end < s.count, s[minute.end] == 0x5206, let m = minute.smallInteger, m < 60 {
            minutes = m
            stop = minute.end + 1
        }
        let hour24 = h == 12 && offset == 0 ? 0 : (h < 12 ? h + offset : h)
        return Candidate(range: index..<stop, label: .time, value: String(format: "T%02d:%02d", hour24, minutes))
    }

    /// What a number is, from what follows it.
    func measured(_ number: NumberReading, in s: [UInt32], from start: Int) -> Candidate? {
        let end = number.end
        var value: String { number.text }
        func next(_ word: String) -> Bool { Vocabulary.starts(s, at: end, with: word) }
        if end < s.count, s[end] == 0x25 || s[end] == 0xFF05 {
            return Candidate(range: start..<(end + 1), label: .percent, value: value)
        }
        if next("个百分点") { return Candidate(range: start..<(end + 4), label: .percent, value: value) }
        if let date = dateReading(number, in: s, from: start) { return date }
        // A fraction: `三分之一` (rule 9), its value a decimal.
        if next("分之"), let numerator = NumberReader.read(s, from: end + 2), number.value != 0 {
            var quotient = numerator.value / number.value
            var rounded = Decimal()
            NSDecimalRound(&rounded, &quotient, 6, .plain)
            return Candidate(range: start..<numerator.end, label: .cardinal, value: "\(rounded)")
        }
        if let (code, stop) = Vocabulary.currencyTable.match(in: s, at: end) {
            return Candidate(range: start..<stop, label: .money, value: "\(value) \(code)")
        }
        if let (code, stop) = Vocabulary.unitTable.match(in: s, at: end) {
            return Candidate(range: start..<stop, label: .quantity, value: "\(value) \(code)")
        }
        // A classifier: counted things. `一` alone with a classifier is an article (一个重要目标).
        // After 只有, 仅, 才 it counts (`只有一头大象`, rule 9).
        let counts = Self.countingWords.contains { word in
            start >= word.count && s[(start - word.count)..<start].elementsEqual(word)
        }
        let isLoneOne = !number.hasArabicDigits && number.length == 1 && s[start] == 0x4E00 && !counts
        if let (_, stop) = Vocabulary.classifierTable.match(in: s, at: end) {
            // 一 as an article is no number, but 一倍 counts.
            if isLoneOne, !(stop == end + 1 && s[end] == 0x500D) { return nil }  // 倍
            return Candidate(range: start..<stop, label: .cardinal, value: value)
        }
        if end < s.count, Vocabulary.multipliers.contains(s[end]), !isLoneOne {
            return Candidate(range: start..<end, label: .cardinal, value: value)
        }
        // A bare number: Arabic digits, or Chinese numerals of two characters or more.
        if number.hasArabicDigits || number.length >= 2 {
            return Candidate(range: start..<end, label: .cardinal, value: value)
        }
        return nil
    }

    /// Dates and times that start with a number: `2021年1月1日`, `6月5日`, `21世纪`, `90年代`,
    /// `30年`, `五年多`, `3个月`, `48小时`, `5岁`, `35周年`, `2022-2025` (the range is joined later).
    func dateReading(_ number: NumberReading, in s: [UInt32], from start: Int) -> Candidate? {
        let end = number.end
        func at(_ index: Int, _ word: String) -> Bool { Vocabulary.starts(s, at: index, with: word) }
        let n = number.value
        let digits = number.length
        let isYear = !number.isApproximate && (number.hasArabicDigits ? digits == 4 : digits == 4 && !"\(n)".contains(".")) && n >= 1000 && n < 3000
        let integer = Int("\(n)")
        // An ISO date: `2020-12-02`.
        if isYear, number.hasArabicDigits, end + 5 <= s.count, s[end] == 0x2D,
            let month = NumberReader.read(s, from: end + 1), month.length == 2, month.end < s.count, s[month.end] == 0x2D,
            let day = NumberReader.read(s, from: month.end + 1), day.length == 2,
            let m = month.smallInteger, let d = day.smallInteger, (1...12).contains(m), (1...31).contains(d)
        {
            return Candidate(range: start..<day.end, label: .date, value: "\(n)" + String(format: "-%02d-%02d", m, d))
        }
        // A year, then perhaps its month, day and part of month.
        if at(end, "年"), isYear, !at(end, "年代") {
            var stop = end + 1
            var value = "\(n)"
            if let month = NumberReader.read(s, from: stop), !month.isApproximate, at(month.end, "月"), let m = month.smallInteger, (1...12).contains(m) {
                value += String(format: "-%02d", m)
                stop = month.end + 1
                if let day = NumberReader.read(s, from: stop), !day.isApproximate, at(day.end, "日") || at(day.end, "号"), let d = day.smallInteger, (1...31).contains(d) {
                    value += String(format: "-%02d", d)
                    stop = day.end + 1
                } else if let part = partOfMonth(in: s, at: stop) {
                    stop = part
                }
            } else if stop < s.count, [0x5E95, 0x521D, 0x672B].contains(s[stop]) {
                stop += 1  // 2020年底, 年初, 年末: the year keeps its value
            }
            return Candidate(range: start..<stop, label: .date, value: value)
        }
        // A month (and day) of an unstated year.
        if at(end, "月"), !at(end, "月份") || true, let m = integer, (1...12).contains(m), !number.isApproximate {
            var stop = end + 1
            var value = String(format: "XXXX-%02d", m)
            if let day = NumberReader.read(s, from: stop), !day.isApproximate, at(day.end, "日") || at(day.end, "号"), let d = day.smallInteger, (1...31).contains(d) {
                value += String(format: "-%02d", d)
                stop = day.end + 1
            } else if let part = partOfMonth(in: s, at: stop) {
                stop = part
            }
            return Candidate(range: start..<stop, label: .date, value: value)
        }
        if at(end, "日") || at(end, "号"), let d = integer, (1...31).contains(d), number.hasArabicDigits {
            return Candidate(range: start..<(end + 1), label: .date, value: String(format: "XXXX-XX-%02d", d))
        }
        // Centuries and decades: 21世纪 → 20XX, 20世纪90年代 → 199X, 90年代 → XX9X.
        if at(end, "世纪"), let c = integer, (1...30).contains(c) {
            var stop = end + 2
            var value = String(format: "%02dXX", c - 1)
            if let decade = NumberReader.read(s, from: stop), at(decade.end, "年代"), let d = decade.smallInteger, d % 10 == 0, d < 100 {
                value = String(format: "%02d%dX", c - 1, d / 10)
                stop = decade.end + 2
            }
            return Candidate(range: start..<stop, label: .date, value: value)
        }
        if at(end, "年代"), let d = integer, d % 10 == 0 {
            let value = d >= 1000 ? "\(d / 10)X" : "XX\(d / 10 % 10)X"
            return Candidate(range: start..<(end + 2), label: .date, value: value)
        }
        // Durations, ages and anniversaries.
        let amount = "\(n)"
        if let (payload, stop) = Self.periodTable.match(in: s, at: end) {
            var stop = stop
            // `五年多`: what sits inside the amount stays in.
            if stop < s.count, s[stop] == 0x591A, payload.0 == .date { stop += 1 }
            let value = payload.0 == .time ? "PT\(amount)\(payload.1)" : "P\(amount)\(payload.1)"
            // `30年来`: the frame stays with the period.
            if payload.0 == .date, payload.1 != "W", stop < s.count, s[stop] == 0x6765, !at(stop, "来自") { stop += 1 }
            return Candidate(range: start..<stop, label: payload.0, value: value)
        }
        return nil
    }

    /// Period words after a number: their label and ISO 8601 duration designator.
    static let periods: [(String, (EntityLabel, String))] = [
        ("个多月", (.date, "M")), ("多个月", (.date, "M")), ("个月", (.date, "M")), ("周年", (.date, "Y")), ("年", (.date, "Y")),
        ("天", (.date, "D")), ("个星期", (.date, "W")), ("星期", (.date, "W")), ("周", (.date, "W")), ("岁", (.date, "Y")),
        ("个小时", (.time, "H")), ("小时", (.time, "H")), ("分钟", (.time, "M")), ("秒钟", (.time, "S")), ("秒", (.time, "S")),
    ]

    /// The end of 上旬, 中旬, 下旬, 初, 底, 末 or 中 after a month, or `nil`.
    func partOfMonth(in s: [UInt32], at index: Int) -> Int? {
        for word in ["上旬", "中旬", "下旬"] where Vocabulary.starts(s, at: index, with: word) { return index + 2 }
        for word in ["初", "底", "末"] where Vocabulary.starts(s, at: index, with: word) { return index + 1 }
        return nil
    }
}
