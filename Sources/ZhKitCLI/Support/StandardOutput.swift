#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to standard output in large blocks.
///
/// A reader that goes away (`| head`) ends the run quietly through `OutputClosed`; any other
/// failure (a full disk) is an I/O error.
struct StandardOutput {
    /// Flush once this many bytes are waiting.
    static let blockSize = 1 << 20

    private(set) var buffer: [UInt8] = []

    init() {
        buffer.reserveCapacity(Self.blockSize * 2)
    }

    /// Appends `bytes`, flushing when a block is full.
    mutating func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes out everything buffered.
    mutating func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(1, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    if code == EPIPE { throw OutputClosed() }
                    throw CLIError(.ioError, "cannot write to standard output: \(errnoMessage(code))")
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
