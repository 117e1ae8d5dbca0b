import Testing
@testable import ClientModel

@Suite struct SecurityTests {
    private let spec = """
    openapi: 3.1.0
    info: {title: T, version: "1"}
    servers: [{url: "https://api.example.com"}]
    security:
      - {ApiId: [], ApiSecret: []}
    paths:
      /inherit:
        get: {operationId: inherit, responses: {"204": {description: ok}}}
      /open:
        get: {operationId: open, security: [], responses: {"204": {description: ok}}}
      /either:
        get:
          operationId: either
          security: [{ApiKeyAuth: []}, {bearerAuth: []}, {}]
          responses: {"204": {description: ok}}
      /unknown:
        get:
          operationId: unknown
          security: [{Nope: []}, {basic: []}]
          responses: {"204": {description: ok}}
      /tls:
        get:
          operationId: tls
          security: [{mtls: []}]
          responses: {"204": {description: ok}}
    components:
      securitySchemes:
        ApiId: {type: apiKey, in: header, name: X-DF-API-ID}
        ApiSecret: {type: apiKey, in: header, name: X-DF-API-SECRET}
        ApiKeyAuth: {type: apiKey, in: query, name: key}
        bearerAuth: {type: http, scheme: bearer, bearerFormat: JWT}
        basic: {type: http, scheme: basic}
        OAuth: {type: apiKey, in: cookie, name: session}
        cc:
          type: oauth2
          flows:
            clientCredentials:
              tokenUrl: https://auth.example.com/token
              scopes: {read: Read, write: Write}
        code:
          type: oauth2
          flows:
            authorizationCode:
              authorizationUrl: https://auth.example.com/authorize
              tokenUrl: https://auth.example.com/token
              scopes: {}
        oidc: {type: openIdConnect, openIdConnectUrl: https://auth.example.com/.well-known/openid-configuration}
        mtls: {type: mutualTLS}
        digest: {type: http, scheme: digest}
    """

    @Test func schemesAreNamedAndClassified() throws {
        let api = buildIR(spec)
        #expect(api.securitySchemes.map(\.key) == ["ApiId", "ApiSecret", "ApiKeyAuth", "bearerAuth", "basic", "OAuth",
                                                   "cc", "code", "oidc"])
        #expect(api.securitySchemes.map(\.identifier.swiftName) ==
                ["apiID", "apiSecret", "apiKey", "bearer", "basic", "oAuth", "cc",
                                                    "code", "oidc"])
        let kinds = api.securitySchemes.map { "\($0.kind)" }
        #expect(kinds[0] == "\(SecurityKind.apiKey(.header("X-DF-API-ID")))")
        #expect(kinds[2] == "\(SecurityKind.apiKey(.query("key")))")
        #expect(kinds[3] == "\(SecurityKind.bearer(format: "JWT"))")
        let clientCredentials = SecurityKind.oauth2ClientCredentials(tokenURL: "https://auth.example.com/token",
                                                                     scopes: ["read", "write"])
        #expect(kinds[6] == "\(clientCredentials)")
        #expect(kinds[7].hasPrefix("externalBearer"))
        #expect(kinds[8].hasPrefix("externalBearer"))
        #expect(api.warningMessages.contains { $0.contains("mutualTLS security scheme 'mtls'") })
        #expect(api.warningMessages.contains { $0.contains("'digest'") })
    }

    @Test func requirementsAreOrOfAnd() throws {
        let api = buildIR(spec)
        #expect(api.operation("inherit")?.security
                == SecurityDecl(alternatives: [["ApiId", "ApiSecret"]], optional: false))
        #expect(api.operation("open")?.security == SecurityDecl.none)
        #expect(api.operation("either")?.security == SecurityDecl(alternatives: [["ApiKeyAuth"], ["bearerAuth"]],
                                                                  optional: true))
        #expect(api.operation("unknown")?.security == SecurityDecl(alternatives: [["basic"]], optional: false))
        #expect(api.operation("tls")?.security == SecurityDecl.none)
        #expect(api.warningMessages.contains { $0.contains("unknown or unsupported scheme 'Nope'") })
        #expect(api.warningMessages.contains { $0.contains("sent without credentials") })
    }

    @Test func strippedAuthNameFallsBackOnCollision() {
        let api = buildIR("""
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths: {}
        components:
          securitySchemes:
            apiKey: {type: apiKey, in: header, name: A}
            ApiKeyAuth: {type: apiKey, in: header, name: B}
        """)
        #expect(api.securitySchemes.map(\.identifier.swiftName) == ["apiKey", "apiKeyAuth"])
    }
}
