import Benchmark
import Foundation
@_spi(Benchmarks) import ZhKit
@_spi(Benchmarks) import ZhKitCorpus
import ZhKitEntities

/// The SIGHAN 2005 test texts (PKU + MSR, about 1 MB) from `../shared/data` beside the
/// repository, or from `$ZHKIT_DATA` (the folder that holds `sighan2005/`).
let corpus: String = {
    let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let data = ProcessInfo.processInfo.environment["ZHKIT_DATA"]
        .map { URL(fileURLWithPath: $0) } ?? repository.deletingLastPathComponent().appendingPathComponent("shared/data")
    let files = ["pku_test.utf8", "msr_test.utf8"].map { data.appendingPathComponent("sighan2005/\($0)") }
    do {
        return try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
    } catch {
        fatalError("cannot read the SIGHAN test texts under \(data.path) (set ZHKIT_DATA): \(error)")
    }
}()

/// Throughput in KB/s of UTF-8 input, reported per iteration: higher is better.
let kilobytesPerSecond = BenchmarkMetric.custom("throughput (KB/s)", polarity: .prefersLarger, useScalingFactor: false)

/// Runs `body` over the corpus once per iteration and reports input KB/s.
func measureThroughput(_ benchmark: Benchmark, _ body: () -> Int) {
    let clock = ContinuousClock()
    for _ in benchmark.scaledIterations {
        let start = clock.now
        blackHole(body())
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        benchmark.measurement(kilobytesPerSecond, Int(Double(corpus.utf8.count) / 1000 / seconds))
    }
}

/// Counts tokens through the fast path: spans (end and kind) over the UTF-8 bytes.
func countTokenRanges(_ segmenter: Segmenter) -> Int {
    var text = corpus
    return text.withUTF8 { segmenter.spans(in: $0).count }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, kilobytesPerSecond],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 20
    )
    let bytes = corpus.utf8.count

    // The memory-speed floor of any tokeniser: validate UTF-8 and count scalars and UTF-16 units.
    Benchmark("Baseline: UTF-8 scan, \(bytes / 1000) KB") { benchmark in
        measureThroughput(benchmark) {
            var units = 0
            corpus.utf8.withContiguousStorageIfAvailable { buffer in
                if firstInvalidUTF8Offset(in: buffer) == nil {
                    for byte in buffer where byte & 0xC0 != 0x80 { units &+= byte >= 0xF0 ? 2 : 1 }
                }
            }
            return units
        }
    }

    Benchmark("Segmenter icu: tokens, \(bytes / 1000) KB") { benchmark in
        let segmenter = try Segmenter(engine: .icu)
        measureThroughput(benchmark) { segmenter.tokens(in: corpus).count }
    }

    Benchmark("Segmenter icu: token ranges, \(bytes / 1000) KB") { benchmark in
        let segmenter = try Segmenter(engine: .icu)
        measureThroughput(benchmark) { countTokenRanges(segmenter) }
    }

    Benchmark("Segmenter lexicon: tokens, \(bytes / 1000) KB") { benchmark in
        let segmenter = try Segmenter(engine: .lexicon)
        measureThroughput(benchmark) { segmenter.tokens(in: corpus).count }
    }

    Benchmark("Segmenter lexicon: token ranges, \(bytes / 1000) KB") { benchmark in
        let segmenter = try Segmenter(engine: .lexicon)
        measureThroughput(benchmark) { countTokenRanges(segmenter) }
    }

    // Entities: tokens and entities of the whole text (ANNOTATION.md's labels).
    Benchmark("EntityExtractor: annotate, \(bytes / 1000) KB") { benchmark in
        let extractor = EntityExtractor(segmenter: try Segmenter())
        measureThroughput(benchmark) { extractor.entities(in: corpus).count }
    }

    // What `zhkit annotate FILE` does for one document: the annotator (segmenter spans,
    // sentences, entities) and the `jsonl` corpus document (paragraphs, sentences, tokens with
    // offsets in three units, entities with values); with the name tagger (the default) and
    // without it (`--no-tagger`), so that the tagger's share of the time is measured in one run.
    for (name, tagger) in [("", NameTagger.bundled as NameTagger?), (" (no name tagger)", nil)] {
        Benchmark("Annotate: tokens + entities + JSONL\(name), \(bytes / 1000) KB") { benchmark in
            let annotator = Annotator(extractor: EntityExtractor(segmenter: try Segmenter(), tagger: tagger), reflow: false)
            measureThroughput(benchmark) { annotator.annotate(corpus).formatted().utf8.count }
        }
    }

    // What `zhkit segment --format jsonl` does: one JSON object of tokens per line, no entities.
    Benchmark("Segment: tokens + JSONL, \(bytes / 1000) KB") { benchmark in
        let segmenter = try Segmenter()
        measureThroughput(benchmark) {
            var writer = SegmentationWriter(format: .jsonl, capacity: bytes * 10)
            var text = corpus
            text.withUTF8 { writer.appendLines($0, segmenter: segmenter) }
            return writer.bytes.count
        }
    }

    // Pathological text, annotated and written as every format at 256 KB and at 1 MB: a path
    // that grows faster than the input shows as a lower throughput at 1 MB than at 256 KB (the
    // tests used to time this, which a busy machine's clock cannot judge at test sizes).
    let pathological: [(String, String)] = [
        ("one bracket", "（"), ("digits", "7"), ("one Han character", "国"),
        ("a line of prose with no break", "联合国环境规划署在2020年投入10亿美元，"),
        ("Chinese numerals", "一二三四五六七八九十百千万亿"), ("wraps", "联\n"),
    ]
    for (name, unit) in pathological {
        for size in [256_000, 1_000_000] {
            let text = String(repeating: unit, count: max(1, size / unit.utf8.count))
            Benchmark("Pathological: \(name), \(size / 1000) KB", configuration: .init(metrics: [.wallClock, kilobytesPerSecond], maxIterations: 5)) { benchmark in
                let annotator = Annotator(extractor: EntityExtractor(segmenter: try Segmenter()), reflow: true)
                let clock = ContinuousClock()
                for _ in benchmark.scaledIterations {
                    let start = clock.now
                    let document = annotator.annotate(text, id: "t")
                    for format in [CorpusFormat.jsonl, .conllu, .spacy] {
                        var options = CorpusOptions()
                        options.format = format
                        blackHole(document.formatted(options).utf8.count)
                    }
                    let elapsed = clock.now - start
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    benchmark.measurement(kilobytesPerSecond, Int(Double(text.utf8.count) / 1000 / seconds))
                }
            }
        }
    }

    // Loading the bundled lexicon image from disk (the page cache, after the first iteration).
    Benchmark("Lexicon: load the bundled image", configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal])) { benchmark in
        guard let path = Lexicon.bundledPath else { fatalError("no bundled lexicon") }
        for _ in benchmark.scaledIterations {
            blackHole(try Lexicon(contentsOfFile: path).wordCount)
        }
    }
}
