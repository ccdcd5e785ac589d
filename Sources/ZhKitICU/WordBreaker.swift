internal import CZhKitICU
import Synchronization

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
    private let breaker: OpaquePointer

    /// Makes a word breaker for `locale` (ICU's locale ID, `zh` by default).
    ///
    /// - Throws: `ICUError` when ICU cannot open word break rules (its data is missing).
    public init(locale: String = "zh") throws(ICUError) {
        let template = try BreakIteratorTemplates.shared.template(for: locale)
        var status: Int32 = 0
        guard let clone = zk_word_breaker_clone(template.pointer, &status) else {
            throw ICUError(operation: "ubrk_clone", code: status)
        }
        breaker = clone
    }

    deinit {
        zk_word_breaker_close(breaker)
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
        var status: Int32 = 0
        zk_word_breaker_set_utf8(breaker, base, Int64(bytes.count), &status)
        try ICUError.check(status, "ubrk_setUText")
        while true {
            let end = zk_word_breaker_next(breaker)
            if end < 0 { break }
            body(Int(end), WordRuleStatus(ruleStatus: zk_word_breaker_rule_status(breaker)))
        }
    }
}

/// One opened break iterator per locale, kept for the life of the process and only ever cloned.
///
/// ICU loads and compiles break rules on `ubrk_open`; cloning an opened iterator is far cheaper.
/// A template is never iterated, only read by `ubrk_clone`, so sharing it across threads is safe;
/// the mutex guards the dictionary of templates.
final class BreakIteratorTemplates: Sendable {
    struct Template: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    static let shared = BreakIteratorTemplates()

    private let templates = Mutex<[String: Template]>([:])

    func template(for locale: String) throws(ICUError) -> Template {
        try templates.withLock { templates throws(ICUError) -> Template in
            if let template = templates[locale] { return template }
            var status: Int32 = 0
            // `ubrk_open` answers U_USING_DEFAULT_WARNING for `zh`: a warning, not a failure.
            guard let opened = zk_word_breaker_open(locale, &status) else {
                throw ICUError(operation: "ubrk_open", code: status)
            }
            let template = Template(pointer: opened)
            templates[locale] = template
            return template
        }
    }
}
