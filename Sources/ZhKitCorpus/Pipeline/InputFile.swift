#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ZhKit
import ZhKitICU

/// How an input's bytes become text.
public enum InputEncoding: Sendable, Hashable {
    /// Strict UTF-8 (the default): invalid bytes are an error; a BOM is taken off and reported.
    case utf8
    /// One of ICU's converters (`GB18030`, `GBK`, `Big5-HKSCS`, `UTF-16`, …).
    case named(String)
    /// Whatever ICU's charset detector finds in the first 64 KB, said on stderr.
    case auto

    public init(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        default: self = .named(argument)
        }
    }
}

/// An input to read: a file path, or standard input (`-` or no path at all).
package struct InputFile {
    /// The path as the user gave it, or `nil` for standard input.
    package let path: String?
    package var encoding: InputEncoding
    /// Told what `.auto` detected.
    package var notice: @Sendable (String) -> Void

    package init(path: String?, encoding: InputEncoding = .utf8, notice: @escaping @Sendable (String) -> Void = { _ in }) {
        self.path = path
        self.encoding = encoding
        self.notice = notice
    }

    /// How the input is named in messages.
    package var displayName: String { path.map { "'\($0)'" } ?? "standard input" }

    /// Opens the input for reading. Directories and other non-files are refused.
    package func open() throws(CorpusError) -> InputReader {
        let reader = try openRaw()
        try reader.prepare(encoding, notice: notice)
        return reader
    }

    private func openRaw() throws(CorpusError) -> InputReader {
        guard let path, path != "-" else { return InputReader(fd: 0, name: displayName, closes: false) }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CorpusError(.noInput, "cannot open \(displayName): \(errnoMessage())")
        }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(fd)
            throw CorpusError(.noInput, "\(displayName) is a directory, not a file")
        }
        return InputReader(fd: fd, name: displayName, closes: true)
    }

    /// Reads the whole input as bytes, as it is (a binary file: a model).
    package func readBytes() throws(CorpusError) -> [UInt8] {
        let reader = try openRaw()
        var bytes: [UInt8] = []
        while let chunk = try reader.nextChunk(endingAtLineBreak: false) {
            bytes.append(contentsOf: chunk.bytes)
        }
        return bytes
    }

    /// Reads the whole input and checks that it is UTF-8 (after decoding, with `--encoding`).
    package func readText() throws(CorpusError) -> String {
        try open().readText()
    }
}

