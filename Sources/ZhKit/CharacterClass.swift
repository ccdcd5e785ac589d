/// The character classes the engines, the entity grammars and the writers share, in one place.
///
/// Each is a range test on a Unicode scalar value: O(1), no table, no allocation.
@usableFromInline
package enum CharacterClass {
    /// Han ideographs: the unified block, extension A, extensions B to F with the compatibility
    /// supplement (U+20000–U+2FA1F), and the compatibility block.
    @inlinable @inline(__always)
    package static func isHan(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FA1F, 0xF900...0xFAFF: true
        default: false
        }
    }

    /// The unified block alone (U+4E00–U+9FFF), the characters of nearly every word: what the
    /// dense per-character tables of the name lists index, and what their words are made of.
    @inlinable @inline(__always)
    package static func isUnifiedHan(_ scalar: UInt32) -> Bool { (0x4E00...0x9FFF).contains(scalar) }

    /// The two circles that stand for zero among Chinese numerals: 〇 (U+3007) and ○ (U+25CB).
    @inlinable @inline(__always)
    package static func isZeroCircle(_ scalar: UInt32) -> Bool { scalar == 0x3007 || scalar == 0x25CB }

    /// An ASCII or a full-width digit.
    @inlinable @inline(__always)
    package static func isDigit(_ scalar: UInt32) -> Bool { (0x30...0x39).contains(scalar) || (0xFF10...0xFF19).contains(scalar) }

    /// Whitespace in Chinese text: space, tab, line feed, carriage return and the ideographic
    /// space U+3000.
    @inlinable @inline(__always)
    package static func isWhitespace(_ scalar: UInt32) -> Bool {
        scalar == 0x20 || scalar == 0x09 || scalar == 0x0A || scalar == 0x0D || scalar == 0x3000
    }
}
