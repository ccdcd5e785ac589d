import ZhKit

/// What decoding needs of a table of weights: the sum of the rows of one position's features.
protocol EmissionWeights {
    /// Writes the sum of the rows of `features` to `scores`, a weight per tag
    /// (`NameTags.count`): straight into the decoder's table. A key the table does not hold
    /// adds nothing.
    func emission(of features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>)
}

/// The weights the trainer moves: an open-addressing table from a feature's key to its row of
/// one `Float` weight per tag.
///
/// A look-up costs a mask, a short linear probe over eight-byte slots and, for a key the table
/// holds, one 64-byte row. Training reads and writes it; the tagger reads `PackedWeights`, made
/// from it by `packed(leavingOut:)`.
struct FeatureWeights: EmissionWeights {
    /// A slot: the high half of a key and its row (-1 where empty); the low half chose the slot.
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
    /// Rows are padded from 13 weights to 16 (64 bytes): a row is one cache line and one SIMD add.
    static let stride = 16

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = [Slot](repeating: Slot(tag: 0, row: -1), count: size)
    }

    /// The row of `key`, or -1. O(1) expected.
    func row(of key: UInt64) -> Int32 {
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
        let found = row(of: key)
        if found >= 0 { return found }
        let row = Int32(rowCount)
        place(key, row: row)
        keys.append(key)
        weights.append(contentsOf: repeatElement(0, count: Self.stride))
        return row
    }

    func emission(of features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
        for tag in 0..<NameTags.count { scores[tag] = 0 }
        for key in features {
            let row = Int(row(of: key))
            guard row >= 0 else { continue }
            for tag in 0..<NameTags.count { scores[tag] += weights[row * Self.stride + tag] }
        }
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

    /// These weights as the tagger reads them: in 16-bit fixed point on one scale (the largest
    /// magnitude as 32,767: a step of about 0.002 for the default model, whose median weight is
    /// near 1), without the weakest `fraction` of the features (those whose largest weight is
    /// smallest in magnitude; features that round to all zero always go). O(rows log rows).
    func packed(leavingOut fraction: Double) -> PackedWeights {
        let largest = weights.lazy.map(abs).max() ?? 0
        let scale = largest > 0 ? largest / Float(Int16.max) : 1
        let width = NameTags.count
        var quantised: [Int16] = []
        quantised.reserveCapacity(rowCount * width)
        var strengths: [Int16] = []
        for row in 0..<rowCount {
            var strength: Int16 = 0
            for tag in 0..<width {
                let value = Int16((weights[row * Self.stride + tag] / scale).rounded())
                quantised.append(value)
                strength = max(strength, value == .min ? .max : abs(value))
            }
            strengths.append(strength)
        }
        var threshold: Int16 = 1
        if fraction > 0 {
            let nonzero = strengths.filter { $0 > 0 }.sorted()
            if !nonzero.isEmpty { threshold = max(1, nonzero[min(nonzero.count - 1, Int(Double(nonzero.count) * fraction))]) }
        }
        var keptKeys: [UInt64] = []
        var keptWeights: [Int16] = []
        for (row, key) in keys.enumerated() where strengths[row] >= threshold {
            keptKeys.append(key)
            keptWeights += quantised[(row * width)..<((row + 1) * width)]
        }
        return PackedWeights(scale: scale, keys: keptKeys, weights: keptWeights)
    }
}

/// The weights the tagger reads: a cuckoo hash table whose 32-byte slot holds a feature's
/// weights (13 tags as 16-bit fixed point) and its 48-bit key, two slots to a 64-byte bucket,
/// each key in one of the two buckets its bits choose.
///
/// A look-up reads both buckets (two cache lines, fetched together) and adds the row whose key
/// matches, or a row of zeros, with no branch on what it read: whether a feature is known is a
/// branch a processor cannot predict, and each wrong guess cost more than the reads. At most
/// 80 % full: 40 to 80 bytes a feature (4 MiB for the default model's 103,000).
///
/// The slots are plain `Int16`s in one allocation on a 64-byte boundary, so that a bucket is
/// one cache line, read as vectors through raw pointers.
struct PackedWeights: EmissionWeights, Sendable {
    /// `2 × bucketCount` slots of 16 lanes and then one of zeros, what a look-up that finds
    /// nothing adds. Lanes 0..<13: the weights in units of `scale`; lanes 13, 14, 15: the key's
    /// bits 0–15, 16–31, 32–47. All zero where empty (no key is 0). On a 64-byte boundary.
    let slots: FrozenArray<Int16>
    let bucketMask: Int
    /// What one unit of a lane weighs.
    let scale: Float
    let count: Int

    static let lanes = 16

    /// The two buckets of a key: from its low bits and from its bits 24 and up.
    @inline(__always)
    static func buckets(of key: UInt64, mask: Int) -> (Int, Int) {
        (Int(truncatingIfNeeded: key) & mask, Int(truncatingIfNeeded: key >> 24) & mask)
    }

