import Testing
@testable import ClientModel

@Suite struct SchemaTranslationTests {
    @Test func objectsBecomeStructsWithOptionality() throws {
        let api = buildIR(schemasSpec("""
            Pet:
              type: object
              description: "A pet.\\nSecond line."
              required: [id, name]
              properties:
                id: {type: integer, format: int64}
                name: {type: string, minLength: 1, maxLength: 20, pattern: "^[a-z]+$"}
                tag: {type: string}
                born: {type: string, format: date}
                seen: {type: string, format: date-time}
                uuid: {type: string, format: uuid}
                photo: {type: string, format: byte}
                raw: {type: string, format: binary}
                home: {type: string, format: uri}
                score: {type: number, format: float}
                weight: {type: number}
                age: {type: integer, minimum: 0, exclusiveMaximum: 100}
                count: {type: integer, format: int32}
                password: {type: string, format: password}
                secret: {type: string, x-sensitive: true}
                tags: {type: array, items: {type: string}, minItems: 1}
                anything: {}
                free: {type: object}
                default: {type: string}
        """))
        let pet = try #require(api.type("Pet"))
        #expect(pet.doc == ["A pet.", "Second line."])
        #expect(pet.pointer == "#/components/schemas/Pet")
        let properties = pet.structDecl?.properties ?? []
        let types = Dictionary(uniqueKeysWithValues: properties.map { ($0.identifier.wireName, $0.type.swift) })
        #expect(types["id"] == "Int64")
        #expect(types["name"] == "String")
        #expect(types["tag"] == "String?")
        #expect(types["born"] == "CalendarDate?")
        #expect(types["seen"] == "Date?")
        #expect(types["uuid"] == "UUID?")
        #expect(types["photo"] == "Data?")
        #expect(types["raw"] == "Foundation.Data?")
        #expect(types["home"] == "String?")
        #expect(types["score"] == "Float?")
        #expect(types["weight"] == "Double?")
        #expect(types["count"] == "Int32?")
        #expect(types["tags"] == "[String]?")
        #expect(types["anything"] == "JSONValue?")
        #expect(types["free"] == "[String: JSONValue]?")
        #expect(pet.property("default")?.identifier.swiftName == "`default`")
        #expect(pet.property("name")?.validation == [.pattern("^[a-z]+$"), .minLength(1), .maxLength(20)])
        #expect(pet.property("age")?.validation == [.minimum(0, exclusive: false), .maximum(100, exclusive: true)])
        #expect(pet.property("tags")?.validation == [.minItems(1)])
        #expect(pet.property("password")?.sensitivity == .sensitive)
        #expect(pet.property("secret")?.sensitivity == .sensitive)
        #expect(pet.property("tag")?.sensitivity == ClientModel.Sensitivity.none)
        #expect(pet.property("id")?.isRequired == true)
    }

    @Test func nullableInBothForms() throws {
        let api = buildIR("""
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths: {}
        components:
          schemas:
            Legacy:
              type: object
              required: [a]
              properties:
                a: {type: string, nullable: true}
        """)
        let legacy = try #require(api.type("Legacy")?.property("a"))
        #expect(legacy.type.swift == "String?")
        #expect(legacy.isNullable && legacy.isRequired)

        let modern = buildIR(schemasSpec("""
            Modern:
              type: object
              required: [a, b]
              properties:
                a: {type: [string, "null"]}
                b: {oneOf: [{type: "null"}, {$ref: "#/components/schemas/Modern"}]}
                c: {type: [string, integer]}
        """))
        let type = try #require(modern.type("Modern"))
        #expect(type.property("a")?.type.swift == "String?")
        #expect(type.property("b")?.type.swift == "Modern?")
        #expect(type.property("c")?.type.swift == "JSONValue?")
        #expect(modern.warningMessages.contains { $0.contains("several types [string, integer]") })
    }

    @Test func inlineSchemasAreNestedAndNamedAfterTheirProperty() throws {
        let api = buildIR(schemasSpec("""
            SendAadhaarOTPResponse:
              type: object
              properties:
                result:
                  type: object
                  properties:
                    client_id: {type: string}
                items:
                  type: array
                  items: {type: object, properties: {x: {type: string}}}
                error: {type: object, properties: {code: {type: string}}}
            Pets:
              type: array
              items: {type: object, properties: {name: {type: string}}}
        """))
        let parent = try #require(api.type("SendAadhaarOTPResponse"))
        #expect(parent.property("result")?.type == .optional(.named(TypeName(["SendAadhaarOTPResponse", "Result"]))))
        #expect(parent.nested.map(\.name.local) == ["Result", "ItemsItem", "ErrorModel"])
        #expect(parent.property("items")?.type.swift == "[SendAadhaarOTPResponse.ItemsItem]?")
        #expect(api.type("Pets")?.aliasTarget?.swift == "[PetsItem]")
        #expect(api.type("PetsItem") != nil)
    }

