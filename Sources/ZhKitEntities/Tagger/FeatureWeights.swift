/// The weights of hashed features: an open-addressing table from a feature's key to its row of
/// one weight per tag.
///
/// A look-up costs a mask, a short linear probe over eight-byte slots and, for a key the table
/// holds, one 64-byte row; a key it does not hold finds an empty slot and contributes nothing.
struct FeatureWeights {
    /// A slot: the high half of a key and its row (-1 where empty); the low half chose the slot.
    /// Eight bytes where the whole key and row would take sixteen: half the table for the cache.
    /// Two keys alike in both would share a row, a chance of 2⁻³² per probe.
    struct Slot {
        var tag: UInt32
        var row: Int32
    }

    /// A power of two of slots, at most half full.
    private(set) var slots: [Slot]
    /// Each row's key, in row order: what rebuilds the table at another size.
    private(set) var keys: [UInt64] = []
    /// `rowCount × stride` weights: a row per feature, its first `NameTags.count` the tags'.
    var weights: [Float] = []
    var rowCount: Int { keys.count }
    /// Rows are padded from 13 weights to 16 (64 bytes): a row is one cache line and one SIMD
    /// add, at 23 % more memory.
    static let stride = 16

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = [Slot](repeating: Slot(tag: 0, row: -1), count: size)
    }

    /// The row of `key` in `slots` (a power of two of them), or -1. O(1) expected.
    @inline(__always)
    static func row(of key: UInt64, in slots: UnsafeBufferPointer<Slot>) -> Int32 {
        let mask = slots.count - 1
        let tag = UInt32(truncatingIfNeeded: key >> 32)
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = slots[slot]
            if found.row < 0 || found.tag == tag { return found.row }
            slot = (slot + 1) & mask
        }
    }

    /// The row of `key`, made (with zero weights) if the table has none. O(1) amortised.
    mutating func insert(_ key: UInt64) -> Int32 {
        if (rowCount + 1) * 2 > slots.count { grow() }
        let found = slots.withUnsafeBufferPointer { Self.row(of: key, in: $0) }
        if found >= 0 { return found }
        let row = Int32(rowCount)
        place(key, row: row)
        keys.append(key)
        weights.append(contentsOf: repeatElement(0, count: Self.stride))
        return row
    }

    private mutating func place(_ key: UInt64, row: Int32) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot].row >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(tag: UInt32(truncatingIfNeeded: key >> 32), row: row)
    }

    private mutating func grow() {
        slots = [Slot](repeating: Slot(tag: 0, row: -1), count: slots.count * 2)
        for (row, key) in keys.enumerated() { place(key, row: Int32(row)) }
    }

    /// The same weights with the rows that are all zero (or nearly: below `threshold` in
    /// magnitude) left out, in a table at most half full.
    func pruned(threshold: Float) -> FeatureWeights {
        var result = FeatureWeights(capacity: rowCount * 2)
        for (row, key) in keys.enumerated() {
            let start = row * Self.stride
            let values = weights[start..<(start + NameTags.count)]
            guard values.contains(where: { abs($0) >= threshold }) else { continue }
            let newRow = Int(result.insert(key)) * Self.stride
            for (offset, value) in values.enumerated() { result.weights[newRow + offset] = abs(value) >= threshold ? value : 0 }
        }
        return result
    }
}
