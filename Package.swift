// swift-tools-version:6.2
import PackageDescription

/// Generated clients must compile warning-free in Swift 6 mode: any warning fails the build here. A warning-control
/// setting, unlike an unsafe compiler flag, is allowed in a package that others depend on by URL and version
/// (SwiftPM applies it to this package's own builds only), so every library product stays consumable.
let generatedCode: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "openapi-swift",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "openapi-swift", targets: ["openapi-swift"]),
        .library(name: "OpenAPISwiftCore", targets: ["OpenAPISwiftCore"]),
        .library(name: "OpenAPISwiftRuntime", targets: ["OpenAPISwiftRuntime"]),
        .library(name: "AccuAuth", targets: ["AccuAuth"]),
        .library(name: "Deepvue", targets: ["Deepvue"]),
        .library(name: "APISathi", targets: ["APISathi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        // Test-only: a real loopback HTTP server for the generated clients' behaviour tests.
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
    ],
    targets: [
        // MARK: - The generator
        // Diagnostics, source positions, JSON pointers and JSONValue: what every stage shares (Foundation only).
        .target(name: "OpenAPISwiftBase"),
        .target(name: "SpecParser", dependencies: ["OpenAPISwiftBase", .product(name: "Yams", package: "Yams")]),
        .target(name: "ClientModel", dependencies: ["OpenAPISwiftBase", "SpecParser"]),
        .target(
            name: "TemplateEmitter",
            dependencies: ["OpenAPISwiftBase", "ClientModel", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.embedInCode("Templates"), .embedInCode("RuntimeSources")]
        ),
        .target(
            name: "OpenAPISwiftCore",
            dependencies: ["SpecParser", "ClientModel", "TemplateEmitter", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "openapi-swift",
            dependencies: ["OpenAPISwiftCore", "ClientModel", "SpecParser", "TemplateEmitter",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: - The runtime every generated client imports (its sources are also embedded in the generator)
        .target(name: "OpenAPISwiftRuntime", swiftSettings: generatedCode),

        // MARK: - Checked-in generated clients (goldens; compiled by every build)
        .target(name: "AccuAuth", dependencies: ["OpenAPISwiftRuntime"], path: "Generated/AccuAuth",
                swiftSettings: generatedCode),
        .target(name: "Deepvue", dependencies: ["OpenAPISwiftRuntime"], path: "Generated/Deepvue",
                swiftSettings: generatedCode),
        .target(name: "APISathi", dependencies: ["OpenAPISwiftRuntime"], path: "Generated/APISathi",
                swiftSettings: generatedCode),
        // From Tests/Fixtures/features/streaming.yaml: streamed responses, driven over real HTTP by ClientTests.
        .target(name: "Streaming", dependencies: ["OpenAPISwiftRuntime"], path: "Generated/Streaming",
                swiftSettings: generatedCode),

        // MARK: - Tests
        // Shared by the test targets: loopback sockets, child processes, repository paths. Not a product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SpecParserTests",
                    dependencies: ["SpecParser", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "ClientModelTests", dependencies: ["ClientModel", "SpecParser"]),
        .testTarget(
            name: "TemplateEmitterTests",
            dependencies: ["TemplateEmitter", "ClientModel", "SpecParser", "TestSupport",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(
            name: "OpenAPISwiftCoreTests",
            dependencies: ["OpenAPISwiftCore", "SpecParser", "ClientModel", "TemplateEmitter", "openapi-swift",
                           "TestSupport"]
        ),
        .testTarget(name: "OpenAPISwiftRuntimeTests", dependencies: ["OpenAPISwiftRuntime", "TestSupport"]),
        .testTarget(
            name: "ClientTests",
            dependencies: ["AccuAuth", "Deepvue", "APISathi", "Streaming", "OpenAPISwiftRuntime", "TestSupport",
                           .product(name: "FlyingFox", package: "FlyingFox"),
                           .product(name: "FlyingSocks", package: "FlyingFox")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