    @Test func dictionariesAndAdditionalProperties() throws {
        let api = buildIR(schemasSpec("""
            Counts:
              type: object
              additionalProperties: {type: integer}
            Bag:
              type: object
              additionalProperties: true
            Mixed:
              type: object
              properties:
                additionalProperties: {type: string}
              additionalProperties: {type: string}
        """))
        #expect(api.type("Counts")?.aliasTarget?.swift == "[String: Int]")
        #expect(api.type("Bag")?.aliasTarget?.swift == "[String: JSONValue]")
        let mixed = try #require(api.type("Mixed")?.structDecl?.additionalProperties)
        #expect(mixed.name == "additionalProperties2")
        #expect(mixed.valueType.swift == "String")
    }

    @Test func enumsGetAnUnknownCaseAndSafeNames() throws {
        let api = buildIR(schemasSpec("""
            Status:
              type: string
              enum: [active, in-active, class, "", unknown, "1st", self, active_x, active-x, null]
            Level:
              type: integer
              enum: [1, -1, 2]
            Mixed:
              enum: [a, 1]
            Holder:
              type: object
              required: [status]
              properties:
                status: {$ref: "#/components/schemas/Status"}
        """))
        let status = try #require(api.type("Status")?.enumDecl)
        #expect(status.cases.map(\.identifier.swiftName) ==
                ["active", "inActive", "`class`", "empty", "unknown", "_1st", "selfValue",
                                             "activeX", "activeX2"])
        #expect(status.cases.map(\.identifier.wireName).last == "active-x")
        #expect(status.unknownCaseName == "unknown2")
        let level = try #require(api.type("Level")?.enumDecl)
        #expect(level.rawType == .int)
        #expect(level.cases.map(\.identifier.swiftName) == ["_1", "minus1", "_2"])
        #expect(api.type("Mixed")?.aliasTarget == .builtin(.json))
        #expect(api.warningMessages.contains { $0.contains("mixed value types") })
        // null among the values: the use site is optional even when required.
        #expect(api.type("Holder")?.property("status")?.type.swift == "Status?")
    }

    @Test func allOfMergesPartsInOrder() throws {
        let api = buildIR(schemasSpec("""
            Base:
              type: object
              required: [id]
              properties:
                id: {type: string}
                kind: {type: string}
            Dog:
              allOf:
                - $ref: "#/components/schemas/Base"
                - type: object
                  required: [bark]
                  properties:
                    bark: {type: boolean}
                    kind: {type: integer}
            Alias:
              description: Just a base.
              allOf: [{$ref: "#/components/schemas/Base"}]
        """))
        let dog = try #require(api.type("Dog")?.structDecl)
        #expect(dog.properties.map(\.identifier.wireName) == ["id", "kind", "bark"])
        #expect(dog.properties.map(\.type.swift) == ["String", "String?", "Bool"])
        let alias = try #require(api.type("Alias"))
        #expect(alias.aliasTarget == .named(TypeName("Base")))
        #expect(alias.doc == ["Just a base."])
    }

    @Test func referencedPrimitiveConstraintsApplyAtUseSites() throws {
        let api = buildIR(schemasSpec("""
            Aadhaar: {type: string, pattern: "^\\\\d{12}$", x-sensitive: true}
            Request:
              type: object
              required: [aadhaar]
              properties:
                aadhaar: {$ref: "#/components/schemas/Aadhaar"}
        """))
        let property = try #require(api.type("Request")?.property("aadhaar"))
        #expect(property.type.swift == "Aadhaar")
        #expect(property.validation == [.pattern("^\\d{12}$")])
        #expect(property.sensitivity == .sensitive)
        #expect(api.type("Aadhaar")?.aliasTarget == .builtin(.string))
    }

    @Test func typeNamesAvoidBuiltinsAndCollide() throws {
        let api = buildIR(schemasSpec("""
            Error: {type: object, properties: {message: {type: string}}}
            Petstore: {type: string}
            pet: {type: string}
            Pet: {type: integer}
            Holder:
              type: object
              properties:
                e: {$ref: "#/components/schemas/Error"}
        """))
        let names = api.types.map(\.name.swift)
        #expect(names == ["ErrorModel", "PetstoreModel", "Pet", "Pet2", "Holder"])
        #expect(api.type("Holder")?.property("e")?.type.swift == "ErrorModel?")
        #expect(api.clientName == "PetstoreClient")
    }

    @Test func allOfThatMergesItselfInlineStops() throws {
        let api = buildIR(schemasSpec("""
            A:
              allOf:
                - $ref: "#/components/schemas/B"
            B:
              type: object
              properties:
                p:
                  allOf:
                    - $ref: "#/components/schemas/A"
                    - {type: object, properties: {x: {type: string}}}
        """))
        #expect(api.type("B.P")?.property("x") != nil)
        #expect(api.warningMessages.contains { $0.contains("contains itself through an allOf merge") })
    }
}
