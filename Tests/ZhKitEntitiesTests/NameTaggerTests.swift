import Foundation
import Testing
import ZhKit
@testable import ZhKitEntities

/// The name tagger: people, places and organisations with the bundled model; the trainer, the
/// model image, the tags' grammar and the gazetteer compiler.
@Suite struct NameTaggerTests {
    static func names(_ text: String) -> [String] {
        NumberDateTests.extractor.entities(in: text).filter { [.person, .gpe, .loc, .org].contains($0.label) }
            .map { "\($0.label.rawValue) \($0.text)" }
    }

    /// Hand-made sentences (none from a training or development set), each with every name it
    /// holds.
    static let cases: [(String, [String])] = [
        ("王建国昨天在北京会见了法国总统。", ["PERSON 王建国", "GPE 北京", "GPE 法国"]),
        ("李秀英和张伟是上海人。", ["PERSON 李秀英", "PERSON 张伟", "GPE 上海"]),
        ("长江是亚洲最长的河流。", ["LOC 长江", "LOC 亚洲"]),
        ("他从广州出发，经过湖南省，到达武汉市。", ["GPE 广州", "GPE 湖南省", "GPE 武汉市"]),
        ("联合国环境规划署设在肯尼亚首都内罗毕。", ["ORG 联合国环境规划署", "GPE 肯尼亚", "GPE 内罗毕"]),
        // Regions named with 地区, one span with a conjunction inside (ANNOTATION.md's example).
        ("拉丁美洲和加勒比地区的国家与亚太地区合作。", ["LOC 拉丁美洲和加勒比地区", "LOC 亚太地区"]),
        // Coordinated items are of one kind: the people of a list with people.
        ("出席的有王建国、李秀英、丁聪、江帆和张伟。", ["PERSON 王建国", "PERSON 李秀英", "PERSON 丁聪", "PERSON 江帆", "PERSON 张伟"]),
        // A province and its city are two places.
        ("记者在浙江省湖州市采访。", ["GPE 浙江省", "GPE 湖州市"]),
        // Nothing in URLs, lower-case Latin words, titles or numbered sessions.
        ("详见https://www.unep.org/news/Kenya-Nairobi-report和sector framework。", []),
        ("他读了《北京故事》。", []),
    ]

    @Test(arguments: cases) func findsPeoplePlacesAndOrganizations(_ text: String, _ expected: [String]) {
        #expect(Self.names(text) == expected)
    }

    @Test func spansPointIntoTheRawTextAcrossAWrap() throws {
        let text = "外交部长王\n建国今天抵达巴黎。"
        let entities = NumberDateTests.extractor.entities(in: text).filter { $0.label == .person || $0.label == .gpe }
        let scalars = Array(text.unicodeScalars)
        for entity in entities {
            #expect(String(String.UnicodeScalarView(scalars[entity.scalars])) == entity.text)
        }
        #expect(entities.contains { $0.label == .gpe && $0.text == "巴黎" })
    }

    @Test func theBundledModelWasTrainedWithTheBundledNames() throws {
        let tagger = NameTagger.bundled
        #expect(tagger.namesFingerprint == NameLists.bundled.fingerprint, "retrain: swift run -c release zhkit train entities … (see SOURCES.md)")
        #expect(tagger.featureCount > 10_000)
    }

