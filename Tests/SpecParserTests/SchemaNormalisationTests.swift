import Foundation
import SpecParser
import Testing

/// 3.0 and 3.1 schema forms read into the same normalised `Schema`.
struct SchemaNormalisationTests {
    @Test func nullable30BecomesNullType() throws {
        let result = parse(openAPI30(schemas: """
                Name: {type: string, nullable: true}
                Untyped: {nullable: true, description: anything}
            """))
        let name = try #require(result.componentSchema("Name"))
        #expect(name.types == [.string, .null])
        #expect(name.isNullable && name.nullable)
        let untyped = try #require(result.componentSchema("Untyped"))
        #expect(untyped.types == nil)
        #expect(untyped.nullable && untyped.isNullable)
    }

    @Test func typeArrays31() throws {
        let result = parse(openAPI30(schemas: "    Name: {type: [string, 'null']}\n", version: "3.1.0"))
        let schema = try #require(result.componentSchema("Name"))
        #expect(schema.types == [.string, .null])
        #expect(schema.nonNullTypes == [.string])
    }

    @Test func booleanExclusiveBounds() throws {
        let result = parse(openAPI30(schemas: """
                Old: {type: number, minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false}
                New: {type: number, exclusiveMinimum: 1, exclusiveMaximum: 9}
            """))
        let old = try #require(result.componentSchema("Old"))
        #expect(old.minimum == nil && old.exclusiveMinimum == 1 && old.maximum == 9 && old.exclusiveMaximum == nil)
        let new = try #require(result.componentSchema("New"))
        #expect(new.exclusiveMinimum == 1 && new.exclusiveMaximum == 9)
    }

    @Test func examplesCollected() throws {
        let result = parse(openAPI30(schemas: "    A: {type: string, examples: [b, c], example: a}\n"))
        #expect(result.componentSchema("A")?.examples == [.string("a"), .string("b"), .string("c")])
    }

    @Test func booleanSchemasAndAdditionalProperties() throws {
        let result = parse(openAPI30(schemas: """
                Anything: true
                Nothing: false
                Map: {type: object, additionalProperties: {type: integer}}
                Closed: {type: object, additionalProperties: false}
            """, version: "3.1.0"))
        #expect(result.componentSchema("Anything")?.booleanSchema == true)
        #expect(result.componentSchema("Nothing")?.booleanSchema == false)
        if case .schema(let value)? = result.componentSchema("Map")?.additionalProperties {
            #expect(value.types == [.integer])
        } else {
            Issue.record("expected a schema")
        }
        if case .bool(false)? = result.componentSchema("Closed")?.additionalProperties {} else {
            Issue.record("expected false")
        }
    }

    @Test func propertiesRequiredAndComposition() throws {
        let result = parse(openAPI30(schemas: """
                Pet:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, minLength: 1, maxLength: 99999999999999999999}
                    tags: {type: array, items: {type: string}, uniqueItems: true}
                  allOf: [{type: object}]
                  oneOf: [{type: object}, {type: string}]
                  x-kind: pet
            """))
        let pet = try #require(result.componentSchema("Pet"))
        #expect(pet.properties.map(\.name) == ["name", "tags"])
        #expect(pet.required == ["name"])
        #expect(pet.properties[0].schema.maxLength == Int.max)
        #expect(pet.properties[1].schema.items?.types == [.string])
        #expect(pet.allOf?.count == 1 && pet.oneOf?.count == 2)
        #expect(pet.extensions["x-kind"] == .string("pet"))
        #expect(pet.properties[1].schema.origin.pointer.description == "#/components/schemas/Pet/properties/tags")
    }

    @Test func requiredAsBooleanIsAWarning() {
        let result = parse(openAPI30(schemas: "    A: {type: object, properties: {a: {type: string, required: true}}}\n"))
        #expect(result.document != nil)
        #expect(result.diagnostics.warnings.first?.message.contains("'required' in a schema must be a list") == true)
    }
}
