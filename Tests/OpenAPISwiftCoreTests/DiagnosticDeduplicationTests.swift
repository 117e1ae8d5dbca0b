import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import Testing

/// The same finding (severity, message, location) is reported once, however many operations reach it.
@Suite struct DiagnosticDeduplicationTests {
    /// A shared response component with a second media type of another schema: every operation that uses it makes
    /// the model warn at the component.
    static let spec = """
        openapi: 3.0.3
        info: {title: Shared, version: "1"}
        servers: [{url: "https://api.example.com"}]
        paths:
          /a: {get: {operationId: a, responses: {"400": {$ref: "#/components/responses/BadRequest"}}}}
          /b: {get: {operationId: b, responses: {"400": {$ref: "#/components/responses/BadRequest"}}}}
          /c: {get: {operationId: c, responses: {"400": {$ref: "#/components/responses/BadRequest"}}}}
        components:
          responses:
            BadRequest:
              description: Bad request.
              content:
                application/json: {schema: {type: object, properties: {message: {type: string}}}}
                application/scim+json: {schema: {type: object, properties: {detail: {type: string}}}}
        """

    @Test func aWarningReachedByThreeOperationsIsReportedOnce() {
        let job = GenerationJob(spec: SpecInput(path: "shared.yaml", data: Data(Self.spec.utf8)),
                                options: ModelOptions(moduleName: "Shared"))
        let result = Generator.generate(job, loader: InMemorySpecLoader())
        #expect(result.succeeded)
        #expect(result.diagnostics.map(\.description) == [
            "shared.yaml:14:32: warning: response '400' also offers 'application/scim+json' with a different schema; "
                + "only 'application/json' is decoded [#/components/responses/BadRequest/content/application~1scim+json]",
        ])
    }

    @Test func deduplicationKeepsTheFirstOfEachFindingInOrder() {
        let here = SourceLocation(file: "a.yaml", line: 3, column: 5)
        let there = SourceLocation(file: "a.yaml", line: 4, column: 5)
        let diagnostics: [Diagnostic] = [
            .warning("w", at: here, pointer: JSONPointer(["x"])), .warning("w", at: there), .error("w", at: here),
            .warning("w", at: here, pointer: JSONPointer(["y"])), .warning("other", at: here), .warning("w"),
            .warning("w"),
        ]
        #expect(diagnostics.deduplicated.map(\.description) == [
            "a.yaml:3:5: warning: w [#/x]", "a.yaml:4:5: warning: w", "a.yaml:3:5: error: w",
            "a.yaml:3:5: warning: other", "warning: w",
        ])
    }
}
