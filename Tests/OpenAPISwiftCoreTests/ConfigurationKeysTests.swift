import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import Testing

/// Unknown keys in `openapi-swift.yaml` (a warning at the key, with a "did you mean") and the `filter:` mapping.
@Suite struct ConfigurationKeysTests {
    private func parse(_ yaml: String) -> (Configuration?, [Diagnostic]) {
        ConfigurationParser.parse(Data(yaml.utf8), path: "openapi-swift.yaml")
    }

    @Test func anUnknownKeyIsAWarningAtItsLocationWithTheClosestKey() throws {
        let (config, diagnostics) = parse("""
            clients:
              - spec: a.yaml
                output: A
                module: A
                overlay: a.overlay.yaml
                acess: internal
            """)
        #expect(diagnostics.map(\.description) == [
            "openapi-swift.yaml:5:5: warning: `overlay:` is not a key of a client; it is ignored; did you mean "
                + "`overlays:`?",
            "openapi-swift.yaml:6:5: warning: `acess:` is not a key of a client; it is ignored; did you mean "
                + "`access:`?",
        ])
        let client = try #require(config?.clients.first)
        #expect(client.overlays.isEmpty && client.access == .public)
    }

    @Test func anUnknownKeyFarFromEveryKnownOneListsThem() {
        let (config, diagnostics) = parse("""
            version: 2
            clients:
              - {spec: a.yaml, output: A, module: A}
            """)
        #expect(config != nil)
        #expect(diagnostics.map(\.description) == [
            "openapi-swift.yaml:1:1: warning: `version:` is not a key of the configuration; it is ignored; the keys of "
                + "the configuration are `runtime:`, `clients:`",
        ])
    }

    @Test func filterIsReadWithEveryEntryAndItsLocation() throws {
        let (config, diagnostics) = parse("""
            clients:
              - spec: a.yaml
                output: A
                module: A
                filter:
                  operations: [getPet, listPets]
                  tags: pets
                  paths: ["/pets/{id}"]
                  schemas: [Error]
                  exclude: {operations: [deletePet], tags: [admin], paths: [/admin]}
                  deprecated: skip
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let filter = try #require(config?.clients.first?.filter)
        #expect(filter.skipDeprecated)
        #expect(filter.entries.map { "\($0.exclude ? "-" : "+")\($0.kind.rawValue):\($0.value)" } == [
            "+operation:getPet", "+operation:listPets", "+tag:pets", "+path:/pets/{id}", "+schema:Error",
            "-operation:deletePet", "-tag:admin", "-path:/admin",
        ])
        #expect(filter.entries.map(\.label) == ["filter.operations", "filter.operations", "filter.tags", "filter.paths",
                                                "filter.schemas", "filter.exclude.operations", "filter.exclude.tags",
                                                "filter.exclude.paths"])
        #expect(filter.entries.first?.location == SourceLocation(file: "openapi-swift.yaml", line: 6, column: 20))
        #expect(filter.entries.last?.location == SourceLocation(file: "openapi-swift.yaml", line: 10, column: 65))
    }

    @Test func noFilterKeepsEverything() throws {
        let (config, _) = parse("clients: [{spec: a.yaml, output: A, module: A}]")
        #expect(try #require(config?.clients.first).filter.isEmpty)
    }

    @Test func badFilterValuesAreErrorsAndUnknownFilterKeysWarnings() {
        let (config, diagnostics) = parse("""
            clients:
              - spec: a.yaml
                output: A
                module: A
                filter:
                  operation: [getPet]
                  tags: [{name: pets}]
                  deprecated: maybe
                  exclude: {schemas: [Error]}
              - {spec: b.yaml, output: B, module: B, filter: [getPet]}
            """)
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "openapi-swift.yaml:6:7: warning: `operation:` is not a key of `filter:`; it is ignored; did you mean "
                + "`operations:`?",
            "openapi-swift.yaml:7:14: error: each `filter.tags` entry must be a non-empty string",
            "openapi-swift.yaml:9:17: warning: `schemas:` is not a key of `filter: exclude:`; it is ignored; the keys "
                + "of `filter: exclude:` are `operations:`, `tags:`, `paths:`",
            "openapi-swift.yaml:8:19: error: `deprecated:` must be keep or skip",
            "openapi-swift.yaml:10:50: error: `filter:` must be a mapping of operations, tags, paths, schemas, exclude "
                + "and deprecated",
        ])
    }
}