/// Reads an input in large chunks, each cut after a line break where the input has one.
///
/// Cutting at line breaks keeps every chunk valid UTF-8 (a line break is one ASCII byte) and
/// lets a chunk be segmented on its own: word boundaries never cross a line break.
package final class InputReader {
    /// About how many bytes `nextChunk` hands out. Annotation takes a megabyte, the context
    /// later mentions of a name are found in; segmentation needs no context and takes a quarter
    /// of that, which holds its memory to its parts in flight (three batches of two per thread).
    package var chunkSize = 1 << 20

    private let fd: Int32
    private let closes: Bool
    package let name: String
    private var pending: [UInt8] = []
    private var atEnd = false
    /// Decodes the raw bytes into UTF-8, for an input in another encoding.
    private var decoder: TextDecoder?
    /// The encoding's name as the user gave it (or the detector found it), for messages.
    private var encodingLabel = "UTF-8"
    /// The length of the UTF-8 byte order mark the input started with and that was taken off
    /// (3), or 0. Byte offsets of the text count from after it.
    package private(set) var bomLength = 0
    /// Byte offset in the input of the next chunk's first byte.
    package private(set) var offset = 0

    package init(fd: Int32, name: String, closes: Bool) {
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
    package func nextChunk(endingAtLineBreak: Bool) throws(CorpusError) -> (bytes: [UInt8], offset: Int)? {
        try nextChunk(cut: endingAtLineBreak ? .lineBreak : .anywhere)
    }

    /// Where a chunk may end.
    package enum Cut {
        /// Where the chunk size falls.
        case anywhere
        /// After a line feed.
        case lineBreak
        /// After a line feed that ends a paragraph rather than wraps a line (`Reflow`): after
        /// punctuation, say, not between two Han characters; after any line feed if a chunk has
        /// no such place.
        case paragraph
    }

    package func nextChunk(cut: Cut) throws(CorpusError) -> (bytes: [UInt8], offset: Int)? {
        let endingAtLineBreak = cut != .anywhere
        while !atEnd, pending.count < chunkSize {
            try fill(upTo: chunkSize + chunkSize / 4)
        }
        guard !pending.isEmpty else { return nil }
        var end = pending.count
        if endingAtLineBreak, !atEnd {
            // Keep the partial last line for the next chunk; read on if there is no line break,
            // looking only at what each read adds.
            var searched = 0
            while true {
                if let lastBreak = pending[searched...].lastIndex(of: UInt8(ascii: "\n")) {
                    end = lastBreak + 1
                    if cut == .paragraph, let paragraphEnd = lastParagraphEnd() { end = paragraphEnd }
                    break
                }
                if atEnd { break }
                if cut == .paragraph, pending.count >= Self.windowLimit {
                    // A text with no line break for megabytes: cut a window at a sentence end.
                    end = windowEnd()
                    break
                }
                if pending.count >= Self.lineLimit {
                    throw CorpusError(.dataError, "\(name) has a line longer than \(Self.lineLimit >> 20) MB at byte offset \(offset + bomLength): this reads a line at a time (zhkit annotate on text has no such limit)")
                }
                searched = pending.count
                try fill(upTo: pending.count + chunkSize)
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

    /// Why text that starts with `bytes` is no text, as git and ripgrep decide from a file's
    /// first block: a NUL byte, or bytes that are not UTF-8 (after decoding, when an encoding was
    /// given); `nil` for text.
    package static func binaryReason(_ bytes: some Collection<UInt8>) -> String? {
        let block = Array(bytes.prefix(binaryBlock))
        if let nul = block.firstIndex(of: 0) { return "binary (a NUL byte at byte offset \(nul))" }
        return block.withUnsafeBufferPointer { buffer in
            guard let invalid = firstInvalidUTF8Offset(in: buffer) else { return nil }
            // A character cut by the block's end is no fault.
            if block.count < bytes.count, invalid >= block.count - 3 { return nil }
            var reason = "not UTF-8 text (a bad byte sequence at byte offset \(invalid))"
            if let (found, _, name) = likelyEncoding(buffer) { reason += "; it looks like \(found): try --encoding \(name)" }
            return reason
        }
    }

    /// How much of a file's start `binaryReason` judges: git's 8000 bytes.
    package static let binaryBlock = 8000

    /// The input's first bytes (after decoding), without taking them: the block `binaryReason`
    /// judges and the three bytes after it, which tell whether its end cuts a character.
    package func firstBlock() throws(CorpusError) -> ArraySlice<UInt8> {
        try fill(upTo: Self.binaryBlock + 4)
        return pending.prefix(Self.binaryBlock + 4)
    }

    /// The rest of the input as text, checked to be UTF-8.
    package func readText() throws(CorpusError) -> String {
        var bytes: [UInt8] = []
        while let chunk = try nextChunk(endingAtLineBreak: false) {
            bytes.append(contentsOf: chunk.bytes)
        }
        return try decodeUTF8(bytes, name: name, baseOffset: bomLength)
    }

    /// How much text without a line break `.paragraph` chunks read before they cut a window.
    package static let windowLimit = 4 << 20
    /// The longest line the line-at-a-time readers take (`segment`, JSONL input).
    package static let lineLimit = 16 << 20

    /// Where to end a window of a text with no line break: after the last 。！？!? in its first
    /// megabyte and a quarter, else after the last whitespace there, else at a character boundary.
    private func windowEnd() -> Int {
        pending.withUnsafeBufferPointer { bytes in
            let limit = min(bytes.count, chunkSize + chunkSize / 4)
            var index = limit - 1
            var space: Int?
            while index > chunkSize / 4 {
                defer { index -= 1 }
                let byte = bytes[index]
                if byte == 0x21 || byte == 0x3F { return index + 1 }
                if index >= 2, bytes[index - 2] == 0xE3, bytes[index - 1] == 0x80, byte == 0x82 { return index + 1 }  // 。
                if index >= 2, bytes[index - 2] == 0xEF, bytes[index - 1] == 0xBC, byte == 0x81 || byte == 0x9F { return index + 1 }  // ！？
                if space == nil, byte == 0x20 || byte == 0x09 { space = index + 1 }
            }
            if let space { return space }
            var boundary = min(chunkSize, bytes.count)
            while boundary > 0, boundary < bytes.count, bytes[boundary] & 0xC0 == 0x80 { boundary -= 1 }
            return max(boundary, 1)
        }
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
    package static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= bytes.count,
            firstInvalidUTF8Offset(in: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])) == nil
        else { return 0xFFFD }
        return decodeScalarAndLength(bytes, at: index).0
    }

    /// Sets up decoding: a named encoding's converter, or the detector's choice, or strict UTF-8
    /// with its BOM taken off.
    package func prepare(_ encoding: InputEncoding, notice: (String) -> Void) throws(CorpusError) {
        var name: String?
        switch encoding {
        case .utf8: break
        case .named(let given): name = given
        case .auto:
            try fillRaw(upTo: 1 << 16)
            let sample = pending
            if let (said, reading) = sample.withUnsafeBufferPointer({ Self.detectEncoding($0, isWhole: atEnd) }) {
                name = reading
                notice("\(self.name): \(said), reading it as \(name ?? "UTF-8")")
            }
        }
        if let name {
            do {
                decoder = try TextDecoder(encoding: name)
                encodingLabel = name
            } catch {
                throw CorpusError(.usage, "unknown encoding '\(name)' (ICU's converter names: GB18030, GBK, Big5, Big5-HKSCS, UTF-16, UTF-16LE, UTF-32, …)")
            }
            let raw = pending
            pending = []
            try decodeAppend(raw, isLast: atEnd)
            return
        }
        try fillRaw(upTo: 3)
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) {
            pending.removeFirst(3)
            bomLength = 3
        }
    }

    /// The encoding `--encoding auto` reads `sample` (an input's first 64 KB, or all of it when
    /// `isWhole`) in: ICU's best match when it is confident (50 % or more) and one Chinese text
    /// comes in; else UTF-8 when the sample is UTF-8; else the first of ICU's matches, however
    /// unsure, that is GB18030 or Big5 and decodes the sample without error; else ICU's best
    /// guess. What to say of it, and the converter to read with (`nil`: UTF-8); `nil` when ICU
    /// matches nothing. A short UTF-16 text without a byte order mark is read as GB18030: ICU
    /// cannot tell them apart on a few characters, and GBK files are the likelier.
    static func detectEncoding(_ sample: UnsafeBufferPointer<UInt8>, isWhole: Bool) -> (said: String, reading: String?)? {
        let matches = CharsetDetector.matches(sample)
        guard let best = matches.first else { return nil }
        let detected = "detected \(best.name) (confidence \(best.confidence)%)"
        if best.confidence >= 50, let reading = suggestedEncoding(best.name, sample) { return (detected, reading) }
        let invalid = firstInvalidUTF8Offset(in: sample)
        // A character cut by the sample's end is no fault.
        if invalid == nil || (!isWhole && invalid! >= sample.count - 3) { return (detected + "; the bytes are UTF-8", nil) }
        for match in matches where chineseMultiByte.contains(match.name) {
            guard let decoder = try? TextDecoder(encoding: match.name), let decoded = try? decoder.decode(sample, isLast: isWhole),
                looksChinese(decoded)
            else { continue }
            return (match == best ? detected : detected + "; \(match.name) (\(match.confidence)%) decodes it", match.name)
        }
        return (detected, suggestedEncoding(best.name, sample))
    }

    /// Whether decoded text reads as Chinese rather than as bytes of another encoding decoded
    /// wrong: no control characters but whitespace, and Han for at least half of what is not
    /// whitespace. (UTF-16 read as GB18030 gives ASCII letters and controls between the Han.)
    static func looksChinese(_ utf8: [UInt8]) -> Bool {
        var han = 0
        var others = 0
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            if value < 0x20 || value == 0x7F {
                guard value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0C else { return false }
                continue
            }
            if CharacterClass.isWhitespace(value) { continue }
            if CharacterClass.isHan(value) { han += 1 } else { others += 1 }
        }
        return han > 0 && han >= others
    }

    /// The multi-byte encodings Chinese text comes in, by ICU's detector's names.
    static let chineseMultiByte: Set<String> = ["GB18030", "Big5"]

    /// Decodes raw bytes onto `pending`. An error names the input, the encoding and the raw offset.
    private func decodeAppend(_ raw: [UInt8], isLast: Bool) throws(CorpusError) {
        guard let decoder else {
            pending.append(contentsOf: raw)
            return
        }
        do {
            let decoded = try raw.withUnsafeBufferPointer { (bytes) throws(TextDecodingError) in try decoder.decode(bytes, isLast: isLast) }
            pending.append(contentsOf: decoded)
        } catch {
            if case .invalidBytes(let offset) = error {
                throw CorpusError(.dataError, "\(name) is not valid \(encodingLabel): bad byte sequence at byte offset \(offset)")
            }
            throw CorpusError(.dataError, "\(name): cannot decode")
        }
    }

    /// Reads until `pending` holds `target` bytes or the input ends.
    private func fill(upTo target: Int) throws(CorpusError) {
        guard decoder != nil else { return try fillRaw(upTo: target) }
        // Read raw bytes beside `pending`, then decode them onto it.
        let decoded = pending
        pending = []
        try fillRaw(upTo: max(target - decoded.count, 1 << 16))
        let raw = pending
        pending = decoded
        try decodeAppend(raw, isLast: atEnd)
    }

    /// Reads raw bytes onto `pending` until it holds `target` bytes or the input ends.
    private func fillRaw(upTo target: Int) throws(CorpusError) {
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
            if failure == EISDIR { throw CorpusError(.noInput, "\(name) is a directory, not a file") }
            throw CorpusError(.ioError, "cannot read \(name): \(String(cString: strerror(failure)))")
        }
    }
}

