import APISathi
import AccuAuth
import Deepvue
import Foundation
import Testing

// Production traffic over real HTTP on 127.0.0.1: Deepvue's self-fetched token (x-openapi-swift-token), retries with
// recorded delays, per-call timeouts, proxy pages, refused connections, cross-origin redirects and redaction. What
// the per-client suites already cover (Retry-After 7 + 503 with one generated Idempotency-Key, client-wide timeout,
// malformed 200 JSON) is not repeated here.

private enum Production {
    static let clientID = "prod-client-id-0001"
    static let clientSecret = "prod-client-secret-s3cr3t"
    static let aadhaar = "825323778091"
    static let sandboxAadhaar = "999999990019"
    static let otp = "123456"

    static let generateOTPSuccess = """
    {"code": 200, "timestamp": 1738007869132, "transaction_id": "794d863534e64702b0e908fbf6639970",
     "sub_code": "SUCCESS", "message": "OTP Sent Successfully",
     "data": {"aadhaar_number": "825323778091", "otp_sent": true,
              "reference_id": "aadhaar_seeding_status_uWTCaxnFXzAkaAwhimjo"}}
    """

    static func authorizeBody(token: String, expiry: Date) -> String {
        #"{"access_token": "\#(token)", "token_type": "bearer", "expiry": "\#(ISO8601DateFormatter().string(from: expiry))"}"#
    }
}

/// Records the delays AccuAuth's runtime asks for, without waiting.
private actor AccuAuthSleeper: AccuAuth.Sleeper {
    private(set) var delays: [Duration] = []
    func sleep(for duration: Duration) async throws { delays.append(duration) }
}

/// Counts authorize calls and hands out `token-<n>`.
private actor TokenIssuer {
    private(set) var issued = 0
    func next() -> String {
        issued += 1
        return "token-\(issued)"
    }
}

/// Collects log events as text (description and dump).
private final class CollectingLogger: Deepvue.ClientLogger, @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []
    func log(_ event: Deepvue.LogEvent) {
        var dumped = ""
        dump(event, to: &dumped)
        lock.withLock { texts.append(String(describing: event) + "\n" + String(reflecting: event) + "\n" + dumped) }
    }
    var all: String { lock.withLock { texts.joined(separator: "\n") } }
}

