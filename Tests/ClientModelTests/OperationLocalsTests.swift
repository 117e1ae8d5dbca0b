import Testing
@testable import ClientModel

/// The local names of an operation's method bodies are decided by the model (`OperationLocals`), next to the
/// parameter names they must not shadow.
@Suite struct OperationLocalsTests {
    private static let spec = """
    openapi: 3.1.0
    info: {title: T, version: "1"}
    paths:
      /plain:
        post:
          operationId: plain
          requestBody:
            content: {application/json: {schema: {type: string}}}
          responses: {"204": {description: ok}}
      /clash:
        post:
          operationId: clash
          parameters:
            - {name: request, in: query, schema: {type: string}}
            - {name: response, in: query, schema: {type: string}}
            - {name: options, in: query, schema: {type: string}}
            - {name: body, in: query, schema: {type: string}}
            - {name: failures, in: query, schema: {type: string, minLength: 2}}
          requestBody:
            content: {application/json: {schema: {type: string}}}
          responses: {"204": {description: ok}}
    """

    @Test func usualNamesWhenNoParameterTakesThem() throws {
        let op = try #require(buildIR(Self.spec).operation("plain"))
        let locals = op.locals
        #expect([locals.request, locals.response, locals.options, locals.body, locals.failures]
                == ["request", "response", "options", "body", "failures"])
        #expect(locals.optionsParameter == "options: RequestOptions = .init()")
        #expect(op.arguments.first?.declaration.hasPrefix("_ body: ") == true)
    }

    /// `request`, `response` and `failures` get `_`; parameters called `options` or `body` are already renamed by
    /// the model (`optionsQuery`, `bodyQuery`), so those locals keep their names.
    @Test func underscoresUntilNoParameterHasTheName() throws {
        let op = try #require(buildIR(Self.spec).operation("clash"))
        #expect(op.parameters.map(\.identifier.swiftName) ==
                ["request", "response", "optionsQuery", "bodyQuery", "failures"])
        let locals = op.locals
        #expect([locals.request, locals.response, locals.options, locals.body, locals.failures]
                == ["request_", "response_", "options", "body", "failures_"])
        #expect(locals.optionsParameter == "options: RequestOptions = .init()")
    }
}
