import Foundation
import Testing
import ZhKit
@testable import ZhKitEntities

/// Organisations: names, heads, acronyms, abbreviations a text defines, consistency, exclusions.
@Suite struct OrganizationTests {
    static func organizations(_ text: String) -> [String] {
        NumberDateTests.extractor.entities(in: text).filter { $0.label == .org }.map(\.text)
    }

    static let cases: [(String, [String])] = [
        ("联合国环境规划署发布报告", ["联合国环境规划署"]),
        ("联合国开发计划署（UNDP）和联合国环境规划署（UNEP）合作", ["联合国开发计划署", "UNDP", "联合国环境规划署", "UNEP"]),
        ("联合国环境规划署（以下简称为“联合国环境署”）成立。联合国环境署表示", ["联合国环境规划署", "联合国环境署", "联合国环境署"]),
        ("荷兰政府宣布", ["荷兰政府"]),
        // Proper names before a head; kinds of body and verbs alone are none.
        ("李宁集团宣布", ["李宁集团"]),
        // The project's list, English names in brackets, transliterated names, numbered sessions.
        ("与粮食及农业组织（FAO）合作", ["粮食及农业组织", "FAO"]),
        ("清凉联盟（Cool Coalition）成立", ["清凉联盟", "Cool Coalition"]),
        ("与艾伦·麦克阿瑟基金会合作", ["艾伦·麦克阿瑟基金会"]),
        ("提交第五届联合国环境大会。联合国环境大会通过决议", ["联合国环境大会"]),
        ("与谷歌和微软合作", ["谷歌", "微软"]),
        // Numbered bodies, embassies, teams; datelines and verbs end a chain.
        ("九届全国政协副主席", ["全国政协"]),
        ("九届全国政协第一次会议", []),  // a session: nothing inside it
        ("中国驻南非大使馆举行招待会", ["中国驻南非大使馆"]),
        ("四川男排在首场比赛中获胜", ["四川男排"]),
        ("新华社北京一月十三日电外交部发言人说", ["新华社", "外交部"]),
        ("他赶去南京接受江苏省政府的奖励", ["江苏省政府"]),
        ("玉溪卷烟厂的工人", ["玉溪卷烟厂"]),
        ("有限公司的股票", []),
        ("他们精心组织了活动", []),
        ("要统揽全局", []),
        ("全国组织实施", []),
        ("福建省人民检察院提起公诉", ["福建省人民检察院"]),
        ("人民法院审理案件", []),
        ("全球环境基金提供资金", ["全球环境基金"]),
        ("西非国家经济共同体委员会通过决议", ["西非国家经济共同体委员会"]),
        ("世界卫生组织警告", ["世界卫生组织"]),
        ("欧盟委员会提出", ["欧盟委员会"]),
        ("联合国秘书长发言", ["联合国"]),
        ("AGRI3基金成立", ["AGRI3基金"]),
        ("联\n合国环境规划署", ["联\n合国环境规划署"]),
        ("正与联合国开发计划\n\n署（UNDP）合作", ["联合国开发计划\n\n署", "UNDP"]),
        ("净零资产所有者联盟是金融倡议", ["净零资产所有者联盟"]),
        ("通过“为地球而玩”联盟让玩家参与", ["“为地球而玩”联盟"]),
        ("《生物多样性公约》秘书处发布", ["《生物多样性公约》秘书处"]),
        ("UN-REDD方案和合作伙伴", ["UN-REDD方案"]),
        ("根据联合国大会的一项决议", ["联合国大会"]),
        ("联合国环境大会下设", ["联合国环境大会"]),
        ("呼吁欧盟制定", ["欧盟"]),
        ("通过全球环境基金提供", ["全球环境基金"]),
        ("这种伙伴关系", []),
        // Not organisations: titles, events, countries.
        ("《巴黎协定》生效", []),
        ("联合国生物多样性峰会召开", []),
        ("荷兰和肯尼亚", []),
        ("他们的朋友", []),
    ]

    @Test(arguments: cases)
    func organizationsAreFound(_ text: String, _ expected: [String]) {
        #expect(Self.organizations(text) == expected, "\(text)")
    }

    @Test func namesFileIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let general = try String(contentsOf: root.appendingPathComponent("dictionaries/general.txt"), encoding: .utf8)
        let shipped = try String(contentsOf: root.appendingPathComponent("Sources/ZhKitEntities/Resources/names.txt"), encoding: .utf8)
        func source(_ name: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("dictionaries/" + name), encoding: .utf8)
        }
        let derived = NameLists.derive(fromGeneralLexicon: general, organizations: try source("organizations.txt") + "\n" + (try source("org-extra.txt")),
            places: try source("places.txt"), surnames: try source("surnames.txt"))
        #expect(derived == shipped, "names.txt is stale: run `swift run -c release zhkit dictionary compile`")
        #expect(NameLists.bundled.isOrganization("联合国"))
    }
}
