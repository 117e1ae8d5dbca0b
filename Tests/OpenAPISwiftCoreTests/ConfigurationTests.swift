import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import Testing

@Suite struct ConfigurationTests {
    private func parse(_ yaml: String) -> (Configuration?, [Diagnostic]) {
        ConfigurationParser.parse(Data(yaml.utf8), path: "openapi-swift.yaml")
    }

    @Test func readsClients() throws {
        let (config, diagnostics) = parse("""
            clients:
              - spec: Specs/a.yaml
                output: Generated/A
                module: A
              - spec: Specs/b.json
                output: Generated/B
                module: B
                access: package
            """)
        #expect(diagnostics.isEmpty)
        let clients = try #require(config).clients
        #expect(clients.map(\.module) == ["A", "B"])
        #expect(clients[1].access == .package)
        #expect(clients[0].access == .public)
    }

    @Test func missingKeyIsAnErrorWithLocation() {
        let (config, diagnostics) = parse("""
            clients:
              - spec: Specs/a.yaml
                module: A
            """)
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == ["openapi-swift.yaml:2:5: error: client is missing `output:`"])
    }

    @Test func outputMayNotEscapeTheProject() {
        let (_, diagnostics) = parse("""
            clients:
              - spec: a.yaml
                output: ../../etc
                module: A
            """)
        #expect(diagnostics.first?.description.hasPrefix("openapi-swift.yaml:3:13: error: `output:` must stay inside") == true)
    }

    @Test func badAccessAndModule() {
        let (_, diagnostics) = parse("""
            clients:
              - spec: a.yaml
                output: Out
                module: 9lives
                access: open
            """)
        #expect(diagnostics.count == 2)
        #expect(diagnostics.contains { $0.description.contains("4:13: error: module name '9lives' must be a Swift identifier") })
        #expect(diagnostics.contains { $0.description.contains("5:13: error: `access:` must be public, package or internal") })
    }

    @Test func twoClientsCannotShareAnOutput() {
        let (_, diagnostics) = parse("""
            clients:
              - {spec: a.yaml, output: Out, module: A}
              - {spec: b.yaml, output: ./Out/, module: B}
            """)
        #expect(diagnostics.contains { $0.message.hasPrefix("two clients write to './Out/'") })
    }

    @Test func notAMapping() {
        let (config, diagnostics) = parse("- just a list")
        #expect(config == nil)
        #expect(diagnostics.first?.location?.line == 1)
    }
}

@Suite struct PathSafetyTests {
    @Test(arguments: [
        ("Generated/A", nil), ("a/../b", nil), ("../x", "leaves"), ("/etc", "relative"), ("a/../..", "leaves"),
        (".", "root"), ("a/..", "root"),
    ] as [(String, String?)])
    func relativePaths(path: String, problem: String?) {
        let found = PathSafety.relativePathProblem(path)
        if let problem { #expect(found?.contains(problem) == true, "\(path)") } else { #expect(found == nil, "\(path)") }
    }

    @Test func moduleNames() {
        #expect(PathSafety.moduleNameProblem("AccuAuth") == nil)
        #expect(PathSafety.moduleNameProblem("") != nil)
        #expect(PathSafety.moduleNameProblem("class") != nil)
        #expect(PathSafety.moduleNameProblem("a-b") != nil)
        #expect(PathSafety.moduleNameProblem("../x") != nil)
    }
}
