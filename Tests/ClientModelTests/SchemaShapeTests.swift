import Testing
@testable import ClientModel

/// Tuples (`prefixItems`), the validation keywords on numbers, arrays and objects, and the request/response roles of
/// `readOnly`/`writeOnly` properties.
@Suite struct SchemaShapeTests {
    @Test func prefixItemsBecomeTupleStructs() throws {
        let api = buildIR(schemasSpec("""
            Point:
              type: array
              prefixItems: [{type: number, title: Latitude}, {type: number, title: Longitude}]
              items: false
              minItems: 2
            Sample:
              type: array
              prefixItems: [{type: string}, {type: [integer, "null"]}, {type: string, title: A long human title here}]
              items: {type: boolean}
              minItems: 1
              maxItems: 6
            Draft4:
              type: array
              items: [{type: string}, {type: integer}]
              maxItems: 1
            Holder:
              type: object
              properties:
                pair: {type: array, prefixItems: [{type: string}, {type: string}], minItems: 2}
        """))
        let point = try #require(api.type("Point")?.structDecl)
        #expect(point.properties.map(\.identifier.swiftName) == ["latitude", "longitude"])
        #expect(point.properties.map(\.type.swift) == ["Double", "Double"])
        #expect(point.tuple == TupleDecl(elementCount: 2, rest: nil))
        #expect(point.properties.map(\.identifier.label) == ["latitude", "longitude"])
        #expect(point.validation.isEmpty)

        let sample = try #require(api.type("Sample")?.structDecl)
        #expect(sample.properties.map(\.identifier.swiftName) == ["_0", "_1", "_2", "rest"])
        #expect(sample.properties.map(\.identifier.label) == ["_", "_", "_", "rest"])
        #expect(sample.properties.map(\.identifier.wireName) == ["[0]", "[1]", "[2]", "[3...]"])
        #expect(sample.properties.map(\.type.swift) == ["String", "Int?", "String?", "[Bool]"])
        #expect(sample.tuple?.rest == .builtin(.bool))
        #expect(sample.validation == [.maxItems(6)])

        // The draft-4 array form of `items` is a tuple too; maxItems below the prefix closes it and is checked.
        let draft4 = try #require(api.type("Draft4")?.structDecl)
        #expect(draft4.tuple?.rest == nil)
        #expect(draft4.validation == [.maxItems(1)])

        #expect(api.type("Holder")?.property("pair")?.type.swift == "Holder.Pair?")
        #expect(api.type("Holder.Pair")?.structDecl?.tuple?.rest == .builtin(.json))
        #expect(api.diagnostics.isEmpty, "\(api.diagnostics)")
    }

    @Test func tupleConstraintsThatAreNotCheckedWarn() {
        let api = buildIR(schemasSpec("""
            Closed:
              type: array
              prefixItems: [{type: string}]
              items: false
              minItems: 3
              uniqueItems: true
        """))
        #expect(api.diagnostics.map(\.message) == [
            "uniqueItems on a tuple (prefixItems) is not checked",
            "minItems 3 exceeds the 1 elements of a closed tuple; no value is valid",
        ])
    }

    @Test func numberArrayAndObjectRules() throws {
        let api = buildIR(schemasSpec("""
            Step: {type: integer, multipleOf: 5}
            Base: {type: object, minProperties: 1, maxProperties: 4, properties: {a: {type: string}}}
            Order:
              allOf:
                - $ref: "#/components/schemas/Base"
                - type: object
                  minProperties: 2
                  maxProperties: 6
                  properties:
                    price: {type: number, multipleOf: 0.01}
                    step: {$ref: "#/components/schemas/Step"}
                    tags: {type: array, uniqueItems: true, items: {type: string}}
                    labels: {type: object, additionalProperties: {type: string}, minProperties: 1}
                    zero: {type: number, multipleOf: 0}
        """))
        let order = try #require(api.type("Order"))
        #expect(order.property("price")?.validation == [.multipleOf(0.01)])
        #expect(order.property("step")?.validation == [.multipleOf(5)])
        #expect(order.property("tags")?.validation == [.uniqueItems])
        #expect(order.property("labels")?.validation == [.minProperties(1)])
        #expect(order.property("zero")?.validation == [])
        // allOf: the largest minimum and the smallest maximum of the parts.
        #expect(order.structDecl?.validation == [.minProperties(2), .maxProperties(4)])
    }

    @Test func readOnlyAndWriteOnlyFollowWhereTheTypeIsUsed() throws {
        let api = buildIR("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths:
              /users:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: "#/components/schemas/User"}
                  responses:
                    "200":
                      description: OK
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/User"}
              /log:
                get:
                  responses:
                    "200":
                      description: OK
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Entry"}
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: "#/components/schemas/Command"}
                  responses:
                    "204": {description: Done}
            components:
              schemas:
                User:
                  type: object
                  required: [id, password, name]
                  properties:
                    id: {type: string, readOnly: true}
                    password: {type: string, writeOnly: true}
                    name: {type: string}
                    note: {type: [string, "null"], readOnly: true}
                Entry:
                  type: object
                  required: [id, secret]
                  properties:
                    id: {type: string, readOnly: true}
                    secret: {type: string, writeOnly: true}
                Command:
                  type: object
                  required: [id, secret]
                  properties:
                    id: {type: string, readOnly: true}
                    secret: {type: string, writeOnly: true}
                Unused:
                  type: object
                  required: [id]
                  properties:
                    id: {type: string, readOnly: true}
            """)
        let user = try #require(api.type("User"))
        #expect(user.property("id")?.type.swift == "String?")
        #expect(user.property("id")?.omittedFromRequests == true)
        #expect(user.property("password")?.type.swift == "String?")
        #expect(user.property("password")?.requiredInInit == true)
        #expect(user.property("name")?.type.swift == "String")
        // Optional, nullable and read-only: never sent, so no null-versus-absent wrapper.
        #expect(user.property("note")?.distinguishesNull == false)
        #expect(user.property("note")?.omittedFromRequests == true)

        let entry = try #require(api.type("Entry"))
        #expect(entry.property("id")?.type.swift == "String")
        #expect(entry.property("id")?.omittedFromRequests == false)
        #expect(entry.property("secret")?.type.swift == "String?")
        #expect(entry.property("secret")?.requiredInInit == false)

        let command = try #require(api.type("Command"))
        #expect(command.property("id")?.type.swift == "String?")
        #expect(command.property("secret")?.type.swift == "String")

        #expect(api.type("Unused")?.property("id")?.type.swift == "String")
    }
}
