/// An immutable array in memory of its own, read through a raw pointer.
///
/// The lexicon's tables are read millions of times a second; a Swift `Array` read from a stored
/// property costs a retain, a release and a bounds check each time. A frozen array is a final
/// class whose storage never changes after `init`, so reads are plain loads and it is safe to
/// share between threads. Indexing is unchecked: callers index within `count`.
package final class FrozenArray<Element: BitwiseCopyable>: @unchecked Sendable {
    package let pointer: UnsafeMutablePointer<Element>
    package let count: Int

    /// Copies `elements`. O(n).
    package init(_ elements: [Element]) {
        count = elements.count
        pointer = .allocate(capacity: max(count, 1))
        elements.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.initialize(from: base, count: count) }
        }
    }

    /// Copies `elements` into memory on an `alignment`-byte boundary (a power of two): a table
    /// whose rows should not straddle cache lines. O(n).
    package init(_ elements: [Element], alignment: Int) {
        count = elements.count
        let bytes = max(count, 1) * MemoryLayout<Element>.stride
        pointer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: max(alignment, MemoryLayout<Element>.alignment))
            .bindMemory(to: Element.self, capacity: max(count, 1))
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
    package subscript(index: Int) -> Element { pointer[index] }

    package var isEmpty: Bool { count == 0 }

    /// A copy as a Swift array. O(n).
    package var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
