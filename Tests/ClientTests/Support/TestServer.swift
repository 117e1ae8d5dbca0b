import FlyingFox
import FlyingSocks
import Foundation
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// A loopback HTTP server for behaviour tests: it records every request it receives and answers from a
// queue of scripted responses (or a responder closure). Built on FlyingFox; binds 127.0.0.1 on a free port.
//
//     let server = try await TestServer.start()
//     defer { Task { await server.stop() } }          // or: try await TestServer.with { server in … }
//     await server.enqueue(.json(200, #"{"ok":true}"#))
//     … call the client with server.baseURL …
//     let request = try await server.onlyRequest()
//     #expect(request.method == "POST")

/// One request as the server received it.
struct RecordedRequest: Sendable, CustomStringConvertible {
    /// Upper-case method, e.g. `POST`.
    var method: String
    /// The path as sent, still percent-encoded, e.g. `/verify/send_aadhaar_otp`.
    var path: String
    /// The raw, percent-encoded query string without `?` (empty when there was none).
    var rawQuery: String
    /// Decoded query items in wire order.
    var queryItems: [URLQueryItem]
    /// Headers with their names as sent. Lookups through `header(_:)` are case-insensitive.
    /// (FlyingFox keeps the last value of a repeated header.)
    var headers: [String: String]
    var body: Data

    /// The value of a header, case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The first decoded value of a query item.
    func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// Names of all query items, in order.
    var queryNames: [String] { queryItems.map(\.name) }

    /// The body as UTF-8 text.
    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The `Content-Type` without parameters, lower-cased (e.g. `multipart/form-data`).
    var mediaType: String? {
        header("Content-Type").map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// The body parsed as a JSON object; nil when it is not one.
    var jsonObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    var description: String {
        "\(method) \(path)\(rawQuery.isEmpty ? "" : "?" + rawQuery) headers=\(headers.keys.sorted()) body=\(body.count) bytes"
    }
}

/// What the server answers.
struct ScriptedResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    /// Wait this long before answering (to exercise timeouts).
    var delay: Duration?

    init(status: Int, headers: [String: String] = [:], body: Data = Data(), delay: Duration? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// A JSON body (`Content-Type: application/json`).
    static func json(_ status: Int = 200, _ body: String, headers: [String: String] = [:], delay: Duration? = nil) -> Self {
        var all = ["Content-Type": "application/json"]
        all.merge(headers) { _, new in new }
        return Self(status: status, headers: all, body: Data(body.utf8), delay: delay)
    }

    /// A plain-text body.
    static func text(_ status: Int, _ body: String, contentType: String = "text/plain; charset=utf-8",
                     headers: [String: String] = [:], delay: Duration? = nil) -> Self {
        var all = ["Content-Type": contentType]
        all.merge(headers) { _, new in new }
        return Self(status: status, headers: all, body: Data(body.utf8), delay: delay)
    }
}

/// A loopback HTTP server for one test. Start it with `start()`, stop it with `stop()` (or use `with`).
final class TestServer: Sendable {
    /// Answered when the queue is empty and there is no responder: the test scripted too few responses.
    static let unscriptedStatus = 599

    private static let quietLogger: DisabledLogger = .disabled

    typealias Responder = @Sendable (RecordedRequest) async -> ScriptedResponse

    let port: UInt16
    /// `http://127.0.0.1:<port>` — pass it as the client's server URL.
    let baseURL: URL

    private let server: HTTPServer
    private let runTask: Task<Void, Never>
    private let state: State

