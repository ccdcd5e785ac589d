/// Checks that `bytes` is well-formed UTF-8 (Unicode §3.9, table 3-7: no overlong forms, no
/// surrogates, nothing above U+10FFFF) and returns the offset of the first bad sequence, or
/// `nil`. O(n), ASCII runs eight bytes at a time.
public func firstInvalidUTF8Offset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return nil }
    var index = 0
    while index < count {
        // Skip ASCII eight bytes at a time.
        if index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
        }
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            continue
        }
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return index
        }
        guard index + length <= count else { return index }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return index }
        for k in 2..<max(2, length) where bytes[index + k] & 0xC0 != 0x80 {
            return index
        }
        index += length
    }
    return nil
}
