/// A failure reported by ICU: the operation that failed and ICU's `UErrorCode`.
public struct ICUError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ICU call that failed, such as `ubrk_open`.
    public let operation: String
    /// ICU's `UErrorCode` value (positive values are failures).
    public let code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String { "ICU \(operation) failed with error code \(code)" }

    /// Throws when `code` is an ICU failure; warnings (negative codes) pass.
    @inlinable
    static func check(_ code: Int32, _ operation: StaticString) throws(ICUError) {
        if code > 0 { throw ICUError(operation: "\(operation)", code: code) }
    }
}
