import Foundation
import Testing

/// The output folder is updated as one transaction (docs/RELIABILITY.md, "Atomicity"): a run killed at any instant
/// leaves a folder that the next run brings to all-old or all-new before anything else. Faults are injected with
/// `OPENAPI_SWIFT_FAULT` (debug builds only), which makes the CLI `_exit(9)` at a named point, and with SIGKILL.
@Suite struct CommandLineTransactionTests {
    let cli = CommandLineTests()

    /// The first spec and a second one that changes several files (Client, Models, Operations) and no runtime file.
    static let old = CommandLineTests.spec
    static let new = CommandLineTests.spec.replacingOccurrences(of: "getPet", with: "fetchPet")
        .replacingOccurrences(of: "Pet", with: "Animal").replacingOccurrences(of: "A pet.", with: "An animal.")

    /// Runs the CLI with extra environment variables; returns (status, stderr).
    func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws
        -> (status: Int32, stderr: String) {
        let result = try await cli.run(arguments, in: directory, environment: environment)
        return (result.status, result.stderr)
    }

    func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        let binary = try #require(CommandLineTests.binary, "build the openapi-swift executable first")
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every entry below `folder` (dot files, staging folders and the journal included) with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            result[path] = enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeDirectory
                ? Data("<folder>".utf8) : try Data(contentsOf: url)
        }
        return result
    }

    static func identity(_ url: URL) throws -> [FileAttributeKey: AnyHashable] {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return [.systemFileNumber: attributes[.systemFileNumber] as? AnyHashable,
                .modificationDate: attributes[.modificationDate] as? AnyHashable].compactMapValues { $0 }
    }

    /// A project with `Out` generated from `oldSpec`, plus reference folders `Old` and `New` generated fresh from
    /// each spec, and a file of the user's in `Out` that no run may touch.
    func project(oldSpec: String = old, newSpec: String = new) async throws -> URL {
        let folder = try cli.temporaryFolder()
        for (spec, output) in [(newSpec, "New"), (oldSpec, "Old"), (oldSpec, "Out")] {
            try cli.writeSpec(spec, in: folder)
            let result = try await run(["generate", "pets.yaml", "-o", output, "-m", "Pets"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        try "mine\n".write(to: folder.appendingPathComponent("Out/NOTES.md"), atomically: true, encoding: .utf8)
        try "mine\n".write(to: folder.appendingPathComponent("Old/NOTES.md"), atomically: true, encoding: .utf8)
        try "mine\n".write(to: folder.appendingPathComponent("New/NOTES.md"), atomically: true, encoding: .utf8)
        try cli.writeSpec(newSpec, in: folder)
        return folder
    }

    /// Fault point → what the folder must hold once the next run has recovered: the faults before the commit point
    /// roll back to the old files; those after it complete to the new ones.
    static let faults: [(String, String)] = [
        ("while-staging", "Old"), ("before-commit", "Old"),
        ("after-rename:0", "New"), ("after-rename:1", "New"), ("after-rename:2", "New"),
    ]

    @Test(arguments: faults)
    func interruptedUpdateIsCompletedOrRolledBackByTheNextRun(_ fault: String, _ expected: String) async throws {
        let folder = try await project()
        let out = folder.appendingPathComponent("Out")
        let runtime = out.appendingPathComponent("Runtime.swift")
        let runtimeBefore = try Self.identity(runtime)
        let arguments = ["generate", "pets.yaml", "-o", "Out", "-m", "Pets"]

        let killed = try await run(arguments, in: folder, environment: ["OPENAPI_SWIFT_FAULT": fault])
        #expect(killed.status == 9, "the fault \(fault) did not fire: \(killed.stderr)")
        // --check writes nothing, and says the folder is mid-update when it is.
        if fault.hasPrefix("after-rename") {
            let check = try await run(arguments + ["--check"], in: folder)
            #expect(check.status == 1)
            #expect(check.stderr.contains("an interrupted update was found"), "\(check.stderr)")
        }

        // The next run recovers before anything else; stop it right there and look.
        let recovered = try await run(arguments, in: folder, environment: ["OPENAPI_SWIFT_FAULT": "after-recovery"])
        #expect(recovered.status == 9, "\(recovered.stderr)")
        #expect(recovered.stderr.contains("interrupted"), "\(recovered.stderr)")
        #expect(try Self.snapshot(out) == Self.snapshot(folder.appendingPathComponent(expected)),
                "after recovering from \(fault) the folder is not all \(expected.lowercased())")

        // A normal run then completes the update.
        let normal = try await run(arguments, in: folder)
        #expect(normal.status == 0, "\(normal.stderr)")
        #expect(try Self.snapshot(out) == Self.snapshot(folder.appendingPathComponent("New")))
        // Unchanged files were never rewritten; the user's file was never touched.
        #expect(try Self.identity(runtime) == runtimeBefore)
        #expect(try String(contentsOf: out.appendingPathComponent("NOTES.md"), encoding: .utf8) == "mine\n")
    }

    /// A stale file the manifest lists is removed in the same transaction as the writes.
    @Test func removalsArePartOfTheTransaction() async throws {
        let folder = try await project()
        let out = folder.appendingPathComponent("Out")
        // Pretend an earlier generation wrote `Extra.swift`: listed in the manifest, no longer generated.
        try "// old\n".write(to: out.appendingPathComponent("Extra.swift"), atomically: true, encoding: .utf8)
        let manifest = out.appendingPathComponent(".openapi-swift-manifest")
        try (String(contentsOf: manifest, encoding: .utf8) + "Extra.swift\n").write(to: manifest, atomically: true,
                                                                                   encoding: .utf8)
        let arguments = ["generate", "pets.yaml", "-o", "Out", "-m", "Pets"]
        let killed = try await run(arguments, in: folder, environment: ["OPENAPI_SWIFT_FAULT": "after-rename:1"])
        #expect(killed.status == 9)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("Extra.swift").path))
        let normal = try await run(arguments, in: folder)
        #expect(normal.status == 0, "\(normal.stderr)")
        #expect(try Self.snapshot(out) == Self.snapshot(folder.appendingPathComponent("New")))
    }

    /// A damaged journal is not guessed at: the run stops and says how to repair the folder.
    @Test func damagedJournalStopsTheRun() async throws {
        let folder = try await project()
        let out = folder.appendingPathComponent("Out")
        try "staging ../../etc\nwrite /etc/passwd\nend\n".write(
            to: out.appendingPathComponent(".openapi-swift-transaction"), atomically: true, encoding: .utf8)
        let before = try Self.snapshot(out)
        let result = try await run(["generate", "pets.yaml", "-o", "Out", "-m", "Pets"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is damaged"), "\(result.stderr)")
        #expect(try Self.snapshot(out) == before)
    }

    /// SIGKILL at several instants of a large generation (parse, model, emit, staging, commit): afterwards the next
    /// run's recovery leaves the folder all old or all new, and a normal run completes.
    @Test func killedLargeGenerationLeavesAConsistentFolder() async throws {
        let oldSpec = Self.largeSpec(schemas: 1500, description: "first")
        let newSpec = Self.largeSpec(schemas: 1500, description: "second")
        let folder = try await project(oldSpec: oldSpec, newSpec: newSpec)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("Out")
        let arguments = ["generate", "pets.yaml", "-o", "Out", "-m", "Pets"]
        let old = try Self.snapshot(folder.appendingPathComponent("Old"))
        let new = try Self.snapshot(folder.appendingPathComponent("New"))
        #expect(old != new)

        // How long a full update takes, to spread the kills over it.
        let timing = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: timing) }
        try cli.writeSpec(newSpec, in: timing)
        let started = Date()
        _ = try await run(["generate", "pets.yaml", "-o", "Out", "-m", "Pets"], in: timing)
        let duration = Date().timeIntervalSince(started)

        var outcomes: [String] = []
        for fraction in [0.3, 0.8, 0.95, 1.0] {
            try cli.writeSpec(newSpec, in: folder)
            let process = try start(arguments, in: folder)
            try await Task.sleep(for: .seconds(duration * fraction))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal
            let recovered = try await run(arguments, in: folder, environment: ["OPENAPI_SWIFT_FAULT": "after-recovery"])
            #expect(recovered.status == 9, "\(recovered.stderr)")
            let state = try Self.snapshot(out)
            let mixed = Set(state.filter { old[$0.key] != $0.value && new[$0.key] != $0.value }.keys).sorted()
            #expect(state == old || state == new,
                    "killed at \(fraction) of \(duration) s: the folder is neither all old nor all new: \(mixed)")
            outcomes.append("\(fraction): \(killed ? "killed" : "finished"), \(state == new ? "new" : "old")")
            // Back to the old files for the next round.
            try cli.writeSpec(oldSpec, in: folder)
            let reset = try await run(arguments, in: folder)
            #expect(reset.status == 0, "\(reset.stderr)")
            #expect(try Self.snapshot(out) == old)
        }
        print("killedLargeGenerationLeavesAConsistentFolder: full run \(String(format: "%.2f", duration)) s; "
              + outcomes.joined(separator: "; "))
    }

    /// A valid spec with `schemas` object schemas whose descriptions contain `description`.
    static func largeSpec(schemas: Int, description: String) -> String {
        var text = """
            openapi: 3.1.0
            info: {title: Pets, version: "1.0"}
            servers: [{url: "https://pets.example.com/v1"}]
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    "200":
                      description: ok
                      content: {application/json: {schema: {$ref: "#/components/schemas/Schema0"}}}
            components:
              schemas:

            """
        for index in 0..<schemas {
            text += """
                    Schema\(index):
                      type: object
                      description: "The \(description) description of schema \(index)."
                      required: [id]
                      properties:
                        id: {type: integer}
                        name: {type: string}
                        next: {$ref: "#/components/schemas/Schema\((index + 1) % schemas)"}

                """
        }
        return text
    }
}
