/// Dense codes for the characters a lexicon knows, so that the trie's labels stay small.
///
/// Code 0 means "not in the lexicon". Codes are given by descending frequency, so the most
/// common characters, the ones the segmenter meets most, pack together in the trie's arrays.
struct CharacterCodes: Sendable {
    /// Codes of the Basic Multilingual Plane, indexed by scalar value.
    let basic: FrozenArray<UInt16>
    /// Codes of supplementary-plane characters, sorted by scalar value.
    private(set) var supplementaryScalars: [UInt32]
    private(set) var supplementaryCodes: [UInt16]
    /// One more than the largest code.
    private(set) var count: Int

    init(basic: FrozenArray<UInt16>, supplementaryScalars: [UInt32], supplementaryCodes: [UInt16], count: Int) {
        self.basic = basic
        self.supplementaryScalars = supplementaryScalars
        self.supplementaryCodes = supplementaryCodes
        self.count = count
    }

    /// Codes for `scalars`, most frequent first; the code of `scalars[i]` is `i + 1`.
    init(orderedScalars scalars: [UInt32]) {
        precondition(scalars.count < Int(UInt16.max), "too many distinct characters for 16-bit codes")
        var basic = [UInt16](repeating: 0, count: 0x10000)
        var supplementary: [(UInt32, UInt16)] = []
        for (index, scalar) in scalars.enumerated() {
            let code = UInt16(index + 1)
            if scalar < 0x10000 { basic[Int(scalar)] = code } else { supplementary.append((scalar, code)) }
        }
        supplementary.sort { $0.0 < $1.0 }
        self.init(basic: FrozenArray(basic), supplementaryScalars: supplementary.map(\.0), supplementaryCodes: supplementary.map(\.1), count: scalars.count + 1)
    }

    /// The code of `scalar`, or 0. O(1) in the BMP, O(log n) above it.
    @inline(__always)
    func code(of scalar: UInt32) -> Int32 {
        if scalar < 0x10000 { return Int32(basic[Int(scalar)]) }
        var low = 0
        var high = supplementaryScalars.count
        while low < high {
            let middle = (low + high) / 2
            if supplementaryScalars[middle] < scalar { low = middle + 1 } else { high = middle }
        }
        return low < supplementaryScalars.count && supplementaryScalars[low] == scalar ? Int32(supplementaryCodes[low]) : 0
    }

    /// These codes with each Traditional-only character of `script` given its Simplified form's
    /// code, so that the lexicon's words match in either script at no cost per look-up (萬 reads
    /// as 万, 國家 as 国家). A character whose Simplified form the lexicon lacks keeps its own
    /// code. O(size of the table).
    func folding(_ script: HanScriptTable) -> CharacterCodes {
        var basic = self.basic.array
        var supplementary = Dictionary(uniqueKeysWithValues: zip(supplementaryScalars, supplementaryCodes))
        for folding in script.foldings where !folding.variant {
            let code = code(of: folding.simplified)
            guard code > 0 else { continue }
            if folding.traditional < 0x10000 { basic[Int(folding.traditional)] = UInt16(code) } else { supplementary[folding.traditional] = UInt16(code) }
        }
        let sorted = supplementary.sorted { $0.key < $1.key }
        return CharacterCodes(basic: FrozenArray(basic), supplementaryScalars: sorted.map(\.key), supplementaryCodes: sorted.map(\.value), count: count)
    }
}