/// Makes a `String` of `bytes`, which must be UTF-8; names `name` and the byte offset otherwise.
package func decodeUTF8(_ bytes: [UInt8], name: String, baseOffset: Int) throws(CorpusError) -> String {
    try bytes.withUnsafeBufferPointer { (buffer) throws(CorpusError) in try checkUTF8(buffer, name: name, baseOffset: baseOffset) }
    return String(decoding: bytes, as: UTF8.self)
}

/// Throws the data error (65) for bytes that are not UTF-8: the input, the byte offset, and the
/// encoding ICU's detector sees in them when it is confident enough to suggest one.
package func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, name: String, baseOffset: Int) throws(CorpusError) {
    guard let invalid = firstInvalidUTF8Offset(in: bytes) else { return }
    var message = "\(name) is not valid UTF-8: bad byte sequence at byte offset \(baseOffset + invalid)"
    if let (found, confidence, name) = likelyEncoding(bytes) {
        message += "; it looks like \(found) (confidence \(confidence)%): try --encoding \(name)"
    }
    throw CorpusError(.dataError, message)
}

/// The encoding ICU's detector is confident (50 % or more) that `bytes` are in, when Chinese text
/// comes in it: what it found, how sure it is, and the converter to name in a hint.
func likelyEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> (found: String, confidence: Int, converter: String)? {
    guard let (found, confidence) = CharsetDetector.detect(bytes), confidence >= 50, let converter = suggestedEncoding(found, bytes) else { return nil }
    return (found, confidence, converter)
}

package func errnoMessage(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}

/// The converter to use for what ICU's detector found, or `nil` if it is no multi-byte encoding
/// Chinese text comes in (a Latin code page is a guess, not a finding): UTF-16 and UTF-32 with a
/// byte order mark go to the converter that reads and drops it.
package func suggestedEncoding(_ detected: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let multiByte = ["GB18030", "Big5", "EUC-JP", "EUC-KR", "Shift_JIS", "ISO-2022-CN", "ISO-2022-JP", "ISO-2022-KR"]
    if detected.hasPrefix("UTF-16") || detected.hasPrefix("UTF-32") {
        let family = String(detected.prefix(6))
        let hasBOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        return hasBOM ? family : detected
    }
    return multiByte.contains(detected) ? detected : nil
}
