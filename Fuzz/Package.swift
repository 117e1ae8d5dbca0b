// swift-tools-version:6.0
// A libFuzzer harness over the whole generator (parse → model → emit). Kept out of the main package so that
// `-sanitize=fuzzer` never touches the normal build. The generator's sources are symlinked in from ../Sources.
// Build and run with scripts/fuzz.
import PackageDescription

let package = Package(
    name: "openapi-swift-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
    ],
    targets: [
        .target(name: "SpecParser", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "ClientModel", dependencies: ["SpecParser"]),
        .target(
            name: "TemplateEmitter",
            dependencies: ["ClientModel", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.embedInCode("Templates")]
        ),
        .target(
            name: "OpenAPISwiftCore",
            dependencies: ["SpecParser", "ClientModel", "TemplateEmitter", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzGenerator", dependencies: ["FuzzDriver", "OpenAPISwiftCore", "SpecParser", "ClientModel"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
