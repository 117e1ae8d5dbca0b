import Testing
@testable import ClientModel

/// Decisions about generated models that used to produce code that does not compile or decodes wrongly: names inside
/// one type, validation through aliases, Foundation names, enum values that sanitize alike, untyped `items` lists,
/// nullable aliases.
@Suite struct ModelShapeDecisionTests {
    @Test func membersAndNestedTypesOfOneTypeNeverShareAName() throws {
        let api = buildIR(schemasSpec("""
                "7": {type: string, enum: ["7", "8"]}
                Choice:
                  oneOf:
                    - {title: "3", type: object, required: [a], properties: {a: {type: string}}}
                    - {title: "4", type: object, required: [b], properties: {b: {type: integer}}}
                Holder:
                  type: object
                  properties:
                    "3": {type: object, properties: {c: {type: string}}}
                    "7": {$ref: "#/components/schemas/7"}
                    "Holder": {type: string}
        """))
        // Union: the nested type is claimed first, so the case is renamed.
        let choice = try #require(api.type("Choice")?.unionDecl)
        #expect(choice.cases.map(\.name) == ["_3_2", "_4_2"])
        #expect(choice.cases.map(\.type.swift) == ["Choice._3", "Choice._4"])
        // Struct: the property is claimed first, so the nested type is renamed; a property never takes a top-level
        // type's name (it would shadow it inside the struct).
        let holder = try #require(api.type("Holder")?.structDecl)
        #expect(holder.properties.map(\.identifier.swiftName) == ["_3", "_7_2", "holder"])
        #expect(holder.properties.map(\.type.swift) == ["Holder._3_2?", "_7?", "String?"])
        // Enum: a case never takes the enum's own name.
        #expect(api.type("_7")?.enumDecl?.cases.map(\.identifier.swiftName) == ["_7_2", "_8"])
        #expect(api.diagnostics.isEmpty, "\(api.diagnostics)")
    }

    @Test func aLaterTopLevelTypeAvoidsMemberNames() throws {
        // `_3` is a member of `Holder` before the webhook payload type named `3` is claimed.
        let api = buildIR("""
            openapi: 3.1.0
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            webhooks:
              "3":
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {x: {type: string}}}
                  responses: {"200": {description: OK}}
            components:
              schemas:
                Holder: {type: object, properties: {"3": {type: string}}}
            """)
        #expect(api.type("Holder")?.structDecl?.properties.map(\.identifier.swiftName) == ["_3"])
        #expect(api.types.map(\.name.swift).contains("_3WebhookPayload"))
    }

