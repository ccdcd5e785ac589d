import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Processes an input's chunks on several threads and writes the results in input order.
///
/// Chunks (about 1 MB, cut at line breaks) are read in batches of two per thread, processed
/// at once with `DispatchQueue.concurrentPerform`, and written in order before the next batch is
/// read, so memory stays bounded by the batch. The first failing chunk's error is thrown after
/// everything before it has been written.
struct ParallelChunks {
    let jobs: Int

    static var processorCount: Int { max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) }

    typealias Chunk = (bytes: [UInt8], offset: Int)

    func run(reader: InputReader, output: inout StandardOutput, _ process: @escaping @Sendable (Chunk) throws(CLIError) -> [UInt8]) throws {
        let batchSize = jobs == 1 ? 1 : jobs * 2
        while true {
            var batch: [Chunk] = []
            while batch.count < batchSize, let chunk = try reader.nextChunk(endingAtLineBreak: true) {
                batch.append(chunk)
            }
            if batch.isEmpty { return }
            let results = Results(count: batch.count)
            if batch.count == 1 || jobs == 1 {
                for (index, chunk) in batch.enumerated() { results.store(index, Result { () throws(CLIError) in try process(chunk) }) }
            } else {
                let chunks = batch
                DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                    results.store(index, Result { () throws(CLIError) in try process(chunks[index]) })
                }
            }
            for index in 0..<batch.count {
                try output.write(try results.take(index).get())
            }
        }
    }

    /// One slot per chunk; each is written by exactly one thread, then read after all finish.
    /// Plain memory rather than an array, so that threads writing different slots share no
    /// array header (no copy-on-write check, no race).
    private final class Results: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Result<[UInt8], CLIError>?>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func store(_ index: Int, _ result: Result<[UInt8], CLIError>) {
            slots[index] = result
        }

        func take(_ index: Int) -> Result<[UInt8], CLIError> {
            slots[index]!
        }
    }
}
