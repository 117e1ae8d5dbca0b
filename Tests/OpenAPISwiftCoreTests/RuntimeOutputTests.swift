import Foundation
import Testing

/// The runtime as a module of its own: written by `--runtime-output` or `runtime: output:`, imported by every client,
/// compiled separately; and the compile-time version check between the two.
@Suite struct RuntimeOutputTests {
    let cli = CommandLineTests()

    static func swiftc(_ arguments: [String], in folder: URL) async throws -> (status: Int32, output: String) {
        try await FeatureFixtureTests.run("/usr/bin/env", ["swiftc"] + arguments)
    }

    static func swiftFiles(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// Builds `Runtime/` as module OpenAPISwiftRuntime into `Modules/`, then type-checks `client` against it.
    static func compile(runtime: URL, client: URL, module: String, in folder: URL) async throws
        -> (status: Int32, output: String) {
        let modules = folder.appendingPathComponent("Modules")
        try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
        let built = try await swiftc(["-emit-module", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors",
                                "-module-name", "OpenAPISwiftRuntime", "-emit-module-path",
                                modules.appendingPathComponent("OpenAPISwiftRuntime.swiftmodule").path]
                               + swiftFiles(runtime), in: folder)
        guard built.status == 0 else { return built }
        return try await swiftc(["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", module,
                           "-I", modules.path] + swiftFiles(client), in: folder)
    }

    @Test func runtimeOutputWritesTheModuleAndTheClientImportsIt() async throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try cli.writeSpec(in: folder)
        let run = try await cli.run(["generate", "pets.yaml", "-o", "Pets", "-m", "Pets", "--runtime-output",
                                    "Runtime"],
                              in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let client = folder.appendingPathComponent("Pets"), runtime = folder.appendingPathComponent("Runtime")
        let clientFiles = try FileManager.default.contentsOfDirectory(atPath: client.path)
        #expect(!clientFiles.contains("Runtime.swift"))
        let runtimeFiles = try FileManager.default.contentsOfDirectory(atPath: runtime.path)
        #expect(runtimeFiles.contains("ClientRuntime.swift") && runtimeFiles.contains(".openapi-swift-manifest"))
        let clientSource = try String(contentsOf: client.appendingPathComponent("Client.swift"), encoding: .utf8)
        #expect(clientSource.contains("@_exported import OpenAPISwiftRuntime\n"))
        // Both folders are up to date for --check, and the client compiles against the written runtime.
        let check = try await cli.run(["generate", "pets.yaml", "-o", "Pets", "-m", "Pets", "--runtime-output",
                                      "Runtime",
                                 "--check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        let compiled = try await Self.compile(runtime: runtime, client: client, module: "Pets", in: folder)
        #expect(compiled.status == 0, "\(compiled.output.prefix(3000))")
    }

    /// Compiled against a runtime of another version, a client fails to build with an error naming both versions.
    @Test func aClientDoesNotCompileAgainstAnotherRuntimeVersion() async throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try cli.writeSpec(in: folder)
        let run = try await cli.run(["generate", "pets.yaml", "-o", "Pets", "-m", "Pets", "--runtime-output",
                                    "Runtime"],
                              in: folder)
        try #require(run.status == 0, "\(run.stderr)")
        let versionFile = folder.appendingPathComponent("Runtime/RuntimeVersion.swift")
        let source = try String(contentsOf: versionFile, encoding: .utf8)
        let installed = try #require(source.range(of: "public let installedRuntimeVersion = RuntimeVersion<"))
        let line = source[installed.lowerBound...].prefix { $0 != "\n" }
        let older = "public let installedRuntimeVersion = RuntimeVersion<RuntimeVersionDigit._0, RuntimeVersionDigit._1>()"
        try source.replacingOccurrences(of: String(line), with: older).write(to: versionFile, atomically: true,
                                                                              encoding: .utf8)
        let compiled = try await Self.compile(runtime: folder.appendingPathComponent("Runtime"),
                                        client: folder.appendingPathComponent("Pets"), module: "Pets", in: folder)
        #expect(compiled.status != 0)
        #expect(compiled.output.contains("RuntimeVersion<RuntimeVersionDigit._0, RuntimeVersionDigit._1>"),
                "\(compiled.output.prefix(2000))")
        #expect(compiled.output.contains(String(line.dropFirst("public let installedRuntimeVersion = ".count)
            .dropLast(2))), "\(compiled.output.prefix(2000))")
    }

    /// `runtime:` in the configuration: written once, imported by every client; an unknown key under it warns.
    @Test func configurationRuntimeIsSharedByEveryClient() async throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try cli.writeSpec(in: folder)
        try cli.writeSpec(in: folder, name: "more.yaml")
        let config = """
            runtime:
              module: SharedRuntime
              output: Sources/SharedRuntime
              outptu: typo
            clients:
              - {spec: pets.yaml, output: Sources/Pets, module: Pets}
              - {spec: more.yaml, output: Sources/More, module: More}
            """
        try config.write(to: folder.appendingPathComponent("openapi-swift.yaml"), atomically: true, encoding: .utf8)
        let run = try await cli.run(["generate"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("openapi-swift.yaml:4:3: warning: `outptu:` is not a key of `runtime:`"),
                "\(run.stderr)")
        for module in ["Pets", "More"] {
            let source = try String(contentsOf: folder.appendingPathComponent("Sources/\(module)/Models.swift"),
                                    encoding: .utf8)
            #expect(source.contains("\nimport SharedRuntime\n"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(
                "Sources/\(module)/Runtime.swift").path))
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(
            "Sources/SharedRuntime/ClientRuntime.swift").path))
        let check = try await cli.run(["generate", "--check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
    }
}
