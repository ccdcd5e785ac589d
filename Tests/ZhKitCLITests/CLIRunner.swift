import Foundation
import Testing

/// Runs the built `zhkit` executable, as a user would.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The folder that holds the test bundle also holds the built products.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appendingPathComponent("zhkit")
    }()

    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static var seedPath: String { repositoryRoot + "/seeds/unep-annual-report-2020.zh.txt" }

    /// A closed pipe must not kill the test runner: writes report EPIPE instead.
    static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        _ = ignoreBrokenPipes
        #expect(FileManager.default.isExecutableFile(atPath: executable.path), "build zhkit first: \(executable.path)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes while the process runs, so that a large output cannot block it.
        nonisolated(unsafe) var errData = Data()
        // The semaphores order the threads' writes before the reads below (a happens-before
        // edge that polling `isFinished` does not give: the thread sanitizer says so).
        let errDone = DispatchSemaphore(value: 0)
        let errReader = Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errDone.signal()
        }
        errReader.start()
        // Write standard input from a thread of its own too: a large input and a large output
        // would otherwise wait on each other through full pipes.
        let writerDone = DispatchSemaphore(value: 0)
        let writer = Thread {
            // zhkit may exit before reading it all (an error): a closed pipe is no failure here.
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
            writerDone.signal()
        }
        writer.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errDone.wait()
        writerDone.wait()
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
