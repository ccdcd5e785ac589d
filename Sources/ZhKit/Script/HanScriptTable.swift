import Foundation

/// Which script each Han character belongs to, and the Simplified form of each Traditional one:
/// the table that lets a Simplified lexicon, name list and number grammar read Traditional text.
///
/// Built from OpenCC's character tables (Apache-2.0, see `dictionaries/SOURCES.md`):
/// - a key of `TSCharacters` whose forms do not include itself is Traditional only (萬 → 万,
///   國 → 国, 裡 → 里): it folds to its first Simplified form wherever it appears, as no
///   Simplified text writes it;
/// - a key whose forms include itself is written in both scripts with different uses (乾 → 干 or
///   乾, 於 → 于 or 於, 夥 → 伙 or 夥): it folds only in Traditional text, where `乾淨` means
///   `干净`, and stays itself in Simplified text, where `乾隆` is a name;
/// - a regional form of `TWVariants` or `HKVariants` that neither standard table knows (簷, 衞,
///   著 for the particle 着) folds like its standard form, in Traditional text only;
/// - a key of `STCharacters` whose forms do not include itself is Simplified only (国, 这, 们).
///
/// Folding is one character to one character, so every offset of the raw text holds. A
/// character that neither table names is the same in both scripts (人, 大, 中). Loading parses
/// about 140 KB of text once per process: a few milliseconds.
package struct HanScriptTable: Sendable {
    /// What a character says about a text's script.
    package enum Class: UInt8, Sendable {
        /// Written the same in both scripts, or not a Han character.
        case shared = 0
        /// Only Simplified text writes it.
        case simplified = 1
        /// Only Traditional text writes it; it always folds.
        case traditional = 2
        /// Both scripts write it, Traditional text also for another character's meaning; it folds
        /// in Traditional text only.
        case traditionalVariant = 3
    }

    /// The class of every BMP character, which the lattice reads directly, one load a character
    /// (Han characters outside the BMP are in `supplementaryClasses`).
    let classes: FrozenArray<UInt8>
    private let supplementaryClasses: [UInt32: Class]
    /// The Simplified form of each character of class `traditional` or `traditionalVariant`.
    private let simplifiedForms: [UInt32: UInt32]

    /// A table that folds nothing.
    package static let empty = HanScriptTable(classes: FrozenArray([UInt8](repeating: 0, count: 0x10000)), supplementaryClasses: [:], simplifiedForms: [:])

    private init(classes: FrozenArray<UInt8>, supplementaryClasses: [UInt32: Class], simplifiedForms: [UInt32: UInt32]) {
        self.classes = classes
        self.supplementaryClasses = supplementaryClasses
        self.simplifiedForms = simplifiedForms
    }

    /// The class of `scalar`. O(1) in the BMP.
    @inline(__always)
    package func scriptClass(of scalar: UInt32) -> Class {
        if scalar < 0x10000 { return Class(rawValue: classes[Int(scalar)]) ?? .shared }
        return supplementaryClasses[scalar] ?? .shared
    }

    /// `scalar` as a Simplified lexicon spells it: its Simplified form if it is Traditional only,
    /// or a Traditional variant read in Traditional text; otherwise itself.
    @inline(__always)
    package func folded(_ scalar: UInt32, inTraditionalText traditional: Bool) -> UInt32 {
        switch scriptClass(of: scalar) {
        case .traditional: simplifiedForms[scalar] ?? scalar
        case .traditionalVariant where traditional: simplifiedForms[scalar] ?? scalar
        default: scalar
        }
    }

    /// `text` with each character folded as `folded(_:inTraditionalText:)` does. O(n).
    package func folded(_ text: some StringProtocol, inTraditionalText traditional: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(Unicode.Scalar(folded(scalar.value, inTraditionalText: traditional)) ?? scalar)
        }
        return String(scalars)
    }

    /// The characters that fold, with their Simplified forms, and whether each folds only in
    /// Traditional text.
    package var foldings: [(traditional: UInt32, simplified: UInt32, variant: Bool)] {
        simplifiedForms.map { ($0.key, $0.value, scriptClass(of: $0.key) == .traditionalVariant) }
    }

    /// The script `scalars` are written in: Traditional when more of its characters are
    /// Traditional only than Simplified only, Simplified otherwise (also when it has none of
    /// either). O(n).
    package func script(of scalars: [UInt32]) -> ChineseScript {
        var evidence = ScriptEvidence()
        scalars.withUnsafeBufferPointer { buffer in
            for scalar in buffer { evidence.add(scriptClass(of: scalar)) }
        }
        return evidence.script ?? .simplified
    }
}

