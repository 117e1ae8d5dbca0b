import APISathi
import Foundation
import Testing

// Behaviour tests of the generated API Sathi client (Specs/apisathi.json, the vendor's published OpenAPI document)
// over real HTTP against a loopback server. Fixtures are the documented sandbox samples; error bodies follow the
// spec's `{error: {code, message, call_id}}` envelope with the codes of the docs' error table.

private enum Fixture {
    static let apiKey = "test_apisathi_key_0001"
    static let otp = "123456"
    static let aadhaar = "999999990019"  // Sandbox sample (UIDAI's test UID).
    static let otpReference = "ref_sandbox_001"
    static let requestJSON = #"{"otp": "123456", "aadhaar": "999999990019", "otp_reference": "ref_sandbox_001"}"#

    static let address = """
    {"house": "12", "state": "Rajasthan", "street": "MG Road", "pincode": "302001", "district": "Jaipur"}
    """
    static let success = """
    {
      "dob": "1968-05-13",
      "name": "Shivshankar Choudhry",
      "gender": "M",
      "address": \(address),
      "verified": true
    }
    """
}

/// One row of the docs' error table.
struct APISathiErrorCase: Sendable, CustomTestStringConvertible {
    var status: Int
    var code: String
    var message: String
    var callID: String { "call_\(code.lowercased())_0001" }
    var body: String { #"{"error": {"code": "\#(code)", "message": "\#(message)", "call_id": "\#(callID)"}}"# }
    var testDescription: String { "\(status) \(code)" }

    static let all: [APISathiErrorCase] = [
        .init(status: 422, code: "INVALID_INPUT", message: "Request body failed schema validation."),
        .init(status: 401, code: "INVALID_API_KEY", message: "Missing, malformed, or revoked X-API-Key."),
        .init(status: 403, code: "OUT_OF_SCOPE", message: "API key is not scoped for this product."),
        .init(status: 402, code: "INSUFFICIENT_BALANCE", message: "Wallet balance is below the per-call sale price."),
        .init(status: 429, code: "RATE_LIMITED", message: "Per-key RPS or RPM limit exceeded. See Retry-After."),
        .init(status: 503, code: "ROUTER_NO_VENDOR", message: "No healthy vendor is currently available for this product."),
        .init(status: 502, code: "VENDOR_AUTH_FAILED", message: "Upstream vendor rejected our credentials."),
        .init(status: 502, code: "VENDOR_ERROR", message: "Upstream vendor returned an unexpected error."),
        .init(status: 504, code: "TIMEOUT", message: "Upstream vendor did not respond within the SLA window."),
    ]
}

/// A sleeper that returns at once and remembers what it was asked to wait.
actor RecordingSleeper: Sleeper {
    private(set) var delays: [Duration] = []
    func sleep(for duration: Duration) async throws { delays.append(duration) }
}

@Suite struct APISathiClientTests {
    private func makeClient(_ server: TestServer, options: ClientOptions = .init(retry: .none)) -> APISathiClient {
        APISathiClient(apiKey: Fixture.apiKey, serverURL: server.baseURL, options: options)
    }

    /// POST /aadhaar-okyc-v1 (the server URL replaces `…/gw/v1`), `X-API-Key`, JSON body, optional Idempotency-Key.
    private func expectRequest(_ request: RecordedRequest, idempotencyKey: String?,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(request.method == "POST", sourceLocation: sourceLocation)
        #expect(request.path == "/aadhaar-okyc-v1", sourceLocation: sourceLocation)
        #expect(request.queryItems.isEmpty, "query: \(request.rawQuery)", sourceLocation: sourceLocation)
        #expect(request.header("X-API-Key") == Fixture.apiKey, sourceLocation: sourceLocation)
        #expect(request.header("Authorization") == nil, sourceLocation: sourceLocation)
        #expect(request.mediaType == "application/json", sourceLocation: sourceLocation)
        #expect(JSONCompare.equal(request.body, Fixture.requestJSON), "body: \(request.bodyText)",
                sourceLocation: sourceLocation)
        if let idempotencyKey {
            #expect(request.header("Idempotency-Key") == idempotencyKey, sourceLocation: sourceLocation)
        }
    }

