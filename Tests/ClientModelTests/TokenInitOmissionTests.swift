import Testing
@testable import ClientModel

/// A scheme's `x-openapi-swift-token` that gets no `init(<token credentials>…)` is a warning at the scheme, with
/// the reason, not a silently missing initializer.
@Suite struct TokenInitOmissionTests {
    private static func spec(credentials: String, tokenSecurity: String) -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths:
          /token:
            post:
              operationId: authorize
              security: \(tokenSecurity)
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: \(credentials)
                      properties: {client_id: {type: string}, transport: {type: string}, client_secret: {type: string}}
              responses:
                "200":
                  description: A token.
                  content:
                    application/json:
                      schema: {type: object, required: [access_token], properties: {access_token: {type: string}}}
          /pets:
            get:
              operationId: listPets
              security: [{appKey: [], bearerAuth: []}]
              responses: {"204": {description: ok}}
        components:
          securitySchemes:
            appKey: {type: apiKey, in: header, name: X-App-Key}
            bearerAuth:
              type: http
              scheme: bearer
              x-openapi-swift-token: {operation: authorize, token: access_token, credentials: \(credentials)}
        """
    }

    private static func warnings(_ api: APIDecl) -> [String] {
        api.diagnostics.filter { $0.message.contains("generates no token initializer") }.map(\.message)
    }

    @Test func anInitializerIsNoWarning() {
        let api = buildIR(Self.spec(credentials: "[client_id, client_secret]", tokenSecurity: "[]"))
        #expect(api.tokenInitScheme?.key == "bearerAuth")
        #expect(api.tokenInitOmission == nil)
        #expect(Self.warnings(api).isEmpty)
    }

    /// The token operation must be unsecured, so no credential is ever required by every operation.
    @Test func aSecuredTokenOperationIsRejectedBeforeTheInitializer() {
        let api = buildIR(Self.spec(credentials: "[client_id, client_secret]", tokenSecurity: "[{appKey: []}]"))
        #expect(api.securitySchemes.allSatisfy { $0.tokenEndpoint == nil })
        #expect(api.tokenInitOmission == nil)
        #expect(api.diagnostics.contains { $0.message.contains("must not need credentials itself") })
    }

    @Test func aLabelTheInitializerDeclaresIsReported() throws {
        let api = buildIR(Self.spec(credentials: "[transport, client_secret]", tokenSecurity: "[]"))
        #expect(api.tokenInitScheme == nil)
        #expect(api.tokenInitOmission == .labelClash(["transport"]))
        let warning = try #require(api.diagnostics.first { $0.message.contains("generates no token initializer") })
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 31)  // the bearerAuth scheme
        #expect(Self.warnings(api) == [
            "x-openapi-swift-token on 'bearerAuth' generates no token initializer: the credential label 'transport' "
                + "is one of the initializer's own (apiKey, credentials, options, serverURL, transport)",
        ])
    }
}