/// Counts of the characters that only one script writes, as a text is read.
package struct ScriptEvidence: Sendable {
    package var simplified = 0
    package var traditional = 0

    package init() {}

    @inline(__always)
    package mutating func add(_ scriptClass: HanScriptTable.Class) {
        switch scriptClass {
        case .simplified: simplified += 1
        case .traditional: traditional += 1
        default: break
        }
    }

    /// The script with more characters of its own, or `nil` on a tie (no evidence either way).
    package var script: ChineseScript? {
        traditional > simplified ? .traditional : simplified > traditional ? .simplified : nil
    }
}

extension HanScriptTable {
    /// The bundled table, or one that folds nothing when its files are missing (`Lexicon.bundled()`
    /// says so).
    package static let shared: HanScriptTable = (try? bundled.get()) ?? .empty

    /// The table built from the OpenCC files among ZhKit's resources, loaded once per process.
    package static let bundled = Result { () throws(DictionaryError) -> HanScriptTable in
        HanScriptTable(
            traditionalToSimplified: try OpenCCTable.text("TSCharacters"), simplifiedToTraditional: try OpenCCTable.text("STCharacters"),
            variants: [try OpenCCTable.text("TWVariants"), try OpenCCTable.text("HKVariants")])
    }

    /// Builds the table from the text of OpenCC's `TSCharacters`, `STCharacters` and variant
    /// tables (`key<TAB>form form…` per line, `#` comments). O(n) in their size.
    package init(traditionalToSimplified: String, simplifiedToTraditional: String, variants: [String]) {
        var classes = [UInt8](repeating: 0, count: 0x10000)
        var supplementaryClasses: [UInt32: Class] = [:]
        var simplifiedForms: [UInt32: UInt32] = [:]
        func scriptClass(of scalar: UInt32) -> Class {
            scalar < 0x10000 ? Class(rawValue: classes[Int(scalar)]) ?? .shared : supplementaryClasses[scalar] ?? .shared
        }
        func setClass(_ scriptClass: Class, of scalar: UInt32) {
            if scalar < 0x10000 { classes[Int(scalar)] = scriptClass.rawValue } else { supplementaryClasses[scalar] = scriptClass }
        }
        for (key, forms) in Self.entries(traditionalToSimplified) where forms[0] != key {
            setClass(forms.contains(key) ? .traditionalVariant : .traditional, of: key)
            simplifiedForms[key] = forms[0]
        }
        var standard = Set(simplifiedForms.keys)
        for (key, forms) in Self.entries(simplifiedToTraditional) {
            standard.insert(key)
            standard.formUnion(forms)
            if !forms.contains(key), scriptClass(of: key) == .shared { setClass(.simplified, of: key) }
        }
        // A regional form neither standard table names (`TWVariants`: 着 → 著; `HKVariants`: 衛 → 衞)
        // reads as its standard form, in Traditional text only: 著 is also Simplified's 著名.
        for table in variants {
            for (standardForm, regionalForms) in Self.entries(table) {
                let simplified = simplifiedForms[standardForm] ?? standardForm
                for regional in regionalForms where regional != standardForm && !standard.contains(regional) && simplifiedForms[regional] == nil {
                    setClass(.traditionalVariant, of: regional)
                    simplifiedForms[regional] = simplified
                }
            }
        }
        self.init(classes: FrozenArray(classes), supplementaryClasses: supplementaryClasses, simplifiedForms: simplifiedForms)
    }

    /// The single-character entries of an OpenCC table: each key with its single-character
    /// forms, first the default.
    static func entries(_ text: String) -> [(UInt32, [UInt32])] {
        OpenCCTable.entries(text).compactMap { key, forms in
            let single = forms.filter { $0.count == 1 }.map { $0[0] }
            return key.count == 1 && !single.isEmpty ? (key[0], single) : nil
        }
    }
}
