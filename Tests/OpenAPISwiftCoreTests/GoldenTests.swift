import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import TemplateEmitter
import Testing
import TestSupport

/// Loads `$ref`ed files relative to the repository root, confined to the spec's folder tree.
struct RepositoryLoader: SpecLoader {
    var specFolder: String
    func load(_ path: String) throws -> Data {
        let normalized = PathSafety.normalize(path)
        guard normalized == specFolder || normalized.hasPrefix(specFolder + "/") else {
            throw SpecLoaderError.outsideRoot(path: path, root: specFolder)
        }
        guard let data = FileManager.default.contents(atPath: Repository.root.appendingPathComponent(normalized).path) else {
            throw SpecLoaderError.notFound(path)
        }
        return data
    }
}

/// Generates one configured client in memory, exactly as `openapi-swift generate` does from the repository root
/// (overlays included).
func generateConfigured(_ client: ClientEntry) throws -> GenerationResult {
    let data = try Data(contentsOf: Repository.root.appendingPathComponent(client.spec))
    let overlays = try client.overlays.map {
        SpecInput(path: $0, data: try Data(contentsOf: Repository.root.appendingPathComponent($0)))
    }
    let job = GenerationJob(spec: SpecInput(path: client.spec, data: data),
                            options: ModelOptions(moduleName: client.module, accessLevel: client.access,
                                                  runtimeModule: try loadConfiguration().runtime?.module),
                            overlays: overlays)
    return Generator.generate(job,
                              loader: RepositoryLoader(specFolder: (client.spec as NSString).deletingLastPathComponent))
}

func loadConfiguration() throws -> Configuration {
    let data = try Data(contentsOf: Repository.root.appendingPathComponent("openapi-swift.yaml"))
    let (configuration, diagnostics) = ConfigurationParser.parse(data, path: "openapi-swift.yaml")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return try #require(configuration)
}

/// Golden tests: every configured client, regenerated in-process, must equal Generated/ byte for byte.
/// `UPDATE_GOLDENS=1 swift test` rewrites the goldens and fails, so a refresh is never silent.
@Suite struct GoldenTests {
    static let update = ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1"
    static let modules = ["AccuAuth", "Deepvue", "APISathi", "Streaming"]

    @Test func theConfigurationListsTheCheckedInClients() throws {
        #expect(try loadConfiguration().clients.map(\.module) == Self.modules)
    }

    @Test(arguments: modules) func generatedClientMatchesItsSpec(_ module: String) throws {
        let client = try #require(try loadConfiguration().clients.first { $0.module == module })
        let result = try generateConfigured(client)
        // An unexpected warning fails the golden test.
        #expect(result.diagnostics.isEmpty, "\(client.module): \(result.diagnostics.map(\.description))")
        try #require(result.succeeded)
        var expected = result.files.map { ($0.path, $0.contents) }
        expected.append((Manifest.fileName, Manifest.render(result.files.map(\.path))))
        try GoldenFolder.compare(expected, with: client.output, update: Self.update,
                                 source: client.spec, howToUpdate: "UPDATE_GOLDENS=1")
    }

    @Test(arguments: modules) func generationIsDeterministic(_ module: String) throws {
        let client = try #require(try loadConfiguration().clients.first { $0.module == module })
        let first = try generateConfigured(client)
        let second = try generateConfigured(client)
        #expect(first.files == second.files, "\(client.module) differs between two runs")
    }
}

/// A checked-in folder of expected files (relative to the repository root) compared byte for byte with output.
enum GoldenFolder {
    /// Records an issue per differing, missing or stale `.swift` file; with `update`, rewrites the folder instead and
    /// records one issue that says so (a refresh is never silent).
    static func compare(_ expected: [(String, String)], with relativeFolder: String, update: Bool, source: String,
                        howToUpdate: String) throws {
        let folder = Repository.root.appendingPathComponent(relativeFolder)
        var updated: [String] = []
        for (path, contents) in expected {
            let url = folder.appendingPathComponent(path)
            let actual = (try? String(contentsOf: url, encoding: .utf8))
            if actual == contents { continue }
            if update {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
                updated.append(path)
            } else {
                Issue.record(Comment(rawValue: goldenMismatch(path: "\(relativeFolder)/\(path)", expected: contents,
                                                              actual: actual, howToUpdate: howToUpdate)))
            }
        }
        // Files in the folder that are not generated any more are stale.
        let onDisk = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let generatedNames = Set(expected.map(\.0))
        for name in onDisk.sorted() where name.hasSuffix(".swift") && !generatedNames.contains(name) {
            if update {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                updated.append("-\(name)")
            } else {
                Issue.record("\(relativeFolder)/\(name) is not generated from \(source) any more")
            }
        }
        if !updated.isEmpty {
            let list = updated.joined(separator: ", ")
            Issue.record("\(howToUpdate): rewrote \(relativeFolder): \(list). Run again without it.")
        }
    }
}

/// The first differing lines with context, and the command for the full diff.
func goldenMismatch(path: String, expected: String, actual: String?, howToUpdate: String = "UPDATE_GOLDENS=1")
    -> String {
    guard let actual else {
        return "\(path) is missing. Refresh with `\(howToUpdate) swift test`."
    }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let have = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let index = zip(want, have).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count,
                                                                                                   have.count)
    let from = max(0, index - 2)
    func excerpt(_ lines: [Substring]) -> String {
        lines[from..<min(lines.count, index + 3)].enumerated().map { "  \(from + $0.offset + 1)| \($0.element)" }
            .joined(separator: "\n")
    }
    return """
        \(path) differs from what its spec produces, first at line \(index + 1).
        expected (generated now):
        \(excerpt(want))
        actual (on disk):
        \(excerpt(have))
        Full diff: regenerate into a temp folder and `git diff --no-index <tmp> \
        \((path as NSString).deletingLastPathComponent)`.
        Refresh: \(howToUpdate) swift test (then run swift test again).
        """
}
