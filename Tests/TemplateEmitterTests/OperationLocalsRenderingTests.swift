import Foundation
import Testing
@testable import ClientModel
@testable import TemplateEmitter
import SpecParser

/// The emitter writes the local names the model decided (`OperationDecl.locals`) into both methods, including the
/// validation closure's collector, without patching rendered text.
@Suite struct OperationLocalsRenderingTests {
    @Test func clashingParametersGetTheModelsLocalNames() throws {
        let yaml = """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths:
          /clash:
            post:
              operationId: clash
              parameters:
                - {name: request, in: query, schema: {type: string}}
                - {name: options, in: query, schema: {type: string}}
                - {name: failures, in: query, schema: {type: string, minLength: 2}}
              requestBody:
                required: true
                content: {application/json: {schema: {type: string, maxLength: 9}}}
              responses: {"204": {description: ok}}
        """
        let parsed = DocumentParser.parse(SpecInput(path: "clash.yaml", data: Data(yaml.utf8)),
                                      loader: FileSystemSpecLoader(root: "/"))
        let document = try #require(parsed.document, "\(parsed.diagnostics)")
        let api = ModelBuilder.build(document, options: ModelOptions(moduleName: "Clash"), specPath: "clash.yaml")
        let operations = Support.file(try Support.emit(api), "Client.swift")
        for line in [
            "func clash(_ body: String, request: String? = nil, optionsQuery: String? = nil, failures: String? = nil, "
                + "options: RequestOptions = .init()) async throws {",
            "var request_ = RequestBuilder(operationID: \"clash\", method: \"POST\", path: \"/clash\")",
            "request_.validate { failures_ in",
            "Validation.minLength(failures, 2, path: \"failures\", into: &failures_)",
            "return try await self.runtime.perform(request_, options: options) { response in",
        ] {
            #expect(operations.contains(line), "missing: \(line)\n\(operations)")
        }
        #expect(!operations.contains("into: &failures)"))
    }
}
