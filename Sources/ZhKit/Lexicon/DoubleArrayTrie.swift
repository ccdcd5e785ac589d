/// A trie over small integer labels stored as a double array: one transition is two array reads.
///
/// State `s` has a child labelled `c` at `t = base[s] + c` when `check[t] == s`. The root is
/// state 0. `value[s]` is the index of the key that ends at `s`, or −1. Immutable once built.
/// Labels are ≥ 1 (0 is reserved).
struct DoubleArrayTrie: Sendable {
    private(set) var base: [Int32]
    private(set) var check: [Int32]
    private(set) var value: [Int32]

    static let root: Int32 = 0

    init(base: [Int32], check: [Int32], value: [Int32]) {
        precondition(base.count == check.count && base.count == value.count)
        self.base = base
        self.check = check
        self.value = value
    }

    /// The state reached from `state` by `label`, or `nil`. O(1).
    @inline(__always)
    func child(of state: Int32, label: Int32) -> Int32? {
        let target = Int(base[Int(state)]) &+ Int(label)
        guard target < check.count, check[target] == state else { return nil }
        return Int32(target)
    }

    /// The key index ending at `state`, or −1.
    @inline(__always)
    func valueAt(_ state: Int32) -> Int32 { value[Int(state)] }

    /// Number of slots in the arrays.
    var capacity: Int { base.count }
}

extension DoubleArrayTrie {
    /// Builds a trie of `keys`, which must be sorted (lexicographically by label), unique, and
    /// made of labels ≥ 1; key `i` gets value `i`.
    ///
    /// Nodes are placed breadth first, each at the first base whose child slots are all free.
    /// About O(n · a) for n nodes and a small average search length a.
    init(sortedKeys keys: [[Int32]]) {
        // Every node takes one slot: the key characters bound the count; the largest label
        // bounds how far past the last node a base can reach.
        let maxLabel = Int(keys.lazy.compactMap { $0.max() }.max() ?? 0)
        let size = keys.reduce(0) { $0 + $1.count } * 3 / 2 + maxLabel + 1024
        var base = [Int32](repeating: 0, count: size)
        var check = [Int32](repeating: -1, count: size)
        var value = [Int32](repeating: -1, count: size)
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
                value[Int(node.state)] = Int32(index)
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
        self.init(base: Array(base[...last]), check: Array(check[...last]), value: Array(value[...last]))
    }
}
