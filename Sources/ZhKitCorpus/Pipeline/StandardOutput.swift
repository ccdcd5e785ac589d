#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to standard output in large blocks.
///
/// A reader that goes away (`| head`) ends the run quietly (`CorpusError.Code.outputClosed`); any other
/// failure (a full disk) is an I/O error.
package struct StandardOutput {
    /// Flush once this many bytes are waiting.
    package static let blockSize = 1 << 20

    private(set) var buffer: [UInt8] = []

    package init() {
        buffer.reserveCapacity(Self.blockSize * 2)
    }

    /// Appends `bytes`, flushing when a block is full.
    package mutating func write(_ bytes: [UInt8]) throws(CorpusError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes out everything buffered.
    package mutating func flush() throws(CorpusError) {
        var failure: Int32 = 0
        buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(1, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if failure == EPIPE { throw CorpusError(.outputClosed, "standard output was closed") }
        if failure != 0 { throw CorpusError(.ioError, "cannot write to standard output: \(errnoMessage(failure))") }
    }
}
