import Foundation
import Testing

/// `--overlay FILE` and `overlays:` end to end through the `openapi-swift` binary.
@Suite struct OverlayCommandLineTests {
    let cli = CommandLineTests()

    /// Marks `Pet.name` sensitive and documents `Pet`.
    static let overlay = """
        overlay: 1.0.0
        info: {title: Pets enrichments, version: 1.0.0}
        actions:
          - target: $.components.schemas.Pet
            update:
              description: A pet, documented by the overlay.
          - target: $.components.schemas.Pet.properties.name
            update: {x-sensitive: true}
        """

    private func write(_ text: String, _ name: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func models(_ folder: URL, _ output: String = "Out") throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(output)/Models.swift"), encoding: .utf8)
    }

    @Test func overlayChangesTheOutputAndCheckHonoursIt() async throws {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder)
        try write(Self.overlay, "pets.overlay.yaml", in: folder)
        let generate = ["generate", "pets.yaml", "-o", "Out", "-m", "Pets"]
        let run = try await cli.run(generate + ["--overlay", "pets.overlay.yaml"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let text = try models(folder)
        #expect(text.contains("/// A pet, documented by the overlay."))
        #expect(text.contains("text.addMasked(\"name\", self.name)"))
        #expect(try await cli.run(generate + ["--overlay", "pets.overlay.yaml", "--check"], in: folder).status == 0)
        let withoutOverlay = try await cli.run(generate + ["--check"], in: folder)
        #expect(withoutOverlay.status == 1)
        #expect(withoutOverlay.stderr.contains("Out/Models.swift: differs"), "\(withoutOverlay.stderr)")
    }

    @Test func overlaysApplyInCommandLineOrder() async throws {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder)
        for word in ["First", "Second"] {
            try write("""
                overlay: 1.0.0
                info: {title: \(word), version: 1.0.0}
                actions: [{target: $.components.schemas.Pet, update: {description: \(word) wins.}}]
                """, "\(word).yaml", in: folder)
        }
        let run = try await cli.run(["generate", "pets.yaml", "-o", "Out", "-m", "Pets",
                               "--overlay", "First.yaml", "--overlay", "Second.yaml"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try models(folder).contains("/// Second wins."))
    }

    @Test func overlayProblemsNameTheOverlayFile() async throws {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder)
        let generate = ["generate", "pets.yaml", "-o", "Out", "-m", "Pets"]
        _ = try await cli.run(generate, in: folder)

        // A target that matches nothing: a warning; generation goes on (the header names the overlay).
        try write("overlay: 1.0.0\ninfo: {title: T, version: 1}\nactions:\n  - target: $.components.schemas.Cat\n"
            + "    update: {description: x}\n", "overlays/miss.yaml", in: folder)
        let miss = try await cli.run(generate + ["--overlay", "overlays/miss.yaml"], in: folder)
        #expect(miss.status == 0, "\(miss.stderr)")
        #expect(miss.stderr.contains("overlays/miss.yaml:4:13: warning: overlay action 1 changes nothing"),
                "\(miss.stderr)")
        let before = try models(folder)
        #expect(before.contains("Do not edit.\n// Overlays: overlays/miss.yaml\n"))

        // A bad JSONPath: an error at its column; the output is left alone.
        try write("overlay: 1.0.0\ninfo: {title: T, version: 1}\nactions:\n  - target: $.paths[/pets]\n"
            + "    update: {description: x}\n", "overlays/bad.yaml", in: folder)
        let bad = try await cli.run(generate + ["--overlay", "overlays/bad.yaml"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("overlays/bad.yaml:4:21: error: invalid JSONPath in `target:`: unexpected '/'"),
                "\(bad.stderr)")
        #expect(try models(folder) == before)

        // A missing file.
        let missing = try await cli.run(generate + ["--overlay", "nope.yaml"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.yaml: error: overlay file not found"), "\(missing.stderr)")
    }

    @Test func overlayWithoutSpecIsAUsageError() async throws {
        let folder = try cli.temporaryFolder()
        let run = try await cli.run(["generate", "--overlay", "fix.yaml"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--overlay goes with SPEC"), "\(run.stderr)")
    }

    /// `overlays:` paths are relative to the configuration file, and `--check` applies them too.
    @Test func configurationOverlaysAreRelativeToTheConfigFile() async throws {
        let folder = try cli.temporaryFolder()
        try write(CommandLineTests.spec, "project/pets.yaml", in: folder)
        try write(Self.overlay, "project/overlays/pets.yaml", in: folder)
        try write("""
            clients:
              - spec: pets.yaml
                output: Out
                module: Pets
                overlays: [overlays/pets.yaml]
            """, "project/openapi-swift.yaml", in: folder)
        let config = ["generate", "--config", "project/openapi-swift.yaml"]
        let run = try await cli.run(config, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try models(folder, "project/Out").contains("/// A pet, documented by the overlay."))
        #expect(try await cli.run(config + ["--check"], in: folder).status == 0)

        try write(Self.overlay.replacingOccurrences(of: "$.components", with: "$.componentz"),
                  "project/overlays/pets.yaml", in: folder)
        let check = try await cli.run(config + ["--check"], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.contains("project/overlays/pets.yaml:4:13: warning: overlay action 1 changes nothing"),
                "\(check.stderr)")
        #expect(check.stderr.contains("project/Out/Models.swift: differs"), "\(check.stderr)")
    }
}
