import Foundation
import OpenAPISwiftRuntime
import Testing

/// UUIDs reach the server in lower case (RFC 9562 §4), wherever the request carries them; dates keep their RFC 3339
/// form next to them.
@Suite(.serialized) struct UUIDWireTests {
    static let id = UUID(uuidString: "5F3A9C2E-0B1D-4E6F-8A7B-9C0D1E2F3A4B")!
    static let lower = "5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b"

    struct Order: Encodable {
        var id: UUID
        var related: [UUID?]
        var byName: [String: UUID]
        var placed: Date
    }

    func send(_ build: (inout RequestBuilder) -> Void) async throws -> (path: String, request: WireServer.Request) {
        let server = try WireServer.start([.respond(200, "{}")])
        defer { server.stop() }
        let runtime = makeRuntime(server.baseURL, options: ClientOptions(retry: .none))
        var builder = RequestBuilder(operationID: "put", method: "PUT",
                                     path: "/orders/" + PathEncoder.encode(Self.id))
        build(&builder)
        _ = try await runtime.perform(builder) { _ in () }
        let request = try #require(server.received.first)
        return (request.path, request)
    }

    @Test func jsonBodyPathQueryAndHeader() async throws {
        let order = Order(id: Self.id, related: [Self.id, nil], byName: ["a": Self.id],
                          placed: Date(timeIntervalSince1970: 0))
        let (path, request) = try await send {
            $0.query("ids", [Self.id], explode: false)
            $0.header("X-Order", Self.id)
            $0.jsonBody(order)
        }
        #expect(path == "/orders/\(Self.lower)?ids=\(Self.lower)")
        #expect(request.header("X-Order") == Self.lower)
        let expected = #"{"id":"\#(Self.lower)","related":["\#(Self.lower)",null],"byName":{"a":"\#(Self.lower)"},"#
            + #""placed":"1970-01-01T00:00:00Z"}"#
        let body = try JSONDecoder().decode(JSONValue.self, from: request.body)
        #expect(body == (try JSONDecoder().decode(JSONValue.self, from: Data(expected.utf8))),
                "\(String(decoding: request.body, as: UTF8.self))")
    }

    @Test func formAndMultipartFields() async throws {
        let order = Order(id: Self.id, related: [], byName: [:], placed: Date(timeIntervalSince1970: 0))
        let (_, form) = try await send { $0.formBody(order) }
        #expect(String(decoding: form.body, as: UTF8.self).contains("id=\(Self.lower)"))
        let (_, multipart) = try await send { $0.multipartBody(order) }
        let text = String(decoding: multipart.body, as: UTF8.self)
        #expect(text.contains("name=\"id\"\r\n\r\n\(Self.lower)\r\n"), "\(text)")
        #expect(!text.contains(Self.id.uuidString))
    }
}
