import Foundation
import Testing
import TestSupport

/// End-to-end tests of the `openapi-swift` binary: exit codes, messages, and what it does to the output folder.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL? {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: first).deletingLastPathComponent()
            // On macOS the test binary sits inside a .xctest bundle.
            while dir.path.contains(".xctest") { dir = dir.deletingLastPathComponent() }
            candidates.append(dir.appendingPathComponent("openapi-swift"))
        }
        candidates.append(Repository.root.appendingPathComponent(".build/debug/openapi-swift"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> Run {
        let binary = try #require(Self.binary, "build the openapi-swift executable first")
        let result = try await ChildProcess.run(binary.path, arguments, in: directory, environment: environment)
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-swift-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let spec = """
        openapi: 3.1.0
        info: {title: Pets, version: "1.0"}
        servers: [{url: "https://pets.example.com/v1"}]
        paths:
          /pets/{id}:
            get:
              operationId: getPet
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              responses:
                "200":
                  description: A pet.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Pet"}
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: {type: integer, format: int64}
                name: {type: string}
        """

    func writeSpec(_ text: String = spec, in folder: URL, name: String = "pets.yaml") throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func generatesThenReportsUnchanged() async throws {
        let folder = try temporaryFolder()
        try writeSpec(in: folder)
        let first = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Pets: "))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Out").path)
        #expect(files.contains("Client.swift"))
        #expect(files.contains(".openapi-swift-manifest"))
        let second = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(second.status == 0)
        #expect(second.stdout.contains("(0 written"), "\(second.stdout)")
        let check = try await run(["generate", "pets.yaml", "-o", "Out", "-m", "Pets", "--check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func checkListsDifferencesAndWritesNothing() async throws {
        let folder = try temporaryFolder()
        try writeSpec(in: folder)
        _ = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        let client = folder.appendingPathComponent("Out/Client.swift")
        try "// edited\n".write(to: client, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Out/Models.swift"))
        let check = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets", "--check"],
                                  in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.contains("Out/Client.swift: differs"))
        #expect(check.stderr.contains("Out/Models.swift: missing"))
        #expect(try String(contentsOf: client, encoding: .utf8) == "// edited\n")
    }

    @Test func specErrorExitsOneWithLocationAndLeavesOutputAlone() async throws {
        let folder = try temporaryFolder()
        try writeSpec(in: folder)
        _ = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        let before = try Data(contentsOf: folder.appendingPathComponent("Out/Models.swift"))
        try writeSpec("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: [1, 2]\n", in: folder)
        let broken = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("pets.yaml:3:8: error:"), "\(broken.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("Out/Models.swift")) == before)
    }

    @Test func usageErrorsExitTwo() async throws {
        let folder = try temporaryFolder()
        try writeSpec(in: folder)
        let missing = try await run(["generate", "pets.yaml", "--output", "Out"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--module is required"))
        let access = try await run(["generate", "pets.yaml", "-o", "Out", "-m", "P", "--access", "open"], in: folder)
        #expect(access.status == 2)
        let unknown = try await run(["generate", "--frobnicate"], in: folder)
        #expect(unknown.status == 2)
    }

    @Test func refusesAFolderItDoesNotOwnUnlessForced() async throws {
        let folder = try temporaryFolder()
        try writeSpec(in: folder)
        let out = folder.appendingPathComponent("Out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "mine\n".write(to: out.appendingPathComponent("Notes.swift"), atomically: true, encoding: .utf8)
        let refused = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"))
        let forced = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets", "--force"],
                                   in: folder)
        #expect(forced.status == 0, "\(forced.stderr)")
        // A file openapi-swift did not write survives every regeneration.
        try writeSpec(Self.spec.replacingOccurrences(of: "getPet", with: "fetchPet"), in: folder)
        _ = try await run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(try String(contentsOf: out.appendingPathComponent("Notes.swift"), encoding: .utf8) == "mine\n")
    }

    @Test func missingConfigurationIsExplained() async throws {
        let folder = try temporaryFolder()
        let run = try await run(["generate"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("openapi-swift.yaml: error: configuration file not found"))
    }

    @Test func templateOverridesReplaceEmbeddedTemplatesByName() async throws {
        let folder = try temporaryFolder()
        try writeSpec(in: folder)
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{%CONTENT_TYPE:TEXT}}\n// custom errors for {{moduleName}}\n".write(
            to: templates.appendingPathComponent("Errors.mustache"), atomically: true, encoding: .utf8)
        let result = try await run(["generate", "pets.yaml", "-o", "Out", "-m", "Pets", "--templates", "templates"],
                                   in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let errors = try String(contentsOf: folder.appendingPathComponent("Out/Client.swift"), encoding: .utf8)
        #expect(errors.contains("// custom errors for Pets"))
    }
}
