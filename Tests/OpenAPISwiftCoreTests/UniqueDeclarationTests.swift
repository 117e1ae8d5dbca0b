import ClientModel
import Foundation
import SpecParser
import Testing
import TestSupport

/// The model claims every name in its scope, so the emitter never needs to drop a duplicate declaration: over every
/// provider spec and feature fixture, each type's full name is declared once, and within a type its properties, enum
/// cases and union cases have distinct Swift names.
@Suite struct UniqueDeclarationTests {
    static let specs: [String] = {
        let folders = ["Specs", "Tests/Fixtures/features"]
        return folders.flatMap { folder -> [String] in
            let url = Repository.root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
        }
    }()

    @Test(arguments: specs) func everyDeclarationIsNamedOnce(_ path: String) throws {
        let url = Repository.root.appendingPathComponent(path)
        let data = try Data(contentsOf: url)
        let folder = url.deletingLastPathComponent().path
        let parsed = DocumentParser.parse(SpecInput(path: url.path, data: data),
                                          loader: FileSystemSpecLoader(root: folder))
        let document = try #require(parsed.document, "\(parsed.diagnostics.errors.prefix(2))")
        let api = ModelBuilder.build(document, options: ModelOptions(moduleName: "Unique"), specPath: path)
        var seen: [String: Int] = [:]
        func visit(_ decl: TypeDecl) {
            seen[decl.name.swift, default: 0] += 1
            var members: [String] = []
            switch decl.kind {
            case .struct(let value): members = value.properties.map(\.identifier.swiftName)
            case .enum(let value): members = value.cases.map(\.identifier.swiftName)
            case .union(let value): members = value.cases.map(\.name)
            case .alias: break
            }
            #expect(Set(members).count == members.count, "\(path): \(decl.name.swift) repeats a member: \(members)")
            decl.nested.forEach(visit)
        }
        api.types.forEach(visit)
        let repeated = seen.filter { $0.value > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "\(path): declared more than once: \(repeated)")
    }
}
