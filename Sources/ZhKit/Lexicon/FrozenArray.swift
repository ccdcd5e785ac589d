/// An immutable array in memory of its own, read through a raw pointer.
///
/// The lexicon's tables are read millions of times a second; a Swift `Array` read from a stored
/// property costs a retain, a release and a bounds check each time. A frozen array is a final
/// class whose storage never changes after `init`, so reads are plain loads and it is safe to
/// share between threads. Indexing is unchecked: callers index within `count`.
final class FrozenArray<Element: BitwiseCopyable>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    /// Copies `elements`. O(n).
    init(_ elements: [Element]) {
        count = elements.count
        pointer = .allocate(capacity: max(count, 1))
        elements.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.initialize(from: base, count: count) }
        }
    }

    /// Copies `count` elements from raw memory, which need not be aligned. O(n), one memcpy.
    init(copying source: UnsafeRawPointer, count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        UnsafeMutableRawPointer(pointer).copyMemory(from: source, byteCount: count * MemoryLayout<Element>.stride)
    }

    deinit {
        pointer.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> Element { pointer[index] }

    var isEmpty: Bool { count == 0 }

    /// A copy as a Swift array. O(n).
    var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
