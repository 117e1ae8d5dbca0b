import Testing
@testable import ClientModel

/// The model decides which documented response a status selects (`OperationDecl.statusMatchers`).
@Suite struct ResponseMatchingTests {
    static let yaml = """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths:
          /items:
            get:
              operationId: getItem
              responses:
                default: {description: other, content: {application/json: {schema: {type: object, properties: {f: {type: string}}}}}}
                4XX: {description: client, content: {application/json: {schema: {type: object, properties: {t: {type: string}}}}}}
                "401": {description: no body}
                "200":
                  description: ok
                  content: {application/json: {schema: {oneOf: [{type: object, properties: {id: {type: string}}}, {type: "null"}]}}}
        """

    @Test func exactCodesThenRangesThenDefault() throws {
        let op = try #require(buildIR(Self.yaml).operation("getItem"))
        #expect(op.statusMatchers.map { "\($0.status)" } == ["401", "200", "4XX", "default"])
        #expect(op.response(forStatus: 401)?.status == .code(401))
        #expect(op.response(forStatus: 401)?.type == nil)
        #expect(op.response(forStatus: 404)?.status == .range(4))
        #expect(op.response(forStatus: 300)?.status == .default)
        #expect(op.response(forStatus: 201)?.status == .default)
    }

    @Test func aNullableSuccessBodyIsOptional() throws {
        let op = try #require(buildIR(Self.yaml).operation("getItem"))
        guard case .single(let type) = op.success else { Issue.record("\(op.success)"); return }
        #expect(type.isOptional)
        #expect(op.response(forStatus: 404)?.type?.isOptional == false)
    }
}
