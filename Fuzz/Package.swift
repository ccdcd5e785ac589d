// swift-tools-version: 6.1
// The libFuzzer target of ZhKit, in a package of its own: it has no `main` (libFuzzer's runtime
// brings one) and builds only with `-sanitize=fuzzer`, so it stays out of the main package.
// Build and run it with `bash Fuzz/run.sh SECONDS`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name; read it rather than assume it.
let zhkitRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let zhkitIdentity = zhkitRoot.lastPathComponent.lowercased()

let package = Package(
    name: "ZhKitFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "ZhKitFuzz",
            dependencies: [
                .product(name: "ZhKit", package: zhkitIdentity),
                .product(name: "ZhKitICU", package: zhkitIdentity),
                .product(name: "ZhKitEntities", package: zhkitIdentity),
                .product(name: "ZhKitCorpus", package: zhkitIdentity),
            ]
        ),
    ]
)
