import APISathi
import AccuAuth
import Deepvue
import Foundation
import Streaming
import Testing

// Every generated client of this repository in one file, with the runtime's names unqualified: they all come from
// the one OpenAPISwiftRuntime module (re-exported by each client), so nothing is ambiguous, and one transport, one
// logger and one middleware serve two clients. What belongs to one API (errors, credentials, servers) is nested in
// its client type.

/// Counts what passes through it and forwards to URLSession.
private final class SharedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var hosts: [String] = []
    private let base = URLSessionTransport()

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { hosts.append(request.url.path) }
        return try await base.send(request)
    }

    var paths: [String] { lock.withLock { hosts } }
}

private final class SharedLog: ClientLogger, ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []
    private var intercepted: [String] = []

    func log(_ event: LogEvent) { lock.withLock { events.append(event.operationID + " " + event.kind.rawValue) } }

    func intercept(
        _ request: HTTPRequest, operationID: String, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        lock.withLock { intercepted.append(operationID) }
        return try await next(request)
    }

    var logged: [String] { lock.withLock { events } }
    var seen: [String] { lock.withLock { intercepted } }
}

@Suite struct SharedRuntimeTests {
    static let sendOTP = #"{"request_id":"TID1","result":{"client_id":"c-1","otp_sent":true},"status":"OK"}"#
    static let okyc = #"{"name":"A","verified":true}"#

    @Test func twoClientsShareOneTransportLoggerAndMiddleware() async throws {
        let transport = SharedTransport()
        let shared = SharedLog()
        let options = ClientOptions(retry: RetryPolicy.none, middlewares: [shared], logger: shared)
        try await TestServer.with([.json(200, Self.sendOTP), .json(200, Self.okyc)]) { server in
            let accuauth = AccuAuthClient(serverURL: server.baseURL,
                                          credentials: .init(apiID: "id-1", apiSecret: "secret-1"),
                                          options: options, transport: transport)
            let sathi = APISathiClient(apiKey: "key-1", serverURL: server.baseURL, options: options,
                                       transport: transport)
            let sent = try await accuauth.sendAadhaarOTP(.init(aadhaarNo: "999999990019"))
            let kyc = try await sathi.aadhaarOkycV1(
                .init(otp: "123456", aadhaar: "999999990019", otpReference: "ref-1"), idempotencyKey: "k-1")
            #expect(sent.result.clientID == "c-1")
            #expect(kyc.verified == true)
            let received = await server.requests
            #expect(received.map(\.path) == ["/verify/send_aadhaar_otp", "/aadhaar-okyc-v1"])
            #expect(received[0].header("X-DF-API-ID") == "id-1" && received[1].header("X-API-Key") == "key-1")
        }
        #expect(transport.paths == ["/verify/send_aadhaar_otp", "/aadhaar-okyc-v1"])
        #expect(shared.seen == ["send_aadhaar_otp", "aadhaarOkycV1"])
        #expect(shared.logged == ["send_aadhaar_otp requestSent", "send_aadhaar_otp responseReceived",
                                  "aadhaarOkycV1 requestSent", "aadhaarOkycV1 responseReceived"])
    }

    /// Each client's error carries its own error body type; any client's error can be handled as one protocol.
    @Test func errorsStayPerClientAndMeetInOneProtocol() async throws {
        try await TestServer.with([.json(401, #"{"request_id":"TID2","status":"KEY_EXPIRED"}"#)]) { server in
            let accuauth = AccuAuthClient(serverURL: server.baseURL,
                                          credentials: .init(apiID: "id-1", apiSecret: "secret-1"),
                                          options: ClientOptions(retry: .none))
            do {
                _ = try await accuauth.sendAadhaarOTP(.init(aadhaarNo: "999999990019"))
                Issue.record("no error")
            } catch let error as AccuAuthClient.Error {
                guard case .errorResponse(let body)? = error.body else {
                    Issue.record("undecoded body: \(String(reflecting: error))")
                    return
                }
                #expect(body.status == "KEY_EXPIRED")
                let any: any APIErrorProtocol = error
                #expect(any.kind == .documentedStatus && any.statusCode == 401 && any.requestID == "TID2")
            }
        }
        // The per-API names are nested, so they never meet.
        #expect(AccuAuthClient.Servers.default != APISathiClient.Servers.default)
        #expect(String(reflecting: AccuAuthClient.ErrorBody.self) == "AccuAuth.AccuAuthClient.ErrorBody")
        #expect(String(reflecting: DeepvueClient.ErrorBody.self) == "Deepvue.DeepvueClient.ErrorBody")
        _ = StreamingClient.Servers.all
    }
}
