// swift-tools-version: 6.1
// Benchmarks of ZhKit, in a package of their own (as swift-nio keeps them) so that the main
// package's build and tests stay light.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which depends on where the repository was
// cloned; read it rather than assume it.
let zhkitRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let zhkitIdentity = zhkitRoot.lastPathComponent.lowercased()

let package = Package(
    name: "ZhKitBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Segmentation",
            dependencies: [
                .product(name: "ZhKit", package: zhkitIdentity),
                .product(name: "ZhKitEntities", package: zhkitIdentity),
                .product(name: "ZhKitCorpus", package: zhkitIdentity),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Segmentation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