    private init(server: HTTPServer, runTask: Task<Void, Never>, state: State, port: UInt16) {
        self.server = server
        self.runTask = runTask
        self.state = state
        self.port = port
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Starts a server on 127.0.0.1 and a free port, answering from `responses` in order, then from
    /// `responder` when given.
    static func start(_ responses: [ScriptedResponse] = [], responder: Responder? = nil) async throws -> TestServer {
        try await onLoopbackExecutor {
            let state = State(queue: responses, responder: responder)
            let server = HTTPServer(
                address: try .inet(ip4: "127.0.0.1", port: 0),
                timeout: 30,
                logger: Self.quietLogger,
                handler: ClosureHTTPHandler { request in
                    let recorded = await RecordedRequest(request)
                    let scripted = await state.next(for: recorded)
                    if let delay = scripted.delay {
                        try? await Task.sleep(for: delay)
                    }
                    return scripted.httpResponse
                }
            )
            // The server runs on threads of its own: a suite busy on the cooperative pool cannot stall it.
            let runTask = Task(executorPreference: LoopbackExecutor.shared) {
                do { try await server.run() } catch { await state.recordServerError(String(describing: error)) }
            }
            do {
                // A guard against a hang, not a timing assertion: generous for a loaded machine.
                try await server.waitUntilListening(timeout: 60)
            } catch {
                runTask.cancel()
                throw TestServerError.notListening(String(describing: error))
            }
            let address = await server.listeningAddress
            guard case .ip4(_, let port)? = address, port != 0 else {
                await server.stop()
                runTask.cancel()
                throw TestServerError.notListening("no IPv4 listening address")
            }
            return TestServer(server: server, runTask: runTask, state: state, port: port)
        }
    }

    /// Runs `body` with a started server and always stops it afterwards.
    static func with<R: Sendable>(
        _ responses: [ScriptedResponse] = [], responder: Responder? = nil,
        _ body: (TestServer) async throws -> R
    ) async throws -> R {
        // The test's own steps run beside the server, off the cooperative pool as well.
        try await onLoopbackExecutor {
            let server = try await start(responses, responder: responder)
            do {
                let result = try await body(server)
                await server.stop()
                return result
            } catch {
                await server.stop()
                throw error
            }
        }
    }

    /// Adds responses to the end of the queue.
    func enqueue(_ responses: ScriptedResponse...) async {
        await state.enqueue(responses)
    }

    func enqueue(contentsOf responses: [ScriptedResponse]) async {
        await state.enqueue(responses)
    }

    /// Replaces the responder used once the queue is empty.
    func setResponder(_ responder: Responder?) async {
        await state.setResponder(responder)
    }

    /// Every request received so far, in arrival order.
    var requests: [RecordedRequest] {
        get async { await state.requests }
    }

    /// Responses still queued (a test that scripted more than it used can check this is 0).
    var pendingResponses: Int {
        get async { await state.queue.count }
    }

    /// Requests that found nothing scripted (answered with `unscriptedStatus`).
    var unscriptedRequests: [RecordedRequest] {
        get async { await state.unscripted }
    }

    /// The single request received; throws when there were none or several.
    func onlyRequest() async throws -> RecordedRequest {
        let all = await requests
        guard all.count == 1 else { throw TestServerError.requestCount(expected: 1, actual: all) }
        return all[0]
    }

    /// Forgets recorded requests (the queue is kept).
    func clearRequests() async {
        await state.clearRequests()
    }

    /// Stops listening and closes connections.
    func stop() async {
        await server.stop(timeout: 0)
        runTask.cancel()
    }

    // MARK: - State

    private actor State {
        var queue: [ScriptedResponse]
        var responder: Responder?
        var requests: [RecordedRequest] = []
        var unscripted: [RecordedRequest] = []
        var serverErrors: [String] = []

        init(queue: [ScriptedResponse], responder: Responder?) {
            self.queue = queue
            self.responder = responder
        }

        func next(for request: RecordedRequest) async -> ScriptedResponse {
            requests.append(request)
            if !queue.isEmpty { return queue.removeFirst() }
            if let responder { return await responder(request) }
            unscripted.append(request)
            return .text(TestServer.unscriptedStatus, "TestServer: no scripted response for \(request.method) \(request.path)")
        }

        func enqueue(_ responses: [ScriptedResponse]) { queue.append(contentsOf: responses) }
        func setResponder(_ responder: Responder?) { self.responder = responder }
        func clearRequests() { requests.removeAll() }
        func recordServerError(_ error: String) { serverErrors.append(error) }
    }
}

enum TestServerError: Error, CustomStringConvertible {
    case notListening(String)
    case requestCount(expected: Int, actual: [RecordedRequest])

    var description: String {
        switch self {
        case .notListening(let why): "TestServer did not start listening: \(why)"
        case .requestCount(let expected, let actual):
            "expected \(expected) request(s), got \(actual.count): \(actual.map(\.description))"
        }
    }
}

// MARK: - FlyingFox conversions

extension RecordedRequest {
    init(_ request: FlyingFox.HTTPRequest) async {
        let body = (try? await request.bodyData) ?? Data()
        let rawQuery = request.target.query(percentEncoded: true)
        var components = URLComponents()
        components.percentEncodedQuery = rawQuery.isEmpty ? nil : rawQuery
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            if let existing = headers[name.rawValue] {
                headers[name.rawValue] = existing + ", " + value
            } else {
                headers[name.rawValue] = value
            }
        }
        self.init(
            method: request.method.rawValue.uppercased(),
            path: request.target.path(percentEncoded: true),
            rawQuery: rawQuery,
            queryItems: components.queryItems ?? [],
            headers: headers,
            body: body
        )
    }
}

extension ScriptedResponse {
    var httpResponse: FlyingFox.HTTPResponse {
        var httpHeaders = FlyingFox.HTTPHeaders()
        for (name, value) in headers {
            httpHeaders.addValue(value, for: HTTPHeader(name))
        }
        return FlyingFox.HTTPResponse(
            statusCode: HTTPStatusCode(status, phrase: Self.phrase(for: status)),
            headers: httpHeaders,
            body: body
        )
    }

    static func phrase(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 418: "I'm a teapot"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}
