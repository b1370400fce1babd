// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dpia",
    products: [
        .executable(name: "dpia", targets: ["dpia"]),
        .library(name: "DPIAKit", targets: ["DPIAKit"]),
    ],
    targets: [
        // The model, loading, validation, scoring, templating, rendering and the wizard's logic.
        // It never prints and never exits.
        .target(name: "DPIAKit"),
        // Argument handling and process concerns: exit codes, stdin/stdout, the real terminal.
        .executableTarget(name: "dpia", dependencies: ["DPIAKit"]),
        // What both test targets share: the package root, running the binary, golden files, and the
        // scripted terminal and virtual screen the prompts are tested on. The library ships no test doubles.
        .target(name: "TestSupport", dependencies: ["DPIAKit"], path: "Tests/TestSupport"),
        .testTarget(name: "DPIAKitTests", dependencies: ["DPIAKit", "TestSupport"], exclude: ["Fixtures"]),
        // Runs the built `dpia` binary as a real process.
        .testTarget(name: "EndToEndTests", dependencies: ["dpia", "TestSupport"]),
    ]
)
