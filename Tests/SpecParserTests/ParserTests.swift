import Foundation
import SpecParser
import Testing

/// Basic reading: versions, locations, node types, scalars, operations, responses, security.
struct ParserTests {
    @Test func locationsAreOneBased() throws {
        let result = parse("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /pets:
                get:
                  responses:
                    '200': {description: ok}
            """)
        let document = try #require(result.document)
        #expect(document.origin.location == SourceLocation(file: "spec.yaml", line: 1, column: 1))
        let operation = try #require(document.paths.first?.operations.first)
        #expect(operation.origin.location == SourceLocation(file: "spec.yaml", line: 6, column: 7))
        #expect(operation.origin.pointer.description == "#/paths/~1pets/get")
        #expect(operation.responses.first?.origin.location.line == 7)
    }

    @Test(arguments: [
        ("3.0.3", SpecVersion.openAPI30("3.0.3")), ("3.1.0", .openAPI31("3.1.0")), ("3.2.0", .openAPI32("3.2.0")),
    ])
    func openAPIVersions(text: String, expected: SpecVersion) {
        let result = parse("openapi: \(text)\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect(result.document?.version == expected)
    }

    @Test func swagger2Version() {
        let result = parse("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect(result.document?.version == .swagger2)
    }

    @Test func unsupportedVersions() {
        #expect(errorText(parse("openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n"))
            == "spec.yaml:1:10: error: unsupported OpenAPI version '4.0.0'; supported versions are OpenAPI 3.0.x, "
            + "3.1.x, 3.2.x and Swagger 2.0 [#/openapi]")
        #expect(errorText(parse("info: {title: T, version: '1'}\npaths: {}\n")).contains("missing 'openapi' version"))
    }

    @Test func missingInfoAndPaths() {
        let result = parse("openapi: 3.0.0\n")
        #expect(errorText(result).contains("spec.yaml:1:1: error: missing required field 'info'"))
        #expect(errorText(result).contains("missing required field 'paths'"))
        // 3.1: paths may be absent when components exist.
        #expect(parse("openapi: 3.1.0\ninfo: {title: T, version: '1'}\ncomponents: {}\n").document != nil)
        #expect(parse("openapi: 3.1.0\ninfo: {title: T, version: '1'}\n").document == nil)
    }

    @Test func wrongNodeTypes() {
        #expect(errorText(parse("openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths:\n  - /a\n"))
            == "spec.yaml:4:3: error: expected a mapping for 'paths', found a sequence [#/paths]")
        let properties = parse(openAPI30(schemas: "    Pet:\n      properties: a string\n"))
        #expect(errorText(properties)
            == "spec.yaml:7:19: error: expected a mapping for 'properties', found a string "
            + "[#/components/schemas/Pet/properties]")
        #expect(errorText(parse("- a\n- b\n")).contains("spec.yaml:1:1: error: expected the document to be a mapping"))
    }

    @Test func unknownFieldsIgnoredAndExtensionsKeptInOrder() throws {
        let result = parse("""
            openapi: 3.0.0
            info: {title: T, version: '1'}
            x-zeta: 1
            whatever: [1, 2]
            x-alpha: {b: true, a: null}
            paths: {}
            """)
        let document = try #require(result.document)
        #expect(document.extensions.map(\.key) == ["x-zeta", "x-alpha"])
        #expect(document.extensions["x-alpha"] == .object([
            JSONMember(key: "b", value: .bool(true)), JSONMember(key: "a", value: .null),
        ]))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func scalarTypesFollowTheCoreSchema() throws {
        let result = parse(openAPI30(schemas: """
                Flags:
                  enum: [yes, no, on, "true", true, 1, 1.5, ~, 0x1F, 123456789012345678901234567890]
            """))
        let values = try #require(result.componentSchema("Flags")?.enumValues)
        #expect(values == [
            .string("yes"), .string("no"), .string("on"), .string("true"), .bool(true), .integer(1),
            .number(1.5, text: "1.5"), .null, .integer(31),
            .number(1.2345678901234568e29, text: "123456789012345678901234567890"),
        ])
    }

    @Test func infoVersionAsNumberIsText() throws {
        let document = try #require(parse("openapi: 3.0.0\ninfo: {title: T, version: 1.10}\npaths: {}\n").document)
        #expect(document.info.version == "1.10")
    }

    @Test func responsesStatusKeys() throws {
        let result = parse("""
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    200: {description: int key}
                    '201': {description: string key}
                    4XX: {description: range}
                    5xx: {description: lower range}
                    default: {description: fallback}
                    abc: {description: bad}
            """)
        let operation = try #require(result.document?.paths.first?.operations.first)
        #expect(operation.responses.map(\.status) == [.code(200), .code(201), .range(4), .range(5), .default])
        #expect(result.diagnostics.map(\.description) == [
            "spec.yaml:12:9: warning: 'abc' is not a response status (expected a code like 200, a range like 4XX, "
                + "or default); skipped [#/paths/~1a/get/responses/abc]",
        ])
    }

    @Test func operationsInDocumentOrderWithMergedParameters() throws {
        let result = parse("""
            openapi: 3.2.0
            info: {title: T, version: '1'}
            paths:
              /items/{id}:
                parameters:
                  - {name: id, in: path, schema: {type: string}}
                  - {name: verbose, in: query, schema: {type: boolean}}
                post: {responses: {'200': {description: ok}}}
                get:
                  parameters:
                    - {name: verbose, in: query, required: true, schema: {type: integer}}
                  callbacks: {onEvent: {}}
                  responses: {'200': {description: ok}}
                query: {responses: {'200': {description: ok}}}
                additionalOperations:
                  LINK: {responses: {'200': {description: ok}}}
            """)
        let item = try #require(result.document?.paths.first)
        #expect(item.operations.map(\.method) == ["post", "get", "query", "LINK"])
        let get = item.operations[1]
        #expect(get.parameters.map(\.name) == ["id", "verbose"])
        #expect(get.parameters[1].required && get.parameters[1].schema?.types == [.integer])
        #expect(get.callbacks == ["onEvent"])
        #expect(item.operations[0].parameters.map(\.name) == ["id", "verbose"])
        #expect(item.operations[3].origin.pointer.description == "#/paths/~1items~1{id}/additionalOperations/LINK")
    }

    @Test func securityAbsentVersusEmpty() throws {
        let result = parse("""
            openapi: 3.0.0
            info: {title: T, version: '1'}
            security: [{oauth: [read, write], key: []}, {}]
            paths:
              /a:
                get: {security: [], responses: {'200': {description: ok}}}
                put: {responses: {'200': {description: ok}}}
            components:
              securitySchemes:
                key: {type: apiKey, name: X-Key, in: header}
                oauth:
                  type: oauth2
                  flows: {clientCredentials: {tokenUrl: /token, scopes: {read: r, write: w}}}
            """)
        let document = try #require(result.document)
        #expect(document.security?.count == 2)
        #expect(document.security?[0].schemes.map(\.key) == ["oauth", "key"])
        #expect(document.security?[0].schemes[0].scopes == ["read", "write"])
        #expect(document.security?[1].schemes.isEmpty == true)
        #expect(document.paths[0].operations[0].security?.isEmpty == true)
        #expect(document.paths[0].operations[1].security == nil)
        #expect(document.components.securitySchemes.map(\.key) == ["key", "oauth"])
        #expect(document.components.securitySchemes[1].flows?.clientCredentials?.tokenURL == "/token")
    }

    @Test func webhooks() throws {
        let result = parse("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            webhooks:
              newPet:
                post: {requestBody: {content: {application/json: {schema: {type: object}}}}}
            """)
        let document = try #require(result.document)
        #expect(document.webhooks.map(\.path) == ["newPet"])
        #expect(document.webhooks[0].operations[0].requestBody?.content.first?.mediaType == "application/json")
    }

    @Test func parsingIsDeterministic() {
        let text = openAPI30(schemas: """
                A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}, c: {type: string}}}
                B: {type: array, items: {$ref: '#/components/schemas/A'}}
            """)
        func summary() -> [String] {
            let result = parse(text)
            return (result.document?.referencedSchemas ?? []).map {
                "\($0.key) \($0.suggestedName) \($0.schema.properties.map(\.name)) \($0.schema.origin.location)"
            } + result.diagnostics.map(\.description)
        }
        #expect(summary() == summary())
        #expect(!summary().isEmpty)
    }
}
