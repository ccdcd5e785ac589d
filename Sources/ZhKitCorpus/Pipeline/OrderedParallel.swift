import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Processes work items on several threads and hands the results on in input order.
///
/// Items go in batches (two per thread unless told otherwise) to a concurrent queue. While a batch is being
/// processed, the calling thread consumes the batch before it and reads the batch after it, so
/// reading and writing overlap the work; memory stays bounded by three batches. The first
/// failing item's error is thrown after everything before it has been consumed.
package struct OrderedParallel {
    package let jobs: Int
    /// Items per thread in a batch: more overlaps better, fewer holds less memory.
    package var itemsPerJob = 2

    package static var processorCount: Int { max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) }

    package func run<Item: Sendable, Output: Sendable>(
        next: () throws -> Item?,
        process: @escaping @Sendable (Item) throws(CorpusError) -> Output,
        consume: (Item, Output) throws -> Void
    ) throws {
        if jobs == 1 {
            while let item = try next() { try consume(item, try process(item)) }
            return
        }
        let batchSize = jobs * itemsPerJob
        func readBatch() throws -> [Item] {
            var batch: [Item] = []
            while batch.count < batchSize, let item = try next() { batch.append(item) }
            return batch
        }
        let queue = DispatchQueue.global()
        var pending: (items: [Item], group: DispatchGroup, results: Results<Output>)?
        var batch = try readBatch()
        while true {
            // Start the batch just read.
            var started: (items: [Item], group: DispatchGroup, results: Results<Output>)?
            if !batch.isEmpty {
                let group = DispatchGroup()
                let results = Results<Output>(count: batch.count)
                for (index, item) in batch.enumerated() {
                    queue.async(group: group) {
                        results.store(index, Result { () throws(CorpusError) in try process(item) })
                    }
                }
                started = (batch, group, results)
            }
            // Meanwhile, consume the batch before it, then read the one after.
            if let (items, group, results) = pending {
                group.wait()
                for index in items.indices { try consume(items[index], try results.take(index).get()) }
            }
            guard let started else { return }
            pending = started
            batch = try readBatch()
        }
    }

    /// Plain memory rather than an array, so that threads writing different slots share no
    /// array header (no copy-on-write check, no race).
    private final class Results<Output>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Result<Output, CorpusError>?>
        let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func store(_ index: Int, _ result: Result<Output, CorpusError>) {
            slots[index] = result
        }

        func take(_ index: Int) -> Result<Output, CorpusError> {
            slots[index]!
        }
    }
}

/// An input's chunks (about 256 KB, cut at line breaks) processed on several threads and written
/// in input order.
package struct ParallelChunks {
    package let jobs: Int

    package init(jobs: Int) {
        self.jobs = jobs
    }

    package static var processorCount: Int { OrderedParallel.processorCount }

    package typealias Chunk = (bytes: [UInt8], offset: Int)

    /// Runs `process` over `reader`'s chunks, cut at line breaks (`.lineBreak`) or at paragraph
    /// ends (`.paragraph`, for reflow), and hands `output` the results in order.
    package func run(reader: InputReader, cut: InputReader.Cut = .lineBreak, output: ([UInt8]) throws -> Void,
        _ process: @escaping @Sendable (Chunk) throws(CorpusError) -> [UInt8]) throws
    {
        reader.chunkSize = 1 << 18
        try OrderedParallel(jobs: jobs).run(
            next: { try reader.nextChunk(cut: cut).map { ChunkItem(bytes: $0.bytes, offset: $0.offset) } },
            process: { item throws(CorpusError) in try process((item.bytes, item.offset)) },
            consume: { _, bytes in try output(bytes) })
    }

    package struct ChunkItem: Sendable {
        let bytes: [UInt8]
        let offset: Int
    }
}