    @Test func validationFollowsAliasesToWhatTheyAlias() throws {
        let api = buildIR(schemasSpec("""
                Tool: {type: object, properties: {name: {type: string, maxLength: 5}}}
                Plain: {type: object, properties: {name: {type: string}}}
                Tools: {type: array, items: {$ref: "#/components/schemas/Tool"}, maxItems: 2}
                More: {$ref: "#/components/schemas/Tools"}
                ToolMap: {type: object, additionalProperties: {$ref: "#/components/schemas/Tool"}}
                Grid: {type: array, items: {$ref: "#/components/schemas/Tools"}}
                Code: {type: string, pattern: "^[a-z]+$"}
                Pick:
                  oneOf:
                    - $ref: "#/components/schemas/Tools"
                    - {type: string}
                Box:
                  type: object
                  required: [tools]
                  properties:
                    tools: {$ref: "#/components/schemas/Tools"}
                    more: {$ref: "#/components/schemas/More"}
                    map: {$ref: "#/components/schemas/ToolMap"}
                    grid: {$ref: "#/components/schemas/Grid"}
                    code: {$ref: "#/components/schemas/Code"}
                    plain: {$ref: "#/components/schemas/Plain"}
                    pick: {$ref: "#/components/schemas/Pick"}
        """))
        let box = try #require(api.type("Box")?.structDecl)
        #expect(box.properties.map(\.validationShape) == [
            .array(.validatable), .optional(.array(.validatable)), .optional(.dictionary(.validatable)),
            .optional(.array(.array(.validatable))), .optional(.string), .optional(.other),
            .optional(.validatable),
        ])
        #expect(box.properties.first?.validation == [.maxItems(2)])
        #expect(api.type("Pick")?.unionDecl?.cases.map(\.validationShape) == [.array(.validatable), .string])
        #expect(api.type("Box")?.isValidatable == true)
        #expect(api.type("Pick")?.isValidatable == true)
        #expect(api.type("Plain")?.isValidatable == false)
        // Aliases never conform to `Validatable` themselves: they are resolved where they are used.
        #expect(api.type("Tools")?.isValidatable == false)
    }

    @Test func foundationNamesUsersMeetAreRenamed() {
        for name in ["Measurement", "Notification", "Operation", "Progress", "Timer", "Unit", "Range", "TimeInterval",
                     "DecodingError", "KeyedDecodingContainer", "Unicode", "URLError"] {
            #expect(NameSanitizer.typeName(name) == name + "Model", "\(name)")
        }
        for name in ["Validation", "DynamicCodingKey", "Indirect", "OptionalValue", "DiscriminatorKey"] {
            #expect(NameSanitizer.typeName(name, nested: true) == name + "Model", "\(name)")
        }
        #expect(NameSanitizer.typeName("Operation", nested: true) == "Operation")
    }

    @Test func enumValuesThatSanitizeAlikeAreNumberedInDocumentOrder() {
        let api = buildIR(schemasSpec("""
                Planet: {type: string, enum: [string, String, STRING, a-b, a_b, a b, string2]}
                Reversed: {type: string, enum: [string2, STRING, String, string]}
        """))
        #expect(api.type("Planet")?.enumDecl?.cases.map(\.identifier.swiftName)
                == ["string", "string2", "string3", "aB", "aB2", "aB3", "string2_2"])
        #expect(api.type("Reversed")?.enumDecl?.cases.map(\.identifier.swiftName) ==
                ["string2", "string", "string3", "string4"])
    }

    @Test func anUntypedItemsListIsAnyJSONValue() throws {
        let api = buildIR(schemasSpec("""
                Loose:
                  items: [{type: string}, {type: integer}]
                Typed:
                  type: array
                  items: [{type: string}, {type: integer}]
                Untyped31:
                  prefixItems: [{type: string}]
        """))
        #expect(api.type("Loose")?.aliasTarget == .builtin(.json))
        #expect(api.type("Typed")?.structDecl?.tuple != nil)
        #expect(api.type("Untyped31")?.structDecl?.tuple != nil)
        #expect(api.warningMessages == [
            "`items` is a list (a tuple) but the schema has no `type: array`; it constrains arrays only, so any JSON "
                + "value is valid: generated as JSONValue",
        ])
    }

    @Test func everyUseOfANullableAliasIsOptional() throws {
        let api = buildIR("""
            openapi: 3.0.3
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /ended:
                get:
                  operationId: getEnded
                  responses:
                    "200":
                      description: OK
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Ended"}
            components:
              schemas:
                Ended: {type: string, format: date-time, nullable: true}
                Plain: {type: string}
                Run:
                  type: object
                  required: [a, b, c, d]
                  properties:
                    a: {$ref: "#/components/schemas/Ended"}
                    b: {allOf: [{$ref: "#/components/schemas/Ended"}], description: x}
                    c: {oneOf: [{$ref: "#/components/schemas/Ended"}]}
                    d: {allOf: [{$ref: "#/components/schemas/Ended"}, {$ref: "#/components/schemas/Plain"}]}
                    e: {type: array, items: {$ref: "#/components/schemas/Ended"}}
            """)
        #expect(api.type("Ended")?.aliasTarget == .builtin(.date))
        let run = try #require(api.type("Run")?.structDecl)
        // `d`: null is not a valid `Plain`, so the allOf is not nullable.
        #expect(run.properties.map(\.type.swift) == ["Ended?", "Ended?", "Ended?", "Ended", "[Ended?]?"])
        guard case .single(let type)? = api.operation("getEnded")?.success else {
            Issue.record("getEnded returns \(String(describing: api.operation("getEnded")?.success))")
            return
        }
        #expect(type.swift == "Ended?")
    }
}
