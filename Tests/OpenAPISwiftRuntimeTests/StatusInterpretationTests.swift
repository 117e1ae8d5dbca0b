import Foundation
import OpenAPISwiftRuntime
import Testing

/// How `ClientRuntime.perform` classifies a final response, over real HTTP: the generated `decode`/`errorBody`
/// closures decide the status, the runtime maps their answer to a success or an `APIError` kind.
@Suite(.serialized) struct StatusInterpretationTests {
    /// The closures of an operation documenting `200` (success), `401` without content and `default` with a body.
    static func decode(_ response: HTTPResponse) throws -> String {
        switch response.statusCode {
        case 200: response.decodeText()
        default: throw response.unexpected()
        }
    }

    static func errorBody(_ response: HTTPResponse) throws -> TestErrorBody? {
        switch response.statusCode {
        case 200: nil
        case 401: throw response.documentedWithoutBody()
        default: .problem(response.decodeText())
        }
    }

    func call(_ status: Int, _ body: String) async throws -> APIError<TestErrorBody> {
        let server = try WireServer.start([.respond(status, body)])
        defer { server.stop() }
        let runtime = makeRuntime(server.baseURL, options: ClientOptions(retry: .none))
        do {
            let value = try await runtime.perform(RequestBuilder(operationID: "getItem", method: "GET", path: "/item"),
                                                  decode: Self.decode, errorBody: Self.errorBody)
            throw CallSucceeded(value: value.value)
        } catch let error as APIError<TestErrorBody> {
            return error
        }
    }

    struct CallSucceeded: Error { var value: String }

    /// `default` covers every status not listed, below 400 too: a 300 that is no success carries the default body.
    @Test func aStatusBelow400ThatIsNoSuccessGetsItsDocumentedErrorBody() async throws {
        let error = try await call(300, "moved")
        #expect(error.kind == .documentedStatus, "\(error)")
        #expect(error.statusCode == 300)
        #expect(error.body == .problem("moved"))
    }

    /// A status documented without content is a documented error without a body, not the range's or default's.
    @Test func anErrorDocumentedWithoutContentIsADocumentedStatus() async throws {
        let error = try await call(401, #"{"title":"no"}"#)
        #expect(error.kind == .documentedStatus, "\(error)")
        #expect(error.statusCode == 401)
        #expect(error.body == nil)
        #expect(error.underlying == nil, "reported as an error body that did not decode")
    }

    /// A status below 400 that neither closure documents stays undocumented.
    @Test func anUndocumentedStatusBelow400IsUndocumented() async throws {
        let server = try WireServer.start([.respond(304)])
        defer { server.stop() }
        let runtime = makeRuntime(server.baseURL, options: ClientOptions(retry: .none))
        do {
            _ = try await runtime.perform(RequestBuilder(operationID: "getItem", method: "GET", path: "/item"),
                                          decode: Self.decode, errorBody: { _ in nil })
            Issue.record("the call succeeded")
        } catch let error as APIError<TestErrorBody> {
            #expect(error.kind == .undocumentedStatus, "\(error)")
        }
    }
}