    // MARK: - Success

    @Test func aadhaarOkycSendsJSONWithAPIKeyAndIdempotencyKeyAndDecodesTheSample() async throws {
        try await TestServer.with([.json(200, Fixture.success)]) { server in
            let kyc = try await makeClient(server).aadhaarOkycV1(
                .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference),
                idempotencyKey: "idem-0001")

            expectRequest(try await server.onlyRequest(), idempotencyKey: "idem-0001")
            #expect(kyc.dob == "1968-05-13")
            #expect(kyc.name == "Shivshankar Choudhry")
            #expect(kyc.gender == "M")
            #expect(kyc.verified == true)
            #expect(EncodingCheck.roundTrips(kyc.address, equals: Fixture.address),
                    "address: \(EncodingCheck.text(kyc.address))")
        }
    }

    @Test func aadhaarOkycWithoutAnIdempotencyKeyStillSendsOne() async throws {
        // client-usage.md: "The Idempotency-Key is generated when not given".
        try await TestServer.with([.json(200, Fixture.success)]) { server in
            _ = try await makeClient(server).aadhaarOkycV1(
                .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference))
            let request = try await server.onlyRequest()
            expectRequest(request, idempotencyKey: nil)
            #expect(request.header("Idempotency-Key")?.isEmpty == false)
        }
    }

    @Test func aadhaarOkycWithResponseExposesStatusHeadersAndRawBody() async throws {
        try await TestServer.with([.json(200, Fixture.success, headers: ["X-Request-ID": "req-200"])]) { server in
            let response = try await makeClient(server).aadhaarOkycV1WithResponse(
                .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference),
                idempotencyKey: "idem-0002")
            #expect(response.statusCode == 200)
            #expect(response.requestID == "req-200")
            #expect(JSONCompare.equal(response.rawBody, Fixture.success))
            #expect(response.value.name == "Shivshankar Choudhry")
        }
    }

    @Test func everyResponseFieldIsOptional() async throws {
        try await TestServer.with([.json(200, "{}")]) { server in
            let kyc = try await makeClient(server).aadhaarOkycV1(
                .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference))
            #expect(kyc.name == nil)
            #expect(kyc.verified == nil)
            #expect(kyc.address == nil)
        }
    }

    // MARK: - Documented errors

    @Test(arguments: APISathiErrorCase.all)
    func documentedErrorDecodesIntoTheErrorEnvelope(_ errorCase: APISathiErrorCase) async throws {
        try await TestServer.with([.json(errorCase.status, errorCase.body)]) { server in
            let error = try await #require(throws: APISathiClient.Error.self) {
                _ = try await makeClient(server).aadhaarOkycV1(
                    .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference),
                    idempotencyKey: "idem-\(errorCase.status)")
            }
            expectRequest(try await server.onlyRequest(), idempotencyKey: "idem-\(errorCase.status)")

            #expect(error.kind == .documentedStatus)
            #expect(error.operationID == "aadhaarOkycV1")
            #expect(error.statusCode == errorCase.status)
            #expect(error.rawBody.map { JSONCompare.equal($0, errorCase.body) } == true)
            #expect(error.requestID == errorCase.callID, "call_id is the provider's request id")
            #expect(error.body != nil, "no typed body for \(errorCase.status)")
            // The spec declares each status's envelope inline, so the case and type names are the generator's;
            // check the decoded value re-encodes to exactly the body sent (code, message and call_id all decoded).
            let decoded = Reflection.innermostPayload(error.body)
            #expect(EncodingCheck.roundTrips(decoded, equals: errorCase.body),
                    "decoded: \(EncodingCheck.text(decoded)); cases: \(Reflection.caseLabels(error.body))")
        }
    }

    @Test func retryableStatusIsRetriedWithTheSameIdempotencyKeyHonouringRetryAfter() async throws {
        let rateLimited = APISathiErrorCase.all.first { $0.status == 429 }!
        let sleeper = RecordingSleeper()
        try await TestServer.with([
            .json(429, rateLimited.body, headers: ["Retry-After": "7"]),
            .json(503, APISathiErrorCase.all.first { $0.status == 503 }!.body),
            .json(200, Fixture.success),
        ]) { server in
            let client = makeClient(server, options: .init(retry: .default, sleeper: sleeper))
            let kyc = try await client.aadhaarOkycV1(
                .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference))
            #expect(kyc.verified == true)

            let requests = await server.requests
            #expect(requests.count == 3)
            let keys = Set(requests.compactMap { $0.header("Idempotency-Key") })
            #expect(keys.count == 1, "the same Idempotency-Key on every attempt: \(keys)")
            for request in requests { expectRequest(request, idempotencyKey: nil) }
            let delays = await sleeper.delays
            #expect(delays.count == 2)
            #expect(delays.first == .seconds(7), "Retry-After: 7 → \(delays)")
        }
    }

    // MARK: - Undocumented status, malformed bodies, validation, timeout

    @Test func undocumentedStatusIsATypedErrorWithStatusAndRawBody() async throws {
        let teapot = ScriptedResponse.text(418, "I'm a teapot", headers: ["X-Request-ID": "req-418"])
        try await TestServer.with([teapot]) { server in
            let error = try await #require(throws: APISathiClient.Error.self) {
                _ = try await makeClient(server).aadhaarOkycV1(
                    .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference))
            }
            #expect(error.kind == .undocumentedStatus)
            #expect(error.statusCode == 418)
            #expect(error.body == nil)
            #expect(error.rawBody == Data("I'm a teapot".utf8))
            #expect(error.requestID == "req-418")
            #expect(await server.requests.count == 1)
        }
    }

    @Test func malformedSuccessJSONIsADecodingError() async throws {
        let malformed = #"{"name": "Shivshankar Choudhry", "#
        try await TestServer.with([.json(200, malformed)]) { server in
            let error = try await #require(throws: APISathiClient.Error.self) {
                _ = try await makeClient(server).aadhaarOkycV1(
                    .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference))
            }
            #expect(error.kind == .decodingFailed)
            #expect(error.statusCode == 200)
            #expect(error.body == nil)
            #expect(error.rawBody == Data(malformed.utf8))
        }
    }

    @Test func wronglyTypedSuccessFieldIsADecodingError() async throws {
        let body = #"{"verified": "yes"}"#
        try await TestServer.with([.json(200, body)]) { server in
            let error = try await #require(throws: APISathiClient.Error.self) {
                _ = try await makeClient(server).aadhaarOkycV1(
                    .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference))
            }
            #expect(error.kind == .decodingFailed)
            #expect(error.rawBody == Data(body.utf8))
        }
    }

    @Test func patternViolationIsRejectedBeforeSending() async throws {
        let shortAadhaar = "99999999001"
        try await TestServer.with { server in
            let error = try await #require(throws: APISathiClient.Error.self) {
                _ = try await makeClient(server).aadhaarOkycV1(
                    .init(otp: Fixture.otp, aadhaar: shortAadhaar, otpReference: Fixture.otpReference))
            }
            #expect(error.kind == .validation)
            #expect(error.statusCode == nil)
            #expect(error.validationFailures.contains { failure in
                failure.path.contains("aadhaar")
                    && (failure.rule + " " + failure.message).contains(#"^\d{12}$"#)
            }, "failures: \(error.validationFailures)")
            #expect(!String(describing: error).contains(shortAadhaar))
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func slowServerTimesOut() async throws {
        try await TestServer.with([.json(200, Fixture.success, delay: .seconds(12))]) { server in
            let client = makeClient(server, options: .init(timeout: .seconds(1), retry: .none))
            let started = ContinuousClock.now
            let error = try await #require(throws: APISathiClient.Error.self) {
                _ = try await client.aadhaarOkycV1(
                    .init(otp: Fixture.otp, aadhaar: Fixture.aadhaar, otpReference: Fixture.otpReference))
            }
            #expect(error.kind == .timeout)
            // Well before the server's 12 s answer, even on a loaded 2-core machine.
            #expect(ContinuousClock.now - started < .seconds(9))
        }
    }
}
