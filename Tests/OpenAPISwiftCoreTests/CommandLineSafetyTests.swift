import Foundation
import Testing

/// The CLI keeps its writes where they belong and all-or-nothing (docs/RELIABILITY.md, "Path safety" and
/// "Atomicity"). Drives the real binary through `CommandLineTests.run`.
@Suite struct CommandLineSafetyTests {
    let cli = CommandLineTests()

    func prepared() throws -> URL {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder)
        return folder
    }

    /// A module name is spliced into generated code and file headers; it must be a plain Swift identifier on the
    /// command line exactly as in the configuration.
    @Test(arguments: ["../x", "A/B", "A\n*/ func pwned() {} /*", "class", "1st", ""])
    func commandLineModuleMustBeAnIdentifier(_ module: String) async throws {
        let folder = try prepared()
        let run = try await cli.run(["generate", "pets.yaml", "--output", "Out", "--module", module], in: folder)
        #expect(run.status == 2, "--module '\(module)' accepted: \(run.stdout)")
        #expect(run.stderr.contains("--module"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }

    @Test(arguments: ["../../escape", "../sibling", "/tmp/absolute", "a/../..", ".", "~/x"])
    func configurationOutputMustStayInsideTheProject(_ output: String) async throws {
        let folder = try prepared()
        let config = """
            clients:
              - spec: pets.yaml
                output: "\(output)"
                module: Pets
            """
        try config.write(to: folder.appendingPathComponent("openapi-swift.yaml"), atomically: true, encoding: .utf8)
        let run = try await cli.run(["generate"], in: folder)
        #expect(run.status == 1, "output '\(output)' accepted: \(run.stdout)")
        #expect(run.stderr.contains("openapi-swift.yaml:3:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent()
            .appendingPathComponent("escape/Client.swift").path))
    }

    @Test func configurationModuleMustBeAnIdentifier() async throws {
        let folder = try prepared()
        try "clients:\n  - {spec: pets.yaml, output: Out, module: \"../x\"}\n"
            .write(to: folder.appendingPathComponent("openapi-swift.yaml"), atomically: true, encoding: .utf8)
        let run = try await cli.run(["generate"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("must be a Swift identifier"), "\(run.stderr)")
    }

    @Test func outputFolderThatIsASymbolicLinkIsRefused() async throws {
        let folder = try prepared()
        let real = folder.appendingPathComponent("Real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("Out"), withDestinationURL: real)
        let run = try await cli.run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("symbolic link"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path).isEmpty)
    }

    /// A generated file that is a symbolic link (to a file outside) is never written through.
    @Test func generatedFileThatIsASymbolicLinkIsRefusedAndNothingChanges() async throws {
        let folder = try prepared()
        let first = try await cli.run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let out = folder.appendingPathComponent("Out")
        let before = try snapshot(out)
        // Change the spec so every file would be rewritten, then plant a symlink where Models.swift goes: staging
        // fails after Auth/Client/Errors are staged, and none of them may be replaced.
        try cli.writeSpec(CommandLineTests.spec.replacingOccurrences(of: "getPet", with: "fetchPet")
            .replacingOccurrences(of: "Pets", with: "Animals"), in: folder)
        let victim = folder.appendingPathComponent("victim.txt")
        try "precious\n".write(to: victim, atomically: true, encoding: .utf8)
        let models = out.appendingPathComponent("Models.swift")
        try FileManager.default.removeItem(at: models)
        try FileManager.default.createSymbolicLink(at: models, withDestinationURL: victim)
        let run = try await cli.run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("symbolic link"), "\(run.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        var after = try snapshot(out)
        after["Models.swift"] = before["Models.swift"]
        #expect(after == before,
                "files changed or temporary files left: \(Set(after.keys).symmetricDifference(before.keys))")
    }

    /// A write that fails mid-run (the folder became read-only) leaves the previous output intact, exit 1.
    /// Root ignores permissions, so this only runs as a normal user.
    @Test(.enabled(if: getuid() != 0, "root bypasses file permissions"))
    func readOnlyOutputFolderLeavesPreviousOutputIntact() async throws {
        let folder = try prepared()
        _ = try await cli.run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        let out = folder.appendingPathComponent("Out")
        let before = try snapshot(out)
        try cli.writeSpec(CommandLineTests.spec.replacingOccurrences(of: "getPet", with: "fetchPet"), in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: out.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: out.path) }
        let run = try await cli.run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(run.status == 1)
        #expect(try snapshot(out) == before)
    }

    /// A `$ref` may only read files inside the allowed folder (`--ref-root`, by default the working directory here):
    /// a relative path climbing out and an absolute path are refused with exit 1, naming the folder and the option,
    /// and nothing of the file leaks into the output.
    @Test(arguments: ["../../../etc/passwd", "/etc/passwd"])
    func refOutsideTheAllowedFolderIsRefused(_ ref: String) async throws {
        let folder = try prepared()
        try cli.writeSpec(CommandLineTests.spec.replacingOccurrences(
            of: "name: {type: string}", with: "name: {$ref: '\(ref)'}"), in: folder)
        let run = try await cli.run(["generate", "pets.yaml", "--output", "Out", "--module", "Pets"], in: folder)
        #expect(run.status == 1)
        let root = FileManager.default.currentDirectoryPath == folder.path ? folder.path : folder.lastPathComponent
        #expect(run.stderr.contains("pets.yaml:23:22: error: unresolved $ref '\(ref)'"), "\(run.stderr)")
        #expect(run.stderr.contains("is outside the allowed folder '"), "\(run.stderr)")
        #expect(run.stderr.contains(root), "the message names the allowed folder: \(run.stderr)")
        #expect(run.stderr.contains("pass --ref-root DIR to allow another folder"), "\(run.stderr)")
        #expect(!run.stderr.contains("root:x:"), "the file's contents leaked: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }

    /// With an explicit `--ref-root`, a ref to a sibling folder is refused and the message names that root.
    @Test func refOutsideAnExplicitRefRootIsRefused() async throws {
        let folder = try prepared()
        let specs = folder.appendingPathComponent("specs"), common = folder.appendingPathComponent("common")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: common, withIntermediateDirectories: true)
        try "Name: {type: string}\n".write(to: common.appendingPathComponent("name.yaml"), atomically: true,
                                          encoding: .utf8)
        try cli.writeSpec(CommandLineTests.spec.replacingOccurrences(
            of: "name: {type: string}", with: "name: {$ref: '../common/name.yaml#/Name'}"), in: specs)
        let refused = try await cli.run(["generate", "specs/pets.yaml", "-o", "Out", "-m", "Pets", "--ref-root",
                                        "specs"],
                                  in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is outside the allowed folder 'specs'; $refs may only read files inside "
                                        + "--ref-root"), "\(refused.stderr)")
        let allowed = try await cli.run(["generate", "specs/pets.yaml", "-o", "Out", "-m", "Pets", "--ref-root", "."],
                                  in: folder)
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    /// Every entry of a folder (including dot files such as temporaries), with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            result[name] = (try? Data(contentsOf: url)) ?? Data()
        }
        return result
    }
}