    /// A table of `keys` (distinct, 48-bit, not 0) and their weights, `NameTags.count` a key.
    init(scale: Float, keys: [UInt64], weights: [Int16]) {
        self.scale = scale
        count = keys.count
        var bucketCount = 8
        while bucketCount * 2 * 4 < keys.count * 5 { bucketCount <<= 1 }
        while true {
            if let table = Self.place(keys, weights, bucketCount: bucketCount) {
                slots = FrozenArray(table + [Int16](repeating: 0, count: Self.lanes), alignment: 64)
                bucketMask = bucketCount - 1
                return
            }
            bucketCount <<= 1
        }
    }

    /// The slots of the rows in `bucketCount` buckets, or `nil` if cuckoo moves do not find
    /// every key a place. Keys are placed in the order given, each in the first free slot of
    /// its two buckets; where both are full, a slot of one (chosen by a seeded generator: the
    /// same rows make the same table) is taken and its key moved to its other bucket, and so on.
    private static func place(_ rowKeys: [UInt64], _ weights: [Int16], bucketCount: Int) -> [Int16]? {
        let mask = bucketCount - 1
        let width = NameTags.count
        var table = [Int16](repeating: 0, count: bucketCount * 2 * lanes)
        var keys = [UInt64](repeating: 0, count: bucketCount * 2)
        var generator = SplitMix64(seed: 0x5A4B)
        for (row, key) in rowKeys.enumerated() {
            var item = [Int16](repeating: 0, count: lanes)
            item[0..<width] = weights[(row * width)..<((row + 1) * width)]
            item[13] = Int16(truncatingIfNeeded: key)
            item[14] = Int16(truncatingIfNeeded: key >> 16)
            item[15] = Int16(truncatingIfNeeded: key >> 32)
            var itemKey = key
            var avoid = -1  // the bucket the item was just taken from
            var placed = false
            for _ in 0..<500 {
                let (first, second) = buckets(of: itemKey, mask: mask)
                let free = keys[first * 2] == 0 ? first * 2 : keys[first * 2 + 1] == 0 ? first * 2 + 1
                    : keys[second * 2] == 0 ? second * 2 : keys[second * 2 + 1] == 0 ? second * 2 + 1 : -1
                if free >= 0 {
                    table[(free * lanes)..<((free + 1) * lanes)] = item[...]
                    keys[free] = itemKey
                    placed = true
                    break
                }
                let bucket = first == avoid ? second : first
                let slot = bucket * 2 + Int(generator.next() & 1)
                let taken = Array(table[(slot * lanes)..<((slot + 1) * lanes)])
                table[(slot * lanes)..<((slot + 1) * lanes)] = item[...]
                item = taken
                swap(&itemKey, &keys[slot])
                avoid = bucket
            }
            if !placed { return nil }
        }
        return table
    }

    /// Every feature's key and weights (`NameTags.count` a key), in the order of the keys: what
    /// the model image holds.
    var rows: (keys: [UInt64], weights: [Int16]) {
        let width = NameTags.count
        var found: [(key: UInt64, slot: Int)] = []
        for slot in 0..<(slots.count / Self.lanes - 1) {
            let base = slot * Self.lanes
            let key = UInt64(UInt16(bitPattern: slots[base + 13])) | UInt64(UInt16(bitPattern: slots[base + 14])) << 16
                | UInt64(UInt16(bitPattern: slots[base + 15])) << 32
            if key != 0 { found.append((key, slot)) }
        }
        found.sort { $0.key < $1.key }
        var weights: [Int16] = []
        weights.reserveCapacity(found.count * width)
        for (_, slot) in found {
            for tag in 0..<width { weights.append(slots[slot * Self.lanes + tag]) }
        }
        return (found.map(\.key), weights)
    }

    /// Four slots read per feature, the matching one's row (or the zero slot) added, in
    /// integers, and scaled once.
    @inline(__always)
    func emission(of features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>) {
        let mask = bucketMask
        let base = UnsafeRawPointer(slots.pointer)
        let none = (slots.count / Self.lanes - 1) &* 32
        // The 16-bit lanes widened by shifts of 32-bit lanes: `even` sums lanes 0, 2, 4 …,
        // `odd` lanes 1, 3, 5 … (little-endian: a 32-bit lane's low half is the even lane).
        var even = SIMD8<Int32>(), odd = SIMD8<Int32>()
        for key in features {
            let (first, second) = Self.buckets(of: key, mask: mask)
            // Lanes 12…15 of a slot as one little-endian word: the key is its top 48 bits.
            @inline(__always) func stored(_ offset: Int) -> UInt64 { base.load(fromByteOffset: offset &+ 24, as: UInt64.self) >> 16 }
            let a = first &* 64, b = a &+ 32, c = second &* 64, d = c &+ 32
            var found = none
            found = stored(a) == key ? a : found
            found = stored(b) == key ? b : found
            found = stored(c) == key ? c : found
            found = stored(d) == key ? d : found
            let pairs = base.loadUnaligned(fromByteOffset: found, as: SIMD8<Int32>.self)
            even &+= (pairs &<< 16) &>> 16
            odd &+= pairs &>> 16
        }
        let evenWeights = SIMD8<Float>(even) * scale, oddWeights = SIMD8<Float>(odd) * scale
        for pair in 0..<(NameTags.count + 1) / 2 {
            scores[2 &* pair] = evenWeights[pair]
            if 2 &* pair &+ 1 < NameTags.count { scores[2 &* pair &+ 1] = oddWeights[pair] }
        }
    }
}
