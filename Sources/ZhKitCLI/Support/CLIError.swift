/// An error the CLI reports as one line on stderr, with a sysexits(3) exit code.
struct CLIError: Error, CustomStringConvertible {
    /// sysexits(3) codes used by zhkit.
    enum Code: Int32 {
        case usage = 64  // EX_USAGE: bad arguments
        case dataError = 65  // EX_DATAERR: input is not what it must be (invalid UTF-8, …)
        case noInput = 66  // EX_NOINPUT: a missing, unreadable or non-regular input
        case cannotCreate = 73  // EX_CANTCREAT: an output file or folder cannot be made
        case ioError = 74  // EX_IOERR: reading or writing failed
        case software = 70  // EX_SOFTWARE: an internal failure (ICU could not start)
    }

    let code: Code
    let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    var description: String { message }
}

/// Standard output was closed by the reader (`zhkit … | head`): stop quietly.
struct OutputClosed: Error {}
