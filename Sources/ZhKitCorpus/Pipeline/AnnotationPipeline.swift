import Foundation
import ZhKit
import ZhKitEntities
import ZhKitICU

/// A piece of an input to annotate: a whole small file, a part of a large one, or a block of
/// JSONL lines.
struct InputPart: Sendable {
    let input: Int
    let name: String
    /// The document id: the input's path below its folder, without extension.
    let id: String
    let bytes: [UInt8]
    /// Where the part starts in its input.
    let origin: TextPosition
    /// The input's line number of the part's first line (for JSONL errors).
    let firstLine: Int
    /// The part's number when its input has more than one, else `nil`.
    let part: Int?
    let isLast: Bool
    /// The length of the UTF-8 BOM taken off the input's start (0 or 3).
    var byteOrderMark = 0
    /// Why the input could not be read on, for a found input (`JobInput.found`), whose failure
    /// is reported in its turn instead of stopping the run; the part then has no bytes.
    var failure: CorpusError?
}

/// Reads the inputs one after another in parts, one part ahead (to tell the last one). A found
/// input that is binary is skipped (and said so); one that cannot be read is handed on as a
/// failure part.
struct PartProducer {
    let inputs: [JobInput]
    let cut: InputReader.Cut
    let notice: (String) -> Void
    private var current = -1
    private var reader: InputReader?
    private var ahead: (bytes: [UInt8], offset: Int)?
    private var partNumber = 0
    private var origin = TextPosition.zero
    private var line = 1

    init(inputs: [JobInput], cut: InputReader.Cut, notice: @escaping (String) -> Void) {
        self.inputs = inputs
        self.cut = cut
        self.notice = notice
    }

    mutating func next() throws(CorpusError) -> InputPart? {
        while true {
            if let reader {
                let chunk = ahead
                do {
                    ahead = try reader.nextChunk(cut: cut)
                } catch {
                    self.reader = nil
                    guard inputs[current].found else { throw error }
                    return failure(error)
                }
                if let chunk {
                    let input = inputs[current]
                    let isLast = ahead == nil
                    let part = InputPart(input: current, name: input.file.displayName, id: input.outputStem, bytes: chunk.bytes, origin: origin,
                        firstLine: line, part: isLast && partNumber == 0 ? nil : partNumber, isLast: isLast, byteOrderMark: reader.bomLength)
                    partNumber += 1
                    advance(over: chunk.bytes)
                    if isLast { self.reader = nil }
                    return part
                }
                self.reader = nil
            }
            current += 1
            guard current < inputs.count else { return nil }
            partNumber = 0
            origin = .zero
            line = 1
            let opened: InputReader
            do {
                opened = try inputs[current].file.open()
                ahead = try opened.nextChunk(cut: cut)
            } catch {
                guard inputs[current].found else { throw error }
                return failure(error)
            }
            if inputs[current].found, let ahead, let reason = InputReader.binaryReason(ahead.bytes) {
                notice("skipped \(inputs[current].file.displayName): \(reason)")
                continue
            }
            if ahead == nil {
                // An empty input is one empty document.
                let input = inputs[current]
                return InputPart(input: current, name: input.file.displayName, id: input.outputStem, bytes: [], origin: .zero, firstLine: 1, part: nil,
                    isLast: true, byteOrderMark: opened.bomLength)
            }
            reader = opened
        }
    }

    /// The part that says the current input failed.
    private func failure(_ error: CorpusError) -> InputPart {
        let input = inputs[current]
        return InputPart(input: current, name: input.file.displayName, id: input.outputStem, bytes: [], origin: origin, firstLine: line,
            part: nil, isLast: true, failure: error)
    }

    /// Moves `origin` and `line` past `bytes` (not yet validated: a count, not a decoding).
    private mutating func advance(over bytes: [UInt8]) {
        var scalars = 0
        var supplementary = 0
        var lines = 0
        for byte in bytes {
            scalars &+= (byte & 0xC0) != 0x80 ? 1 : 0
            supplementary &+= byte >= 0xF0 ? 1 : 0
            lines &+= byte == 0x0A ? 1 : 0
        }
        origin = TextPosition(utf8: origin.utf8 + bytes.count, scalars: origin.scalars + scalars, utf16: origin.utf16 + scalars + supplementary)
        line += lines
    }
}

/// Annotates a part: the work each thread does. Its documents are small beside what they
/// become (16 bytes a token against up to 90 in `jsonl`), so the threads hand on documents and the
/// sink writes them, a megabyte at a time, as their turn comes.
struct PartAnnotator: Sendable {
    let annotator: Annotator
    let inputFormat: CorpusOptions.InputFormat

