// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ZhKit",
    products: [
        .library(name: "ZhKitICU", targets: ["ZhKitICU"]),
        .library(name: "ZhKit", targets: ["ZhKit"]),
        .library(name: "ZhKitEntities", targets: ["ZhKitEntities"]),
        .library(name: "ZhKitCorpus", targets: ["ZhKitCorpus"]),
        .executable(name: "zhkit", targets: ["ZhKitCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // `swift package generate-documentation`: the DocC catalogs (Sources/*/*.docc), built in CI.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Debian's system ICU (libicu-dev): headers, pkg-config and link flags.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // C wrappers over ICU behind a header with no ICU type, so that no Swift module sees the
        // system ICU headers (they clash with Foundation's own ICU) or its versioned symbols.
        .target(
            name: "CZhKitICU",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // The Swift ICU binding: word break over UTF-8. No ICU type crosses its API.
        .target(name: "ZhKitICU", dependencies: ["CZhKitICU"]),
        // Text, tokens, segmenters and evaluation.
        .target(
            name: "ZhKit",
            dependencies: ["ZhKitICU"],
            resources: [
                // The compiled default lexicon, built from dictionaries/ by `zhkit dictionary compile`.
                .copy("Resources/default.zhlex"),
                // OpenCC's tables (Apache-2.0): Traditional and Simplified characters and phrases.
                .copy("Resources/opencc-TSCharacters.txt"),
                .copy("Resources/opencc-STCharacters.txt"),
                .copy("Resources/opencc-TSPhrases.txt"),
                .copy("Resources/opencc-STPhrases.txt"),
                .copy("Resources/opencc-TWVariants.txt"),
                .copy("Resources/opencc-HKVariants.txt"),
            ]
        ),
        // Entities: numbers, dates and times with normalised values; organisations, people and places.
        .target(
            name: "ZhKitEntities",
            dependencies: ["ZhKit"],
            resources: [
                // Names derived from dictionaries/ (the lexicon's tags, the gazetteers) by `zhkit dictionary compile`.
                .copy("Resources/names.txt"),
                // The name tagger's model, trained on UNER Chinese (CC BY-SA 4.0) by `zhkit train entities`.
                .copy("Resources/entities.zhner"),
            ]
        ),
        // Annotated documents, the corpus formats, and the pipeline that reads files, folders and streams
        // in parts and annotates them on every core.
        .target(name: "ZhKitCorpus", dependencies: ["ZhKit", "ZhKitICU", "ZhKitEntities"]),
        // The `zhkit` command-line tool.
        .executableTarget(
            name: "ZhKitCLI",
            dependencies: [
                "ZhKit",
                "ZhKitICU",
                "ZhKitCorpus",
                "ZhKitEntities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ZhKitICUTests", dependencies: ["ZhKitICU"]),
        .testTarget(name: "ZhKitTests", dependencies: ["ZhKit"]),
        .testTarget(name: "ZhKitEntitiesTests", dependencies: ["ZhKitEntities"]),
        .testTarget(
            name: "ZhKitCorpusTests",
            dependencies: ["ZhKitCorpus", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "ZhKitCLITests", dependencies: ["ZhKitCLI"], exclude: ["Fixtures"]),
    ]
)
