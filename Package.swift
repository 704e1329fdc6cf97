// swift-tools-version: 6.1
// The Verdant rules engine: a statically typed, total rules language for green-credit policy.
//
// Targets follow the pipeline (source → tokens → syntax tree → checked program → compiled
// evaluator → results). A lower stage never imports a later one.

import PackageDescription

let package = Package(
  name: "Verdant",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Verdant", targets: ["Verdant"]),
    .executable(name: "verdant", targets: ["VerdantCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // MARK: - libxml2, the system library that parses government XML catalogs
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),

    // MARK: - Values: exact decimals, money, dates, JSON, hashing (no dependencies)
    .target(name: "VerdantValues"),
    .testTarget(name: "VerdantValuesTests", dependencies: ["VerdantValues"]),

    // MARK: - Syntax: source → tokens → syntax tree, and the diagnostics model
    .target(name: "VerdantSyntax", dependencies: ["VerdantValues"]),
    .testTarget(
      name: "VerdantSyntaxTests", dependencies: ["VerdantSyntax", "VerdantTestSupport"]),

    // MARK: - Semantics: syntax tree → checked, typed program
    .target(name: "VerdantSemantics", dependencies: ["VerdantSyntax", "VerdantValues"]),
    .testTarget(
      name: "VerdantSemanticsTests", dependencies: ["VerdantSemantics", "VerdantTestSupport"]),

    // MARK: - Catalogs: government XML → typed, keyed tables (libxml2), and snapshots
    .target(name: "VerdantCatalog", dependencies: ["VerdantValues", "VerdantSyntax", "CLibXML2"]),
    .testTarget(
      name: "VerdantCatalogTests", dependencies: ["VerdantCatalog", "VerdantTestSupport"],
      exclude: ["Fixtures"]),

    // MARK: - Runtime: checked program → compiled evaluator → results
    .target(name: "VerdantRuntime", dependencies: ["VerdantSemantics"]),
    .testTarget(
      name: "VerdantRuntimeTests", dependencies: ["VerdantRuntime", "Verdant", "VerdantTestSupport"]),

    // MARK: - Facade for embedders
    .target(name: "Verdant", dependencies: ["VerdantRuntime", "VerdantCatalog"]),

    // MARK: - Command line
    .executableTarget(
      name: "VerdantCLI",
      dependencies: [
        "Verdant",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(
      name: "VerdantCLITests", dependencies: ["VerdantCLI", "EmbeddingExample", "VerdantTestSupport"]),

    // MARK: - Example for platform engineers: compile once, rate a registry concurrently
    .executableTarget(
      name: "EmbeddingExample", dependencies: ["Verdant"], path: "examples/EmbeddingExample"),

    // MARK: - Test support shared by the test targets
    .target(name: "VerdantTestSupport", dependencies: ["Verdant"]),
  ],
  swiftLanguageModes: [.v6]
)
