#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ZhKit

/// An input to read: a file path, or standard input (`-` or no path at all).
struct InputFile {
    /// The path as the user gave it, or `nil` for standard input.
    let path: String?

    /// How the input is named in messages.
    var displayName: String { path.map { "'\($0)'" } ?? "standard input" }

    /// Opens the input for reading. Directories and other non-files are refused.
    func open() throws(CLIError) -> InputReader {
        guard let path, path != "-" else { return InputReader(fd: 0, name: displayName, closes: false) }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CLIError(.noInput, "cannot open \(displayName): \(errnoMessage())")
        }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(fd)
            throw CLIError(.noInput, "\(displayName) is a directory, not a file")
        }
        return InputReader(fd: fd, name: displayName, closes: true)
    }

    /// Reads the whole input and checks that it is UTF-8.
    func readText() throws(CLIError) -> String {
        let reader = try open()
        var bytes: [UInt8] = []
        while let chunk = try reader.nextChunk(endingAtLineBreak: false) {
            bytes.append(contentsOf: chunk.bytes)
        }
        return try decodeUTF8(bytes, name: displayName, baseOffset: 0)
    }
}

/// Reads an input in large chunks, each cut after a line break where the input has one.
///
/// Cutting at line breaks keeps every chunk valid UTF-8 (a line break is one ASCII byte) and
/// lets a chunk be segmented on its own: word boundaries never cross a line break.
final class InputReader {
    static let chunkSize = 1 << 20

    private let fd: Int32
    private let closes: Bool
    let name: String
    private var pending: [UInt8] = []
    private var atEnd = false
    /// Byte offset in the input of the next chunk's first byte.
    private(set) var offset = 0

    init(fd: Int32, name: String, closes: Bool) {
        self.fd = fd
        self.name = name
        self.closes = closes
    }

    deinit {
        if closes { close(fd) }
    }

    /// The next chunk of the input and its byte offset, or `nil` at the end.
    ///
    /// A chunk is about `chunkSize` bytes; with `endingAtLineBreak` it ends after a line feed
    /// where the input has one (a line longer than a chunk makes a longer chunk).
    func nextChunk(endingAtLineBreak: Bool) throws(CLIError) -> (bytes: [UInt8], offset: Int)? {
        try nextChunk(cut: endingAtLineBreak ? .lineBreak : .anywhere)
    }

    /// Where a chunk may end.
    enum Cut {
        /// Where the chunk size falls.
        case anywhere
        /// After a line feed.
        case lineBreak
        /// After a line feed that ends a paragraph rather than wraps a line (`Reflow`): after
        /// punctuation, say, not between two Han characters; after any line feed if a chunk has
        /// no such place.
        case paragraph
    }

    func nextChunk(cut: Cut) throws(CLIError) -> (bytes: [UInt8], offset: Int)? {
        let endingAtLineBreak = cut != .anywhere
        while !atEnd, pending.count < Self.chunkSize {
            try fill(upTo: Self.chunkSize + Self.chunkSize / 4)
        }
        guard !pending.isEmpty else { return nil }
        var end = pending.count
        if endingAtLineBreak, !atEnd {
            // Keep the partial last line for the next chunk; read on if there is no line break.
            while true {
                if let lastBreak = pending.lastIndex(of: UInt8(ascii: "\n")) {
                    end = lastBreak + 1
                    if cut == .paragraph, let paragraphEnd = lastParagraphEnd() { end = paragraphEnd }
                    break
                }
                if atEnd { break }
                try fill(upTo: pending.count + Self.chunkSize)
                end = pending.count
            }
        }
        var chunk = pending
        if end < chunk.count {
            pending = Array(chunk[end...])
            chunk.removeLast(chunk.count - end)
        } else {
            pending = []
        }
        defer { offset += chunk.count }
        return (chunk, offset)
    }

    /// Just past the last line feed of `pending` that is no hard wrap, looking back at most
    /// 256 KB; `nil` if there is none. A wrap needs text on both sides, so a run of whitespace
    /// that reaches the end of `pending` counts as one.
    private func lastParagraphEnd() -> Int? {
        pending.withUnsafeBufferPointer { bytes in
            var index = bytes.count - 1
            let limit = max(0, bytes.count - (1 << 18))
            while index >= limit {
                defer { index -= 1 }
                guard bytes[index] == 0x0A else { continue }
                var start = index
                while start > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start - 1]) { start -= 1 }
                var end = index
                while end < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end]) { end += 1 }
                guard end < bytes.count else { continue }
                if start == 0 { return index + 1 }
                var lead = start - 1
                while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                let before = Self.scalar(at: lead, in: bytes)
                let after = Self.scalar(at: end, in: bytes)
                if !(Reflow.continuesAcrossWrap(before) && Reflow.joinsAcrossWrap(after)) { return index + 1 }
            }
            return nil
        }
    }

    /// The scalar at `index` of bytes not yet validated: U+FFFD where they are no UTF-8.
    static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= bytes.count,
            firstInvalidUTF8Offset(in: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])) == nil
        else { return 0xFFFD }
        return decodeScalarAndLength(bytes, at: index).0
    }

    /// Reads until `pending` holds `target` bytes or the input ends.
    private func fill(upTo target: Int) throws(CLIError) {
        pending.reserveCapacity(target)
        var failure: Int32 = 0
        while pending.count < target, failure == 0, !atEnd {
            let want = target - pending.count
            let oldCount = pending.count
            var readCount = 0
            pending.append(contentsOf: repeatElement(0, count: want))
            pending.withUnsafeMutableBytes { buffer in
                while true {
                    let n = read(fd, buffer.baseAddress! + oldCount, want)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno } else { readCount = n }
                    break
                }
            }
            pending.removeLast(want - readCount)
            if failure == 0, readCount == 0 { atEnd = true }
        }
        if failure != 0 {
            if failure == EISDIR { throw CLIError(.noInput, "\(name) is a directory, not a file") }
            throw CLIError(.ioError, "cannot read \(name): \(String(cString: strerror(failure)))")
        }
    }
}

/// Makes a `String` of `bytes`, which must be UTF-8; names `name` and the byte offset otherwise.
func decodeUTF8(_ bytes: [UInt8], name: String, baseOffset: Int) throws(CLIError) -> String {
    let invalid = bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset(in: $0) }
    if let invalid {
        throw CLIError(.dataError, "\(name) is not valid UTF-8: bad byte sequence at byte offset \(baseOffset + invalid)")
    }
    return String(decoding: bytes, as: UTF8.self)
}

func errnoMessage(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
