import Foundation
import Testing
import TestSupport

/// `openapi-swift diff` end to end: the report on stdout, exit statuses 0 / 1 / 2, and nothing written.
@Suite struct DiffCommandLineTests {
    let cli = CommandLineTests()

    /// Each fixture pair, run in its folder as a user would: stdout is `expected.txt` byte for byte.
    @Test(arguments: APIDiffTests.cases) func fixtureReport(_ name: String) async throws {
        let folder = Repository.root.appendingPathComponent("\(APIDiffTests.folder)/\(name)")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let run = try await cli.run(["diff", "old.yaml", "new.yaml", "--module", "Pets"], in: folder)
        let expected = try APIDiffTests.expected(name)
        #expect(run.stdout == expected)
        #expect(run.stderr == "")
        #expect(run.status == (expected.contains("breaking: ") ? 1 : 0))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }

    @Test func quietPrintsOnlyBreakingChanges() async throws {
        let folder = Repository.root.appendingPathComponent("\(APIDiffTests.folder)/parameters")
        let run = try await cli.run(["diff", "old.yaml", "new.yaml", "-m", "Pets", "--quiet"], in: folder)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("breaking: ") })
        let additive = Repository.root.appendingPathComponent("\(APIDiffTests.folder)/additive-only")
        let none = try await cli.run(["diff", "old.yaml", "new.yaml", "-m", "Pets", "-q"], in: additive)
        #expect(none.status == 0)
        #expect(none.stdout == "")
    }

    /// Filter options apply to both specs: leaving the changed operation out leaves nothing to report.
    @Test func filterOptionsApplyToBothSpecs() async throws {
        let folder = Repository.root.appendingPathComponent("\(APIDiffTests.folder)/parameters")
        let run = try await cli.run(["diff", "old.yaml", "new.yaml", "-m", "Pets", "--exclude-operation", "listPets"],
                              in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "PetsClient: no API changes\n")
        let returns = Repository.root.appendingPathComponent("\(APIDiffTests.folder)/return-types")
        let only = try await cli.run(["diff", "old.yaml", "new.yaml", "-m", "Pets", "--include-operation", "getPet"],
                               in: returns)
        #expect(only.status == 1, "\(only.stderr)")
        // Only `getPet` is kept: the new one returns nothing, so `Pet` is no longer part of the API either.
        #expect(only.stdout == "breaking: Pet — struct removed [old.yaml:47:7]\n"
                + "breaking: PetsClient.getPet(id:) — return type changed from Pet to Void [new.yaml:20:16]\n"
                + "PetsClient: 2 breaking changes, 0 additive changes\n")
    }

    @Test func jsonFormat() async throws {
        let folder = Repository.root.appendingPathComponent("\(APIDiffTests.folder)/enum-cases")
        let run = try await cli.run(["diff", "old.yaml", "new.yaml", "-m", "Pets", "--format", "json"], in: folder)
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["breaking"] as? Int == 2)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.map { $0["declaration"] as? String } == ["PetKind.bird", "PetKind.hamster"])
        #expect(changes.map { $0["rule"] as? String } == ["caseAdded", "removed"])
    }

    @Test func specErrorExitsOneWithLocation() async throws {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder, name: "old.yaml")
        try cli.writeSpec("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: [1, 2]\n", in: folder,
                          name: "new.yaml")
        let run = try await cli.run(["diff", "old.yaml", "new.yaml", "-m", "Pets"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("new.yaml:3:8: error:"), "\(run.stderr)")
        #expect(run.stderr.contains("diff: 1 error in the specs; nothing was compared"), "\(run.stderr)")
        #expect(run.stdout == "")
        let missing = try await cli.run(["diff", "old.yaml", "gone.yaml", "-m", "Pets"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("gone.yaml: error: spec file not found"), "\(missing.stderr)")
    }

    @Test func usageErrorsExitTwo() async throws {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder, name: "old.yaml")
        try cli.writeSpec(in: folder, name: "new.yaml")
        for arguments in [["diff", "old.yaml"], ["diff", "old.yaml", "new.yaml", "-m", "Pets", "--access", "open"],
                          ["diff", "old.yaml", "new.yaml", "-m", "Pets", "--format", "xml"],
                          ["diff", "old.yaml", "new.yaml", "-m", "9lives"],
                          ["diff", "old.yaml", "new.yaml"]] {
            let run = try await cli.run(arguments, in: folder)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("openapi-swift diff --help"), "\(arguments): \(run.stderr)")
        }
    }

    /// Without `--module`, NEW_SPEC's entry in `openapi-swift.yaml` gives the module and the overlays, which apply to
    /// both specs: the overlay makes `tag` required, so the new property is one `init` must be given.
    @Test func takesModuleAndOverlaysFromTheConfiguration() async throws {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder, name: "old.yaml")
        try cli.writeSpec(CommandLineTests.spec.replacingOccurrences(
            of: "name: {type: string}", with: "name: {type: string}\n        tag: {type: string}"), in: folder,
                          name: "new.yaml")
        try cli.writeSpec("""
            overlay: 1.0.0
            info: {title: x, version: '1'}
            actions:
              - target: $.components.schemas.Pet
                update: {required: [tag]}
            """, in: folder, name: "pets.overlay.yaml")
        try cli.writeSpec("""
            clients:
              - {spec: new.yaml, output: Out, module: Zoo, overlays: [pets.overlay.yaml]}
            """, in: folder, name: "openapi-swift.yaml")
        let run = try await cli.run(["diff", "old.yaml", "new.yaml"], in: folder)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout == "breaking: Pet.init(id:name:) — required parameter 'tag' added [new.yaml:24:14]\n"
                + "additive: Pet.tag — property added [new.yaml:24:14]\n"
                + "ZooClient: 1 breaking change, 1 additive change\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
        let broken = try await cli.run(["diff", "old.yaml", "new.yaml", "--overlay", "missing.yaml"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("missing.yaml: error: overlay file not found"), "\(broken.stderr)")
    }
}
