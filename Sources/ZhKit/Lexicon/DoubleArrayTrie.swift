/// A trie over small integer labels stored as a double array: one transition is two array reads.
///
/// State `s` has a child labelled `c` at `t = base[s] + c` when `check[t] == s`. The root is
/// state 0. `score[s]` is the score of the key that ends at `s`, or −∞: stored in the slot, not
/// behind an index, because every look-up that finds a word needs it and a second random read
/// costs as much as the transition. Immutable once built. Labels are ≥ 1 (0 is reserved).
struct DoubleArrayTrie: Sendable {
    /// One slot: its base, its parent check and its key's score, side by side so that a
    /// transition touches one cache line, not three.
    struct Slot: BitwiseCopyable {
        var base: Int32
        var check: Int32
        var score: Float
    }

    let slots: FrozenArray<Slot>
    /// How many keys end in the trie.
    let keyCount: Int

    static let root: Int32 = 0

    init(base: [Int32], check: [Int32], score: [Float]) {
        precondition(base.count == check.count && base.count == score.count && !base.isEmpty)
        slots = FrozenArray((0..<base.count).map { Slot(base: base[$0], check: check[$0], score: score[$0]) })
        keyCount = score.lazy.filter { $0 > -.infinity }.count
    }

    /// A trie over slots already laid out (read from a compiled image).
    init(slots: FrozenArray<Slot>, keyCount: Int) {
        self.slots = slots
        self.keyCount = keyCount
    }

    /// The state reached from `state` by `label`, or `nil`. O(1).
    @inline(__always)
    func child(of state: Int32, label: Int32) -> Int32? {
        let target = Int(slots[Int(state)].base) &+ Int(label)
        guard target >= 0, target < slots.count, slots[target].check == state else { return nil }
        return Int32(target)
    }

    /// The score of the key ending at `state`, or −∞ when none ends there.
    @inline(__always)
    func scoreAt(_ state: Int32) -> Float { slots[Int(state)].score }

    /// Number of slots in the arrays.
    var capacity: Int { slots.count }


}

extension DoubleArrayTrie {
    /// Builds a trie of `keys`, which must be sorted (lexicographically by label), unique, and
    /// made of labels ≥ 1; key `i` gets `scores[i]`.
    ///
    /// Nodes are placed breadth first, each at the first base whose child slots are all free.
    /// About O(n · a) for n nodes and a small average search length a.
    init(sortedKeys keys: [[Int32]], scores: [Float]) {
        precondition(keys.count == scores.count)
        // Every node takes one slot: the key characters bound the count; the largest label
        // bounds how far past the last node a base can reach.
        let maxLabel = Int(keys.lazy.compactMap { $0.max() }.max() ?? 0)
        let size = keys.reduce(0) { $0 + $1.count } * 3 / 2 + maxLabel + 1024
        var base = [Int32](repeating: 0, count: size)
        var check = [Int32](repeating: -1, count: size)
        var value = [Float](repeating: -.infinity, count: size)
        // Free slots form a doubly linked list, so that a search visits free slots only; slot
        // `size` is the list's end.
        var nextFree = (0..<size).map { Int32($0 + 1) }
        var previousFree = (0..<size).map { Int32($0 - 1) }
        var used = [Bool](repeating: false, count: size)
        var firstFree = 1

        func take(_ slot: Int) {
            used[slot] = true
            let next = Int(nextFree[slot])
            let previous = Int(previousFree[slot])
            if previous >= 0 { nextFree[previous] = Int32(next) }
            if next < size { previousFree[next] = Int32(previous) }
            if slot == firstFree { firstFree = next }
        }
        take(0)
        check[0] = -2  // the root has no parent; −1 marks a free slot

        // A node to place: its state and the range of keys below it, at a depth.
        struct Pending {
            var state: Int32
            var keys: Range<Int>
            var depth: Int
        }
        var queue: [Pending] = [Pending(state: 0, keys: 0..<keys.count, depth: 0)]
        var head = 0
        var labels: [Int32] = []
        var childRanges: [Range<Int>] = []
        var searchStart = firstFree
        while head < queue.count {
            let node = queue[head]
            head += 1
            labels.removeAll(keepingCapacity: true)
            childRanges.removeAll(keepingCapacity: true)
            var index = node.keys.lowerBound
            if index < node.keys.upperBound, keys[index].count == node.depth {
                value[Int(node.state)] = scores[index]
                index += 1
            }
            while index < node.keys.upperBound {
                let label = keys[index][node.depth]
                precondition(label >= 1, "labels must be ≥ 1")
                var end = index + 1
                while end < node.keys.upperBound, keys[end][node.depth] == label { end += 1 }
                labels.append(label)
                childRanges.append(index..<end)
                index = end
            }
            guard !labels.isEmpty else { continue }
            // Find a base that puts every child in a free slot, walking the free slots only.
            if used[searchStart] { searchStart = firstFree }
            var position = searchStart
            var visited = 0
            var chosen = 0
            while true {
                precondition(position < size, "double-array trie: out of room")
                let candidate = position - Int(labels[0])
                if candidate >= 1, candidate + Int(labels[labels.count - 1]) < size,
                    labels.allSatisfy({ !used[candidate + Int($0)] })
                {
                    chosen = candidate
                    break
                }
                visited += 1
                position = Int(nextFree[position])
            }
            // Holes that keep failing are passed over from now on, as darts does, to keep
            // searches short; they stay free.
            if visited > 256 {
                var skip = visited / 2
                while skip > 0, searchStart < size {
                    searchStart = Int(nextFree[searchStart])
                    skip -= 1
                }
            }
            base[Int(node.state)] = Int32(chosen)
            for (label, range) in zip(labels, childRanges) {
                let slot = chosen + Int(label)
                take(slot)
                check[slot] = node.state
                queue.append(Pending(state: Int32(slot), keys: range, depth: node.depth + 1))
            }
        }
        // Trim unused tail slots.
        var last = used.count - 1
        while last > 0, !used[last] { last -= 1 }
        self.init(base: Array(base[...last]), check: Array(check[...last]), score: Array(value[...last]))
    }
}
