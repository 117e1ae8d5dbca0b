import Foundation
import SpecParser
import Testing
import TestSupport

/// Each file under `Tests/Fixtures/negative/<category>/` fails with exactly the expected first error.
struct NegativeFixtureTests {
    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/negative")

    /// Fixture → the first error, printed as `file:line:column: error: message` (without the pointer).
    static let expectations: [String: String] = [
        // Binary garbage (a PNG header): refused at the first byte that is not UTF-8.
        "encoding/binary.yaml":
            "encoding/binary.yaml:1:1: error: the file is not valid UTF-8 (byte 0x89 at offset 0); specs must be UTF-8 text",
        "encoding/control-character.yaml":
            "encoding/control-character.yaml:2:17: error: malformed YAML: control characters are not allowed",
        "encoding/empty.yaml":
            "encoding/empty.yaml:1:1: error: the file is empty",
        "encoding/latin1.yaml":
            "encoding/latin1.yaml:2:19: error: the file is not valid UTF-8 (byte 0xE9 at offset 33); specs must be UTF-8 text",
        "limits/billion-laughs.yaml":
            "limits/billion-laughs.yaml:4:10: error: the document expands to more than 5000000 nodes (YAML aliases are expanded); an alias bomb, or a document too large to generate from",
        // 10 000 nested JSON objects: refused at the 513th, before any recursion (the reader keeps its own stack).
        "limits/deep-10000.json":
            "limits/deep-10000.json:1:3093: error: the document nests more than 512 levels deep",
        "limits/deep-flow.yaml":
            "limits/deep-flow.yaml:2:10: error: the document nests more than 1000 levels deep",
        "limits/deep-schema.json":
            "limits/deep-schema.json:2:3078: error: the document nests more than 512 levels deep",
        "malformed/bad-indentation.yaml":
            "malformed/bad-indentation.yaml:4:11: error: malformed YAML: mapping values are not allowed in this context",
        "malformed/duplicate-key.yaml":
            "malformed/duplicate-key.yaml:3:1: error: duplicate mapping key 'paths'",
        "malformed/unclosed-object.json":
            "malformed/unclosed-object.json:7:1: error: malformed JSON: expected ',' or '}', found the end of the file (the object started at line 4, column 12)",
        "refs/cycle.yaml":
            "refs/cycle.yaml:7:7: error: $ref '#/components/schemas/B' resolves only to itself (A → B → A)",
        "refs/dangling-pointer.yaml":
            "refs/dangling-pointer.yaml:10:17: error: unresolved $ref '#/components/schemas/Person': '#/components/schemas/Person' does not exist",
        "refs/missing-file.yaml":
            "refs/missing-file.yaml:7:13: error: unresolved $ref 'missing/pet.yaml': cannot load 'refs/missing/pet.yaml': no such file 'refs/missing/pet.yaml'",
        "refs/parameter-cycle.yaml":
            "refs/parameter-cycle.yaml:12:13: error: $ref cycle: '#/components/parameters/A' leads back to itself without reaching a parameter",
        "refs/remote.yaml":
            "refs/remote.yaml:7:13: error: remote refs are not supported: 'https://example.com/schemas/pet.yaml'; download the file and refer to it by a relative path",
        "refs/self.yaml":
            "refs/self.yaml:7:7: error: $ref '#/components/schemas/Node' resolves only to itself (Node → Node)",
        "structure/duplicate-operation-id.yaml":
            "structure/duplicate-operation-id.yaml:11:20: error: duplicate operationId 'listPets' (first at "
            + "structure/duplicate-operation-id.yaml:6:20); operationIds must be unique in the document; they name "
            + "the generated methods",
        "structure/missing-info.yaml":
            "structure/missing-info.yaml:1:1: error: missing required field 'info'",
        "structure/missing-paths.yaml":
            "structure/missing-paths.yaml:1:1: error: missing required field 'paths'",
        "structure/missing-paths-3.1.yaml":
            "structure/missing-paths-3.1.yaml:1:1: error: the document needs at least one of 'paths', 'webhooks' or "
            + "'components'",
        "version/missing.yaml":
            "version/missing.yaml:1:1: error: missing 'openapi' version field; supported versions are OpenAPI 3.0.x, 3.1.x, 3.2.x and Swagger 2.0",
        "version/openapi-4.yaml":
            "version/openapi-4.yaml:1:10: error: unsupported OpenAPI version '4.0.0'; supported versions are OpenAPI 3.0.x, 3.1.x, 3.2.x and Swagger 2.0",
        "version/swagger-1.2.yaml":
            "version/swagger-1.2.yaml:1:10: error: unsupported Swagger version '1.2'; supported versions are OpenAPI 3.0.x, 3.1.x, 3.2.x and Swagger 2.0",
        "wrong-type/paths-as-list.yaml":
            "wrong-type/paths-as-list.yaml:4:3: error: expected a mapping for 'paths', found a sequence",
        "wrong-type/properties-as-string.yaml":
            "wrong-type/properties-as-string.yaml:8:19: error: expected a mapping for 'properties', found a string",
        "wrong-type/required-as-string.yaml":
            "wrong-type/required-as-string.yaml:9:21: error: expected a boolean for 'required', found a string",
        "wrong-type/top-level-list.yaml":
            "wrong-type/top-level-list.yaml:1:1: error: expected the document to be a mapping (an OpenAPI object), found a sequence",
        // JSON is read strictly (RFC 8259).
        "malformed/json-comment.json":
            "malformed/json-comment.json:2:3: error: malformed JSON: comments are not allowed (the object started at line 1, column 1)",
        "malformed/json-control-character.json":
            "malformed/json-control-character.json:3:23: error: malformed JSON: a string cannot contain a tab (write \\t); control characters in JSON strings must be escaped",
        "malformed/json-duplicate-key.json":
            "malformed/json-duplicate-key.json:5:3: error: duplicate mapping key 'info' (first at line 3, column 3); a key may appear once in an object",
        "malformed/json-leading-zero.json":
            "malformed/json-leading-zero.json:5:14: error: malformed JSON: a number cannot start with a leading zero; write it without the zeros, or as a string if they matter",
        "malformed/json-trailing-comma.json":
            "malformed/json-trailing-comma.json:4:14: error: malformed JSON: a trailing comma is not allowed; remove the ',' before '}'",
    ]

    static var fixtures: [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        let files = (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
        return files.sorted()
    }

    @Test func everyFixtureHasAnExpectation() {
        #expect(Set(Self.fixtures) == Set(Self.expectations.keys))
    }

    @Test(arguments: fixtures)
    func fixtureFailsWithTheExpectedError(_ fixture: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(fixture))
        let result = DocumentParser.parse(SpecInput(path: fixture, data: data), loader: InMemorySpecLoader())
        #expect(result.document == nil)
        let first = try #require(result.diagnostics.errors.first)
        var printed = first
        printed.pointer = nil
        #expect(printed.description == Self.expectations[fixture], "\(fixture)")
    }
}
