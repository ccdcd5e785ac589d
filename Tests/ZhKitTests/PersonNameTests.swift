import Testing
@testable import ZhKit

/// Personal names the lexicon does not hold, proposed by the lattice's name model.
@Suite struct PersonNameTests {
    static let segmenter = try! Segmenter()

    func words(_ text: String, _ segmenter: Segmenter = segmenter) -> [String] {
        segmenter.tokens(in: text).map { String($0.text) }
    }

    @Test(arguments: [
        ("董事长沈时华昨天表示", "沈时华"),
        ("董事長沈時華昨天表示", "沈時華"),  // Traditional, through the Simplified forms
        ("記者白其安報導", "白其安"),
    ])
    func aNameTheLexiconLacksIsOneWord(text: String, name: String) throws {
        let lexicon = try Lexicon.bundled()
        #expect(!lexicon.contains(name))
        #expect(words(text).contains(name))
    }

    @Test func surnamesThatAreCommonWordsStayWords() {
        // 王, 张 and 和 are surnames; here they are a name already known, a classifier and a conjunction.
        #expect(words("老王说他明天来").contains("说"))
        #expect(!words("一张纸").contains("张纸"))
        #expect(words("这件事和他无关").contains("和"))
    }

    /// A list that writes names whole (most three-character words of AS, CityU and MSR that
    /// start with a common surname are names) lets the lattice join names; one that splits them
    /// (PKU: 江 泽民) does not.
    @Test func theUserListSaysWhetherNamesAreWholeWords() throws {
        let common = ["主任", "指出", "经理", "昨天", "表示"]
        let whole = try Segmenter(userWords: (common + ["王大明", "李小华", "张伟明"]).map { DictionaryEntry(word: $0) })
        let split = try Segmenter(userWords: (common + ["大明", "小华", "伟明"]).map { DictionaryEntry(word: $0) })
        #expect(words("主任陈来发指出", whole) == ["主任", "陈来发", "指出"])
        #expect(words("主任陈来发指出", split) == ["主任", "陈", "来", "发", "指出"])
        #expect(words("经理沈时华昨天表示", split) == ["经理", "沈", "时", "华", "昨天", "表示"])
    }

    @Test func theModelIsLearnedFromTheLexiconsNamesAndKeptInTheImage() throws {
        let entries = ["王", "李", "大", "明", "小", "华", "说"].map { DictionaryEntry(word: $0, frequency: 100) }
            + ["王大明", "王小华", "李明华", "李华"].map { DictionaryEntry(word: $0, frequency: 3, tag: "nr") }
        let lexicon = try Lexicon.build(entries: entries, surnames: ["王", "李", "欧阳"])
        let names = lexicon.names
        let code = { (character: Character) in lexicon.codes.code(of: character.unicodeScalars.first!.value) }
        #expect(names.isSurname(code("王")) && names.isSurname(code("李")))
        #expect(!names.isSurname(code("大")) && !names.isSurname(code("说")))
        // 明 is a given name's first character twice and its last once; 说 never.
        #expect(names.givenCharacters[Int(code("明")) * 3] > names.givenCharacters[Int(code("说")) * 3])
        #expect(names.givenLengths[1] > names.givenLengths[0])  // three two-character given names, one of one

        let loaded = try Lexicon(image: lexicon.serialized())
        #expect(loaded.names.surnames.array == names.surnames.array)
        #expect(loaded.names.givenCharacters.array == names.givenCharacters.array)
        #expect(loaded.names.givenLengths == names.givenLengths)
    }
}
