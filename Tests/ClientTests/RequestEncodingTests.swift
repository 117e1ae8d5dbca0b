@testable import AccuAuth
import Foundation
import Testing

// Request encodings that no provider spec uses yet — OpenAPI 3.2 `in: querystring` with JSON or text content, and
// per-property `encoding` of form bodies — driven through the generated runtime (`RequestBuilder`, as a generated
// operation fills it, then `ClientRuntime.perform` and `URLSessionTransport`) over real HTTP. The loopback server
// must receive exactly the bytes the feature fixtures (`openapi32.yaml`, `bodies.yaml`) expect from their recording
// transport: nothing on the way (URL parsing, URLSession, the server's request line) re-encodes them.

@Suite struct RequestEncodingTests {
    private struct Selector: Encodable {
        var numbers: [Int]
        var flag: Bool
        var path: String
    }

    private struct Search: Encodable {
        struct Filter: Encodable {
            var color: String
            var size: Int
        }

        var ids: [Int]
        var filter: Filter
        var meta: [String: String]
        var path: String
        var tags: [String]
    }

    /// Sends what `fill` builds, as a generated operation does, and returns what the server received.
    private func received(
        method: String = "GET", _ fill: (inout RequestBuilder) -> Void
    ) async throws -> RecordedRequest {
        try await TestServer.with([ScriptedResponse(status: 204)]) { server in
            var builder = RequestBuilder(operationID: "probe", method: method, path: "/search")
            fill(&builder)
            let runtime = ClientRuntime<NoErrorBody>(serverURL: server.baseURL, options: ClientOptions(retry: .none),
                                        transport: URLSessionTransport())
            _ = try await runtime.perform(builder, decode: { _ in () })
            return try await server.onlyRequest()
        }
    }

    @Test func jsonQueryStringIsTheWholePercentEncodedQuery() async throws {
        let request = try await received { $0.jsonQueryString(Selector(numbers: [1, 2], flag: true, path: "a/b c")) }
        #expect(request.path == "/search")
        #expect(request.rawQuery
            == "%7B%22flag%22%3Atrue%2C%22numbers%22%3A%5B1%2C2%5D%2C%22path%22%3A%22a%2Fb%20c%22%7D")
        #expect(request.rawQuery.removingPercentEncoding == #"{"flag":true,"numbers":[1,2],"path":"a/b c"}"#)
    }

    @Test func textQueryStringIsThePercentEncodedText() async throws {
        let request = try await received { $0.textQueryString("a b&c=d/é") }
        #expect(request.rawQuery == "a%20b%26c%3Dd%2F%C3%A9")
        let absent = try await received { $0.textQueryString(nil as String?) }
        #expect(absent.rawQuery.isEmpty)
    }

    @Test func formBodyHonoursPerPropertyEncoding() async throws {
        let value = Search(ids: [1, 2], filter: .init(color: "red", size: 2), meta: ["note": "n&1"], path: "a/b?c",
                           tags: ["x", "y"])
        let request = try await received(method: "POST") {
            $0.formBody(value, fields: [
                "ids": .style("pipeDelimited", explode: false, allowReserved: false),
                "filter": .style("deepObject", explode: true, allowReserved: false),
                "meta": .json,
                "path": .style("form", explode: true, allowReserved: true),
            ])
        }
        #expect(request.method == "POST")
        #expect(request.mediaType == "application/x-www-form-urlencoded")
        #expect(request.bodyText == "filter%5Bcolor%5D=red&filter%5Bsize%5D=2&ids=1%7C2"
            + "&meta=%7B%22note%22%3A%22n%261%22%7D&path=a/b?c&tags=x&tags=y")
    }
}
