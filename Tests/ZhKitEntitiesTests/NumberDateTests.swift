import Testing
import ZhKit
import ZhKitEntities

/// Numbers, dates and times: what is tagged, how far the span reaches, and the value
/// (ANNOTATION.md). Each case: a text and its entities as `LABEL text=value` (`=` alone: no value).
@Suite struct NumberDateTests {
    static let extractor: EntityExtractor = {
        EntityExtractor(segmenter: try! Segmenter())
    }()

    static func describe(_ text: String) -> [String] {
        extractor.entities(in: text).map { "\($0.label.rawValue) \($0.text)=\($0.value?.description ?? "")" }
    }

    static let cases: [(String, [String])] = [
        // Cardinals with their classifiers; Chinese numerals; approximations inside the amount.
        ("有21个国家批准", ["CARDINAL 21个=21"]),
        ("总数达到112个", ["CARDINAL 112个=112"]),
        ("支持50多个国家", ["CARDINAL 50多个=50"]),
        ("在7000多个城市", ["CARDINAL 7000多个=7000"]),
        ("包括62家公司", ["CARDINAL 62家=62"]),
        ("维持2万人的生计", ["CARDINAL 2万=20000"]),
        ("约4亿人口", ["CARDINAL 4亿=400000000"]),
        ("增加20万个保护区", ["CARDINAL 20万个=200000"]),
        ("超过了一百万人", ["CARDINAL 一百万=1000000"]),
        ("两个目标", ["CARDINAL 两个=2"]),
        ("三大全球危机", ["CARDINAL 三=3"]),
        ("增长了三倍", ["CARDINAL 三倍=3"]),
        ("翻了一倍", ["CARDINAL 一倍=1"]),
        ("十五个项目", ["CARDINAL 十五个=15"]),
        ("二十一个成员", ["CARDINAL 二十一个=21"]),
        ("一千零五名学生", ["CARDINAL 一千零五名=1005"]),
        ("三万五千人", ["CARDINAL 三万五千=35000"]),
        ("三亿五千万元", ["MONEY 三亿五千万元=350000000 CNY"]),
        ("一万亿", ["CARDINAL 一万亿=1000000000000"]),
        ("两千多万人", ["CARDINAL 两千多万=20000000"]),
        ("十几个国家", ["CARDINAL 十几个=10"]),
        ("１２０万辆汽车", ["CARDINAL １２０万辆=1200000"]),
        ("共有1,000名代表", ["CARDINAL 1,000名=1000"]),
        ("1,234,567", ["CARDINAL 1,234,567=1234567"]),
        ("6个城市", ["CARDINAL 6个=6"]),
        ("25项指标", ["CARDINAL 25项=25"]),
        ("17家主要科技公司", ["CARDINAL 17家=17"]),
        ("数字是75", ["CARDINAL 75=75"]),
        ("壹佰贰拾叁元", ["MONEY 壹佰贰拾叁元=123 CNY"]),
        ("三分之一的人", ["CARDINAL 三分之一=0.333333"]),
        // Not numbers: articles, words with numerals inside, codes and URLs.
        ("一个重要目标", []),
        ("一项决议", []),
        ("二氧化碳排放", []),
        ("意见一致", []),
        ("统一战线", []),
        ("零排放", []),
        ("AGRI3基金", ["ORG AGRI3基金="]),  // a name built on a code is an organisation, the code no number
        ("参加cop-15会议", []),
        ("见https://example.org/pga/75/x", []),
        ("5G网络", []),
        ("G20峰会", []),
        // Ordinals.
        ("第26届缔约方大会", ["ORDINAL 第26=26"]),
        ("第十五次会议", ["ORDINAL 第十五=15"]),
        ("第四", ["ORDINAL 第四=4"]),
        ("第一次", ["ORDINAL 第一=1"]),
        ("第三", ["ORDINAL 第三=3"]),
        ("第２", ["ORDINAL 第２=2"]),
        ("第100", ["ORDINAL 第100=100"]),
        // Percentages.
        ("下降了63%", ["PERCENT 63%=63"]),
        ("约6%的增长", ["PERCENT 6%=6"]),
        ("63%以上", ["PERCENT 63%=63"]),
        ("百分之五", ["PERCENT 百分之五=5"]),
        ("百分之三点五", ["PERCENT 百分之三点五=3.5"]),
        ("60%至75%", ["PERCENT 60%至75%=60/75"]),
        ("16%至29%", ["PERCENT 16%至29%=16/29"]),
        ("１２．５％", ["PERCENT １２．５％=12.5"]),
        ("3.5%", ["PERCENT 3.5%=3.5"]),
        ("增长2个百分点", ["PERCENT 2个百分点=2"]),
        ("90％的人", ["PERCENT 90％=90"]),
        ("约百分之六十", ["PERCENT 百分之六十=60"]),
        // Money.
        ("10亿美元", ["MONEY 10亿美元=1000000000 USD"]),
        ("9000万美元", ["MONEY 9000万美元=90000000 USD"]),
        ("5.1万亿美元", ["MONEY 5.1万亿美元=5100000000000 USD"]),
        ("100-150亿美元", ["MONEY 100-150亿美元=10000000000/15000000000 USD"]),
        ("2500万欧元", ["MONEY 2500万欧元=25000000 EUR"]),
        ("50元", ["MONEY 50元=50 CNY"]),
        ("三百元", ["MONEY 三百元=300 CNY"]),
        ("100万英镑", ["MONEY 100万英镑=1000000 GBP"]),
        ("2000日元", ["MONEY 2000日元=2000 JPY"]),
        ("1.2亿人民币", ["MONEY 1.2亿人民币=120000000 CNY"]),
        ("5亿港元", ["MONEY 5亿港元=500000000 HKD"]),
        // Quantities.
        ("控制在1.5°C以内", ["QUANTITY 1.5°C=1.5 Cel"]),
        ("升高0.4°C", ["QUANTITY 0.4°C=0.4 Cel"]),
        ("2℃", ["QUANTITY 2℃=2 Cel"]),
        ("2000公顷的红树林", ["QUANTITY 2000公顷=2000 har"]),
        ("10亿吨", ["QUANTITY 10亿吨=1000000000 t"]),
        ("215万亿升", ["QUANTITY 215万亿升=215000000000000 L"]),
        ("30公里", ["QUANTITY 30公里=30 km"]),
        ("5平方公里", ["QUANTITY 5平方公里=5 km2"]),
        ("100平方米", ["QUANTITY 100平方米=100 m2"]),
        ("50公斤", ["QUANTITY 50公斤=50 kg"]),
        ("3000米", ["QUANTITY 3000米=3000 m"]),
        ("20毫米", ["QUANTITY 20毫米=20 mm"]),
        ("500千瓦", ["QUANTITY 500千瓦=500 kW"]),
        ("三百吨", ["QUANTITY 三百吨=300 t"]),
        ("１０００立方米", ["QUANTITY １０００立方米=1000 m3"]),
        // Dates: absolute and partial.
        ("2020年", ["DATE 2020年=2020"]),
        ("2020年12月", ["DATE 2020年12月=2020-12"]),
        ("2021年1月1日", ["DATE 2021年1月1日=2021-01-01"]),
        ("6月5日", ["DATE 6月5日=XXXX-06-05"]),
        ("12月", ["DATE 12月=XXXX-12"]),
        ("3日", ["DATE 3日=XXXX-XX-03"]),
        ("2021年2月下旬", ["DATE 2021年2月下旬=2021-02"]),
        ("2021年2月初", ["DATE 2021年2月初=2021-02"]),
        ("5月中旬", ["DATE 5月中旬=XXXX-05"]),
        ("１９９８年", ["DATE １９９８年=1998"]),
        ("１９９８年１２月３１日", ["DATE １９９８年１２月３１日=1998-12-31"]),
        ("一九九八年", ["DATE 一九九八年=1998"]),
        ("二○○一年", ["DATE 二○○一年=2001"]),
        ("二〇二〇年十二月", ["DATE 二〇二〇年十二月=2020-12"]),
        ("十二月三十一日", ["DATE 十二月三十一日=XXXX-12-31"]),
        ("五月十二号", ["DATE 五月十二号=XXXX-05-12"]),
        ("2020-12-02", ["DATE 2020-12-02=2020-12-02"]),
        ("2022-2025", ["DATE 2022-2025=2022/2025"]),
        ("（2022-2025）", ["DATE 2022-2025=2022/2025"]),
        ("2021-2030年", ["DATE 2021-2030年=2021/2030"]),
        ("2020年至2025年", ["DATE 2020年至2025年=2020/2025"]),
        ("2030年前", ["DATE 2030年=2030"]),
        ("2030年以后", ["DATE 2030年=2030"]),
        // Centuries and decades.
        ("21世纪", ["DATE 21世纪=20XX"]),
        ("20世纪90年代", ["DATE 20世纪90年代=199X"]),
        ("1990年代", ["DATE 1990年代=199X"]),
        ("90年代", ["DATE 90年代=XX9X"]),
        ("二十一世纪", ["DATE 二十一世纪=20XX"]),
        // Relative dates and frequencies.
        ("本世纪", ["DATE 本世纪="]),
        ("去年", ["DATE 去年="]),
        ("今年", ["DATE 今年="]),
        ("明年", ["DATE 明年="]),
        ("每年", ["DATE 每年=P1Y"]),
        ("年度报告", ["DATE 年度=P1Y"]),
        ("这一年", ["DATE 这一年="]),
        ("新的一年", ["DATE 新的一年="]),
        ("这十年由他们监测", ["DATE 这十年="]),
        ("在这关键的一年至关重要", ["DATE 这关键的一年="]),
        ("这是他的", []),
        ("见https://www.unep.org/news/2020-12-02/ad%202020%20x", []),
        ("近年来", ["DATE 近年来="]),
        ("去年11月", ["DATE 去年11月="]),
        ("去年夏季", ["DATE 去年夏季="]),
        ("2020年夏季", ["DATE 2020年夏季=2020"]),
        ("2020年底", ["DATE 2020年底=2020"]),
        ("去年底", ["DATE 去年底="]),
        ("今年5月3日", ["DATE 今年5月3日="]),
        // Periods and durations.
        ("近50年来", ["DATE 近50年来=P50Y"]),
        ("30年来", ["DATE 30年来=P30Y"]),
        ("未来三十年", ["DATE 未来三十年=P30Y"]),
        ("五年多", ["DATE 五年多=P5Y"]),
        ("五年多来", ["DATE 五年多来=P5Y"]),
        ("十年", ["DATE 十年=P10Y"]),
        ("3个月", ["DATE 3个月=P3M"]),
        ("三个多月", ["DATE 三个多月=P3M"]),
        ("10天", ["DATE 10天=P10D"]),
        ("两周", ["DATE 两周=P2W"]),
        ("5岁", ["DATE 5岁=P5Y"]),
        ("5-18岁", ["DATE 5-18岁=P5Y/P18Y"]),
        ("35周年", ["DATE 35周年=P35Y"]),
        // Times.
        ("48小时内", ["TIME 48小时=PT48H"]),
        ("30分钟", ["TIME 30分钟=PT30M"]),
        ("下午3点", ["TIME 下午3点=T15:00"]),
        ("上午10时30分", ["TIME 上午10时30分=T10:30"]),
        ("晚上8点", ["TIME 晚上8点=T20:00"]),
        ("两个小时", ["TIME 两个小时=PT2H"]),
        ("今天上午开会", ["DATE 今天上午="]),
        // A frame's first word at the end of the text (a crash once).
        ("展望未来", []),
        ("越来越近", []),
        ("就是这", []),
        // Fractions and vague amounts (rule 9).
        ("超过三分之一用于生产", ["CARDINAL 三分之一=0.333333"]),
        ("四分之三", ["CARDINAL 四分之三=0.75"]),
        ("跟踪了数十家大公司", ["CARDINAL 数十家="]),
        ("种植数百万棵树", ["CARDINAL 数百万棵="]),
        ("价值数万亿美元的服务", ["MONEY 数万亿美元="]),
        ("成千上万的人", ["CARDINAL 成千上万="]),
        ("数以百万计的个人", ["CARDINAL 数以百万计="]),
        ("数据", []),
        ("只有一头大象被杀", ["CARDINAL 一头=1"]),
        ("一个重要目标", []),
        ("多年来一直支持", ["DATE 多年来="]),
        ("2020年春夏系列", ["DATE 2020年春夏=2020"]),
        ("“联合国生态系统恢复十年”将于2021年开始", ["DATE 2021年=2021"]),
        ("1月5日下午3点", ["TIME 1月5日下午3点=XXXX-01-05T15:00"]),
        ("5日傍晚", ["DATE 5日傍晚=XXXX-XX-05"]),
        ("下午，雨停了", ["TIME 下午="]),
        ("2020年下午3点", ["DATE 2020年=2020", "TIME 下午3点=T15:00"]),
        ("上午好", []),
        ("周日举行", ["DATE 周日=XXXX-WXX-7"]),
        ("大年初一", ["DATE 大年初一="]),
        // Inside titles only years and ordinals (ANNOTATION.md rule 5).
        ("《今晚报》", []),
        ("《2030年议程》", ["DATE 2030年=2030"]),
        ("《第三次报告》", ["ORDINAL 第三=3"]),
        ("《三个代表》", []),
        // PDF extraction: line wraps and stray spaces inside entities; offsets stay raw.
        ("2020\n年", ["DATE 2020\n年=2020"]),
        ("2 0 2 0年", ["DATE 2 0 2 0年=2020"]),
        ("总数达到112\n个。", ["CARDINAL 112\n个=112"]),
        ("2\n1个国家", ["CARDINAL 2\n1个=21"]),
        ("2020年\n12月2日", ["DATE 2020年\n12月2日=2020-12-02"]),
        ("60%\n至75%", ["PERCENT 60%\n至75%=60/75"]),
        ("10亿美\n元", ["MONEY 10亿美\n元=1000000000 USD"]),
        ("2020年\n\n第二段", ["DATE 2020年=2020", "ORDINAL 第二=2"]),
        // Several in one sentence, in order.
        ("2020年，63%的国家新增了21个保护区，投入10亿美元。", ["DATE 2020年=2020", "PERCENT 63%=63", "CARDINAL 21个=21", "MONEY 10亿美元=1000000000 USD"]),
    ]

    @Test(arguments: cases)
    func entitiesAndValues(_ text: String, _ expected: [String]) {
        #expect(Self.describe(text) == expected, "\(text)")
    }

    @Test func offsetsPointIntoTheRawText() {
        let text = "在2 0 2 0年，增长\n了6%。👍 2021年"
        let scalars = Array(text.unicodeScalars)
        for entity in Self.extractor.entities(in: text) {
            #expect(String(String.UnicodeScalarView(scalars[entity.scalars])) == entity.text)
            #expect(String(decoding: Array(text.utf8)[entity.utf8], as: UTF8.self) == entity.text)
            #expect(String(decoding: Array(text.utf16)[entity.utf16], as: UTF16.self) == entity.text)
        }
        #expect(Self.extractor.entities(in: text).count == 3)
    }
}
