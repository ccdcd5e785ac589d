import ArgumentParser
import ZhKitCorpus

#if canImport(Glibc)
import Glibc
#endif

/// `zhkit`: Chinese text to annotated corpora.
@main
struct ZhKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhkit",
        abstract: "Segment, annotate and convert Chinese text, Simplified or Traditional; score segmentations and entities.",
        version: "0.2.0",
        subcommands: [SegmentCommand.self, AnnotateCommand.self, ConvertCommand.self, EvalCommand.self, TrainCommand.self, DictionaryCommand.self]
    )

    /// Parses the arguments and runs the command, reporting every failure as one line on stderr
    /// with a sysexits(3) code.
    static func main() {
        // A closed pipe must surface as EPIPE from write(2), so that we can stop quietly.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CorpusError {
            if error.code != .outputClosed { printError(error.message) }
            Glibc.exit(error.code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            let message = self.message(for: error)
            printError(message.isEmpty ? "\(error)" : "\(message) (see 'zhkit --help')")
            Glibc.exit(code == .validationFailure ? CorpusError.Code.usage.rawValue : code.rawValue)
        }
    }
}

/// glibc's `mallopt(M_MMAP_THRESHOLD, bytes)`, looked up at run time: Swift's Glibc module
/// leaves out `<malloc.h>`. Does nothing where there is no such function.
func fixMmapThreshold(_ bytes: Int32) {
    let M_MMAP_THRESHOLD: Int32 = -3
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: Mallopt.self)(M_MMAP_THRESHOLD, bytes)
}

/// Writes `zhkit: MESSAGE` as one line on standard error.
func printError(_ message: String) {
    let line = "zhkit: " + message.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
    var bytes = Array(line.utf8)
    bytes.withUnsafeMutableBytes { raw in
        _ = write(2, raw.baseAddress!, raw.count)
    }
}
