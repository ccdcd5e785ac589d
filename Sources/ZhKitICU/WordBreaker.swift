internal import CICU

/// The category ICU's word-break rules give the segment that ends at a boundary.
///
/// ICU reports it as a rule status (`UWordBreak`): 0 for spaces and punctuation alike, 100 for
/// numbers, 200 for letters, 300 for kana, 400 for ideographs.
public enum WordRuleStatus: UInt8, Sendable, Hashable {
    case none, number, letter, kana, ideograph

    @inlinable
    init(ruleStatus: Int32) {
        switch ruleStatus {
        case 100..<200: self = .number
        case 200..<300: self = .letter
        case 300..<400: self = .kana
        case 400..<500: self = .ideograph
        default: self = .none
        }
    }
}

/// ICU's word break iterator over UTF-8 text (UAX #29 rules, dictionary for Han and Thai).
///
/// A `WordBreaker` owns one ICU break iterator and one UText; it is not thread-safe, so each
/// thread makes its own. Making one clones a shared, already-loaded iterator (microseconds),
/// so it is cheap enough to make per document.
public final class WordBreaker {
    private let iterator: OpaquePointer
    private var text: UnsafeMutablePointer<UText>?

    /// Makes a word breaker for `locale` (ICU's locale ID, `zh` by default).
    ///
    /// - Throws: `ICUError` when ICU cannot open word break rules (its data is missing).
    public init(locale: String = "zh") throws(ICUError) {
        let template = try BreakIteratorTemplates.shared.template(for: locale)
        var status = U_ZERO_ERROR
        guard let clone = zk_ubrk_clone(template.pointer, &status), status.rawValue <= 0 else {
            throw ICUError(operation: "ubrk_clone", code: status.rawValue)
        }
        iterator = clone
    }

    deinit {
        zk_ubrk_close(iterator)
        if let text { _ = zk_utext_close(text) }
    }

    /// Calls `body` once for each segment of `bytes`, in order, with the UTF-8 offset where the
    /// segment ends and the status of the rule that ended it.
    ///
    /// The segments cover `bytes` exactly. `bytes` must be valid UTF-8 and stay alive during the
    /// call; ICU reads it in place. O(n) in the length of `bytes`.
    public func forEachSegment(
        in bytes: UnsafeBufferPointer<UInt8>,
        _ body: (_ end: Int, _ status: WordRuleStatus) -> Void
    ) throws(ICUError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var status = U_ZERO_ERROR
        let opened = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            zk_utext_openUTF8(text, chars, Int64(bytes.count), &status)
        }
        try ICUError.check(status.rawValue, "utext_openUTF8")
        text = opened
        zk_ubrk_setUText(iterator, opened, &status)
        try ICUError.check(status.rawValue, "ubrk_setUText")
        _ = zk_ubrk_first(iterator)
        while true {
            let end = zk_ubrk_next(iterator)
            if end == UBRK_DONE { break }
            body(Int(end), WordRuleStatus(ruleStatus: zk_ubrk_getRuleStatus(iterator)))
        }
    }
}

/// One opened break iterator per locale, kept for the life of the process and only ever cloned.
///
/// ICU loads and compiles break rules on `ubrk_open`; cloning an opened iterator is far cheaper.
/// A template is never iterated, only read by `ubrk_clone`, so sharing it across threads is safe;
/// the lock guards the dictionary of templates.
final class BreakIteratorTemplates: @unchecked Sendable {
    struct Template: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    static let shared = BreakIteratorTemplates()

    private let lock = Mutex()
    private var templates: [String: Template] = [:]

    func template(for locale: String) throws(ICUError) -> Template {
        lock.lock()
        defer { lock.unlock() }
        if let template = templates[locale] { return template }
        var status = U_ZERO_ERROR
        // `ubrk_open` answers U_USING_DEFAULT_WARNING for `zh`: a warning, not a failure.
        guard let opened = zk_ubrk_open(UBRK_WORD, locale, &status), status.rawValue <= 0 else {
            throw ICUError(operation: "ubrk_open", code: status.rawValue)
        }
        let template = Template(pointer: opened)
        templates[locale] = template
        return template
    }
}
