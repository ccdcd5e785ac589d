import ZhKit

extension JSONWriter {
    /// Appends a document in CoNLL-U (Universal Dependencies): per sentence `# sent_id` and
    /// `# text`, then a line per token that is not whitespace, with the ten columns (`_` where
    /// ZhKit has nothing to say) and MISC holding `NER=` (the entity tag in `scheme`),
    /// `SpaceAfter=No`, `SpacesAfter=` (whitespace other than one space, escaped) and
    /// `TokenRange=start:end` (Unicode scalars in the input). `# newdoc id` opens a document,
    /// `# newpar` a paragraph. `# text` is the tokens joined as MISC says: one space where
    /// SpaceAfter is not No. O(n).
    package mutating func conllu(_ layout: DocumentLayout, scheme: TagScheme) {
        let document = layout.document
        let name = document.id ?? "doc"
        if document.part ?? 0 == 0 {
            raw("# newdoc id = ")
            commentText(name)
            raw(UInt8(ascii: "\n"))
        }
        for sentence in document.sentences {
            let words = sentence.tokens.filter { document.spans[$0].kind != .whitespace }
            guard !words.isEmpty else { continue }
            if sentence.startsParagraph { raw("# newpar\n") }
            raw("# sent_id = ")
            commentText(name)
            raw(UInt8(ascii: "-"))
            integer(document.origin.scalars + layout.positions[sentence.tokens.lowerBound].scalars)
            raw(UInt8(ascii: "\n"))
            // What follows each word up to the next one (or the sentence's end).
            var lines: [(form: String, misc: String)] = []
            var text = ""
            for (position, word) in words.enumerated() {
                let nextWord = position + 1 < words.count ? words[position + 1] : sentence.tokens.upperBound
                let gap = layout.document.utf8[layout.positions[word + 1].utf8..<layout.positions[nextWord].utf8]
                let form = layout.form(word)
                var misc = ["NER=" + layout.tag(word, scheme: scheme)]
                let isLast = position + 1 == words.count
                text += form
                if gap.isEmpty {
                    misc.append("SpaceAfter=No")
                } else if gap.elementsEqual([0x20]) {
                    if !isLast { text += " " }
                } else if gap.contains(0x0A) || gap.contains(0x0D) {
                    // A line break inside a sentence is a wrap (reflow) or sits inside an entity:
                    // no space in `# text`. At the sentence's end it may end a paragraph, after
                    // which UD allows no `SpaceAfter=No`; `SpacesAfter` alone says what follows.
                    if !isLast { misc.append("SpaceAfter=No") }
                    misc.append("SpacesAfter=" + Self.escapedSpaces(gap))
                } else {
                    misc.append("SpacesAfter=" + Self.escapedSpaces(gap))
                    if !isLast { text += " " }
                }
                let start = document.origin.scalars + layout.positions[word].scalars
                let end = document.origin.scalars + layout.positions[word + 1].scalars
                misc.append("TokenRange=\(start):\(end)")
                lines.append((form, misc.joined(separator: "|")))
            }
            raw("# text = ")
            commentText(text)
            raw(UInt8(ascii: "\n"))
            for (index, line) in lines.enumerated() {
                integer(index + 1)
                raw(UInt8(ascii: "\t"))
                bytes.append(contentsOf: line.form.utf8)
                raw("\t_\t_\t_\t_\t_\t_\t_\t")
                bytes.append(contentsOf: line.misc.utf8)
                raw(UInt8(ascii: "\n"))
            }
            raw(UInt8(ascii: "\n"))
        }
    }

    /// Text for a comment line: line breaks and tabs as spaces, so that it stays one line.
    mutating func commentText(_ text: String) {
        for byte in text.utf8 { bytes.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte) }
    }

    /// Whitespace in CoNLL-U's escapes: `\s` space, `\t` tab, `\n` line feed, `\r` return;
    /// U+3000 as `\u3000`.
    static func escapedSpaces(_ gap: ArraySlice<UInt8>) -> String {
        var escaped = ""
        for scalar in String(decoding: gap, as: UTF8.self).unicodeScalars {
            switch scalar {
            case " ": escaped += "\\s"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\u{3000}": escaped += "\\u3000"
            case "|": escaped += "\\p"
            case "\\": escaped += "\\\\"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
