import Foundation
import SpecParser
import Testing

/// `$id` / `$anchor` / `$dynamicRef` (JSON Schema 2020-12, OpenAPI 3.1+): refs reach schemas by identifier, and stay
/// `SchemaReference`s keyed canonically by `<file>#<pointer>`.
struct SchemaIDTests {
    static func spec(_ schemas: String) -> String {
        openAPI30(schemas: schemas, version: "3.1.0")
    }

    @Test func anchorRefsReachTheAnchoredSchema() throws {
        let result = parse(Self.spec("""
                Pet: {$anchor: pet, type: object, properties: {name: {type: string}}}
                Owner: {type: object, properties: {pet: {$ref: '#pet'}, other: {$ref: 'spec.yaml#pet'}}}
            """))
        let document = try #require(result.document, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty)
        let owner = try #require(result.componentSchema("Owner"))
        #expect(owner.properties.map { $0.schema.ref?.key } == [
            "spec.yaml#/components/schemas/Pet", "spec.yaml#/components/schemas/Pet",
        ])
        #expect(document.referencedSchemas.filter { $0.suggestedName == "Pet" }.count == 1)
    }

    @Test func anchorInAnotherFile() throws {
        let result = parse(Self.spec("    Owner: {type: object, properties: {pet: {$ref: 'common.yaml#pet'}}}\n"),
                           files: ["common.yaml": "Pet: {$anchor: pet, type: object}\n"])
        let owner = try #require(result.componentSchema("Owner"), "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty)
        #expect(owner.properties.first?.schema.ref?.key == "common.yaml#/Pet")
    }

    @Test func absoluteIDsAndPointersUnderThem() throws {
        let result = parse(Self.spec("""
                Pet:
                  $id: https://example.com/schemas/pet
                  type: object
                  properties: {name: {type: string}}
                Owner:
                  type: object
                  properties:
                    pet: {$ref: 'https://example.com/schemas/pet'}
                    name: {$ref: 'https://example.com/schemas/pet#/properties/name'}
            """))
        let owner = try #require(result.componentSchema("Owner"), "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty)
        #expect(owner.properties.map { $0.schema.ref?.key } == [
            "spec.yaml#/components/schemas/Pet", "spec.yaml#/components/schemas/Pet/properties/name",
        ])
        let name = try #require(owner.properties.last?.schema.ref)
        #expect(result.document?.schema(for: name)?.types == [.string])
    }

    @Test func relativeIDsResolveAgainstTheEnclosingBase() throws {
        let result = parse(Self.spec("""
                Bundle:
                  $id: https://example.com/schemas/bundle
                  $defs:
                    pet: {$id: pet, type: object, properties: {tag: {$anchor: tag, type: string}}}
                    owner:
                      $id: owner
                      type: object
                      properties:
                        pet: {$ref: pet}
                        tag: {$ref: 'pet#tag'}
                        again: {$ref: '/schemas/pet'}
                Use: {$ref: 'https://example.com/schemas/owner'}
            """))
        let use = try #require(result.componentSchema("Use"), "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let ownerRef = try #require(use.ref)
        #expect(ownerRef.key == "spec.yaml#/components/schemas/Bundle/$defs/owner")
        let owner = try #require(result.document?.schema(for: ownerRef))
        #expect(owner.properties.map { $0.schema.ref?.key } == [
            "spec.yaml#/components/schemas/Bundle/$defs/pet",
            "spec.yaml#/components/schemas/Bundle/$defs/pet/properties/tag",
            "spec.yaml#/components/schemas/Bundle/$defs/pet",
        ])
    }

    @Test func unknownAnchorIsAnErrorNamingIt() {
        let result = parse(Self.spec("    A: {type: object, properties: {b: {$ref: '#missing'}}}\n"))
        #expect(errorText(result).contains("unresolved $ref '#missing': anchor 'missing' is not defined"))
    }

    @Test func dynamicRefIsResolvedLikeARefWithAWarning() throws {
        let result = parse(Self.spec("""
                Node: {$dynamicAnchor: node, type: object, properties: {next: {$dynamicRef: '#node'}}}
            """))
        let node = try #require(result.componentSchema("Node"), "\(result.diagnostics)")
        #expect(node.properties.first?.schema.ref?.key == "spec.yaml#/components/schemas/Node")
        #expect(result.diagnostics.map(\.message) == [
            "$dynamicRef '#node' is resolved like $ref to its anchor; dynamic scoping is not applied",
        ])
    }
}
