/// Why reading inputs or writing a corpus failed: a one-line message naming the file and the
/// place, and the sysexits(3) code a command-line tool exits with.
public struct CorpusError: Error, CustomStringConvertible, Sendable {
    /// sysexits(3) codes.
    public enum Code: Int32, Sendable {
        case usage = 64  // EX_USAGE: bad arguments
        case dataError = 65  // EX_DATAERR: input is not what it must be (invalid UTF-8, …)
        case noInput = 66  // EX_NOINPUT: a missing, unreadable or non-regular input
        case cannotCreate = 73  // EX_CANTCREAT: an output file or folder cannot be made
        case ioError = 74  // EX_IOERR: reading or writing failed
        case software = 70  // EX_SOFTWARE: an internal failure (ICU could not start)
        /// Standard output's reader went away (`zhkit … | head`): no failure, the run stops.
        case outputClosed = 0
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension CorpusError {
    /// How the failure of a file found in a folder is told while the other files go on.
    package var goingOn: String { message + " (skipped; the other files go on)" }

    /// What a run whose found files failed (`failures`, of `count` files) ends with: the first
    /// failure's code; `nil` when none failed. `done` says what became of the others.
    package static func after(_ failures: [CorpusError], of count: Int, done: String) -> CorpusError? {
        failures.first.map { CorpusError($0.code, "\(failures.count) of \(count) files failed, each named above; the others were \(done)") }
    }
}
