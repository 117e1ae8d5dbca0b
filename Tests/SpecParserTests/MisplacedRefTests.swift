import Foundation
import SpecParser
import Testing

/// `$ref`s where OpenAPI does not allow one are followed with a warning, or warned about and left out; text fields
/// never stop generation; JSON pointers are followed through `$ref`s; YAML's null in a type list is the null type.
struct MisplacedRefTests {
    static let header = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"

    /// `file:line:column: severity: message` of every diagnostic, without hints and pointers.
    static func printed(_ result: ParseResult) -> [String] {
        result.diagnostics.map { "\($0.location?.description ?? "-"): \($0.severity): \($0.message)" }
    }

    // MARK: - Objects

    @Test func anOperationThatIsARefToAFileIsReadInFull() throws {
        let result = parse(Self.header + """
            paths:
              /items:
                get: {$ref: 'ops/list.yaml'}
            """, files: [
                "ops/list.yaml": """
                    operationId: listItems
                    parameters: [{$ref: '../common.yaml#/limit'}]
                    responses:
                      '200': {description: OK, content: {application/json: {schema: {$ref: 'item.yaml'}}}}
                    """,
                "common.yaml": "limit: {name: limit, in: query, schema: {type: integer}}\n",
                "ops/item.yaml": "type: object\n",
            ])
        let operation = try #require(result.document?.paths.first?.operations.first)
        #expect(operation.operationID == "listItems")
        #expect(operation.parameters.map(\.name) == ["limit"])
        #expect(operation.responses.first?.content.first?.schema?.ref?.key == "ops/item.yaml#")
        #expect(Self.printed(result) == [
            "spec.yaml:5:17: warning: 'get' is a $ref ('ops/list.yaml'), which OpenAPI does not allow here; it is "
                + "followed, as bundlers do",
        ])
    }

    @Test func anObjectRefThatDoesNotResolveIsLeftOutWithAWarning() throws {
        let result = parse(Self.header + """
            paths:
              /items:
                get: {$ref: 'ops/missing.yaml', summary: S}
                post: {responses: {'204': {description: Done}}}
            """)
        let operations = try #require(result.document?.paths.first?.operations)
        #expect(operations.map(\.method) == ["post"])
        #expect(Self.printed(result) == [
            "spec.yaml:5:17: warning: unresolved $ref 'ops/missing.yaml': cannot load 'ops/missing.yaml': no such file "
                + "'ops/missing.yaml'; 'get' is left out",
        ])
    }

    @Test func listsMapsAndComponentsMayBeRefsToo() throws {
        let result = parse(Self.header + """
            paths:
              /items:
                parameters: {$ref: 'parts.yaml#/parameters'}
                get:
                  responses: {$ref: 'parts.yaml#/responses'}
            components: {$ref: 'components.yaml', x-note: n}
            """, files: [
                "parts.yaml": """
                    parameters: [{name: q, in: query, schema: {$ref: '#/components/schemas/Query'}}]
                    responses: {'200': {description: OK}}
                    components: {schemas: {Query: {type: string}}}
                    """,
                "components.yaml": "schemas: {Item: {type: object}}\n",
            ])
        let document = try #require(result.document)
        #expect(document.paths.first?.parameters.map(\.name) == ["q"])
        #expect(document.paths.first?.operations.first?.responses.map(\.status.description) == ["200"])
        #expect(document.components.schemas.map(\.name) == ["Item"])
        // The parameter's schema ref resolved in parts.yaml, the file it is written in.
        #expect(document.paths.first?.parameters.first?.schema?.ref?.key == "parts.yaml#/components/schemas/Query")
        // `components` is read first (its schemas are registered before anything else), and reported once.
        #expect(Self.printed(result) == [
            "spec.yaml:8:20: warning: 'components' is a $ref ('components.yaml'), which OpenAPI does not allow here; "
                + "it is followed, as bundlers do; its other keys (x-note) are ignored",
            "spec.yaml:5:24: warning: 'parameters' is a $ref ('parts.yaml#/parameters'), which OpenAPI does not allow "
                + "here; it is followed, as bundlers do",
            "spec.yaml:7:25: warning: 'responses' is a $ref ('parts.yaml#/responses'), which OpenAPI does not allow "
                + "here; it is followed, as bundlers do",
        ])
    }

    // MARK: - Text

    @Test func aDescriptionRefGivesItsText() throws {
        let result = parse(Self.header + """
            tags:
              - {name: a, description: {$ref: 'texts.yml#/introduction'}}
              - {name: b, description: {$ref: 'docs/b.md'}}
              - {name: c, description: {$ref: 'texts.yml#/missing'}}
              - {name: d, description: {text: not a string}}
              - {name: e, description: [1]}
            paths: {}
            """, files: ["texts.yml": "introduction: |\n  Hello.\n", "docs/b.md": "# B\n\nMarkdown: *yes*\n"])
        let document = try #require(result.document)
        #expect(document.tags.map(\.description) == ["Hello.\n", "# B\n\nMarkdown: *yes*\n", nil, nil, nil])
        #expect(Self.printed(result) == [
            "spec.yaml:4:35: warning: 'description' is a $ref ('texts.yml#/introduction'), which OpenAPI does not "
                + "allow here; it is followed, as bundlers do",
            "spec.yaml:5:35: warning: 'description' is a $ref ('docs/b.md'), which OpenAPI does not allow here; it is "
                + "followed, as bundlers do",
            "spec.yaml:6:35: warning: unresolved $ref 'texts.yml#/missing': '#/missing' does not exist in "
                + "'texts.yml'; 'description' is left out",
            "spec.yaml:7:28: warning: expected a string for 'description', found a mapping; it is left out",
            "spec.yaml:8:28: warning: expected a string for 'description', found a sequence; it is left out",
        ])
    }

    @Test func aTextFileThatDoesNotLoadIsAWarning() throws {
        let result = parse("""
            openapi: 3.1.0
            info: {title: T, version: '1', description: {$ref: 'gone.md'}}
            paths: {}
            """)
        #expect(result.document != nil)
        #expect(Self.printed(result) == [
            "spec.yaml:2:52: warning: unresolved $ref 'gone.md': cannot load 'gone.md': no such file 'gone.md'; "
                + "'description' is left out",
        ])
    }

    // MARK: - Pointers through `$ref`s

    @Test func aPointerIsFollowedThroughARef() throws {
        let result = parse(Self.header + """
            paths: {}
            components:
              schemas:
                Holder: {allOf: [{$ref: 'base.yaml#/Base'}]}
                A: {$ref: '#/components/schemas/Holder/allOf/0/properties/kind'}
                B: {$ref: '#/components/schemas/Holder/allOf/0/properties/kind'}
                C: {$ref: '#/components/schemas/Holder/allOf/0/properties/size'}
            """, files: ["base.yaml": "Base: {properties: {kind: {type: string}, size: {type: integer}}}\n"])
        let document = try #require(result.document)
        let refs = document.components.schemas.filter { $0.name.count == 1 }.compactMap(\.schema.ref?.key)
        #expect(refs == ["base.yaml#/Base/properties/kind", "base.yaml#/Base/properties/kind",
                         "base.yaml#/Base/properties/size"])
        // One warning for the node passed through, at the first ref that passes through it.
        #expect(Self.printed(result) == [
            "spec.yaml:7:15: warning: $ref '#/components/schemas/Holder/allOf/0/properties/kind' passes through "
                + "'#/components/schemas/Holder/allOf/0', which is itself a $ref ('base.yaml#/Base'); it is followed "
                + "to 'base.yaml#/Base/properties/kind'",
        ])
    }

    @Test func aPointerThroughRefsThatLoopIsACycle() {
        let result = parse(Self.header + """
            paths: {}
            components:
              schemas:
                Loop: {$ref: '#/components/schemas/Loop'}
                A: {$ref: '#/components/schemas/Loop/properties/x'}
            """)
        #expect(errorText(result).contains("$ref cycle: '#/components/schemas/Loop/properties/x' passes through $refs"))
    }

    @Test func aDiscriminatorMappingThatDoesNotResolveIsLeftOut() throws {
        let result = parse(Self.header + """
            paths: {}
            components:
              schemas:
                Cat: {type: object}
                Pet:
                  oneOf: [{$ref: '#/components/schemas/Cat'}]
                  discriminator:
                    propertyName: kind
                    mapping: {cat: Cat, dog: Dog, fish: '#/components/schemas/Pet/oneOf/7'}
            """)
        let pet = try #require(result.componentSchema("Pet"))
        #expect(pet.discriminator?.mapping.map(\.value) == ["cat"])
        #expect(Self.printed(result) == [
            "spec.yaml:11:34: warning: unresolved $ref '#/components/schemas/Dog': '#/components/schemas/Dog' does not "
                + "exist; the discriminator mapping 'dog' is left out",
            "spec.yaml:11:45: warning: unresolved $ref '#/components/schemas/Pet/oneOf/7': "
                + "'#/components/schemas/Pet/oneOf/7' does not exist; the discriminator mapping 'fish' is left out",
        ])
    }

    // MARK: - Type lists

    @Test func yamlNullInATypeListIsTheNullType() throws {
        let result = parse(Self.header + """
            paths: {}
            components:
              schemas:
                A: {type: [string, null]}
                B: {type: [integer, ~, 'null']}
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.componentSchema("A")?.types == [.string, .null])
        #expect(result.componentSchema("B")?.types == [.integer, .null])
        let nested = parse(openAPI30(schemas: "    C: {type: [string, [x]]}"))
        #expect(errorText(nested) == "spec.yaml:6:24: error: expected a string for 'type[1]', found a sequence "
                    + "[#/components/schemas/C/type/1]")
    }
}
