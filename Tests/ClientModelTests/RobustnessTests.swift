import SpecParser
import Testing
@testable import ClientModel

/// Hand-built documents the parser would reject or never produce: the builder must not trap and must say why.
@Suite struct RobustnessTests {
    private func build(_ document: Document) -> APIDecl {
        ModelBuilder.build(document, options: ModelOptions(moduleName: "Weird"), specPath: "spec.yaml")
    }

    @Test func unresolvedReferencesAndAliasCycles() throws {
        let a = testSchema("#/components/schemas/A", ref: "#/components/schemas/B")
        let b = testSchema("#/components/schemas/B", ref: "#/components/schemas/A")
        let c = testSchema("#/components/schemas/C", ref: "#/components/schemas/Missing")
        let selfRef = testSchema("#/components/schemas/S", ref: "#/components/schemas/S")
        let api = build(testDocument(schemas: [("A", a), ("B", b), ("C", c), ("S", selfRef)]))
        #expect(api.type("C")?.aliasTarget == .builtin(.json))
        #expect(api.type("S")?.aliasTarget == .builtin(.json))
        #expect(api.type("A")?.aliasTarget == .builtin(.json) || api.type("B")?.aliasTarget == .builtin(.json))
        #expect(api.warningMessages.contains { $0.contains("unresolved $ref") })
        #expect(api.warningMessages.contains { $0.contains("refers to itself") || $0.contains("defined as itself") })
    }

    @Test func deepNestingIsCut() {
        var schema = testSchema(types: [.string])
        for _ in 0..<500 { schema = testSchema(types: [.array], items: schema) }
        let api = build(testDocument(schemas: [("Deep", schema)]))
        #expect(api.warningMessages.contains { $0.contains("nested deeper than") })
    }

    @Test func extremeValuesAndNames() {
        let enumSchema = testSchema(types: [.integer], enumValues: [.integer(Int.min), .integer(Int.max), .integer(0)])
        let weird = testSchema(types: [.object], properties: [
            SchemaProperty(name: "", schema: testSchema(types: [.string])),
            SchemaProperty(name: "🙂", schema: testSchema(types: [.string])),
            SchemaProperty(name: "self", schema: testSchema(types: [.string])),
            SchemaProperty(name: "selfValue", schema: testSchema(types: [.string])),
        ])
        let emptyUnion = testSchema(oneOf: [])
        let emptyAllOf = testSchema(allOf: [])
        let operations = [
            testOperation("get", "", id: ""),
            testOperation("get", "/{", id: "init"),
            testOperation("weird verb", "/a/{}/{b}", id: nil,
                          responses: [Response(status: .code(-1), description: nil, headers: [], content: [],
                                               extensions: [], origin: testOrigin()),
                                      Response(status: .range(9), description: nil, headers: [], content: [],
                                               extensions: [], origin: testOrigin())]),
        ]
        let document = testDocument(
            schemas: [("", enumSchema), ("名前", weird), ("Union", emptyUnion), ("Empty", emptyAllOf)],
            paths: [testPath("/", operations)],
            servers: [Server(url: "https://{missing}.example.com", description: nil, variables: [],
                             origin: testOrigin())])
        let api = build(document)
        let first = api.dump
        #expect(first == build(document).dump)
        #expect(api.types.map(\.name.swift) == ["Unnamed", "MingQian", "Union", "Empty"])
        #expect(api.type("Unnamed")?.enumDecl?.cases.map(\.identifier.swiftName)
                == ["minus9223372036854775808", "_9223372036854775807", "_0"])
        #expect(api.type("MingQian")?.structDecl?.properties.map(\.identifier.swiftName) ==
                ["unnamed", "u1F642", "selfValue",
                                                                             "selfValue2"])
        #expect(api.operations.map(\.name) == ["get", "initOperation", "weirdVerbAByByB"])
        #expect(api.servers.map(\.url) == ["/"])
    }
}

@Suite struct DeterminismTests {
    private let spec = """
    openapi: 3.1.0
    info: {title: T, version: "1"}
    servers: [{url: "https://api.example.com"}]
    paths:
      /pets/{id}:
        get:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties: {a: {type: string}, b: {oneOf: [{type: string}, {type: integer}]}}
            "404":
              description: no
              content: {application/json: {schema: {type: object, properties: {request_id: {type: string}}}}}
        post:
          operationId: getPetsByID
          requestBody:
            content:
              application/json:
                schema: {type: object, properties: {client_id: {type: string}, clientId: {type: string}}}
          responses: {"204": {description: ok}}
    components:
      schemas:
        pet-item: {type: string, enum: [a-b, a_b, A B]}
        pet_item: {type: object, properties: {x: {$ref: "#/components/schemas/pet-item"}}}
        PetItem: {oneOf: [{$ref: "#/components/schemas/pet-item"}, {$ref: "#/components/schemas/pet_item"}]}
    """

    @Test func buildingTwiceGivesTheSameIR() {
        let first = buildIR(spec).dump
        let second = buildIR(spec).dump
        #expect(first == second)
    }

    @Test func collisionsAreResolvedInDocumentOrder() throws {
        let api = buildIR(spec)
        #expect(api.types.prefix(3).map(\.name.swift) == ["PetItem", "PetItem2", "PetItem3"])
        #expect(api.type("PetItem")?.enumDecl?.cases.map(\.identifier.swiftName) == ["aB", "aB2", "aB3"])
        #expect(api.operations.map(\.name) == ["getPetsByID", "getPetsByID2"])
        let request = try #require(api.type("GetPetsByID2Request")?.structDecl)
        #expect(request.properties.map(\.identifier.swiftName) == ["clientID", "clientID2"])
        #expect(api.type("PetItem3")?.unionDecl?.cases.map(\.name) == ["petItem", "petItem2"])
    }
}

@Suite struct WebhookTests {
    @Test func webhookPayloadsAreGeneratedWithANote() {
        let api = buildIR("""
        openapi: 3.1.0
        info: {title: T, version: "1"}
        servers: [{url: "https://api.example.com"}]
        webhooks:
          newPet:
            post:
              requestBody:
                content:
                  application/json: {schema: {type: object, properties: {id: {type: string}}}}
              responses: {"200": {description: ok}}
        """)
        #expect(api.type("NewPetWebhookPayload")?.property("id") != nil)
        #expect(api.diagnostics.contains { $0.severity == .note && $0.message.contains("webhook 'newPet'") })
        #expect(api.operations.isEmpty)
    }
}
