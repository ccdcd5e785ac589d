#if canImport(Glibc)
import Glibc
#endif

/// A file written whole or not at all: bytes go to a temporary file beside it, which is renamed
/// over the target only when `commit()` has written and synced everything. A file never
/// committed is removed (`discard()`), so a failure leaves no partial output.
final class OutputFile {
    let path: String
    let temporaryPath: String
    private var fd: Int32

    /// Creates the temporary file, and the folders above it if needed.
    init(path: String) throws(CLIError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        try Self.makeFolders(folder)
        temporaryPath = folder + "/." + name + ".tmp-\(getpid())"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CLIError(.cannotCreate, "cannot create '\(path)': \(errnoMessage())")
        }
    }

    deinit {
        if fd >= 0 { discard() }
    }

    /// Appends `bytes`. A full disk is an I/O error (74).
    func write(_ bytes: [UInt8]) throws(CLIError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if failure != 0 {
            let message = "cannot write '\(path)': \(errnoMessage(failure))"
            discard()
            throw CLIError(.ioError, message)
        }
    }

    /// Syncs, closes and renames the temporary file over the target.
    func commit() throws(CLIError) {
        if fsync(fd) != 0, errno != EINVAL {
            let message = "cannot write '\(path)': \(errnoMessage())"
            discard()
            throw CLIError(.ioError, message)
        }
        let closed = close(fd)
        fd = -1
        if closed != 0 {
            let message = "cannot write '\(path)': \(errnoMessage())"
            unlink(temporaryPath)
            throw CLIError(.ioError, message)
        }
        guard rename(temporaryPath, path) == 0 else {
            let message = "cannot create '\(path)': \(errnoMessage())"
            unlink(temporaryPath)
            throw CLIError(.cannotCreate, message)
        }
    }

    /// Closes and removes the temporary file.
    func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(temporaryPath)
    }

    /// `mkdir -p`.
    static func makeFolders(_ folder: String) throws(CLIError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw CLIError(.cannotCreate, "'\(folder)' is not a folder") }
            return
        }
        if let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            try makeFolders(String(folder[..<slash]))
        }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            throw CLIError(.cannotCreate, "cannot create the folder '\(folder)': \(errnoMessage())")
        }
    }
}
