import Testing
@testable import ClientModel

/// The `Identifier` the model decides for each named declaration: the spec's wire name kept raw, the Swift name
/// sanitized and escaped, the argument label (and its call-site spelling).
@Suite struct IdentifierTests {
    @Test func propertyIdentifiersFromAwkwardJSONNames() throws {
        let api = buildIR(schemasSpec("""
            Sample:
              type: object
              properties:
                default: {type: string}
                x-request-id: {type: string}
                2fa: {type: boolean}
                self: {type: integer}
                inout: {type: string}
        """))
        let properties = try #require(api.type("Sample")?.structDecl).properties.map(\.identifier)
        #expect(properties.map(\.wireName) == ["default", "x-request-id", "2fa", "self", "inout"])
        #expect(properties.map(\.swiftName) == ["`default`", "xRequestID", "_2fa", "selfValue", "`inout`"])
        #expect(properties.map(\.label) == properties.map(\.swiftName))
        #expect(properties.map(\.unescapedName) == ["default", "xRequestID", "_2fa", "selfValue", "inout"])
        // A call writes keyword labels bare, except `inout`, `var` and `let`.
        #expect(properties.map(\.callLabel) == ["default", "xRequestID", "_2fa", "selfValue", "`inout`"])
        #expect(properties.allSatisfy { !$0.isUnlabeled })

        let sample = try #require(api.type("Sample")?.structDecl)
        #expect(sample.initArguments.map(\.label) == properties.map(\.label))
        #expect(sample.initArguments.map(\.name) == properties.map(\.swiftName))
    }

    @Test func untitledTupleElementsAreUnlabeled() throws {
        let api = buildIR(schemasSpec("""
            Pair:
              type: array
              prefixItems: [{type: string}, {type: integer, title: Count}]
        """))
        let pair = try #require(api.type("Pair")?.structDecl)
        #expect(pair.properties.map(\.identifier.wireName) == ["[0]", "[1]", "[2...]"])
        #expect(pair.properties.map(\.identifier.label) == ["_", "count", "rest"])
        #expect(pair.initArguments.map(\.label) == ["_", "count", "rest"])
        #expect(pair.initArguments.map(\.name) == ["_0", "count", "rest"])
    }

    @Test func parameterHeaderCaseAndSchemeIdentifiers() throws {
        let api = buildIR("""
        openapi: 3.1.0
        info: {title: T, version: "1"}
        servers: [{url: "https://api.example.com"}]
        components:
          securitySchemes:
            X-Api-Key: {type: apiKey, in: header, name: X-Api-Key}
        security: [{X-Api-Key: []}]
        paths:
          /items/{item-id}:
            get:
              operationId: getItem
              parameters:
                - {name: item-id, in: path, required: true, schema: {type: string}}
                - {name: default, in: query, schema: {type: string}}
                - {name: X-Trace-Id, in: header, schema: {type: string}}
                - {name: sort, in: query, schema: {type: string, enum: [new-first, "2x", case]}}
              responses:
                "200":
                  description: ok
                  headers:
                    X-Rate-Limit: {schema: {type: integer}}
        """)
        let operation = try #require(api.operation("getItem"))
        let parameters = operation.parameters.map(\.identifier)
        #expect(parameters.map(\.wireName) == ["item-id", "default", "X-Trace-Id", "sort"])
        #expect(parameters.map(\.swiftName) == ["itemID", "`default`", "xTraceID", "sort"])
        #expect(operation.arguments.map(\.label) == parameters.map(\.label))
        #expect(operation.pathComponents.contains(.parameter("itemID")))

        let header = try #require(operation.responses.first?.headers.first?.identifier)
        #expect(header == Identifier(wireName: "X-Rate-Limit", swiftName: "xRateLimit"))

        let sort = try #require(api.types.compactMap(\.enumDecl).first)
        #expect(sort.cases.map(\.identifier.wireName) == ["new-first", "2x", "case"])
        #expect(sort.cases.map(\.identifier.swiftName) == ["newFirst", "_2x", "`case`"])

        let scheme = try #require(api.securitySchemes.first?.identifier)
        #expect(scheme.wireName == "X-Api-Key")
        #expect(scheme.swiftName == "xAPIKey")
        #expect(api.credentialArguments.map(\.label) == ["xAPIKey"])
    }

    @Test func identifierEscapesWhateverSpellingItIsGiven() {
        let bare = NameSanitizer.identifier(wire: "default", claimed: "default")
        let quoted = NameSanitizer.identifier(wire: "default", claimed: "`default`")
        #expect(bare == quoted)
        #expect(bare.swiftName == "`default`")
        #expect(NameSanitizer.identifier(wire: "[0]", claimed: "_0", unlabeled: true).label == "_")
        #expect(NameSanitizer.callLabel("`let`") == "`let`")
        #expect(NameSanitizer.callLabel("`for`") == "for")
    }
}
