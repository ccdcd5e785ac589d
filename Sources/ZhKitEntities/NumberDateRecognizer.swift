import Foundation
import ZhKit

/// A span found in folded text, before it is mapped back to the raw input.
struct Candidate: Equatable {
    var range: Range<Int>
    var label: EntityLabel
    var value: EntityValue?
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
    /// The day relative dates are resolved against, or `nil` (they keep no value).
    var referenceDate: CalendarDate? = nil

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
            // Phone numbers and model numbers are no entities (ANNOTATION.md rule 13).
            if let end = Self.phoneNumberEnd(s, at: index) ?? Self.modelNumberEnd(s, at: index) ?? Self.codeEnd(s, at: index) {
                index = end
                continue
            }
            if var candidate = longest(in: s, at: index) {
                if let year = Self.republicYear(candidate, in: s) { candidate = year }
                // `目标1`, `图2`: a number that labels an item of a list is no entity (rule 13).
                if candidate.label == .cardinal, CharacterClass.isDigit(s[index]), Self.labelNounTable.matchEnding(in: s, at: index) {
                    index = candidate.range.upperBound
                    continue
                }
                // `2024年国庆节` → 2024-10-01, `今年春节`: a holiday of a year given is a date.
                if candidate.label == .date, candidate.value?.isPeriod != true, Self.endsInYear(candidate, in: s),
                    let (day, end) = Vocabulary.holidayTable.match(in: s, at: candidate.range.upperBound)
                {
                    candidate.range = candidate.range.lowerBound..<end
                    if let day, case .date(let date)? = candidate.value, case .exact = date.year {
                        candidate.value = .date(DateValue(year: date.year, month: day.month, day: day.day))
                    }
                }
                // `1948年以来` → 1948/XXXX, `30年以来` → P30Y: the frame stays (rule 12).
                if candidate.label == .date, Vocabulary.starts(s, at: candidate.range.upperBound, with: "以来") {
                    candidate.range = candidate.range.lowerBound..<(candidate.range.upperBound + 2)
                    if let date = candidate.value?.date { candidate.value = .range(.date(date), .date(DateValue())) }
                }
                if let priced = Self.withCurrencyBefore(candidate, in: s, after: found.last?.range.upperBound ?? 0) { candidate = priced }
                // The longest reading wins: a date right after a relative date or a year makes one
                // span with it (`去年11月`, `今年5月3日`, `1998年下午3点` stays two: a time is apart).
                // A day and its clock time are one TIME (`5日下午3点` → XXXX-XX-05T15:00, and
                // `2018-11-29 18:59` across one space); a day and a part of it are the day's
                // DATE (`7月11日早上` → XXXX-07-11).
                let gap = found.last.map { candidate.range.lowerBound - $0.range.upperBound } ?? -1
                let clock: TimeOfDay? = if case .time(let time, nil) = candidate.value { time } else { nil }
                if candidate.label == .time, candidate.value == nil || clock != nil, let last = found.last, last.label == .date, Self.isDay(last, in: s),
                    gap == 0 || (gap == 1 && clock != nil && s[last.range.upperBound] == 0x20 && last.value?.date?.year != .open)
                {
                    if let clock {
                        found[found.count - 1] = Candidate(range: last.range.lowerBound..<candidate.range.upperBound, label: .time,
                            value: last.value?.date.map { .time(clock, on: $0) })
                    } else {
                        found[found.count - 1] = Candidate(range: last.range.lowerBound..<candidate.range.upperBound, label: .date, value: last.value)
                    }
                } else if candidate.label == .date, let last = found.last, last.label == .date,
                    last.range.upperBound == candidate.range.lowerBound, last.value?.isPeriod != true,
                    candidate.value?.firstDate?.year == .open || candidate.value == nil
                {
                    // `去年11月` (no value without a reference date), `2020年夏季` (the year's value),
                    // `2001年1月1日星期一` (the day's).
                    let value = candidate.value.map { part in last.value?.date.map { Self.isDay(last, in: s) ? .date($0) : part.completed(from: $0) } } ?? last.value
                    found[found.count - 1] = Candidate(range: last.range.lowerBound..<candidate.range.upperBound, label: .date, value: value)
                } else if candidate.label == .date, let last = found.last, last.label == .date, gap == 0, Self.isCentury(last, in: s),
                    case .decadeOfCentury(let decade)? = candidate.value?.date?.year
                {
                    // `上世纪90年代`: a relative century and its decade (199X against a reference date).
                    let value: EntityValue? = if case .century(let century)? = last.value?.date?.year { .date(DateValue(year: .decade(century * 10 + decade))) } else { nil }
                    found[found.count - 1] = Candidate(range: last.range.lowerBound..<candidate.range.upperBound, label: .date, value: value)
                } else if let last = found.last, gap == 0, let merged = Self.compoundDuration(last, candidate, in: s) {
                    // `四年六个月` → P4Y6M, `36天5小时30分` → P36DT5H30M: one span.
                    found[found.count - 1] = merged
                    index = merged.range.upperBound
                    continue
                } else {
                    found.append(candidate)
                }
                index = candidate.range.upperBound
            } else {
                index += 1
            }
        }
        Self.markListedYears(&found, in: s)
        return found
    }

    /// `民国38年` → 1949, `民國115年` → 2026: a year of the Republic of China's calendar (year 1 is
    /// 1912), as Taiwan dates its documents, with the era's name in the span; a month and day after
    /// it join it as after any year. `nil` for any other candidate.
    static func republicYear(_ candidate: Candidate, in s: [UInt32]) -> Candidate? {
        let start = candidate.range.lowerBound
        guard candidate.label == .date, start >= 2, s[start - 2] == 0x6C11, s[start - 1] == 0x56FD,  // 民国
            let period = candidate.value?.period, period.rest.isEmpty, period.first.unit == .years,
            let years = NumberReading.wholeNumber(period.first.amount), (1...500).contains(years)
        else { return nil }
        return Candidate(range: (start - 2)..<candidate.range.upperBound, label: .date, value: .date(DateValue(year: .exact(1911 + years))))
    }

    /// Characters that go on from an amount rather than name something after a year: 以上, 左右,
    /// 多, 余, 之, 的, 和, 等, 次, 倍.
    static let afterAmounts: Set<UInt32> = Set("以左上下余多之的和与及或等次倍".unicodeScalars.map(\.value))

    /// The numerals a count before a noun is written with (not 一, an article there, nor the
    /// financial 壹 … 陆 …, which are also words: 陆地).
    static let plainNumerals: Set<UInt32> = Set("两二三四五六七八九十".unicodeScalars.map(\.value))

    /// Years listed before a year (`1995、1996、1997年`, `1995、1996两年`): each is a DATE, as the
    /// last one's 年 says. O(number of entities).
    static func markListedYears(_ found: inout [Candidate], in s: [UInt32]) {
        guard found.count >= 2 else { return }
        for i in stride(from: found.count - 2, through: 0, by: -1) {
            let candidate = found[i], next = found[i + 1]
            guard candidate.label == .cardinal, candidate.range.count == 4, case .number(let number)? = candidate.value,
                let year = NumberReading.wholeNumber(number), (1000...2999).contains(year), CharacterClass.isDigit(s[candidate.range.lowerBound]),
                next.label == .date
            else { continue }
            let gap = next.range.lowerBound - candidate.range.upperBound
            let listed = gap == 1 && [0x3001, 0x548C, 0x4E0E, 0x53CA, 0xFF0C].contains(s[candidate.range.upperBound])  // 、 和 与 及 ，
            let nextIsYear: Bool = if case .exact? = next.value?.date?.year { true } else { false }
            let nextCountsYears = next.value?.period?.first.unit == .years && !CharacterClass.isDigit(s[next.range.lowerBound])
            guard listed && nextIsYear || gap == 0 && nextCountsYears else { continue }
            found[i] = Candidate(range: candidate.range, label: .date, value: .date(DateValue(year: .exact(year))))
        }
    }

    /// The longest entity starting at `index`, ranges joined.
    func longest(in s: [UInt32], at index: Int) -> Candidate? {
        // A range: `60%至75%`, `100-150亿美元`, `2022-2025`, `5-18岁`; its low end may be a
        // number that is no entity alone (`两到三万港元`, `十八至三十万日元`).
        var first = single(in: s, at: index)
        var isBare = false
        if first == nil, let number = reading(in: s, at: index), number.end < s.count, Self.isRangeJoiner(s[number.end]) {
            first = Candidate(range: index..<number.end, label: .cardinal, value: .number(number.value))
            isBare = true
        }
        guard var first else { return nil }
        let next = first.range.upperBound + 1
        // After a clock time, the range's end is a clock time too (`下午2点到4点来取件`).
        let clock: Bool = if case .time(_, nil)? = first.value { true } else { false }
        if first.range.upperBound < s.count, Self.isRangeJoiner(s[first.range.upperBound]),
            let second = (clock ? clockTime(in: s, at: next, hourIsPlain: true) : nil) ?? single(in: s, at: next), let joined = join(first, second, in: s)
        {
            first = joined
        } else if isBare {
            return nil  // a number that is no entity alone and joined nothing
        }
        return first
    }

    /// Two adjacent periods as one, when the second's units are all smaller than the first's
    /// (`四年` `六个月`; `36天` `5小时` and minutes, `30分`, after hours). A period of a day or
    /// more is a DATE, a shorter one a TIME.
    static func compoundDuration(_ first: Candidate, _ second: Candidate, in s: [UInt32]) -> Candidate? {
        guard [.date, .time].contains(first.label), let head = first.value?.period else { return nil }
        var tail: [Period.Part]
        var end = second.range.upperBound
        if [.date, .time].contains(second.label), let period = second.value?.period {
            tail = period.parts
        } else if second.label == .cardinal, head.parts.last?.unit == .hours, let minutes = second.value?.number, minutes < 60,
            s[end - 1] == 0x5206 || end < s.count && s[end] == 0x5206 && !(end + 1 < s.count && s[end + 1] == 0x4E4B)  // 分, not 分之
        {
            tail = [Period.Part(amount: minutes, unit: .minutes)]
            if s[end - 1] != 0x5206 { end += 1 }
        } else {
            return nil
        }
        guard head.parts.last!.unit < tail.first!.unit else { return nil }
        let period = Period(parts: head.parts + tail)
        return Candidate(range: first.range.lowerBound..<end, label: period.isShorterThanADay ? .time : .date, value: .period(period))
    }

    /// The factor of the large units that end a number (`三十万` → 10⁴, `150亿` → 10⁸), and
    /// whether it has any of its own. A range's low end without one takes the high end's
    /// (`1-5万元`, `十八至三十万日元`, `15–19亿`); one with its own keeps it (`1万-5万元`).
    static func magnitude(_ s: [UInt32], _ reading: NumberReading, from start: Int) -> (factor: Decimal, own: Bool) {
        var factor = Decimal(1)
        var k = reading.end - 1
        while k >= start, s[k] == Numeral.wan || s[k] == Numeral.yi {
            factor *= s[k] == Numeral.wan ? 10_000 : 100_000_000
            k -= 1
        }
        let own = s[start..<reading.end].contains { $0 == Numeral.wan || $0 == Numeral.yi || Numeral.smallUnit($0) != nil && $0 != 0x5341 }
        return (factor, own)
    }

    /// Characters that may start a number, date or time: digits and numerals, and the first
    /// characters of the words and frames that do (第, 百分之, 近, 未来, 这, 上午, date words).
    static let starters: Set<UInt32> = {
        var set = Set<UInt32>([0x7B2C, 0x767E, 0x8FD1, 0x672A, 0x8FD9, 0x6570, 0x51E0, 0x4E0A, 0x6210, 0x53CC])  // 第 百 近 未 这 数 几 上 成 双
        for (word, _) in Vocabulary.allDateWords + Vocabulary.tokenDateWords { set.insert(word.unicodeScalars.first!.value) }
        for (word, _) in dayPeriods { set.insert(word.unicodeScalars.first!.value) }
        for (word, _) in partsOfDay { set.insert(word.unicodeScalars.first!.value) }
        for scalar in Numeral.chineseDigitScalars { set.insert(scalar) }
        set.formUnion([0x5341, 0x62FE, 0x5EFF, 0x5345, 0x534C])  // 十 拾 廿 卅 卌: `十五`, `廿五`
        set.formUnion([0x8D1F, 0x2D, 0xFF0D, 0x2212])  // 负 and minus signs: `负十一`, `-3.8%`
        set.insert(0x534A)  // 半: `半年`
        set.formUnion([0x5343, 0x4E07])  // 千 万: `千分之五`, `万分之三`
        set.insert(0x6444)  // 摄: `摄氏37度`
        set.formUnion([0x2019, 0x27])  // `’97`
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
        let range = low.range.lowerBound..<high.range.upperBound
        // Clock times: `晚上8点到10点` → T20:00/T22:00 (the end in the start's half of the day).
        if low.label == .time, high.label == .time, case .time(let start, nil)? = low.value, case .time(var end, nil)? = high.value {
            if start.hour >= 12, end.hour < 12, end.hour + 12 > start.hour,
                Numeral.digit(s[high.range.lowerBound]) != nil || Numeral.smallUnit(s[high.range.lowerBound]) != nil
            {
                end.hour += 12
            }
            return Candidate(range: range, label: .time, value: .range(.time(start, on: nil), .time(end, on: nil)))
        }
        guard let lowReading = reading(in: s, at: low.range.lowerBound), let highReading = reading(in: s, at: high.range.lowerBound) else {
            // `百分之三到百分之五` → 3/5: two of a kind that start with a word.
            if low.label == .percent, high.label == .percent, !Numeral.isMinus(s[low.range.lowerBound]), let lv = low.value, let hv = high.value, !lv.isRange, !hv.isRange {
                return Candidate(range: range, label: low.label, value: .range(lv, hv))
            }
            return nil
        }
        let lowValue = lowReading.value, highValue = highReading.value
        // `2022-2025`: two years make a period.
        let lowYear = lowReading.hasArabicDigits && low.range.count == 4 && lowValue >= 1000 && lowValue < 3000
        let highYear = highReading.hasArabicDigits && high.range.count == 4 && highValue >= 1000 && highValue < 3000
        if low.label == .cardinal, high.label == .cardinal, lowYear, highYear, lowValue < highValue, let l = lowReading.smallInteger, let h = highReading.smallInteger {
            return Candidate(range: range, label: .date, value: .range(.date(DateValue(year: .exact(l))), .date(DateValue(year: .exact(h)))))
        }
        let (highFactor, _) = Self.magnitude(s, highReading, from: high.range.lowerBound)
        let (_, lowHasOwn) = Self.magnitude(s, lowReading, from: low.range.lowerBound)
        let scale = lowHasOwn || lowReading.multiplier != 1 ? 1 : max(highFactor, highReading.multiplier)
        if low.label == high.label, let lv = low.value, let hv = high.value {
            switch (lv, hv) {
            case (.date(let start), .date(let end)):
                // `2022年至2025年` → 2022/2025; `2017年8月11日至8月22日`: the end takes what it
                // leaves out from the start.
                return Candidate(range: range, label: .date, value: .range(lv, .date(end.completed(from: start))))
            case (.number, _) where scale != 1:
                // `15–19亿`: the low end scaled by the high end's magnitude.
                return Candidate(range: range, label: low.label, value: .range(.number(lowValue * scale), hv))
            case (.amount(_, let unit), .amount) where scale != 1:
                return Candidate(range: range, label: low.label, value: .range(.amount(lowValue * scale, unit: unit), hv))
            default:
                // `60%至75%` → 60/75; units repeated on both sides.
                return Candidate(range: range, label: low.label, value: .range(lv, hv))
            }
        }
        // `100-150亿美元`, `5-18岁`, `两到三万港元`: a bare number before a measured one takes its
        // unit and multiplier.
        guard low.label == .cardinal, low.range.upperBound == lowReading.end, high.label != .cardinal, high.label != .ordinal else { return nil }
        let scaledLow = lowValue * scale
        guard let hv = high.value else {
            return Candidate(range: range, label: high.label, value: nil)
        }
        let start: EntityValue? =
            switch hv {
            case .number: .number(scaledLow)
            case .amount(_, let unit): .amount(scaledLow, unit: unit)
            case .period(let period) where period.rest.isEmpty: .period(Period(scaledLow, period.first.unit))
            case .date(let end): Self.date(scaledLow, asFinestPartOf: end).map { .date($0) }
            case .time(let end, nil): Self.hour(scaledLow, before: end).map { .time($0, on: nil) }
            default: nil
            }
        return Candidate(range: range, label: high.label, value: start.map { .range($0, hv) })
    }

    /// A bare number as the start of a range of dates that ends at `end`: the part `end` names
    /// last (`3-5月` → XXXX-03, `2019-2020年` → 2019), the rest taken from it; `nil` if out of range.
    static func date(_ number: Decimal, asFinestPartOf end: DateValue) -> DateValue? {
        guard let whole = NumberReading.wholeNumber(number) else { return nil }
        var start = end
        if end.day != nil {
            guard (1...31).contains(whole) else { return nil }
            start.day = whole
        } else if end.month != nil {
            guard (1...12).contains(whole) else { return nil }
            start.month = whole
        } else if end.week == nil, end.weekday == nil {
            // `2019-2020年`, `9至10世纪` (20世纪 is 19XX), `1980至1990年代`, `40至50年代`.
            switch end.year {
            case .exact: guard (1000...2999).contains(whole) else { return nil }; start.year = .exact(whole)
            case .century: guard (1...30).contains(whole) else { return nil }; start.year = .century(whole - 1)
            case .decade: guard (1000...2999).contains(whole), whole % 10 == 0 else { return nil }; start.year = .decade(whole / 10)
            case .decadeOfCentury: guard whole < 100, whole % 10 == 0 else { return nil }; start.year = .decadeOfCentury(whole / 10)
            case .open: return nil
            }
        } else {
            return nil
        }
        return start
    }

    /// A bare number as the hour that starts a range of clock times ending at `end`, in the
    /// end's half of the day (`下午3-5点` → T15:00); `nil` if no hour.
    static func hour(_ number: Decimal, before end: TimeOfDay) -> TimeOfDay? {
        guard let hour = NumberReading.wholeNumber(number), (0...24).contains(hour) else { return nil }
        return TimeOfDay(hour: end.hour >= 12 && hour < 12 && hour + 12 <= end.hour ? hour + 12 : hour, minute: 0, second: nil)
    }

    /// A number starting at `index`, if one may start there.
    func reading(in s: [UInt32], at index: Int) -> NumberReading? {
        guard index < s.count else { return nil }
        let scalar = s[index]
        if CharacterClass.isDigit(scalar) {
            // Digits inside identifiers and codes (`AGRI3`, `cop-15`) are no numbers.
            if index > 0, Self.isASCIILetter(s[index - 1]) { return nil }
            if index > 1, s[index - 1] == 0x2D, Self.isASCIILetter(s[index - 2]) { return nil }
            if index > 0, CharacterClass.isDigit(s[index - 1]) { return nil }
            // Nor are numbers in URL paths (`/pga/75/`).
            if index > 0, s[index - 1] == 0x2F { return nil }
            guard let reading = NumberReader.read(s, from: index) else { return nil }
            if reading.end < s.count, Self.isASCIILetter(s[reading.end]) || s[reading.end] == 0x2F, !Self.takesLatin(s, at: reading.end) { return nil }
            return reading
        }
        guard Numeral.chineseDigit(scalar) != nil || Numeral.smallUnit(scalar) == 10 || Numeral.tens(scalar) != nil, tokenStarts[index]
        else { return nil }
        if index > 0, Numeral.chineseDigit(s[index - 1]) != nil { return nil }
        return NumberReader.read(s, from: index)
    }

    /// Whether Latin letters or a slash after digits measure them (`2cm`, `60km/h`, `15k`,
    /// `1/2`) rather than make a code of them (`5G`, `3D`, `2019/4`).
    static func takesLatin(_ s: [UInt32], at end: Int) -> Bool {
        func free(_ index: Int) -> Bool { index >= s.count || !(isASCIILetter(s[index]) || CharacterClass.isDigit(s[index])) }
        if let (_, stop) = Vocabulary.latinUnitTable.match(in: s, at: end), free(stop) { return true }
        if [0x6B, 0x4B, 0x77, 0x57].contains(s[end]), free(end + 1) { return true }
        // A fraction of one digit over one: `1/2`, not `2019/4`.
        return s[end] == 0x2F && (end < 2 || !CharacterClass.isDigit(s[end - 2])) && end + 1 < s.count && CharacterClass.isDigit(s[end + 1])
            && (end + 2 >= s.count || !(CharacterClass.isDigit(s[end + 2]) || s[end + 2] == 0x2F))
    }

    static func isASCIILetter(_ scalar: UInt32) -> Bool {
        (0x41...0x5A).contains(scalar) || (0x61...0x7A).contains(scalar)
    }

    /// One entity (no range joining) starting at `index`.
    func single(in s: [UInt32], at index: Int) -> Candidate? {
        // Frames look past their first word (`未来…`, `近…`): the text may end there.
        guard index < s.count else { return nil }
        if let negative = negative(in: s, at: index) { return negative }
        // Words that are dates by themselves.
        // Those whose characters often belong to the words beside them (之后|日本, 钢琴|日) only as
        // whole tokens.
        let match = Vocabulary.dateWordTable.match(in: s, at: index)
            ?? Vocabulary.tokenDateWordTable.match(in: s, at: index).flatMap { match in
                tokenStarts[index] && (match.end >= s.count || tokenStarts[match.end]) ? match : nil
            }
        if let (value, end) = match {
            // A relative date takes its value from the reference date, if one is given.
            if value == nil, let referenceDate, let (relative, relativeEnd) = RelativeDate.table.match(in: s, at: index), relativeEnd == end {
                return Candidate(range: index..<end, label: .date, value: relative.value(from: referenceDate))
            }
            return Candidate(range: index..<end, label: .date, value: value)
        }
        // Demonstrative periods: `这十年`, `这关键的一年` (ANNOTATION.md rule 10).
        if s[index] == 0x8FD9 {  // 这
            var start = index + 1
            // `这关键的一年`: a short modifier with 的 between 这 and the period.
            if let de = (start..<min(start + 5, s.count)).first(where: { s[$0] == 0x7684 }) { start = de + 1 }
            for begin in (start == index + 1 ? [start] : [index + 1, start]) where begin < s.count {
                if let period = single(in: s, at: begin), period.label == .date, period.value?.isPeriod == true,
                    period.range.lowerBound == begin, !CharacterClass.isDigit(s[begin]) || begin == index + 1
                {
                    // A demonstrative period is a relative date (`这十年`: this decade): no value
                    // without a reference date, as 今年 has none.
                    return Candidate(range: index..<period.range.upperBound, label: .date, value: nil)
                }
            }
        }
        // 近…来, 未来…: the frame belongs to the period.
        if s[index] == 0x8FD1, var period = single(in: s, at: index + 1), period.label == .date,
            period.value?.isPeriod == true, s[period.range.upperBound - 1] == 0x6765
        {
            period.range = index..<period.range.upperBound
            return period
        }
        if s[index] == 0x672A, Vocabulary.starts(s, at: index, with: "未来"), var period = single(in: s, at: index + 2), period.label == .date, period.value?.isPeriod == true {
            period.range = index..<period.range.upperBound
            return period
        }
        // Quarters: `第一季度`, a part of a year, keeps the year as a part of a month keeps the
        // month (ANNOTATION.md): no value alone, like 上半年; 2020 in `2020年第一季度`.
        if s[index] == 0x7B2C, let number = NumberReader.read(s, from: index + 1), let q = number.smallInteger, (1...4).contains(q),
            Vocabulary.starts(s, at: number.end, with: "季度")
        {
            return Candidate(range: index..<(number.end + 2), label: .date, value: nil)
        }
        // Ordinals: 第 with its numeral.
        if s[index] == 0x7B2C, let number = reading(in: s, at: index + 1) ?? NumberReader.read(s, from: index + 1), !number.isApproximate {
            return Candidate(range: index..<number.end, label: .ordinal, value: .number(number.value))
        }
        // 千分之五 → 0.5, 万分之三 → 0.03: per mille and per ten thousand, in percent.
        if s[index] == 0x5343 || s[index] == 0x4E07, index + 2 < s.count, s[index + 1] == 0x5206, s[index + 2] == 0x4E4B,
            let number = NumberReader.read(s, from: index + 3)
        {
            return Candidate(range: index..<number.end, label: .percent, value: .number(number.value / (s[index] == 0x5343 ? 10 : 100)))
        }
        // 百分之…: a percentage, perhaps negative (`百分之负三点八`).
        if s[index] == 0x767E, Vocabulary.starts(s, at: index, with: "百分之") {
            let isNegative = index + 3 < s.count && s[index + 3] == 0x8D1F
            if let number = NumberReader.read(s, from: index + (isNegative ? 4 : 3)) {
                return Candidate(range: index..<number.end, label: .percent, value: .number(isNegative ? -number.value : number.value))
            }
        }
        if let time = clockTime(in: s, at: index) ?? partOfDay(in: s, at: index) { return time }
        if let date = numericDate(in: s, at: index) ?? halfPeriod(in: s, at: index) { return date }
        if let amount = temperatureWithScaleFirst(in: s, at: index) { return amount }
        if let vague = vagueAmount(in: s, at: index) { return vague }
        guard let number = reading(in: s, at: index) else { return nil }
        return measured(number, in: s, from: index)
    }

    /// A negative amount, its sign kept (ANNOTATION.md): `负十一` → -11, `-3.8%` → -3.8,
    /// `零下4摄氏度` → -4 Cel. A minus sign counts only where it cannot join a range or a code
    /// (not after a digit or a letter).
    func negative(in s: [UInt32], at index: Int) -> Candidate? {
        let signed: Int
        if s[index] == 0x8D1F {  // 负
            signed = index + 1
        } else if s[index] == 0x96F6, index + 1 < s.count, s[index + 1] == 0x4E0B {  // 零下
            signed = index + 2
        } else if Numeral.isMinus(s[index]), index + 1 < s.count, CharacterClass.isDigit(s[index + 1]),
            index == 0 || !(CharacterClass.isDigit(s[index - 1]) || Self.isASCIILetter(s[index - 1]) || Numeral.isMinus(s[index - 1]))
        {
            signed = index + 1
        } else {
            return nil
        }
        // `零下30度`: after 零下, 度 is a temperature's.
        if s[index] == 0x96F6, let number = NumberReader.read(s, from: signed), number.end < s.count, s[number.end] == 0x5EA6 {
            return Candidate(range: index..<(number.end + 1), label: .quantity, value: .amount(-number.value, unit: "Cel"))
        }
        guard signed < s.count else { return nil }
        let following = single(in: s, at: signed)
        // `负三`: a numeral that is no entity alone is a number with its sign.
        if s[index] == 0x8D1F, following == nil, let number = NumberReader.read(s, from: signed), !number.isApproximate {
            return Candidate(range: index..<number.end, label: .cardinal, value: .number(-number.value))
        }
        guard let amount = following, amount.range.lowerBound == signed,
            [.cardinal, .percent, .quantity, .money].contains(amount.label), let value = amount.value?.negated
        else { return nil }
        // 零下 says a temperature: only a quantity follows it.
        if s[index] == 0x96F6, amount.label != .quantity { return nil }
        return Candidate(range: index..<amount.range.upperBound, label: amount.label, value: value)
    }

    /// Dates written in digits: `2019/4/19`, `2019.9.6`, `2024-3-5`, `20240307`, `2019-04`.
    func numericDate(in s: [UInt32], at index: Int) -> Candidate? {
        // `’97` → 1997: a year by its last two digits after an apostrophe.
        if s[index] == 0x2019 || s[index] == 0x27, index + 2 < s.count, CharacterClass.isDigit(s[index + 1]), CharacterClass.isDigit(s[index + 2]),
            index + 3 >= s.count || !CharacterClass.isDigit(s[index + 3])
        {
            let year = Numeral.digit(s[index + 1])! * 10 + Numeral.digit(s[index + 2])!
            return Candidate(range: index..<(index + 3), label: .date, value: .date(DateValue(year: .exact(Self.century(ofTwoDigitYear: year) + year))))
        }
        guard CharacterClass.isDigit(s[index]),
            index == 0 || !(CharacterClass.isDigit(s[index - 1]) || Self.isASCIILetter(s[index - 1]) || s[index - 1] == 0x2F || s[index - 1] == 0x2E)
        else { return nil }
        func isFree(_ end: Int) -> Bool { end >= s.count || !(CharacterClass.isDigit(s[end]) || Self.isASCIILetter(s[end])) }
        let (number, end) = Self.arabicDigits(s, from: index, most: 8)
        if end - index == 8 {
            let (year, month, day) = (number / 10_000, number / 100 % 100, number % 100)
            guard isFree(end), (1900...2099).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
            return Candidate(range: index..<end, label: .date, value: .date(DateValue(year: .exact(year), month: month, day: day)))
        }
        guard end - index == 4, (1900...2099).contains(number), end + 1 < s.count else { return nil }
        let separator = s[end]
        guard [0x2D, 0x2F, 0x2E, 0xFF0D, 0xFF0F, 0xFF0E].contains(separator) else { return nil }
        let (month, monthEnd) = Self.arabicDigits(s, from: end + 1, most: 2)
        guard monthEnd > end + 1, (1...12).contains(month), monthEnd >= s.count || !CharacterClass.isDigit(s[monthEnd]) else { return nil }
        if monthEnd + 1 < s.count, s[monthEnd] == separator {
            let (day, dayEnd) = Self.arabicDigits(s, from: monthEnd + 1, most: 2)
            guard dayEnd > monthEnd + 1, (1...31).contains(day), isFree(dayEnd) else { return nil }
            return Candidate(range: index..<dayEnd, label: .date, value: .date(DateValue(year: .exact(number), month: month, day: day)))
        }
        // A year and a month, `2019-04`: two digits, and not a decimal (`2019.9`) or a fraction.
        guard separator != 0x2E, separator != 0xFF0E, monthEnd - end == 3, isFree(monthEnd),
            monthEnd >= s.count || !(s[monthEnd] == separator || Self.isRangeJoiner(s[monthEnd]))
        else { return nil }
        return Candidate(range: index..<monthEnd, label: .date, value: .date(DateValue(year: .exact(number), month: month)))
    }

    /// What may follow `七成` for it to be a share: `以上`, `左右`, `多`, `的` ….
    static let tenthsFollowers = WordTable(["以上", "以下", "左右", "多", "的", "是", "为", "来自", "用于"].map { ($0, ()) })

    /// Telephone numbers: an area code `0…` of three or four digits, a hyphen and seven or
    /// eight digits (`010-12345678`), or a mobile number of eleven digits `1[3-9]…`; their end.
    static func phoneNumberEnd(_ s: [UInt32], at index: Int) -> Int? {
        guard s[index] == 0x30 || s[index] == 0x31, index == 0 || !CharacterClass.isDigit(s[index - 1]) else { return nil }
        var end = index
        while end < s.count, CharacterClass.isDigit(s[end]) { end += 1 }
        let first = end - index
        if first == 11, s[index] == 0x31, (0x33...0x39).contains(s[index + 1]) { return end }
        guard s[index] == 0x30, first == 3 || first == 4, end + 1 < s.count, s[end] == 0x2D || s[end] == 0xFF0D else { return nil }
        var last = end + 1
        while last < s.count, CharacterClass.isDigit(s[last]) { last += 1 }
        return (7...8).contains(last - end - 1) && (last >= s.count || !CharacterClass.isDigit(s[last])) ? last : nil
    }

    /// Identifiers and codes that are no entities (rule 13): runs of three or more digit groups
    /// joined by hyphens that are no date (`400-800-1234`), twelve digits or more in a row (an
    /// order number), a postal code after 邮编, and the shopping days 双十一 and 双11. Their end.
    static func codeEnd(_ s: [UInt32], at index: Int) -> Int? {
        if s[index] == 0x53CC, index + 1 < s.count, let (_, end) = shoppingDays.match(in: s, at: index + 1) { return end }  // 双
        guard CharacterClass.isDigit(s[index]), index == 0 || !CharacterClass.isDigit(s[index - 1]) else { return nil }
        // The number of groups and the lengths of the first three, without an array: this runs
        // at every number.
        var count = 0
        var lengths = (0, 0, 0)
        var end = index
        while true {
            let groupStart = end
            while end < s.count, CharacterClass.isDigit(s[end]) { end += 1 }
            switch count {
            case 0: lengths.0 = end - groupStart
            case 1: lengths.1 = end - groupStart
            case 2: lengths.2 = end - groupStart
            default: break
            }
            count += 1
            guard end + 1 < s.count, s[end] == 0x2D, CharacterClass.isDigit(s[end + 1]) else { break }
            end += 1
        }
        if count >= 3, !(lengths.0 == 4 && lengths.1 <= 2 && lengths.2 <= 2) { return end }
        if count == 1, lengths.0 >= 12 { return end }
        if count == 1, lengths.0 == 6 {
            var before = index
            while before > 0, [0x3A, 0xFF1A, 0x20].contains(s[before - 1]) { before -= 1 }
            if Vocabulary.endsBefore(s, at: before, with: "邮编") || Vocabulary.endsBefore(s, at: before, with: "邮政编码") { return end }
        }
        return nil
    }

    /// What follows 双 in the names of shopping days: `双十一`, `双11`, `双十二`, `双12`.
    static let shoppingDays = WordTable(["十一", "十二", "11", "12"].map { ($0, ()) })

    /// Nouns after which a number labels an item (`目标1`, `图2`, `附件3`): ending right before it.
    static let labelNounTable = SuffixTable(["目标", "图", "表", "附件", "附录", "步骤", "方案", "选项", "问题", "示例", "案例", "公式", "注", "编号", "序号", "条款", "指标"])

    /// Numbers of models and versions after a Latin name and a space (`iPhone 15`, `Windows
    /// 10`, `COP 26`): their end. A year keeps its reading (`in 2020`).
    static func modelNumberEnd(_ s: [UInt32], at index: Int) -> Int? {
        guard CharacterClass.isDigit(s[index]), index >= 2, s[index - 1] == 0x20, isASCIILetter(s[index - 2]) else { return nil }
        var end = index
        while end < s.count, CharacterClass.isDigit(s[end]) { end += 1 }
        if end - index == 4, let year = Int(String(String.UnicodeScalarView(s[index..<end].compactMap(Unicode.Scalar.init)))), (1900...2099).contains(year) {
            return nil
        }
        return end
    }

    /// `摄氏37度` → 37 Cel: a temperature with its scale before it.
    func temperatureWithScaleFirst(in s: [UInt32], at index: Int) -> Candidate? {
        guard s[index] == 0x6444, Vocabulary.starts(s, at: index, with: "摄氏"), let number = NumberReader.read(s, from: index + 2),
            number.end < s.count, s[number.end] == 0x5EA6  // 度
        else { return nil }
        return Candidate(range: index..<(number.end + 1), label: .quantity, value: .amount(number.value, unit: "Cel"))
    }

    /// An amount with its currency written before it (`港币两千九百六十元` → 2960 HKD,
    /// `人民币100元`), found from the amount: the currency words are frequent characters that
    /// start no entity, so they are looked for only behind a number. `nil` unless one ends at
    /// the amount's start after `free` (where the previous entity ended).
    static func withCurrencyBefore(_ amount: Candidate, in s: [UInt32], after free: Int) -> Candidate? {
        let number: Decimal
        switch amount.value {
        case .number(let value)? where amount.label == .cardinal: number = value
        case .amount(let value, "CNY")? where amount.label == .money: number = value  // an amount in yuan (元, 块) is in the currency named
        default: return nil
        }
        for (word, code) in Vocabulary.currencyPrefixes {
            let length = word.unicodeScalars.count
            let start = amount.range.lowerBound - length
            guard start >= free, Vocabulary.starts(s, at: start, with: word) else { continue }
            return Candidate(range: start..<amount.range.upperBound, label: .money, value: .amount(number, unit: code))
        }
        return nil
    }

    /// `前`, `以前`, `之前` (back: -1) or `后`, `以后`, `之后` (on: 1) after a period, and its end.
    static func relativeFrame(_ s: [UInt32], at index: Int) -> (Int, Int)? {
        for (word, sign) in [("以前", -1), ("之前", -1), ("以后", 1), ("之后", 1), ("前", -1), ("后", 1)] where Vocabulary.starts(s, at: index, with: word) {
            return (sign, index + word.unicodeScalars.count)
        }
        return nil
    }

    /// Half a period: `半年` → P0.5Y, `半个月` → P0.5M, `半天`, `半小时` → PT0.5H.
    func halfPeriod(in s: [UInt32], at index: Int) -> Candidate? {
        // `半公斤` → 0.5 kg, `半米`.
        if s[index] == 0x534A, tokenStarts[index], let (code, stop) = Vocabulary.unitTable.match(in: s, at: index + 1) {
            return Candidate(range: index..<stop, label: .quantity, value: .amount(0.5, unit: code))
        }
        guard s[index] == 0x534A, tokenStarts[index], let (payload, stop) = Self.periodTable.match(in: s, at: index + 1),
            payload.1 != .years || s[index + 1] == 0x5E74  // 半岁 is none; 半年 is
        else { return nil }
        return Candidate(range: index..<stop, label: payload.0, value: .period(Period(0.5, payload.1)))
    }

    /// Jiao (角, 毛: a tenth) and fen (分: a hundredth) of a yuan from `index`: their value in
    /// yuan and end, or `nil` (`壹角`, `5角2分`, `8毛钱`).
    static func jiaoFen(_ s: [UInt32], at index: Int) -> (Decimal, Int)? {
        var total = Decimal(0)
        var end = index
        if let jiao = NumberReader.read(s, from: end), jiao.end < s.count, s[jiao.end] == 0x89D2 || s[jiao.end] == 0x6BDB, let j = jiao.smallInteger, j < 10 {
            total += Decimal(j) / 10
            end = jiao.end + 1
        }
        if let fen = NumberReader.read(s, from: end), fen.end < s.count, s[fen.end] == 0x5206,
            end > index || Vocabulary.starts(s, at: fen.end + 1, with: "钱"),  // `5分钱`; 5分 alone is a score or minutes
            !(fen.end + 1 < s.count && (s[fen.end + 1] == 0x4E4B || s[fen.end + 1] == 0x949F)), let f = fen.smallInteger, f < 10
        {
            total += Decimal(f) / 100
            end = fen.end + 1
        }
        guard end > index else { return nil }
        if Vocabulary.starts(s, at: end, with: "钱") { end += 1 }
        return (total, end)
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

    /// Whether a DATE ends in a year (`2024年`, `今年`, `去年`), which a holiday may follow.
    static func endsInYear(_ date: Candidate, in s: [UInt32]) -> Bool {
        s[date.range.upperBound - 1] == 0x5E74 && date.value?.date.map { $0.month == nil && $0.day == nil && $0.week == nil } != false
    }

    /// Whether a DATE names a century (`本世纪`, `上世纪`), which a decade may follow.
    static func isCentury(_ date: Candidate, in s: [UInt32]) -> Bool {
        date.range.count >= 2 && s[date.range.upperBound - 2] == 0x4E16 && s[date.range.upperBound - 1] == 0x7EAA  // 世纪
    }

    /// Whether a DATE names one day (`今天`, `5日`, `1月5日`, `2018-11-29`), which a time of day
    /// may follow.
    static func isDay(_ date: Candidate, in s: [UInt32]) -> Bool {
        if date.value?.isPeriod == true { return false }  // `36天` is a period, not a day
        let last = s[date.range.upperBound - 1]
        if [0x5929, 0x65E5, 0x53F7, 0x665A, 0x591C, 0x6668].contains(last) { return true }  // 天 日 号, 今晚 今夜 今晨
        // A numeric date with its day: `2018-11-29`, `2019/4/19`.
        guard let day = date.value?.date else { return false }
        return day.day != nil || day.weekday != nil
    }

    /// Parts of the day: a TIME with no value alone (ISO 8601 has none for an afternoon), and
    /// the day's DATE after a day (`7月11日早上` → XXXX-07-11, ANNOTATION.md).
    static let partsOfDay: [(String, ())] = [
        "上午", "早上", "早晨", "清晨", "凌晨", "中午", "午后", "下午", "傍晚", "黄昏", "晚上", "晚间", "夜晚", "夜间", "深夜", "午夜", "半夜",
        "上昼", "下昼", "晏昼", "朝早", "晚黑",  // Cantonese
    ].map { ($0, ()) }

    /// `上午`, `傍晚`: a part of the day, as a word of its own (`上午好` is a greeting: none).
    func partOfDay(in s: [UInt32], at index: Int) -> Candidate? {
        guard tokenStarts[index] else { return nil }
        // 早, 晚, 夜 alone right after a day: `12月24日晚`, `5日早`.
        if index > 0, s[index - 1] == 0x65E5 || s[index - 1] == 0x53F7, [0x665A, 0x65E9, 0x591C].contains(s[index]),
            index + 1 >= s.count || tokenStarts[index + 1], Self.partOfDayTable.match(in: s, at: index) == nil
        {
            return Candidate(range: index..<(index + 1), label: .time, value: nil)
        }
        guard let (_, end) = Self.partOfDayTable.match(in: s, at: index), end >= s.count || tokenStarts[end],
            end >= s.count || s[end] != 0x597D  // 好
        else { return nil }
        return Candidate(range: index..<end, label: .time, value: nil)
    }

    /// Parts of the day that shift a clock's hours: `下午3点` is 15:00.
    static let dayPeriods: [(String, Int)] = [
        ("上午", 0), ("早上", 0), ("早晨", 0), ("清晨", 0), ("凌晨", 0), ("中午", 12), ("下午", 12), ("午后", 12), ("晚上", 12),
        ("傍晚", 12), ("晚间", 12), ("夜里", 12), ("夜间", 12), ("夜晚", 12), ("早", 0), ("晚", 12),
        ("上昼", 0), ("下昼", 12), ("晏昼", 12), ("朝早", 0), ("晚黑", 12),  // Cantonese
    ]

    /// What may follow an hour with no minutes for it to be a clock time (`8点开始`, `8点前`,
    /// `8点，`), where `提出8点建议` counts points.
    static let hourFollowers = WordTable(["钟", "整", "左右", "前", "后", "多", "许", "起", "开始", "以前", "以后", "之前", "之后", "到", "至", "半", "过"]
        .map { ($0, ()) })

    /// A clock time, `T` and hours and minutes (ANNOTATION.md): `14:30`, `3点半`, `十一点半`,
    /// `三点十五`, `三点零五分`, `20时30分`, `8点一刻`, `8点钟`, perhaps after a part of the day
    /// (`下午3点半` → T15:30). `三点五` stays a decimal and `8点建议` a count.
    func clockTime(in s: [UInt32], at index: Int, hourIsPlain: Bool = false) -> Candidate? {
        guard index < s.count else { return nil }
        var start = index
        var shift = -1  // hours the part of the day adds; -1: none given
        // After 今晚, 明晚, 昨夜 the hours are the evening's (`今晚8点` → T20:00).
        if index > 0, s[index - 1] == 0x665A || s[index - 1] == 0x591C, Numeral.digit(s[index]) != nil || Numeral.smallUnit(s[index]) != nil {
            shift = 12
        }
        if let (hours, end) = Self.dayPeriodTable.match(in: s, at: index) {
            shift = hours
            start = end
        }
        guard start < s.count else { return nil }
        var hour = 0, minute = 0, stop = start
        var second: Int?
        if let (h, m, sec, end) = Self.colonTime(s, at: start) {
            (hour, minute, second, stop) = (h, m, sec, end)
        } else {
            guard let (h, hourEnd) = Self.smallNumber(s, at: start), hourEnd < s.count,
                [0x70B9, 0x65F6, 0x9EDE, 0x6642].contains(s[hourEnd])  // 点 时 點 時
            else { return nil }
            hour = h
            stop = hourEnd + 1
            let arabicHour = CharacterClass.isDigit(s[start])
            if stop < s.count, s[stop] == 0x534A {  // 半
                minute = 30
                stop += 1
            } else if stop + 1 < s.count, s[stop] == 0x8FC7, let (m, minuteEnd) = Self.smallNumber(s, at: stop + 1), m < 60, minuteEnd < s.count, s[minuteEnd] == 0x5206 {
                minute = m  // `四点过五分`: five past four
                stop = minuteEnd + 1
            } else if Vocabulary.starts(s, at: stop, with: "一刻") || Vocabulary.starts(s, at: stop, with: "三刻") {
                minute = s[stop] == 0x4E00 ? 15 : 45
                stop += 2
            } else if let (m, minuteEnd) = Self.smallNumber(s, at: stop), m < 60 {
                let withFen = minuteEnd < s.count && (s[minuteEnd] == 0x5206)  // 分
                // Minutes need 分 unless they cannot be a decimal's digits: Arabic after an
                // Arabic hour (`3点15`), or with 十 or a leading 零 (`三点十五`, `三点零五`).
                let unambiguous = arabicHour && CharacterClass.isDigit(s[stop])
                    || s[stop..<minuteEnd].contains(where: { Numeral.smallUnit($0) == 10 || $0 == 0x96F6 })
                guard withFen || unambiguous else { return nil }
                minute = m
                stop = minuteEnd + (withFen ? 1 : 0)
            } else if shift < 0 {
                // An hour alone is a time only where a clock reading is plain from what follows,
                // and 一点 alone is "a little" (`好一点。`).
                // After a day the hour is plain too (`1月4日20时`).
                let atEnd = stop >= s.count || CharacterShape(s[stop]).isOutsideNames
                let afterDay = index > 0 && [0x65E5, 0x53F7, 0x5929].contains(s[index - 1])  // 日 号 天
                guard hourIsPlain || atEnd || afterDay || Self.hourFollowers.match(in: s, at: stop) != nil, arabicHour || (hour != 1 && tokenStarts[start])
                else { return nil }
            }
            if stop < s.count, s[stop] == 0x949F || s[stop] == 0x6574 { stop += 1 }  // 钟 整
        }
        guard (0...24).contains(hour) else { return nil }
        var hour24 = hour
        if shift == 12, hour < 12 { hour24 = hour + 12 }
        if shift == 0, hour == 12, s[index] == 0x51CC { hour24 = 0 }  // 凌晨12点
        if shift == 12, hour == 12, s[index] != 0x4E2D { hour24 = 0 }  // 晚上12点 is midnight; 中午12点 noon
        return Candidate(range: index..<stop, label: .time, value: .time(TimeOfDay(hour: hour24 == 24 ? 0 : hour24, minute: minute, second: second), on: nil))
    }

    /// The century a year written in two digits falls in: 1900 for 30–99, 2000 below.
    static func century(ofTwoDigitYear year: Int) -> Int { year >= 30 ? 1900 : 2000 }

    /// The value of up to `most` Arabic digits from `start` (fewer where the digits stop), and
    /// their end: the small whole numbers of dates and clocks. O(most).
    static func arabicDigits(_ s: [UInt32], from start: Int, most: Int) -> (Int, Int) {
        var end = start
        var value = 0
        while end < s.count, end < start + most, CharacterClass.isDigit(s[end]) {
            value = value * 10 + Numeral.digit(s[end])!
            end += 1
        }
        return (value, end)
    }

    /// `14:30`, `9:05`, `14：30`: one or two digits, a colon and two digits (0–24, 0–59), not
    /// part of a longer run of digits and colons.
    static func colonTime(_ s: [UInt32], at index: Int) -> (hour: Int, minute: Int, second: Int?, end: Int)? {
        guard CharacterClass.isDigit(s[index]), index == 0 || !(CharacterClass.isDigit(s[index - 1]) || s[index - 1] == 0x3A) else { return nil }
        let (hour, end) = arabicDigits(s, from: index, most: 2)
        guard end + 2 < s.count, s[end] == 0x3A || s[end] == 0xFF1A, CharacterClass.isDigit(s[end + 1]), CharacterClass.isDigit(s[end + 2]),
            end + 3 >= s.count || !(CharacterClass.isDigit(s[end + 3]) || (s[end + 3] == 0x3A && end + 4 < s.count && !CharacterClass.isDigit(s[end + 4])))
        else { return nil }
        let minute = Numeral.digit(s[end + 1])! * 10 + Numeral.digit(s[end + 2])!
        guard hour <= 24, minute < 60 else { return nil }
        var stop = end + 3
        var second: Int?
        // Seconds: `14:30:05`.
        if stop + 2 < s.count, s[stop] == 0x3A || s[stop] == 0xFF1A, CharacterClass.isDigit(s[stop + 1]), CharacterClass.isDigit(s[stop + 2]),
            stop + 3 >= s.count || !CharacterClass.isDigit(s[stop + 3])
        {
            let value = Numeral.digit(s[stop + 1])! * 10 + Numeral.digit(s[stop + 2])!
            if value < 60 {
                second = value
                stop += 3
            }
        }
        return (hour, minute, second, stop)
    }

    /// A whole number below 100 in one or two Arabic digits or up to four Chinese numerals
    /// (`3`, `15`, `十一`, `二十三`, `零五`), with no decimal part; its value and end.
    static func smallNumber(_ s: [UInt32], at index: Int) -> (Int, Int)? {
        guard index < s.count else { return nil }
        if CharacterClass.isDigit(s[index]) {
            let (value, end) = arabicDigits(s, from: index, most: 2)
            guard end >= s.count || !CharacterClass.isDigit(s[end]) else { return nil }
            return (value, end)
        }
        var end = index
        var value = 0
        var digit: Int?
        var sawTen = false
        while end < s.count, end < index + 4 {
            if let d = Numeral.chineseDigit(s[end]) {
                if digit != nil, !sawTen, d != 0, s[end - 1] != 0x96F6 { break }  // two digits in a row: not a clock number
                digit = d
            } else if Numeral.smallUnit(s[end]) == 10, !sawTen {
                value += (digit ?? 1) * 10
                digit = nil
                sawTen = true
            } else {
                break
            }
            end += 1
        }
        guard end > index else { return nil }
        value += digit ?? 0
        return value < 100 ? (value, end) : nil
    }

    /// What a number is, from what follows it.
    func measured(_ number: NumberReading, in s: [UInt32], from start: Int) -> Candidate? {
        let end = number.end
        var value: EntityValue { .number(number.value, upTo: number.upper) }
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
            return Candidate(range: start..<numerator.end, label: .cardinal, value: .number(rounded))
        }
        if end < s.count, s[end] == 0x2030 {  // ‰: a percentage in percent (`35‰` → 3.5)
            return Candidate(range: start..<(end + 1), label: .percent, value: .number(number.value / 10))
        }
        if let (code, stop) = Vocabulary.currencyTable.match(in: s, at: end) {
            // Jiao and fen after yuan: `壹拾壹元壹角` → 11.1 CNY, `3元5角2分`.
            if code == "CNY", let (cents, centsEnd) = Self.jiaoFen(s, at: stop) {
                return Candidate(range: start..<centsEnd, label: .money, value: .amount(number.value + cents, unit: "CNY"))
            }
            return Candidate(range: start..<stop, label: .money, value: .amount(number.value, upTo: number.upper, unit: code))
        }
        // `两块五毛`, `3块5毛`: 块 is the yuan where jiao follow it (else a classifier: `两块蛋糕`).
        if end < s.count, s[end] == 0x5757, number.upper == nil, let (cents, centsEnd) = Self.jiaoFen(s, at: end + 1) {
            return Candidate(range: start..<centsEnd, label: .money, value: .amount(number.value + cents, unit: "CNY"))
        }
        if let (code, stop) = Vocabulary.unitTable.match(in: s, at: end) {
            // `一米八`, `三米九`: a height's tenths after 米.
            if code == "m", stop == end + 1, number.upper == nil, stop < s.count, let tenth = Numeral.chineseDigit(s[stop]), tenth > 0,
                stop + 1 >= s.count || Numeral.digit(s[stop + 1]) == nil && Numeral.smallUnit(s[stop + 1]) == nil
            {
                return Candidate(range: start..<(stop + 1), label: .quantity, value: .amount(number.value + Decimal(tenth) / 10, unit: "m"))
            }
            return Candidate(range: start..<stop, label: .quantity, value: .amount(number.value, upTo: number.upper, unit: code))
        }
        // 斤, the market catty, is 500 g (UCUM has no unit of its own for it).
        if end < s.count, s[end] == 0x65A4, number.upper == nil {
            return Candidate(range: start..<(end + 1), label: .quantity, value: .amount(number.value * 500, unit: "g"))
        }
        // `七成` → 70: tenths as a percentage, where no word goes on (一成不变, 成立 are none).
        if end < s.count, s[end] == 0x6210, !number.hasArabicDigits, number.upper == nil, let tenths = number.smallInteger, (1...10).contains(tenths),
            end + 1 >= s.count || CharacterShape(s[end + 1]).isOutsideNames || Self.tenthsFollowers.match(in: s, at: end + 1) != nil
        {
            return Candidate(range: start..<(end + 1), label: .percent, value: .number(Decimal(tenths * 10)))
        }
        if number.hasArabicDigits, let (code, stop) = Vocabulary.latinUnitTable.match(in: s, at: end), stop >= s.count || !Self.isASCIILetter(s[stop]) {
            return Candidate(range: start..<stop, label: .quantity, value: .amount(number.value, upTo: number.upper, unit: code))
        }
        // `15k`, `30w`: thousands and ten thousands in Latin letters.
        if number.hasArabicDigits, end < s.count, [0x6B, 0x4B, 0x77, 0x57].contains(s[end]), end + 1 >= s.count || !Self.isASCIILetter(s[end + 1]) {
            let factor: Decimal = s[end] == 0x6B || s[end] == 0x4B ? 1000 : 10_000
            return Candidate(range: start..<(end + 1), label: .cardinal, value: .number(number.value * factor))
        }
        // `1/2`, `3/4`: a fraction in digits, as a decimal.
        if number.hasArabicDigits, number.multiplier == 1, end + 1 < s.count, s[end] == 0x2F, let denominator = Numeral.digit(s[end + 1]),
            CharacterClass.isDigit(s[end + 1]), end + 2 >= s.count || !(CharacterClass.isDigit(s[end + 2]) || s[end + 2] == 0x2F),
            denominator > 1, number.value < Decimal(denominator), start == 0 || s[start - 1] != 0x2F
        {
            var quotient = number.value / Decimal(denominator)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &quotient, 6, .plain)
            return Candidate(range: start..<(end + 2), label: .cardinal, value: .number(rounded))
        }
        // `两个亿`, `三个多亿`: a count of hundreds of millions.
        if next("个亿") || next("个多亿") {
            let stop = next("个亿") ? end + 2 : end + 3
            return Candidate(range: start..<stop, label: .cardinal, value: .number(number.value * 100_000_000))
        }
        // `5角`, `8毛钱`: tenths of a yuan; in Chinese numerals only with 钱 (三角洲, 三毛 are none).
        if end < s.count, s[end] == 0x89D2 || s[end] == 0x6BDB || s[end] == 0x5206,  // 角 毛 分: read again only then
            let (cents, centsEnd) = Self.jiaoFen(s, at: start), centsEnd > end,
            number.hasArabicDigits && s[end] != 0x6BDB || s[centsEnd - 1] == 0x94B1
        {
            return Candidate(range: start..<centsEnd, label: .money, value: .amount(cents, unit: "CNY"))
        }
        // A classifier: counted things. `一` alone with a classifier is an article (一个重要目标).
        // After 只有, 仅, 才 it counts (`只有一头大象`, rule 9).
        let counts = Self.countingWords.contains { word in
            start >= word.count && s[(start - word.count)..<start].elementsEqual(word)
        }
        let isLoneOne = !number.hasArabicDigits && number.length == 1 && s[start] == 0x4E00 && !counts
        // 零 alone counts nothing (`零排放`, rule 9).
        if !number.hasArabicDigits, number.length == 1, s[start] == 0x96F6 { return nil }
        // `98分`: points of a score, after digits (十分 is "very").
        if number.hasArabicDigits, end < s.count, s[end] == 0x5206, !next("分之"), !next("分钟") {
            return Candidate(range: start..<(end + 1), label: .cardinal, value: value)
        }
        if let (_, stop) = Vocabulary.classifierTable.match(in: s, at: end) {
            // 一 as an article is no number, but 一倍 counts.
            if isLoneOne, !(stop == end + 1 && s[end] == 0x500D) { return nil }  // 倍
            return Candidate(range: start..<stop, label: .cardinal, value: value)
        }
        if end < s.count, Vocabulary.multipliers.contains(s[end]), !isLoneOne {
            return Candidate(range: start..<end, label: .cardinal, value: value)
        }
        // `两国`, `三人`: a single numeral before a noun it counts (rule 12).
        // Only the plain numerals: 陆 in 陆地 is no six.
        if !number.hasArabicDigits, number.length == 1, Self.plainNumerals.contains(s[start]), end < s.count, Vocabulary.countedNouns.contains(s[end]) {
            return Candidate(range: start..<end, label: .cardinal, value: value)
        }
        // A year without 年 before a name (`1998大地震`, `2008奥运会`): a DATE.
        if number.hasArabicDigits, number.length == 4, let year = number.smallInteger, (1900...2099).contains(year), end < s.count,
            CharacterShape(s[end]) == .han, !Vocabulary.countedNouns.contains(s[end]), !Self.afterAmounts.contains(s[end]), !Self.isRangeJoiner(s[end]),
            Numeral.smallUnit(s[end]) == nil, s[end] != Numeral.wan, s[end] != Numeral.yi
        {
            return Candidate(range: start..<end, label: .date, value: .date(DateValue(year: .exact(year))))
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
        let integer = number.smallInteger
        let isYear = !number.isApproximate && digits == 4 && integer.map { (1000..<3000).contains($0) } == true
        // An ISO date: `2020-12-02`.
        if isYear, number.hasArabicDigits, end + 5 <= s.count, s[end] == 0x2D,
            let month = NumberReader.read(s, from: end + 1), month.length == 2, month.end < s.count, s[month.end] == 0x2D,
            let day = NumberReader.read(s, from: month.end + 1), day.length == 2,
            let m = month.smallInteger, let d = day.smallInteger, (1...12).contains(m), (1...31).contains(d)
        {
            return Candidate(range: start..<day.end, label: .date, value: .date(DateValue(year: .exact(integer!), month: m, day: d)))
        }
        // A year in two digits before its month: `98年4月` → 1998-04 (the 30s and on are 19xx).
        var year: Int? = isYear ? integer : nil
        func monthFollows() -> Bool {
            guard let month = NumberReader.read(s, from: end + 1), at(month.end, "月"), let m = month.smallInteger else { return false }
            return (1...12).contains(m)
        }
        if year == nil, at(end, "年"), !number.isApproximate, digits == 2, let y = integer,
            s[start] == 0x30 || s[start] == 0xFF10 || monthFollows()  // `05年`: no count of years starts with 0
        {
            year = Self.century(ofTwoDigitYear: y) + y
        }
        // A generation by its decade of birth: `90后` → 199X, `00后` → 200X.
        if number.hasArabicDigits, digits == 2, at(end, "后"), let y = integer, y % 10 == 0 {
            return Candidate(range: start..<(end + 1), label: .date, value: .date(DateValue(year: .decade((Self.century(ofTwoDigitYear: y) + y) / 10))))
        }
        // A year, then perhaps its month, day and part of month.
        if at(end, "年"), let year, !at(end, "年代") {
            var stop = end + 1
            var date = DateValue(year: .exact(year))
            if let month = NumberReader.read(s, from: stop), !month.isApproximate, at(month.end, "月"), let m = month.smallInteger, (1...12).contains(m) {
                date.month = m
                return monthOn(date, from: start, monthEnd: month.end + 1, in: s)
            } else if stop < s.count, [0x5E95, 0x521D, 0x672B, 0x5EA6].contains(s[stop]) {
                stop += 1  // 2020年底, 年初, 年末, 2023年度: the year keeps its value
            }
            return Candidate(range: start..<stop, label: .date, value: .date(date))
        }
        // Two neighbouring months: `三四月份` → XXXX-03/XXXX-04.
        if at(end, "月"), let upper = number.upper, let low = integer, low >= 1, let high = NumberReading.wholeNumber(upper), high <= 12 {
            let stop = at(end, "月份") ? end + 2 : end + 1
            return Candidate(range: start..<stop, label: .date, value: .range(.date(DateValue(month: low)), .date(DateValue(month: high))))
        }
        // A month (and day) of an unstated year.
        if at(end, "月"), let m = integer, (1...12).contains(m), !number.isApproximate {
            return monthOn(DateValue(month: m), from: start, monthEnd: end + 1, in: s)
        }
        let isYen = at(end, "日元") || at(end, "日圆")
        if at(end, "日") && !isYen || at(end, "号"), let d = integer, (1...31).contains(d), number.hasArabicDigits {
            return Candidate(range: start..<(end + 1), label: .date, value: .date(DateValue(day: d)))
        }
        // A day of the month in Chinese numerals, as news writes it (`哈韦尔二日在布拉格`):
        // not 一日 (one day), nor a tour or a span of days (`三日游`, `三日内`).
        if at(end, "日"), !isYen, !number.hasArabicDigits, !number.isApproximate, let d = integer, (2...31).contains(d), s[start] != 0x4E24,
            s[start] != 0x4FE9, tokenStarts[start], !(end + 1 < s.count && [0x6E38, 0x4E4B, 0x5185, 0x91CC].contains(s[end + 1]))  // 游 之 内 里
        {
            return Candidate(range: start..<(end + 1), label: .date, value: .date(DateValue(day: d)))
        }
        // Days as a period: `两日`, `90日` (no month has them).
        if at(end, "日"), !isYen, let d = integer, d > 31 || s[start] == 0x4E24 || s[start] == 0x4FE9 {
            return Candidate(range: start..<(end + 1), label: .date, value: .period(Period(Decimal(d), .days)))
        }
        // `两个半小时` → PT2.5H, `三个半月` → P3.5M.
        if at(end, "个半"), let count = integer, !number.isApproximate {
            let amount = Decimal(count) + 0.5
            if at(end + 2, "小时") { return Candidate(range: start..<(end + 4), label: .time, value: .period(Period(amount, .hours))) }
            if at(end + 2, "月") { return Candidate(range: start..<(end + 3), label: .date, value: .period(Period(amount, .months))) }
        }
        // Quarters of an hour: `一刻钟` → PT15M.
        if at(end, "刻钟"), let q = integer, (1...4).contains(q) {
            return Candidate(range: start..<(end + 2), label: .time, value: .period(Period(Decimal(15 * q), .minutes)))
        }
        // Centuries and decades: 21世纪 → 20XX, 20世纪90年代 → 199X, 90年代 → XX9X.
        if at(end, "世纪"), let c = integer, (1...30).contains(c) {
            var stop = end + 2
            var year = DateValue.Year.century(c - 1)
            if let decade = NumberReader.read(s, from: stop), at(decade.end, "年代"), let d = decade.smallInteger, d % 10 == 0, d < 100 {
                year = .decade((c - 1) * 10 + d / 10)
                stop = decade.end + 2
            }
            return Candidate(range: start..<stop, label: .date, value: .date(DateValue(year: year)))
        }
        if at(end, "年代"), let d = integer, d % 10 == 0 {
            return Candidate(range: start..<(end + 2), label: .date, value: .date(DateValue(year: d >= 1000 ? .decade(d / 10) : .decadeOfCentury(d / 10 % 10))))
        }
        // Durations, ages and anniversaries.
        if let ((label, unit), stop) = Self.periodTable.match(in: s, at: end) {
            var stop = stop
            // `五年多`: what sits inside the amount stays in.
            if stop < s.count, s[stop] == 0x591A, label == .date { stop += 1 }
            // `两年半` → P2.5Y.
            var amount = n
            if stop < s.count, s[stop] == 0x534A, !number.isApproximate, integer != nil {
                amount += 0.5
                stop += 1
            }
            // `三天前`, `5年后`: with a reference date, the day it points to; the span leaves 前
            // and 后 out (rule 8), and without a reference date the value is the period.
            if label == .date, unit <= .days, !at(stop - 1, "岁"), !at(stop - 2, "周年"), !number.isApproximate,
                let count = integer, let referenceDate, let (sign, _) = Self.relativeFrame(s, at: stop)
            {
                let relative: RelativeDate =
                    switch unit {
                    case .years: .year(sign * count)
                    case .months: .month(sign * count)
                    case .weeks: .day(sign * count * 7)
                    default: .day(sign * count)
                    }
                return Candidate(range: start..<stop, label: .date, value: relative.value(from: referenceDate))
            }
            // `三四天` → P3D/P4D.
            let value: EntityValue = number.upper.map { .range(.period(Period(n, unit)), .period(Period($0, unit))) } ?? .period(Period(amount, unit))
            // `30年来`: the frame stays with the period.
            if label == .date, unit != .weeks, stop < s.count, s[stop] == 0x6765, !at(stop, "来自") { stop += 1 }
            return Candidate(range: start..<stop, label: label, value: value)
        }
        return nil
    }

    /// A month's DATE from `start` (its year, if any, in `date`) with what follows the 月 at
    /// `monthEnd`: 份 (`12月份`), a day (`6月5日`), a range of days (`2019年4月12-19日` →
    /// 2019-04-12/2019-04-19) or a part of the month (`2月下旬`, which keeps the month).
    func monthOn(_ date: DateValue, from start: Int, monthEnd: Int, in s: [UInt32]) -> Candidate {
        var date = date
        var stop = monthEnd
        if Vocabulary.starts(s, at: stop, with: "份") {
            stop += 1
        } else if let (day, dayEnd) = dayOfMonth(in: s, at: stop) {
            date.day = day
            stop = dayEnd
        } else if let (first, last, end) = dayRange(in: s, at: stop) {
            return Candidate(range: start..<end, label: .date, value: Self.days(first, last, of: date))
        } else if let part = partOfMonth(in: s, at: stop) {
            stop = part
        }
        return Candidate(range: start..<stop, label: .date, value: .date(date))
    }

    /// A day of the month after its month (`5日`, `五号`): the day and the end.
    func dayOfMonth(in s: [UInt32], at index: Int) -> (Int, Int)? {
        guard let day = NumberReader.read(s, from: index), !day.isApproximate, Vocabulary.starts(s, at: day.end, with: "日") || Vocabulary.starts(s, at: day.end, with: "号"),
            let d = day.smallInteger, (1...31).contains(d)
        else { return nil }
        return (d, day.end + 1)
    }

    /// Days `first` to `last` of the month of `date`, as a range.
    static func days(_ first: Int, _ last: Int, of date: DateValue) -> EntityValue {
        var start = date, end = date
        start.day = first
        end.day = last
        return .range(.date(start), .date(end))
    }

    /// Period words after a number: their label and unit.
    static let periods: [(String, (EntityLabel, Period.Unit))] = [
        ("个多月", (.date, .months)), ("多个月", (.date, .months)), ("个月", (.date, .months)), ("周年", (.date, .years)),
        ("年", (.date, .years)), ("天", (.date, .days)), ("个星期", (.date, .weeks)), ("星期", (.date, .weeks)),
        ("个礼拜", (.date, .weeks)), ("礼拜", (.date, .weeks)), ("周", (.date, .weeks)), ("岁", (.date, .years)),
        ("周岁", (.date, .years)), ("个小时", (.time, .hours)), ("小时", (.time, .hours)), ("分钟", (.time, .minutes)),
        ("秒钟", (.time, .seconds)), ("秒", (.time, .seconds)),
    ]

    /// Two days of one month joined after it: `12-19日`, `5至7日`; the days and the end.
    func dayRange(in s: [UInt32], at index: Int) -> (Int, Int, Int)? {
        guard let first = NumberReader.read(s, from: index), !first.isApproximate, let d1 = first.smallInteger, (1...31).contains(d1),
            first.end < s.count, Self.isRangeJoiner(s[first.end]), let second = NumberReader.read(s, from: first.end + 1),
            !second.isApproximate, let d2 = second.smallInteger, d1 < d2, d2 <= 31, second.end < s.count, s[second.end] == 0x65E5 || s[second.end] == 0x53F7
        else { return nil }
        return (d1, d2, second.end + 1)
    }

    /// The end of 上旬, 中旬, 下旬, 初, 底, 末 or 中 after a month, or `nil`.
    func partOfMonth(in s: [UInt32], at index: Int) -> Int? {
        for word in ["上旬", "中旬", "下旬"] where Vocabulary.starts(s, at: index, with: word) { return index + 2 }
        for word in ["初", "底", "末"] where Vocabulary.starts(s, at: index, with: word) { return index + 1 }
        return nil
    }
}
