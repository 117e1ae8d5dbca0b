// swift-tools-version:6.0
// Benchmark helpers for scripts/bench. NOT part of the root package and never built by `swift test`.
//
// - parse-floor: times Yams.compose(yaml:) on one file (the cost floor any YAML/JSON-via-Yams generator pays).
// - swift-openapi-generator (product of the dependency below): the peer generator, built from its tagged release.
// - peer-runtime: an empty library target whose only job is to make SwiftPM build OpenAPIRuntime and HTTPTypes,
//   so scripts/bench can type-check the peer's output with `swiftc -typecheck -I <scratch>/release/Modules`.
import PackageDescription

let package = Package(
    name: "openapi-swift-benchmarks",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parse-floor", targets: ["parse-floor"]),
        .library(name: "peer-runtime", targets: ["peer-runtime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", exact: "1.13.4"),
    ],
    targets: [
        .executableTarget(name: "parse-floor", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "peer-runtime",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
