import Testing
@testable import ClientModel

@Suite struct UnionTests {
    @Test func oneOfCasesAreNamedAfterTypesAndOrderedMostSpecificFirst() throws {
        let api = buildIR(schemasSpec("""
            Cat: {type: object, required: [name], properties: {name: {type: string}}}
            Dog: {type: object, required: [name, bark], properties: {name: {type: string}, bark: {type: boolean}}}
            Pet:
              oneOf:
                - $ref: "#/components/schemas/Cat"
                - $ref: "#/components/schemas/Dog"
                - {type: number}
                - {type: integer}
                - {type: object, properties: {x: {type: string}}}
                - {type: string}
        """))
        let pet = try #require(api.type("Pet"))
        let union = try #require(pet.unionDecl)
        #expect(union.kind == .oneOf)
        #expect(union.discriminator == nil)
        #expect(union.cases.map(\.name) == ["dog", "cat", "int", "double", "case5", "string"])
        #expect(union.cases.first?.hint == DecodeHint(kind: .object, requiredKeys: ["name", "bark"],
                                                      declaredKeys: ["name", "bark"]))
        #expect(union.hasUnknownCase)
        #expect(pet.nested.map(\.name.swift) == ["Pet.Case5"])
    }

    @Test func discriminatorHasExplicitThenImplicitMapping() throws {
        let api = buildIR(schemasSpec("""
            Cat: {type: object, properties: {kind: {type: string}}}
            Dog: {type: object, properties: {kind: {type: string}}}
            Pet:
              anyOf:
                - $ref: "#/components/schemas/Cat"
                - $ref: "#/components/schemas/Dog"
              discriminator:
                propertyName: kind
                mapping:
                  doggo: "#/components/schemas/Dog"
        """))
        let union = try #require(api.type("Pet")?.unionDecl)
        #expect(union.kind == .anyOf)
        let discriminator = try #require(union.discriminator)
        #expect(discriminator.propertyName == "kind")
        #expect(discriminator.mapping.map(\.value) == ["doggo", "Cat"])
        #expect(discriminator.mapping.map(\.caseName) == ["dog", "cat"])
        #expect(union.cases.map(\.name) == ["cat", "dog"])
    }

    @Test func nullAlternativeMakesTheOtherOptional() throws {
        let api = buildIR(schemasSpec("""
            Holder:
              type: object
              required: [a]
              properties:
                a:
                  oneOf: [{type: "null"}, {type: string}]
                b:
                  oneOf: []
        """))
        let holder = try #require(api.type("Holder"))
        #expect(holder.property("a")?.type.swift == "String?")
        #expect(holder.property("b")?.type.swift == "JSONValue?")
        #expect(api.warningMessages.contains("oneOf with 0 alternatives is generated as JSONValue"))
    }

    @Test func duplicateCaseNamesAreNumbered() throws {
        let api = buildIR(schemasSpec("""
            Either:
              oneOf: [{type: string}, {type: string, format: email}]
        """))
        #expect(api.type("Either")?.unionDecl?.cases.map(\.name) == ["string", "string2"])
    }
}

@Suite struct RecursionTests {
    @Test func directSelfReferenceNeedsIndirection() throws {
        let api = buildIR(schemasSpec("""
            Node:
              type: object
              properties:
                next: {$ref: "#/components/schemas/Node"}
                children: {type: array, items: {$ref: "#/components/schemas/Node"}}
                byName: {type: object, additionalProperties: {$ref: "#/components/schemas/Node"}}
            A:
              type: object
              properties:
                b: {$ref: "#/components/schemas/B"}
            B:
              type: object
              properties:
                a: {$ref: "#/components/schemas/A"}
                leaf: {$ref: "#/components/schemas/Leaf"}
            Leaf: {type: object, properties: {x: {type: string}}}
            Tree:
              oneOf:
                - $ref: "#/components/schemas/Leaf"
                - type: array
                  items: {$ref: "#/components/schemas/Tree"}
                - $ref: "#/components/schemas/Wrapper"
            Wrapper:
              type: object
              required: [tree]
              properties:
                tree: {$ref: "#/components/schemas/Tree"}
        """))
        let node = try #require(api.type("Node"))
        #expect(node.property("next")?.needsIndirection == true)
        #expect(node.property("next")?.type.swift == "Node?")
        #expect(node.property("children")?.needsIndirection == false)
        #expect(node.property("byName")?.needsIndirection == false)
        #expect(api.type("A")?.property("b")?.needsIndirection == true)
        #expect(api.type("B")?.property("a")?.needsIndirection == true)
        #expect(api.type("B")?.property("leaf")?.needsIndirection == false)
        let tree = try #require(api.type("Tree")?.unionDecl)
        #expect(tree.cases.filter(\.needsIndirection).map(\.name) == ["wrapper"])
        #expect(api.type("Wrapper")?.property("tree")?.needsIndirection == true)
    }
}
