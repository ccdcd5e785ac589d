import Foundation
import ZhKitCorpus

#if canImport(Glibc)
import Glibc
#endif

/// A progress line on standard error: files and megabytes done, the rate, and the time left.
///
/// Shown only when standard error is a terminal, the run was not made `--quiet`, and the work
/// has taken more than a second; redrawn at most five times a second, and cleared at the end.
struct ProgressLine {
    let enabled: Bool
    let totalFiles: Int
    let totalBytes: Int?
    private let start = Self.now()
    private var lastDraw = 0.0
    private var drawn = false
    private var filesDone = 0
    private var bytesDone = 0

    init(quiet: Bool, totalFiles: Int, totalBytes: Int?) {
        enabled = !quiet && isatty(2) != 0
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }

    mutating func update(_ progress: CorpusProgress) {
        bytesDone = progress.bytesDone
        filesDone = progress.filesDone
        guard enabled else { return }
        let now = Self.now()
        guard now - start > 1, now - lastDraw > 0.2 else { return }
        lastDraw = now
        draw(elapsed: now - start)
    }

    mutating func finish() {
        guard enabled, drawn else { return }
        let clear = Array("\r\u{1B}[K".utf8)
        clear.withUnsafeBytes { _ = write(2, $0.baseAddress!, $0.count) }
    }

    private mutating func draw(elapsed: Double) {
        let megabytes = Double(bytesDone) / 1_000_000
        let rate = megabytes / elapsed
        var line = "\r\u{1B}[Kzhkit: \(filesDone)/\(totalFiles) files, " + Self.format(megabytes)
        if let totalBytes, totalBytes > 0 {
            line += "/" + Self.format(Double(totalBytes) / 1_000_000) + " MB"
            if rate > 0 {
                let left = max(0, (Double(totalBytes) / 1_000_000 - megabytes) / rate)
                line += ", \(Self.format(rate)) MB/s, \(Int(left) / 60):" + String(format: "%02d", Int(left) % 60) + " left"
            }
        } else {
            line += " MB, \(Self.format(rate)) MB/s"
        }
        let bytes = Array(line.utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress!, $0.count) }
        drawn = true
    }

    static func format(_ value: Double) -> String {
        String(format: value < 10 ? "%.1f" : "%.0f", value)
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
