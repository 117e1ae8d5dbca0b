import Foundation
import OpenAPISwiftCore
import Testing

/// `--version`, `generate --help` and the filter options of the `openapi-swift` binary.
@Suite struct CommandLineInfoTests {
    private let cli = CommandLineTests()

    /// Runs the binary with `COLUMNS` set, as a terminal of that width would.
    private func run(_ arguments: [String], columns: Int, in directory: URL) async throws -> CommandLineTests.Run {
        try await cli.run(arguments, in: directory, environment: ["COLUMNS": "\(columns)"])
    }

    @Test func versionIsSemanticAndPrintedByTheTool() async throws {
        let semver = #/(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)/#
        #expect(OpenAPISwift.version.wholeMatch(of: semver) != nil, "'\(OpenAPISwift.version)' is not X.Y.Z")
        let folder = try cli.temporaryFolder()
        for arguments in [["--version"], ["generate", "--version"]] {
            let run = try await cli.run(arguments, in: folder)
            #expect(run.status == 0)
            #expect(run.stdout == OpenAPISwift.version + "\n")
        }
    }

    @Test func generatedFilesNameNoVersion() async throws {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder)
        let run = try await cli.run(["generate", "pets.yaml", "-o", "Out", "-m", "Pets"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let out = folder.appendingPathComponent("Out")
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains(OpenAPISwift.version), "\(name) names the tool's version")
        }
    }

    @Test func helpDiscussionIsWrappedByTheParser() async throws {
        let folder = try cli.temporaryFolder()
        let wide = try await run(["generate", "--help"], columns: 200, in: folder)
        #expect(wide.status == 0)
        #expect(wide.stdout.contains("With no SPEC, reads the configuration (default: openapi-swift.yaml in the "
            + "current folder) and regenerates every client it lists. With SPEC, --output and --module are required;"))
        let narrow = try await run(["generate", "--help"], columns: 60, in: folder)
        let discussion = narrow.stdout.components(separatedBy: "USAGE:").first ?? ""
        let long = discussion.split(separator: "\n").filter { $0.count > 60 }
        #expect(long.isEmpty, "lines over 60 columns: \(long)")
    }

    @Test func filterOptionsGeneratePartOfTheSpecAndWarnOfEntriesThatSelectNothing() async throws {
        let folder = try cli.temporaryFolder()
        try cli.writeSpec(in: folder)
        let run = try await cli.run(["generate", "pets.yaml", "-o", "Out", "-m", "Pets", "--include-operation",
                                    "getPet",
                               "--include-tag", "cats"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "warning: --include-tag 'cats' selects nothing: no operation has this tag\n")
        #expect(run.stdout.contains("1 operation, 1 warnings"), "\(run.stdout)")
        let none = try await cli.run(["generate", "pets.yaml", "-o", "Out", "-m", "Pets", "--exclude-operation",
                                     "getPet"],
                               in: folder)
        #expect(none.status == 0)
        #expect(none.stdout.contains("0 operations"), "\(none.stdout)")
    }

    @Test func filterOptionsNeedASpec() async throws {
        let folder = try cli.temporaryFolder()
        let run = try await cli.run(["generate", "--include-tag", "pets"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--include-…, --exclude-… and --skip-deprecated go with SPEC"), "\(run.stderr)")
    }
}
