import Testing
import ZhKit

@Suite struct UTF8ValidationTests {
    static let cases: [([UInt8], Int?)] = [
        (Array("纯文本 plain".utf8), nil),
        ([], nil),
        (Array("abcdefghijklmnop".utf8) + [0xFF], 16),  // past the eight-byte fast path
        ([0x61, 0xC0, 0x80], 1),  // overlong NUL
        ([0xE0, 0x80, 0xAF], 0),  // overlong three-byte form
        ([0xED, 0xA0, 0x80], 0),  // a surrogate, U+D800
        ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        (Array("中".utf8.dropLast()), 0),  // truncated at the end
        ([0xE4, 0xB8, 0x41], 0),  // bad continuation byte
        ([0x80], 0),  // lone continuation byte
        (Array("𠀀".utf8) + [0x41, 0xC3], 5),
        ([0xEF, 0xBB, 0xBF, 0x41], nil),  // a BOM is valid UTF-8
    ]

    @Test(arguments: cases)
    func findsTheFirstBadSequence(_ bytes: [UInt8], _ expected: Int?) {
        #expect(bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset(in: $0) } == expected)
        // Agrees with the standard library on whether the bytes are valid.
        #expect((String(validating: bytes, as: UTF8.self) != nil) == (expected == nil))
    }
}
