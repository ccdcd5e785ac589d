import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file written whole or not at all: bytes go to a temporary file beside it, which is renamed
/// over the target only when `commit()` has written and synced everything. A file never
/// committed is removed (`discard()`), so a failure leaves no partial output.
package final class OutputFile {
    package let path: String
    package let temporaryPath: String
    private var fd: Int32

    /// Creates the temporary file, and the folders above it if needed.
    package init(path: String) throws(CorpusError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        try Self.makeFolders(folder)
        temporaryPath = folder + "/." + name + ".tmp-\(getpid())"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CorpusError(.cannotCreate, "cannot create '\(path)': \(errnoMessage())")
        }
        slot = TemporaryFiles.register(temporaryPath)
    }

    /// Where the temporary file is registered for removal on SIGINT or SIGTERM.
    private var slot: Int?

    deinit {
        if fd >= 0 { discard() }
    }

    /// Appends `bytes`. A full disk is an I/O error (74).
    package func write(_ bytes: [UInt8]) throws(CorpusError) {
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
            throw CorpusError(.ioError, message)
        }
    }

    /// Syncs, closes and renames the temporary file over the target.
    package func commit() throws(CorpusError) {
        if fsync(fd) != 0, errno != EINVAL {
            let message = "cannot write '\(path)': \(errnoMessage())"
            discard()
            throw CorpusError(.ioError, message)
        }
        let closed = close(fd)
        fd = -1
        if closed != 0 {
            let message = "cannot write '\(path)': \(errnoMessage())"
            unlink(temporaryPath)
            throw CorpusError(.ioError, message)
        }
        TemporaryFiles.unregister(slot)
        slot = nil
        guard rename(temporaryPath, path) == 0 else {
            let message = "cannot create '\(path)': \(errnoMessage())"
            unlink(temporaryPath)
            throw CorpusError(.cannotCreate, message)
        }
    }

    /// Closes and removes the temporary file.
    package func discard() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        unlink(temporaryPath)
        TemporaryFiles.unregister(slot)
        slot = nil
    }

    /// `mkdir -p`.
    package static func makeFolders(_ folder: String) throws(CorpusError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw CorpusError(.cannotCreate, "'\(folder)' is not a folder") }
            return
        }
        if let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            try makeFolders(String(folder[..<slash]))
        }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            throw CorpusError(.cannotCreate, "cannot create the folder '\(folder)': \(errnoMessage())")
        }
    }
}

/// The temporary files being written, for the signal handler: on SIGINT, SIGTERM or SIGHUP it
/// removes them and ends the process with that signal, so that an interrupted run leaves the
/// files it finished and nothing else.
///
/// Paths are kept as C strings in a fixed table, which a signal handler can read without
/// allocating; `unlink(2)` is async-signal-safe.
package enum TemporaryFiles {
    package static let capacity = 256
    package nonisolated(unsafe) static let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    package nonisolated(unsafe) static var installed = false
    package static let lock = NSLock()

    /// Installs the handler (once) and records `path`; its slot, or `nil` if the table is full.
    package static func register(_ path: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if !installed {
            slots.initialize(repeating: nil, count: capacity)
            // A parent may have blocked these signals (a process inherits its mask): unblock
            // them, or an interrupt would wait for the end of the run.
            var mask = sigset_t()
            sigemptyset(&mask)
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                Glibc.signal(signal, handleSignal)
                sigaddset(&mask, signal)
            }
            pthread_sigmask(SIG_UNBLOCK, &mask, nil)
            installed = true
        }
        for index in 0..<capacity where slots[index] == nil {
            slots[index] = strdup(path)
            return index
        }
        return nil
    }

    package static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }
}

/// Removes every registered temporary file, then dies of `signal` as if unhandled.
private func handleSignal(_ signal: Int32) {
    for index in 0..<TemporaryFiles.capacity {
        if let path = TemporaryFiles.slots[index] { unlink(path) }
    }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
