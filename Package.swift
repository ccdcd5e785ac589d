// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ZhKit",
    products: [
        .library(name: "ZhKit", targets: ["ZhKit"]),
        .executable(name: "zhkit", targets: ["ZhKitCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // Debian's system ICU (libicu-dev), with version-independent inline wrappers.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The only Swift module that sees ICU. No ICU type crosses its API, and it never imports
        // Foundation (whose own ICU clashes with the system headers).
        .target(name: "ZhKitICU", dependencies: ["CICU"]),
        // Text, tokens, segmenters and evaluation.
        .target(name: "ZhKit", dependencies: ["ZhKitICU"]),
        // Corpus formats: readers and writers of annotated text.
        .target(name: "ZhKitCorpus", dependencies: ["ZhKit"]),
        // The `zhkit` command-line tool.
        .executableTarget(
            name: "ZhKitCLI",
            dependencies: [
                "ZhKit",
                "ZhKitCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ZhKitICUTests", dependencies: ["ZhKitICU"]),
        .testTarget(name: "ZhKitTests", dependencies: ["ZhKit"]),
        .testTarget(name: "ZhKitCorpusTests", dependencies: ["ZhKitCorpus"]),
        .testTarget(name: "ZhKitCLITests", dependencies: ["ZhKitCLI"]),
    ]
)