/// A Deepvue server: authorize issues tokens valid until `expiry()`; seeding calls succeed when the bearer token is
/// accepted by `accepts` and `x-api-key` is the client secret, else 401 "Could not validate credentials".
private func deepvueResponder(
    _ issuer: TokenIssuer, delay: Duration? = nil, expiry: @escaping @Sendable () -> Date = { Date() + 86_400 },
    accepts: @escaping @Sendable (String) -> Bool = { _ in true }
) -> TestServer.Responder {
    { request in
        if request.path == "/v1/authorize" {
            let fields = (try? request.multipartFields()) ?? [:]
            guard fields["client_id"] == Production.clientID, fields["client_secret"] == Production.clientSecret else {
                return .json(401, #"{"detail": "Invalid client_id or client_secret, access Denied"}"#)
            }
            let token = await issuer.next()
            return .json(200, Production.authorizeBody(token: token, expiry: expiry()), delay: delay)
        }
        let bearer = request.header("Authorization") ?? ""
        guard bearer.hasPrefix("Bearer "), accepts(String(bearer.dropFirst(7))),
              request.header("x-api-key") == Production.clientSecret else {
            return .json(401, #"{"detail": "Could not validate credentials"}"#)
        }
        return .json(200, Production.generateOTPSuccess)
    }
}

@Suite struct ProductionBehaviourTests {
    // MARK: - Deepvue with only a client ID and secret

    @Test func twentyConcurrentCallsShareOneAuthorize() async throws {
        let issuer = TokenIssuer()
        try await TestServer.with(responder: deepvueResponder(issuer, delay: .milliseconds(300))) { server in
            let client = DeepvueClient(clientID: Production.clientID, clientSecret: Production.clientSecret,
                                       serverURL: server.baseURL, options: .init(retry: .none))
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar).data.otpSent == true }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.count == 20)
            #expect(results.allSatisfy { $0 })
            let requests = await server.requests
            let authorizes = requests.filter { $0.path == "/v1/authorize" }
            #expect(authorizes.count == 1, "exactly one authorize for 20 concurrent calls")
            #expect(await issuer.issued == 1)
            let authorize = try #require(authorizes.first)
            #expect(authorize.mediaType == "multipart/form-data")
            #expect(authorize.header("Authorization") == nil)
            #expect(authorize.header("x-api-key") == nil)
            for request in requests where request.path != "/v1/authorize" {
                #expect(request.header("Authorization") == "Bearer token-1")
                #expect(request.header("x-api-key") == Production.clientSecret)
            }
        }
    }

    /// `expiry` in the past, or already reached: the next call authorizes again.
    @Test(arguments: [-3_600.0, 0.0])
    func expiredOrExpiringTokenIsRefreshed(_ secondsLeft: Double) async throws {
        let issuer = TokenIssuer()
        try await TestServer.with(responder: deepvueResponder(issuer, expiry: { Date() + secondsLeft })) { server in
            let client = DeepvueClient(clientID: Production.clientID, clientSecret: Production.clientSecret,
                                       serverURL: server.baseURL, options: .init(retry: .none))
            _ = try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar)
            _ = try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar)
            #expect(await issuer.issued == 2)
            let seeding = await server.requests.filter { $0.path != "/v1/authorize" }
            #expect(seeding.map { $0.header("Authorization") } == ["Bearer token-1", "Bearer token-2"])
        }
    }

    /// A token that lives 20 s, less than the 60 s refresh margin, is reused within its lifetime (the margin scales
    /// down to a fifth of the lifetime) instead of being fetched again for every call. (OpenAPISwiftRuntimeTests
    /// checks a 2 s token; 20 s keeps this test independent of the machine's speed.)
    @Test func shortLivedTokenIsReusedWithinItsLifetime() async throws {
        let issuer = TokenIssuer()
        try await TestServer.with(responder: deepvueResponder(issuer, expiry: { Date() + 20 })) { server in
            let client = DeepvueClient(clientID: Production.clientID, clientSecret: Production.clientSecret,
                                       serverURL: server.baseURL, options: .init(retry: .none))
            for _ in 0..<3 { _ = try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar) }
            #expect(await issuer.issued == 1)
            #expect(await server.requests.filter { $0.path == "/v1/authorize" }.count == 1)
        }
    }

    @Test func validTokenIsReusedUntilItsExpiry() async throws {
        let issuer = TokenIssuer()
        try await TestServer.with(responder: deepvueResponder(issuer)) { server in
            let client = DeepvueClient(clientID: Production.clientID, clientSecret: Production.clientSecret,
                                       serverURL: server.baseURL, options: .init(retry: .none))
            for _ in 0..<3 { _ = try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar) }
            #expect(await issuer.issued == 1)
        }
    }

    @Test func unauthorizedTriggersOneReauthorizeAndRetry() async throws {
        let issuer = TokenIssuer()
        // The server revoked token-1 (but its expiry says it is still valid).
        let responder = deepvueResponder(issuer, accepts: { $0 != "token-1" })
        try await TestServer.with(responder: responder) { server in
            let client = DeepvueClient(clientID: Production.clientID, clientSecret: Production.clientSecret,
                                       serverURL: server.baseURL, options: .init(retry: .none))
            let otp = try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar)
            #expect(otp.data.otpSent == true)
            #expect(await server.requests.map(\.path) == [
                "/v1/authorize", "/v1/verification/bank-aadhaar-seeding/generate-otp",
                "/v1/authorize", "/v1/verification/bank-aadhaar-seeding/generate-otp",
            ])
        }
    }

    @Test func persistentUnauthorizedGivesUpAfterOneReauthorize() async throws {
        let issuer = TokenIssuer()
        try await TestServer.with(responder: deepvueResponder(issuer, accepts: { _ in false })) { server in
            let client = DeepvueClient(clientID: Production.clientID, clientSecret: Production.clientSecret,
                                       serverURL: server.baseURL, options: .init(retry: .none))
            let error = try await #require(throws: DeepvueClient.Error.self) {
                _ = try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar)
            }
            #expect(error.statusCode == 401)
            #expect(error.kind == .documentedStatus)
            #expect(await issuer.issued == 2)
            #expect(await server.requests.count == 4)
        }
    }

    @Test func rejectedClientSecretIsAnAuthenticationError() async throws {
        let issuer = TokenIssuer()
        try await TestServer.with(responder: deepvueResponder(issuer)) { server in
            let client = DeepvueClient(clientID: Production.clientID, clientSecret: "wrong-secret-value",
                                       serverURL: server.baseURL, options: .init(retry: .none))
            let error = try await #require(throws: DeepvueClient.Error.self) {
                _ = try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar)
            }
            #expect(error.kind == .authentication)
            #expect(!String(describing: error).contains("wrong-secret-value"))
            #expect(await server.requests.map(\.path) == ["/v1/authorize"])
        }
    }

    /// The general path: an OAuth 2.0 client-credentials provider with `expires_in`.
    @Test func oauth2ClientCredentialsProviderCachesForExpiresIn() async throws {
        let issuer = TokenIssuer()
        try await TestServer.with(responder: { request in
            if request.path == "/oauth/token" {
                let token = await issuer.next()
                let lifetime = token == "token-1" ? 3_600 : 10
                return .json(200, #"{"access_token": "\#(token)", "token_type": "bearer", "expires_in": \#(lifetime)}"#)
            }
            return .json(200, Production.generateOTPSuccess)
        }) { server in
            let provider = Deepvue.OAuth2ClientCredentialsProvider(
                tokenURL: server.baseURL.appending(path: "/oauth/token"), clientID: Production.clientID,
                clientSecret: Production.clientSecret, scopes: ["kyc"])
            #expect(try await provider.token(forceRefresh: false) == "token-1")
            #expect(try await provider.token(forceRefresh: false) == "token-1")
            #expect(try await provider.token(forceRefresh: true) == "token-2")   // after a 401
            // expires_in 10 is less than the 60 s margin: the margin scales down to 2 s, so token-2 is reused.
            #expect(try await provider.token(forceRefresh: false) == "token-2")
            let form = try #require(await server.requests.first).formFields
            #expect(form["grant_type"] == "client_credentials")
            #expect(form["client_id"] == Production.clientID)
            #expect(form["scope"] == "kyc")
            #expect(!String(describing: provider).contains(Production.clientSecret))
        }
    }

    // MARK: - Retries, timeouts, broken responses

    @Test func rateLimitedWithRetryAfterTwoWaitsTwoSecondsThenSucceeds() async throws {
        let sleeper = RecordingSleeper()
        let success = #"{"name": "Shivshankar Choudhry", "verified": true}"#
        try await TestServer.with([
            .json(429, #"{"error": {"code": "RATE_LIMITED", "message": "slow down"}}"#, headers: ["Retry-After": "2"]),
            .json(200, success),
        ]) { server in
            let client = APISathiClient(apiKey: "test_apisathi_key_0001", serverURL: server.baseURL,
                                        options: .init(sleeper: sleeper))
            let kyc = try await client.aadhaarOkycV1(
                .init(otp: Production.otp, aadhaar: Production.sandboxAadhaar, otpReference: "ref_1"),
                idempotencyKey: "kyc-2025-0001")
            #expect(kyc.verified == true)
            #expect(await sleeper.delays == [.seconds(2)])
            let keys = await server.requests.map { $0.header("Idempotency-Key") }
            #expect(keys == ["kyc-2025-0001", "kyc-2025-0001"])
        }
    }

    @Test func accuAuthSendOTPIsNotRetriedOn503AndCarriesTheDecodedBody() async throws {
        let sleeper = AccuAuthSleeper()
        let body = #"{"status": "SERVICE_UNAVAILABLE", "reason": "upstream down", "request_id": "TID503"}"#
        try await TestServer.with([.json(503, body), .json(200, "{}")]) { server in
            let client = AccuAuthClient(serverURL: server.baseURL,
                                        credentials: .init(apiID: "api-id-0001", apiSecret: "api-secret-0001"),
                                        options: .init(sleeper: sleeper))
            let error = try await #require(throws: AccuAuthClient.Error.self) {
                _ = try await client.sendAadhaarOTP(.init(aadhaarNo: Production.sandboxAadhaar))
            }
            #expect(await server.requests.count == 1, "POST without an idempotency key is never retried")
            #expect(await sleeper.delays.isEmpty)
            #expect(error.statusCode == 503)
            #expect(error.rawBody == Data(body.utf8))
            #expect(error.requestID == "TID503")
            if error.kind == .documentedStatus {
                #expect(error.body != nil, "decoded body: \(String(describing: error.body))")
            }
        }
    }

    @Test func perCallTimeoutIsATypedTimeout() async throws {
        try await TestServer.with([.json(200, Production.generateOTPSuccess, delay: .seconds(12))]) { server in
            let client = DeepvueClient(serverURL: server.baseURL,
                                       credentials: .init(bearer: .token("t"), apiKey: "k"),
                                       options: .init(timeout: .seconds(60), retry: .none))
            let started = ContinuousClock.now
            let error = try await #require(throws: DeepvueClient.Error.self) {
                _ = try await client.generateSeedingOTP(aadhaarNumber: Production.aadhaar,
                                                        options: .init(timeout: .seconds(1)))
            }
            #expect(error.kind == .timeout)
            // Well before the server's 12 s answer, even on a loaded 2-core machine.
            #expect(ContinuousClock.now - started < .seconds(9))
        }
    }

    @Test func htmlBadGatewayFromAProxyKeepsStatusAndRawBody() async throws {
        let page = "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"
        try await TestServer.with([.text(502, page, contentType: "text/html")]) { server in
            let client = APISathiClient(apiKey: "test_apisathi_key_0001", serverURL: server.baseURL,
                                        options: .init(retry: .none))
            let error = try await #require(throws: APISathiClient.Error.self) {
                _ = try await client.aadhaarOkycV1(
                    .init(otp: Production.otp, aadhaar: Production.sandboxAadhaar, otpReference: "ref_1"))
            }
            #expect(error.statusCode == 502)
            #expect(error.body == nil)
            #expect(error.rawBody == Data(page.utf8))
            #expect(error.kind == .documentedStatus || error.kind == .undocumentedStatus)
        }
    }

    @Test func connectionRefusedIsATypedTransportErrorAndAPOSTIsNotRetried() async throws {
        let server = try await TestServer.start()
        let url = server.baseURL
        await server.stop()
        let sleeper = AccuAuthSleeper()
        let client = AccuAuthClient(serverURL: url,
                                    credentials: .init(apiID: "api-id-0001", apiSecret: "api-secret-0001"),
                                    options: .init(timeout: .seconds(10), sleeper: sleeper))
        let error = try await #require(throws: AccuAuthClient.Error.self) {
            _ = try await client.sendAadhaarOTP(.init(aadhaarNo: Production.sandboxAadhaar))
        }
        #expect(error.kind == .transport, "\(error)")
        #expect(error.statusCode == nil)
        #expect(await sleeper.delays.isEmpty)
    }

    // MARK: - Cross-origin redirects

    @Test func crossOriginRedirectDropsCredentialHeaders() async throws {
        try await TestServer.with(responder: { _ in .json(200, Production.generateOTPSuccess) }) { other in
            let target = other.baseURL.appending(path: "/landing").absoluteString
            try await TestServer.with(responder: { _ in
                ScriptedResponse(status: 302, headers: ["Location": target])
            }) { origin in
                let deepvue = DeepvueClient(serverURL: origin.baseURL,
                                            credentials: .init(bearer: .token("redirect-token-0001"),
                                                               apiKey: Production.clientSecret),
                                            options: .init(retry: .none))
                _ = try? await deepvue.generateSeedingOTP(aadhaarNumber: Production.aadhaar)
                let sathi = APISathiClient(apiKey: "sathi-key-redirect-0001", serverURL: origin.baseURL,
                                           options: .init(retry: .none))
                _ = try? await sathi.aadhaarOkycV1(
                    .init(otp: Production.otp, aadhaar: Production.sandboxAadhaar, otpReference: "ref_1"))
                let origins = await origin.requests
                #expect(origins.count == 2)
                #expect(origins.first?.header("Authorization") == "Bearer redirect-token-0001")
                #expect(origins.last?.header("X-API-Key") == "sathi-key-redirect-0001")
                let landed = await other.requests
                #expect(landed.count == 2, "the redirects were followed: \(landed)")
                for request in landed {
                    #expect(request.header("Authorization") == nil, "\(request)")
                    #expect(request.header("x-api-key") == nil, "\(request)")
                    #expect(request.header("X-API-Key") == nil, "\(request)")
                }
            }
        }
    }

    // MARK: - Redaction everywhere

    @Test func nothingSensitiveIsPrintedOrLogged() async throws {
        let logger = CollectingLogger()
        let issuer = TokenIssuer()
        let secrets = [Production.aadhaar, Production.sandboxAadhaar, Production.clientSecret, "token-1", "token-2"]
        func render(_ value: Any) -> [String] {
            var dumped = ""
            dump(value, to: &dumped)
            var texts = [String(describing: value), String(reflecting: value), dumped]
            if let error = value as? any Error { texts.append(error.localizedDescription) }
            return texts
        }
        try await TestServer.with(responder: { request in
            if request.path == "/v1/verification/bank-aadhaar-seeding/verify-otp" {
                // An error page that echoes the Aadhaar number (masked by the runtime; a server echoing a token is not).
                return .json(400, #"{"detail": "Bad Request for 825323778091"}"#)
            }
            return await deepvueResponder(issuer)(request)
        }) { server in
            let client = DeepvueClient(clientID: Production.clientID, clientSecret: Production.clientSecret,
                                       serverURL: server.baseURL, options: .init(retry: .none, logger: logger))
            let response = try await client.generateSeedingOTPWithResponse(aadhaarNumber: Production.aadhaar)
            let error = try await #require(throws: DeepvueClient.Error.self) {
                _ = try await client.verifySeedingOTP(otp: Production.otp, referenceID: "ref_1")
            }
            let request = AuthorizeRequest(clientID: Production.clientID, clientSecret: Production.clientSecret)
            let accuRequest = SendAadhaarOTPRequest(aadhaarNo: Production.sandboxAadhaar)
            var texts: [String] = []
            for value in [response.value, response, error, request, accuRequest, client] as [Any] {
                texts += render(value)
            }
            texts.append(logger.all)
            #expect(!logger.all.isEmpty)
            for text in texts {
                for secret in secrets {
                    #expect(!text.contains(secret), "\(secret) printed in: \(text)")
                }
            }
            // The OTP travels in the query: not in logs.
            #expect(!logger.all.contains("otp=\(Production.otp)"), "\(logger.all)")
        }
    }
}