    /// UNER's training set in `../shared/data` beside the repository, where it is.
    static let unerTraining: Data? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return FileManager.default.contents(atPath: root.deletingLastPathComponent().appendingPathComponent("shared/data/train/uner_zh_gsdsimp_train.jsonl").path)
    }()

    /// The bundled model was trained on UNER's training set with the settings SOURCES.md gives.
    @Test(.enabled(if: unerTraining != nil, "needs ../shared/data"))
    func theBundledModelWasTrainedOnUNERWithTheDocumentedSettings() throws {
        let bytes = try #require(Self.unerTraining)
        let tagger = NameTagger.bundled
        let expected = NameTagger.trainingFingerprint([UInt8](bytes), epochs: 8, seed: 1, completingPlaces: true, dropout: 0, pruning: 0.5)
        #expect(tagger.sourceFingerprint == expected, "retrain as dictionaries/SOURCES.md says")
    }

    // The tags' grammar.

    @Test func tagsSpellTheirSpansBack() {
        let spans: [(range: Range<Int>, kind: NameTags.Kind)] = [(0..<3, .person), (4..<5, .place), (5..<9, .organization)]
        let tags = NameTags.tags(of: spans, length: 10)
        #expect(tags.map { Int($0) }.enumerated().allSatisfy { index, tag in NameTags.allowed(index == 0 ? NameTags.count : Int(tags[index - 1]), tag) })
        let back = NameTags.spans(of: tags)
        #expect(back.map(\.range) == spans.map(\.range))
        #expect(back.map(\.kind) == spans.map(\.kind))
        #expect(!NameTags.allowed(NameTags.outside, NameTags.tag(.person, .inside)))
        #expect(!NameTags.allowed(NameTags.tag(.person, .begin), NameTags.tag(.place, .end)))
        #expect(!NameTags.mayEnd(NameTags.tag(.organization, .begin)))
    }

    // Training and the model image.

    static let toyCorpus: [GoldDocument] = [
        GoldDocument(text: "张三在北京工作。", entities: [LabelledSpan(start: 0, end: 2, label: "PER"), LabelledSpan(start: 3, end: 5, label: "LOC")]),
        GoldDocument(text: "李四去了上海。", entities: [LabelledSpan(start: 0, end: 2, label: "PERSON"), LabelledSpan(start: 4, end: 6, label: "GPE")]),
        GoldDocument(text: "王五加入星光公司。", entities: [LabelledSpan(start: 0, end: 2, label: "PER"), LabelledSpan(start: 4, end: 8, label: "ORG")]),
        GoldDocument(text: "今天天气很好。", entities: []),
        GoldDocument(text: "赵六在月亮湖边散步，DATE不算。", entities: [LabelledSpan(start: 0, end: 2, label: "PER"),
            LabelledSpan(start: 3, end: 6, label: "LOC"), LabelledSpan(start: 10, end: 14, label: "DATE")]),
    ]

    static let untrained = EntityExtractor(segmenter: NumberDateTests.extractor.segmenter, tagger: nil)

    @Test func theTrainerLearnsAToyCorpus() {
        var epochs: [TrainingEpoch] = []
        let tagger = NameTagger.train(Self.toyCorpus, dev: Self.toyCorpus, extractor: Self.untrained, epochs: 10, pruning: 0) { epochs.append($0) }
        #expect(epochs.count == 10)
        let examples = Self.toyCorpus.flatMap { Self.untrained.trainingExamples($0) }
        let scores = tagger.score(examples)
        for group in [EntityGroup.org, .per, .loc] {
            #expect(scores[group]?.f1 == 1.0, "\(group)")
        }
        #expect(epochs.last!.mistakes == 0)
    }

    @Test func aSavedModelReloadsToTheSamePredictions() throws {
        let tagger = NameTagger.train(Self.toyCorpus, extractor: Self.untrained, epochs: 5, pruning: 0, sourceFingerprint: 42)
        let image = tagger.serialized()
        let reloaded = try NameTagger(image: image)
        #expect(reloaded.serialized() == image)
        #expect(reloaded.sourceFingerprint == 42)
        let trained = EntityExtractor(segmenter: Self.untrained.segmenter, tagger: tagger)
        let loaded = EntityExtractor(segmenter: Self.untrained.segmenter, tagger: reloaded)
        for text in ["张三和李四在北京的星光公司见面。", "王五去了月亮湖。", "2020年，联合国环境规划署执行主任英格·安德森在内罗毕表示，亚太地区有21个国家参与。"] {
            #expect(trained.entities(in: text) == loaded.entities(in: text))
        }
    }

    @Test func trainingIsTheSameForTheSameSeed() {
        let first = NameTagger.train(Self.toyCorpus, extractor: Self.untrained, epochs: 3, seed: 7).serialized()
        let second = NameTagger.train(Self.toyCorpus, extractor: Self.untrained, epochs: 3, seed: 7).serialized()
        #expect(first == second)
    }

    @Test func damagedImagesAreRefused() throws {
        let image = NameTagger.train(Self.toyCorpus, extractor: Self.untrained, epochs: 1).serialized()
        #expect(throws: DictionaryError.self) { try NameTagger(image: Array(image.prefix(image.count - 3))) }
        #expect(throws: DictionaryError.self) { try NameTagger(image: Array("ZHKLEX03".utf8) + image.dropFirst(8)) }
        var otherVersion = image
        otherVersion[8] &+= 1
        #expect(throws: DictionaryError.self) { try NameTagger(image: otherVersion) }
    }

    // The gazetteer compiler.

    @Test func theNamesFileCarriesTheGazetteers() {
        let general = "王小明 5 nr\n普者黑 3 ns\n新星公司 4 nt\n明白 100 nr\n"
        let places = "# comment\n长沙市\tGPE\n洞庭湖\tLOC\n普者黑\tLOC\n"
        let text = NameLists.derive(fromGeneralLexicon: general, organizations: "", places: places, surnames: "# s\n王\n欧阳\n")
        let lines = Set(text.split(separator: "\n").map(String.init))
        #expect(lines.isSuperset(of: ["PERSON\t王小明", "PERSON\t明白", "GPE\t长沙市", "LOC\t洞庭湖", "LOC\t普者黑", "ORG\t新星公司", "SURNAME\t王", "SURNAME\t欧阳"]))
        #expect(!lines.contains("PLACE\t普者黑"))  // typed by the gazetteer, not twice
        let names = NameLists(namesFile: text)
        func kinds(_ word: String) -> NameLists.Kinds {
            let scalars = word.unicodeScalars.map(\.value)
            return names.kinds(of: scalars, 0..<scalars.count)
        }
        #expect(kinds("长沙市").contains([.place, .politicalPlace]))
        #expect(kinds("洞庭湖").contains([.place, .naturalPlace]))
        #expect(kinds("王小明").contains([.person, .proper]))
        #expect(kinds("欧阳").contains(.surname))
        #expect(kinds("上海").isEmpty)
        #expect(names.fingerprint != 0 && names.fingerprint != NameLists(namesFile: text + "SURNAME\t李\n").fingerprint)
    }

    @Test func aPlaceMadeOfKnownPlacesIsCutIntoThem() {
        let names = NameLists(namesFile: "GPE\t浙江省\nGPE\t湖州市\nGPE\t湖州\nLOC\t长江\n")
        func pieces(_ text: String) -> [String] {
            let scalars = text.unicodeScalars.map(\.value)
            return EntityExtractor.placePieces(0..<scalars.count, scalars, names).map { String(String.UnicodeScalarView(scalars[$0].compactMap(Unicode.Scalar.init))) }
        }
        #expect(pieces("浙江省湖州市") == ["浙江省", "湖州市"])
        #expect(pieces("长江大桥") == ["长江大桥"])  // 大桥 is no place: the name stays whole
        #expect(pieces("湖州") == ["湖州"])
    }

    @Test func placesAreGPEOrLOCByTheirEnding() {
        let names = NameLists(organizations: [], places: [])
        func label(_ word: String) -> EntityLabel {
            let scalars = word.unicodeScalars.map(\.value)
            return NameTagger.label(.place, names, scalars, 0..<scalars.count)
        }
        #expect(label("泰山") == .loc)
        #expect(label("亚太地区") == .loc)
        #expect(label("石家庄") == .gpe)
    }
}
