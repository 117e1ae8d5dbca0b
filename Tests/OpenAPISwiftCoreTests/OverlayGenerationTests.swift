import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import Testing
import TestSupport

/// Overlays through the configuration and `Generator.generate`.
@Suite struct OverlayGenerationTests {
    private func parse(_ yaml: String) -> (Configuration?, [Diagnostic]) {
        ConfigurationParser.parse(Data(yaml.utf8), path: "openapi-swift.yaml")
    }

    @Test func configurationListsOverlaysInOrder() throws {
        let (config, diagnostics) = parse("""
            clients:
              - spec: Specs/a.yaml
                output: Generated/A
                module: A
                overlays: [Specs/overlays/one.yaml, Specs/overlays/two.yaml]
              - spec: Specs/b.yaml
                output: Generated/B
                module: B
                overlays: Specs/overlays/only.yaml
              - spec: Specs/c.yaml
                output: Generated/C
                module: C
            """)
        #expect(diagnostics.isEmpty)
        let clients = try #require(config).clients
        #expect(clients.map(\.overlays) == [["Specs/overlays/one.yaml", "Specs/overlays/two.yaml"],
                                            ["Specs/overlays/only.yaml"], []])
    }

    @Test func badOverlayEntriesAreErrorsWithLocations() {
        let (config, diagnostics) = parse("""
            clients:
              - spec: a.yaml
                output: A
                module: A
                overlays:
                  - fix.yaml
                  - {path: x.yaml}
                  - ""
              - spec: b.yaml
                output: B
                module: B
                overlays: {path: y.yaml}
            """)
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "openapi-swift.yaml:7:9: error: each `overlays:` entry must be a file path",
            "openapi-swift.yaml:8:9: error: each `overlays:` entry must be a file path",
            "openapi-swift.yaml:12:15: error: `overlays:` must be a list of overlay file paths",
        ])
    }

    /// The shipped overlay reaches the model: API Sathi's 429 declares Retry-After, and the request body's
    /// `aadhaar` and `otp` are sensitive because the overlay says so (not only because of their names).
    @Test func apiSathiOverlayReachesTheModel() throws {
        let client = try #require(try loadConfiguration().clients.first { $0.module == "APISathi" })
        #expect(client.overlays == ["Specs/overlays/apisathi.overlay.yaml"])
        let spec = try Data(contentsOf: Repository.root.appendingPathComponent(client.spec))
        let overlay = try Data(contentsOf: Repository.root.appendingPathComponent(client.overlays[0]))
        let parsed = DocumentParser.parse(SpecInput(path: client.spec, data: spec),
                                      overlays: [SpecInput(path: client.overlays[0], data: overlay)],
                                      loader: InMemorySpecLoader())
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let document = try #require(parsed.document)
        let api = ModelBuilder.build(document, options: ModelOptions(moduleName: "APISathi", accessLevel: .public),
                                     specPath: client.spec)
        let operation = try #require(api.operations.first)
        let tooMany = try #require(operation.responses.first { $0.status == .code(429) })
        #expect(tooMany.headers.map(\.identifier.wireName) == ["Retry-After"])
        let body = try #require(document.paths.first?.operations.first?.requestBody?.content.first?.schema)
        let marked = body.properties.filter { $0.schema.extensions["x-sensitive"]?.boolValue == true }.map(\.name)
        #expect(marked == ["otp", "aadhaar"])
    }

    /// The vendor's file stays as the vendor ships it: the enrichment lives in the overlay.
    @Test func apiSathiSpecIsUntouched() throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("Specs/apisathi.json"),
                              encoding: .utf8)
        #expect(!text.contains("Retry-After\":"))
        #expect(!text.contains("x-sensitive"))
    }

    @Test func generatorReportsOverlayDiagnosticsUnderTheOverlayPath() {
        let spec = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n"
        let overlay = "overlay: 1.0.0\ninfo: {title: T, version: '1'}\nactions:\n"
            + "  - target: $.nothing\n    update: {x: 1}\n"
        let result = Generator.generate(
            GenerationJob(spec: SpecInput(path: "spec.yaml", data: Data(spec.utf8)),
                          options: ModelOptions(moduleName: "T", accessLevel: .public),
                          overlays: [SpecInput(path: "overlays/fix.yaml", data: Data(overlay.utf8))]),
            loader: InMemorySpecLoader())
        #expect(result.succeeded)
        let overlayDiagnostics = result.diagnostics.filter { $0.location?.file == "overlays/fix.yaml" }
        #expect(overlayDiagnostics.map(\.description) == [
            "overlays/fix.yaml:4:13: warning: overlay action 1 changes nothing: its target $.nothing selects no node; "
                + "check the path against the spec (names are case-sensitive; quote path keys: $.paths['/pets']) "
                + "[#/actions/0]",
        ])
    }
}
