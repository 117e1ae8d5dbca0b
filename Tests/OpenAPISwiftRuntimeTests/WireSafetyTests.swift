import Foundation
import OpenAPISwiftRuntime
import Testing

/// What reaches the server, and how often, when connections fail: an unsafe request is never sent twice behind
/// the caller's back, and a retried one always carries its whole body.
@Suite(.serialized) struct WireSafetyTests {
    /// A kept-alive connection that the server then closes without answering: URLSession (libcurl on Linux) would
    /// silently resend the request on a fresh connection, without its body. A POST without an idempotency key must
    /// reach the server once and fail promptly with `.transport`.
    @Test func unsafePostReachesTheServerOnceWhenTheConnectionDies() async throws {
        let server = try WireServer.start([.respond(200, "warm"), .closeWithoutAnswer, .respond(200, "late")])
        defer { server.stop() }
        let runtime = makeRuntime(server.baseURL, options: ClientOptions(timeout: .seconds(30), sleeper: NoSleep()))
        _ = try await runtime.perform(RequestBuilder(operationID: "warm", method: "GET", path: "/warm")) { _ in () }
        var post = RequestBuilder(operationID: "sendOTP", method: "POST", path: "/otp")
        post.jsonBody(["aadhaar": "999999990019"])
        let started = ContinuousClock.now
        do {
            _ = try await runtime.perform(post) { _ in () }
            Issue.record("the call succeeded")
        } catch let error as APIError<TestErrorBody> {
            #expect(error.kind == .transport, "\(error)")
        }
        #expect(started.duration(to: .now) < .seconds(15), "failed only after the 30 s timeout")
        try await Task.sleep(for: .milliseconds(300))
        let posts = server.received.filter { $0.method == "POST" }
        #expect(posts.count == 1, "the POST reached the server \(posts.count) times")
    }

    /// With an idempotency key the retry policy decides, and every attempt carries the whole body.
    @Test func keyedPostIsRetriedWithItsWholeBody() async throws {
        let server = try WireServer.start([.respond(200, "warm"), .closeWithoutAnswer, .respond(200, "{}")])
        defer { server.stop() }
        let runtime = makeRuntime(server.baseURL, options: ClientOptions(timeout: .seconds(8), sleeper: NoSleep()))
        _ = try await runtime.perform(RequestBuilder(operationID: "warm", method: "GET", path: "/warm")) { _ in () }
        var post = RequestBuilder(operationID: "sendOTP", method: "POST", path: "/otp")
        post.jsonBody(["aadhaar": "999999990019"])
        _ = try await runtime.perform(post, options: RequestOptions(idempotencyKey: "k-1")) { _ in () }
        let posts = server.received.filter { $0.method == "POST" }
        #expect(posts.count == 2)
        for request in posts {
            #expect(request.bodyComplete && request.body == Data(#"{"aadhaar":"999999990019"}"#.utf8))
            #expect(request.header("Idempotency-Key") == "k-1")
        }
    }

    /// A middleware runs once per attempt: twice for a call retried once, and the server saw two requests.
    @Test func middlewareRunsOncePerAttempt() async throws {
        let server = try WireServer.start([.respond(503), .respond(200, "{}")])
        defer { server.stop() }
        let counter = Counter()
        let runtime = makeRuntime(server.baseURL, options: ClientOptions(
            middlewares: [CountingMiddleware(counter: counter)], sleeper: NoSleep()))
        _ = try await runtime.perform(RequestBuilder(operationID: "list", method: "GET", path: "/items")) { _ in () }
        #expect(server.received.count == 2)
        #expect(counter.recorded == ["list", "list"])
    }

    /// A 307/308 to another origin repeats the method and the whole body there, without the credentials.
    @Test(arguments: [307, 308]) func redirectToAnotherOriginKeepsMethodAndBody(status: Int) async throws {
        let target = try WireServer.start([.respond(200, "{}")])
        defer { target.stop() }
        let origin = try WireServer.start([
            .respond(status, "", headers: ["Location": target.baseURL.absoluteString + "/moved"]),
        ])
        defer { origin.stop() }
        let runtime = makeRuntime(origin.baseURL, options: ClientOptions(retry: .none),
                                  credentials: HeaderKey(name: "X-Api-Key", value: "secret-key-1"))
        var post = RequestBuilder(operationID: "submit", method: "POST", path: "/submit")
        post.security = [["Key"]]
        post.jsonBody(["n": 1])
        _ = try await runtime.perform(post) { _ in () }
        let first = try #require(origin.received.first)
        #expect(first.header("X-Api-Key") == "secret-key-1")
        let moved = try #require(target.waitForRequests(1).first)
        #expect(moved.method == "POST")
        #expect(moved.path == "/moved")
        #expect(moved.bodyComplete && moved.body == Data(#"{"n":1}"#.utf8),
                "\(moved.headers) \(String(decoding: moved.body, as: UTF8.self))")
        #expect(moved.header("Content-Type") == "application/json")
        #expect(moved.header("X-Api-Key") == nil, "credentials followed the redirect to another origin")
    }
}

/// Credentials of one API key header.
struct HeaderKey: CredentialApplying {
    let name: String
    let value: String
    var credentialHeaderNames: Set<String> { [name] }
    func apply(schemes: [String], to request: inout HTTPRequest, forceRefresh: Bool) async throws -> Bool {
        request.headers[name] = value
        return true
    }
}
