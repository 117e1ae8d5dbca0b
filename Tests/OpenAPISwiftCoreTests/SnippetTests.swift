import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import Testing
import TestSupport

/// A few lines of spec in, the whole generated Swift out, compared exactly (`Tests/Fixtures/snippets/`): what a
/// reader most needs to see of the generated code, kept true by the test. `UPDATE_SNIPPETS=1` rewrites them.
@Suite struct SnippetTests {
    static let update = ProcessInfo.processInfo.environment["UPDATE_SNIPPETS"] == "1"
    static let folder = "Tests/Fixtures/snippets"

    @Test(arguments: ["object", "enum", "union", "operation", "security"])
    func snippetGeneratesExactly(_ name: String) throws {
        let path = "\(Self.folder)/\(name)/spec.yaml"
        let data = try Data(contentsOf: Repository.root.appendingPathComponent(path))
        let options = ModelOptions(moduleName: "Snippet", runtimeModule: "OpenAPISwiftRuntime")
        let result = Generator.generate(GenerationJob(spec: SpecInput(path: path, data: data), options: options),
                                        loader: RepositoryLoader(specFolder: "\(Self.folder)/\(name)"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        try #require(result.succeeded)
        let files = result.files.filter { $0.path.hasSuffix(".swift") }.map { ($0.path, $0.contents) }
        #expect(!files.isEmpty)
        try GoldenFolder.compare(files, with: "\(Self.folder)/\(name)/expected", update: Self.update, source: path,
                                 howToUpdate: "UPDATE_SNIPPETS=1")
    }
}
