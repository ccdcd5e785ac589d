import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Processes an input's chunks on several threads and writes the results in input order.
///
/// Chunks (about 1 MB, cut at line breaks) go in batches of two per thread to a concurrent
/// queue. While a batch is being processed, the calling thread writes out the batch before it
/// and reads the batch after it, so reading and writing overlap the work; memory stays bounded
/// by three batches. The first failing chunk's error is thrown after everything before it has
/// been written.
struct ParallelChunks {
    let jobs: Int

    static var processorCount: Int { max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) }

    typealias Chunk = (bytes: [UInt8], offset: Int)
    typealias Work = @Sendable (Chunk) throws(CLIError) -> [UInt8]

    func run(reader: InputReader, output: inout StandardOutput, _ process: @escaping Work) throws {
        if jobs == 1 {
            while let chunk = try reader.nextChunk(endingAtLineBreak: true) {
                try output.write(try process(chunk))
            }
            return
        }
        let batchSize = jobs * 2
        func readBatch() throws -> [Chunk] {
            var batch: [Chunk] = []
            while batch.count < batchSize, let chunk = try reader.nextChunk(endingAtLineBreak: true) {
                batch.append(chunk)
            }
            return batch
        }
        let queue = DispatchQueue.global()
        var pending: (group: DispatchGroup, results: Results)?
        var next = try readBatch()
        while true {
            // Start the batch just read.
            var started: (group: DispatchGroup, results: Results)?
            if !next.isEmpty {
                let group = DispatchGroup()
                let results = Results(count: next.count)
                for (index, chunk) in next.enumerated() {
                    queue.async(group: group) {
                        results.store(index, Result { () throws(CLIError) in try process(chunk) })
                    }
                }
                started = (group, results)
            }
            // Meanwhile, write out the batch before it, then read the one after.
            if let (group, results) = pending {
                group.wait()
                for index in 0..<results.count { try output.write(try results.take(index).get()) }
            }
            guard let started else { return }
            pending = started
            next = try readBatch()
        }
    }

    /// Plain memory rather than an array, so that threads writing different slots share no
    /// array header (no copy-on-write check, no race).
    private final class Results: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<Result<[UInt8], CLIError>?>
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

        func store(_ index: Int, _ result: Result<[UInt8], CLIError>) {
            slots[index] = result
        }

        func take(_ index: Int) -> Result<[UInt8], CLIError> {
            slots[index]!
        }
    }
}
