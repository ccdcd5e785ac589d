import Foundation
import Testing
@testable import ZhKit

@Suite struct LexiconTests {
    static let entries = [
        DictionaryEntry(word: "联合国", frequency: 5000),
        DictionaryEntry(word: "联合", frequency: 3000),
        DictionaryEntry(word: "环境", frequency: 8000),
        DictionaryEntry(word: "规划", frequency: 4000),
        DictionaryEntry(word: "规划署", frequency: 100),
        DictionaryEntry(word: "署", frequency: 50),
        DictionaryEntry(word: "国", frequency: 6000),
        DictionaryEntry(word: "C++", frequency: 10),  // not a lattice word: left out
        DictionaryEntry(word: "𠀀字", frequency: 7),  // a supplementary-plane character
    ]

    @Test func buildKeepsLatticeWordsWithTheirProbabilities() throws {
        let lexicon = try Lexicon.build(entries: Self.entries)
        #expect(lexicon.wordCount == 8)
        #expect(lexicon.contains("联合国"))
        #expect(lexicon.contains("𠀀字"))
        #expect(!lexicon.contains("C++"))
        #expect(!lexicon.contains("联"))  // a prefix, not a word
        let total = Self.entries.filter { $0.word != "C++" }.reduce(0) { $0 + $1.frequency! }
        let expected = Float(log(5000.0 / Double(total)))
        #expect(abs(lexicon.logProbability(of: "联合国")! - expected) < 1e-5)
    }

    @Test func imageRoundTrips() throws {
        let lexicon = try Lexicon.build(entries: Self.entries, sourceHash: 42)
        let image = lexicon.serialized()
        let loaded = try Lexicon(image: image)
        #expect(loaded.sourceHash == 42)
        #expect(loaded.wordCount == lexicon.wordCount)
        for entry in Self.entries {
            #expect(loaded.logProbability(of: entry.word) == lexicon.logProbability(of: entry.word))
        }
        #expect(loaded.serialized() == image)
    }

    @Test func damagedImagesAreRefused() throws {
        let image = try Lexicon.build(entries: Self.entries).serialized()
        #expect(throws: DictionaryError.self) { try Lexicon(image: Array(image.prefix(100))) }
        var wrongMagic = image
        wrongMagic[0] = 0x41
        #expect(throws: DictionaryError.self) { try Lexicon(image: wrongMagic) }
    }

    @Test func trieFindsExactlyItsKeys() {
        let keys: [[Int32]] = [[1], [1, 2], [1, 2, 3], [2, 5], [7], [7, 7, 7, 7]].sorted { $0.lexicographicallyPrecedes($1) }
        let trie = DoubleArrayTrie(sortedKeys: keys, scores: keys.indices.map(Float.init))
        func score(_ key: [Int32]) -> Float? {
            var state = DoubleArrayTrie.root
            for label in key {
                guard let next = trie.child(of: state, label: label) else { return nil }
                state = next
            }
            let value = trie.scoreAt(state)
            return value > -.infinity ? value : nil
        }
        for (index, key) in keys.enumerated() { #expect(score(key) == Float(index)) }
        for absent: [Int32] in [[2], [1, 3], [7, 7], [7, 7, 7, 7, 7], [3]] { #expect(score(absent) == nil) }
        #expect(trie.keyCount == keys.count)
    }

    @Test func bundledLexiconLoadsAndIsCurrent() throws {
        let lexicon = try Lexicon.bundled()
        #expect(lexicon.wordCount > 300_000)
        #expect(lexicon.contains("环境"))
        // The committed image must be compiled from the committed sources.
        let root = Fixtures.repositoryRoot + "/dictionaries/"
        let sources = try ["general.txt", "organizations.txt", "regional.txt", "hmm.txt", "surnames.txt"].map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + $0))) }
        #expect(lexicon.sourceHash == fingerprint(sources), "the compiled lexicon is stale: run `swift run -c release zhkit dictionary compile`")
    }
}

@Suite struct DictionaryEntryTests {
    @Test func acceptsJiebaAndPlainLines() throws {
        let text = "\u{FEFF}# a comment\n云计算 5 n\r\n蓝瓶子\n创新办 3\n\n台中 nz\n"
        let entries = try DictionaryEntry.parse(text, source: "user.txt")
        #expect(entries == [
            DictionaryEntry(word: "云计算", frequency: 5, tag: "n"),
            DictionaryEntry(word: "蓝瓶子"),
            DictionaryEntry(word: "创新办", frequency: 3),
            DictionaryEntry(word: "台中", tag: "nz"),
        ])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: DictionaryError(source: "user.txt", line: 2, reason: "the frequency '-3' is not a whole number ≥ 0")) {
            try DictionaryEntry.parse("好的 1\n坏的 -3 n\n", source: "user.txt")
        }
        #expect(throws: DictionaryError(source: "user.txt", line: 1, reason: "expected 'word [frequency] [tag]', found 4 fields")) {
            try DictionaryEntry.parse("a b c d\n", source: "user.txt")
        }
        let error = DictionaryError(source: "user.txt", line: 3, reason: "x")
        #expect(error.description == "user.txt:3: x")
    }
}
