import Foundation
import SpecParser
import Synchronization
import Testing

/// Counts how often each path is loaded, to prove files are loaded once.
final class CountingLoader: SpecLoader {
    let inner: InMemorySpecLoader
    let loads = Mutex<[String]>([])
    init(_ texts: [String: String]) { inner = InMemorySpecLoader(texts: texts) }
    func load(_ path: String) throws -> Data {
        loads.withLock { $0.append(path) }
        return try inner.load(path)
    }
}

struct RefResolutionTests {
    static let header = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"

    @Test func localComponentRefsStayReferences() throws {
        let result = parse(openAPI30(schemas: """
                Pet: {type: object, properties: {owner: {$ref: '#/components/schemas/Person'}}}
                Person: {type: object}
                Unused: {type: string}
            """))
        let document = try #require(result.document)
        let owner = try #require(document.components.schemas.first?.schema.properties.first?.schema)
        let reference = try #require(owner.ref)
        #expect(reference == SchemaReference(raw: "#/components/schemas/Person",
                                             key: "spec.yaml#/components/schemas/Person"))
        #expect(document.schema(for: reference)?.types == [.object])
        #expect(document.referencedSchemas.map(\.suggestedName) == ["Pet", "Person", "Unused"])
        #expect(document.referencedSchemas.allSatisfy { $0.isComponent })
        #expect(document.components.schemas.map(\.name) == ["Pet", "Person", "Unused"])
    }

    @Test func pointerIntoPathsWithEscapes() throws {
        let result = parse(Self.header + """
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {type: object, title: Listing}
              /copy:
                get:
                  responses:
                    '200':
                      content:
                        application/json:
                          schema:
                            $ref: '#/paths/~1pets/get/responses/200/content/application~1json/schema'
                    '201':
                      content:
                        application/json:
                          schema:
                            $ref: '#/paths/%7E1pets/get/responses/200/content/application~1json/schema'
            """)
        let document = try #require(result.document)
        let responses = document.paths[1].operations[0].responses
        let first = try #require(responses[0].content.first?.schema?.ref)
        let second = try #require(responses[1].content.first?.schema?.ref)
        #expect(first.key == second.key)
        #expect(first.key == "spec.yaml#/paths/~1pets/get/responses/200/content/application~1json/schema")
        #expect(document.schema(for: first)?.title == "Listing")
        #expect(document.referencedSchemas.first?.suggestedName == "schema")
        #expect(document.referencedSchemas.first?.isComponent == false)
    }

    @Test func crossFileRefsLoadEachFileOnce() throws {
        let loader = CountingLoader([
            "api/schemas/pet.yaml": "type: object\nproperties:\n  error: {$ref: '../../common/Error.yaml#/Error'}\n",
            "common/Error.yaml": "Error: {type: object, properties: {code: {type: integer}}}\n",
        ])
        let text = Self.header + """
            paths:
              /a:
                get:
                  responses:
                    '200': {content: {application/json: {schema: {$ref: './schemas/pet.yaml'}}}}
                    '201': {content: {application/json: {schema: {$ref: 'schemas/../schemas/pet.yaml'}}}}
                    default: {content: {application/json: {schema: {$ref: '../common/Error.yaml#/Error'}}}}
            """
        let result = DocumentParser.parse(SpecInput(path: "api/openapi.yaml", data: Data(text.utf8)), loader: loader)
        let document = try #require(result.document, "\(result.diagnostics)")
        #expect(loader.loads.withLock { $0 } == ["api/schemas/pet.yaml", "common/Error.yaml"])
        let responses = document.paths[0].operations[0].responses
        #expect(responses[0].content[0].schema?.ref?.key == "api/schemas/pet.yaml#")
        #expect(responses[1].content[0].schema?.ref?.key == "api/schemas/pet.yaml#")
        #expect(responses[2].content[0].schema?.ref?.key == "common/Error.yaml#/Error")
        #expect(document.referencedSchemas.map(\.suggestedName) == ["pet", "Error"])
        let pet = try #require(document.referencedSchemas.first?.schema)
        #expect(pet.origin.location == SourceLocation(file: "api/schemas/pet.yaml", line: 1, column: 1))
        #expect(pet.properties.first?.schema.ref?.key == "common/Error.yaml#/Error")
    }

    @Test func remoteRefsAreRefused() {
        let result = parse(openAPI30(schemas: "    A: {$ref: 'https://example.com/a.yaml#/A'}\n"))
        #expect(errorText(result) == "spec.yaml:6:15: error: remote refs are not supported: "
            + "'https://example.com/a.yaml#/A'; download the file and refer to it by a relative path "
            + "[#/components/schemas/A]")
    }

    @Test func recursiveSchemasAreFine() throws {
        let result = parse(openAPI30(schemas: """
                Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}
            """))
        #expect(result.document?.referencedSchemas.count == 1)
    }

    @Test func refsThatOnlyResolveToThemselves() {
        let selfRef = parse(openAPI30(schemas: "    A: {$ref: '#/components/schemas/A'}\n"))
        #expect(errorText(selfRef) == "spec.yaml:6:8: error: $ref '#/components/schemas/A' resolves only to "
            + "itself (A → A) [#/components/schemas/A]")
        let pair = parse(openAPI30(schemas: """
                A: {$ref: '#/components/schemas/B'}
                B:
                  $ref: '#/components/schemas/A'
            """))
        #expect(errorText(pair) == "spec.yaml:6:8: error: $ref '#/components/schemas/B' resolves only to "
            + "itself (A → B → A) [#/components/schemas/A]")
    }

    @Test func danglingRefs() {
        let missingPointer = parse(openAPI30(schemas: "    A: {$ref: '#/components/schemas/Nope'}\n"))
        #expect(errorText(missingPointer) == "spec.yaml:6:15: error: unresolved $ref '#/components/schemas/Nope': "
            + "'#/components/schemas/Nope' does not exist [#/components/schemas/A]")
        let missingFile = parse(openAPI30(schemas: "    A: {$ref: 'nope.yaml'}\n"))
        #expect(errorText(missingFile) == "spec.yaml:6:15: error: unresolved $ref 'nope.yaml': cannot load "
            + "'nope.yaml': no such file 'nope.yaml' [#/components/schemas/A]")
    }

    @Test func nonSchemaRefsAreInlined() throws {
        let result = parse(Self.header + """
            paths:
              /a:
                parameters: [{$ref: '#/components/parameters/Limit'}]
                post:
                  requestBody: {$ref: '#/components/requestBodies/Body'}
                  responses:
                    '200': {$ref: '#/components/responses/Ok'}
                    '404': {$ref: '#/components/responses/Ok'}
            components:
              parameters:
                Limit: {name: limit, in: query, schema: {type: integer}}
              requestBodies:
                Body: {required: true, content: {text/plain: {schema: {type: string}}}}
              responses:
                Ok:
                  description: fine
                  headers: {X-Rate: {$ref: '#/components/headers/Rate'}}
              headers:
                Rate: {schema: {type: integer}}
            """)
        let operation = try #require(result.document?.paths.first?.operations.first)
        #expect(operation.parameters.first?.name == "limit")
        #expect(operation.parameters.first?.origin.pointer.description == "#/components/parameters/Limit")
        #expect(operation.requestBody?.required == true)
        #expect(operation.responses.map(\.status) == [.code(200), .code(404)])
        #expect(operation.responses[1].headers.first?.schema?.types == [.integer])
    }

    @Test func nonSchemaRefCycle() {
        let result = parse(Self.header + """
            paths:
              /a:
                get:
                  parameters: [{$ref: '#/components/parameters/A'}]
            components:
              parameters:
                A: {$ref: '#/components/parameters/B'}
                B: {$ref: '#/components/parameters/A'}
            """)
        #expect(errorText(result) == "spec.yaml:10:15: error: $ref cycle: '#/components/parameters/A' leads back to "
            + "itself without reaching a parameter [#/components/parameters/B]")
    }

    @Test func refSiblingsIgnoredIn30KeptIn31() throws {
        let schemas = """
                A: {type: object}
                B: {$ref: '#/components/schemas/A', description: hi}
            """
        let old = try #require(parse(openAPI30(schemas: schemas)).componentSchema("B"))
        #expect(old.ref != nil && old.description == nil)
        let new = try #require(parse(openAPI30(schemas: schemas, version: "3.1.0")).componentSchema("B"))
        #expect(new.ref != nil && new.description == "hi")
    }

    @Test func discriminatorMappingValues() throws {
        let result = parse(openAPI30(schemas: """
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Cat'}]
                  discriminator:
                    propertyName: kind
                    mapping: {dog: Dog, cat: '#/components/schemas/Cat'}
                Dog: {type: object}
                Cat: {type: object}
            """))
        let discriminator = try #require(result.componentSchema("Pet")?.discriminator)
        #expect(discriminator.propertyName == "kind")
        #expect(discriminator.mapping.map(\.value) == ["dog", "cat"])
        #expect(discriminator.mapping.map(\.reference.key)
            == ["spec.yaml#/components/schemas/Dog", "spec.yaml#/components/schemas/Cat"])
    }

    @Test func selfBaseURI32() throws {
        let text = """
            openapi: 3.2.0
            $self: https://example.com/api/openapi.yaml
            info: {title: T, version: '1'}
            components:
              schemas:
                A: {$ref: 'https://example.com/api/common.yaml#/B'}
                C: {$ref: 'https://example.com/api/openapi.yaml#/components/schemas/A'}
            """
        let result = parse(text, path: "specs/openapi.yaml", files: ["specs/common.yaml": "B: {type: string}\n"])
        let document = try #require(result.document, "\(result.diagnostics)")
        #expect(document.components.schemas[0].schema.ref?.key == "specs/common.yaml#/B")
        #expect(document.components.schemas[1].schema.ref?.key == "specs/openapi.yaml#/components/schemas/A")
    }
}
