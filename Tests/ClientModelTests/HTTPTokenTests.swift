import Testing
@testable import ClientModel

/// Header and cookie names that are not RFC 9110 tokens would build requests no HTTP stack can send: they are
/// skipped with a warning at their location instead of generated.
@Suite struct HTTPTokenTests {
    @Test(arguments: [
        ("X-Request-ID", true), ("x_custom.v2", true), ("!#$%&'*+-.^_`|~", true), ("a1", true),
        ("", false), ("X Bad", false), ("X:Y", false), ("a;b", false), ("X\nInjected: 1", false), ("名前", false),
        ("\"quoted\"", false), ("a,b", false), ("a=b", false), ("tab\there", false), ("(x)", false),
    ])
    func tokens(name: String, valid: Bool) {
        #expect(HTTPToken.isValid(name) == valid, "\(name.debugDescription)")
    }

    private let spec = """
    openapi: 3.1.0
    info: {title: T, version: "1"}
    servers: [{url: "https://api.example.com"}]
    security: [{BadKey: []}, {GoodKey: []}, {BadCookie: []}]
    paths:
      /items:
        get:
          operationId: listItems
          parameters:
            - {name: X-Good, in: header, schema: {type: string}}
            - {name: "X Bad", in: header, schema: {type: string}}
            - {name: "X-Split\\r\\nInjected", in: header, schema: {type: string}}
            - {name: session, in: cookie, schema: {type: string}}
            - {name: "a;b", in: cookie, schema: {type: string}}
            - {name: "q w", in: query, schema: {type: string}}
          responses: {"204": {description: ok}}
    components:
      securitySchemes:
        BadKey: {type: apiKey, in: header, name: "X API Key"}
        GoodKey: {type: apiKey, in: header, name: X-API-Key}
        BadCookie: {type: apiKey, in: cookie, name: "sid=1"}
    """

    @Test func invalidHeaderAndCookieNamesAreSkippedWithAWarning() throws {
        let api = buildIR(spec)
        let operation = try #require(api.operations.first)
        // Query names are percent-encoded, so any text is fine there.
        #expect(operation.parameters.map(\.identifier.wireName) == ["X-Good", "session", "q w"])
        #expect(api.securitySchemes.map(\.key) == ["GoodKey"])
        let warnings = api.diagnostics.filter { $0.severity == .warning }.map(\.description)
        let hint = "; a header or cookie name is an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only"
        #expect(warnings.contains(
            "spec.yaml:11:11: warning: header parameter 'X Bad' is not a valid header name; it is not generated"
            + hint + " [#/paths/~1items/get/parameters/1]"), "\(warnings)")
        #expect(warnings.contains(
            "spec.yaml:12:11: warning: header parameter 'X-Split\r\nInjected' is not a valid header name; it is not "
            + "generated" + hint + " [#/paths/~1items/get/parameters/2]"), "\(warnings)")
        #expect(warnings.contains(
            "spec.yaml:14:11: warning: cookie parameter 'a;b' is not a valid cookie name; it is not generated"
            + hint + " [#/paths/~1items/get/parameters/4]"), "\(warnings)")
        #expect(warnings.contains(
            "spec.yaml:19:13: warning: apiKey security scheme 'BadKey' has header name 'X API Key', which is not a "
            + "valid header name; it is not generated" + hint + " [#/components/securitySchemes/BadKey]"),
                "\(warnings)")
        #expect(warnings.contains { $0.contains("apiKey security scheme 'BadCookie' has cookie name 'sid=1'") },
                "\(warnings)")
    }
}