    /// The documents of `part`, checked to be UTF-8: the part itself, or with JSONL input, one
    /// a line (blank lines skipped).
    func callAsFunction(_ part: InputPart) throws(CorpusError) -> [AnnotatedDocument] {
        try part.bytes.withUnsafeBufferPointer { (bytes) throws(CorpusError) in
            try checkUTF8(bytes, name: part.name, baseOffset: part.origin.utf8 + part.byteOrderMark)
        }
        guard inputFormat == .jsonl else {
            var document = annotator.annotate(part.bytes, id: part.id, origin: part.origin, part: part.part)
            document.byteOrderMark = part.byteOrderMark > 0
            return [document]
        }
        var documents: [AnnotatedDocument] = []
        var lineNumber = part.firstLine
        for line in part.bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            guard line.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) else { continue }
            let (id, idIsNumber, text) = try parseRecord(line, lineNumber: lineNumber, name: part.name)
            var document = annotator.annotate(Array(text.utf8), id: id)
            document.idIsNumber = idIsNumber
            documents.append(document)
        }
        return documents
    }

    /// Reads `{"id", "text"}` from one JSONL line: the id as text and whether it was a JSON
    /// number (a string otherwise; `true` and `false` as their names, `null` as no id), and the text.
    func parseRecord(_ line: ArraySlice<UInt8>, lineNumber: Int, name: String) throws(CorpusError) -> (String?, Bool, String) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line))
        } catch {
            throw CorpusError(.dataError, "\(name):\(lineNumber): not a JSON object")
        }
        guard let record = object as? [String: Any], let text = record["text"] as? String else {
            throw CorpusError(.dataError, "\(name):\(lineNumber): expected an object with a \"text\" string")
        }
        switch record["id"] {
        case nil: return (nil, false, text)
        case let id as String: return (id, false, text)
        case let number as NSNumber:
            // Foundation reads `true` and `false` as numbers of type `c` (char).
            if String(cString: number.objCType) == "c" { return (number.boolValue ? "true" : "false", false, text) }
            return ("\(number)", true, text)
        case is NSNull: return (nil, false, text)
        case let other?: return ("\(other)", false, text)
        }
    }
}

/// Writes annotated parts in the format, in input order: to standard output, or to a file per
/// input (two for BRAT) under a folder, each committed when its last part is written.
struct AnnotationSink {
    let options: CorpusOptions
    var format: CorpusFormat { options.format }
    let folder: String?
    let inputs: [JobInput]
    private var standardOutput = StandardOutput()
    private var open: (input: Int, main: OutputFile, text: OutputFile?)?
    private var nextEntity = 1
    /// The output is written out whenever this much is buffered: a jsonl part with every token
    /// runs to 27 times its text, which need never sit whole in memory.
    static let pieceSize = 1 << 20

    init(options: CorpusOptions, folder: String?, inputs: [JobInput]) throws(CorpusError) {
        self.options = options
        self.folder = folder
        self.inputs = inputs
        if let folder, format == .hf {
            // The ClassLabel names of `ner_tags`, in id order.
            let file = try OutputFile(path: folder + "/labels.json")
            var writer = JSONWriter()
            writer.raw(UInt8(ascii: "["))
            for (index, label) in options.scheme.labels.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                writer.string(label)
            }
            writer.raw("]\n")
            try file.write(writer.bytes)
            try file.commit()
        }
    }

    mutating func consume(_ part: InputPart, _ documents: [AnnotatedDocument]) throws(CorpusError) {
        guard let folder else {
            try Self.write(documents, options: options) { (bytes) throws(CorpusError) in try standardOutput.write(bytes) }
            return
        }
        if open?.input != part.input {
            let stem = folder + "/" + inputs[part.input].outputStem
            let main = try OutputFile(path: stem + "." + format.fileExtension)
            let text = format == .brat ? try OutputFile(path: stem + ".txt") : nil
            if let path = inputs[part.input].file.path, isSameFile(path, text?.path ?? main.path) {
                main.discard()
                text?.discard()
                throw CorpusError(.cannotCreate, "'\(text?.path ?? main.path)' would overwrite its input: choose another --output folder")
            }
            open = (part.input, main, text)
            nextEntity = 1
        }
        guard let (_, main, text) = open else { return }
        if let text {
            try text.write(part.bytes)
            var writer = JSONWriter()
            writer.brat(documents.flatMap(BratEntity.entities(of:)), next: &nextEntity)
            try main.write(writer.bytes)
        } else {
            try Self.write(documents, options: options) { (bytes) throws(CorpusError) in try main.write(bytes) }
        }
        if part.isLast {
            try main.commit()
            try text?.commit()
            open = nil
        }
    }

    /// Writes `documents` in the format, handing `output` a piece whenever `pieceSize` bytes
    /// are buffered, and the rest at the end.
    private static func write(_ documents: [AnnotatedDocument], options: CorpusOptions, to output: ([UInt8]) throws(CorpusError) -> Void)
        throws(CorpusError)
    {
        var writer = JSONWriter(capacity: pieceSize * 2)
        for document in documents {
            try writer.document(document, options: options, flushAbove: Self.pieceSize) { (writer) throws(CorpusError) in
                try output(writer.bytes)
                writer.bytes.removeAll(keepingCapacity: true)
            }
        }
        try output(writer.bytes)
    }

    /// Drops what was written for `input`, which failed: its files are removed, not committed.
    mutating func abandon(_ input: Int) {
        guard let (openInput, main, text) = open, openInput == input else { return }
        main.discard()
        text?.discard()
        open = nil
    }

    mutating func finish() throws(CorpusError) {
        try standardOutput.flush()
    }

    /// Whether two paths name the same file (both must exist).
    private func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}

