import Deepvue
import Foundation
import Testing

// Behaviour tests of the generated Deepvue client (Specs/deepvue.yaml) over real HTTP against a loopback server.
// Fixtures are the documented samples (docs.deepvue.ai and the seed); the FastAPI-style array `detail` is the shape
// the spec allows by inference.

private enum Fixture {
    static let token = "test-access-token-0001"
    static let apiKey = "test-client-secret-0001"
    static let clientID = "test-client-id-0001"
    static let aadhaar = "825323778091"  // Deepvue's documented sample.
    static let otp = "123456"
    static let referenceID = "aadhaar_seeding_status_uWTCaxnFXzAkaAwhimjo"

    static let authorizeSuccess = """
    {"access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.example_access_token",
     "token_type": "bearer", "expiry": "2025-04-30T23:59:59Z"}
    """

    static let generateOTPSuccess = """
    {
      "code": 200,
      "timestamp": 1738007869132,
      "transaction_id": "794d863534e64702b0e908fbf6639970",
      "sub_code": "SUCCESS",
      "message": "OTP Sent Successfully",
      "data": {
        "aadhaar_number": "825323778091",
        "otp_sent": true,
        "reference_id": "aadhaar_seeding_status_uWTCaxnFXzAkaAwhimjo"
      }
    }
    """

    static let verifyOTPSuccess = """
    {
      "code": 200,
      "timestamp": 1738007869132,
      "transaction_id": "0bc39fb5e3674a2397b0065f2f5e72ee",
      "sub_code": "SUCCESS",
      "message": "OTP Verified Successfully",
      "data": {
        "bank_name": "STATE BANK OF INDIA",
        "status": "Active",
        "last_updated_date": "2013-06-01",
        "reference_id": "aadhaar_seeding_status_hTirlZjnEuedfjwKPgRo"
      }
    }
    """
}

enum DeepvueOperation: String, CaseIterable, Sendable {
    case authorize
    case generateSeedingOTP = "generate_seeding_otp"
    case verifySeedingOTP = "verify_seeding_otp"

    var path: String {
        switch self {
        case .authorize: "/v1/authorize"
        case .generateSeedingOTP: "/v1/verification/bank-aadhaar-seeding/generate-otp"
        case .verifySeedingOTP: "/v1/verification/bank-aadhaar-seeding/verify-otp"
        }
    }

    /// Whether the seed documents the `{code, timestamp, transaction_id, sub_code, message}` envelope for 422/500.
    var hasEnvelopeErrors: Bool { self != .authorize }

    func call(_ client: DeepvueClient) async throws {
        switch self {
        case .authorize:
            _ = try await client.authorize(.init(clientID: Fixture.clientID, clientSecret: Fixture.apiKey))
        case .generateSeedingOTP:
            _ = try await client.generateSeedingOTP(aadhaarNumber: Fixture.aadhaar)
        case .verifySeedingOTP:
            _ = try await client.verifySeedingOTP(otp: Fixture.otp, referenceID: Fixture.referenceID)
        }
    }
}

/// One documented error response.
struct DeepvueErrorCase: Sendable, CustomTestStringConvertible {
    enum Shape: Sendable { case detailString, detailArray, envelope }
    var status: Int
    var shape: Shape
    var body: String
    var retryable: Bool
    /// The `transaction_id` the client should report as the request ID (envelope bodies only).
    var transactionID: String?
    var testDescription: String { "\(status) \(shape)" }

    static func detail(_ status: Int, _ message: String, retryable: Bool = false) -> Self {
        .init(status: status, shape: .detailString, body: #"{"detail": "\#(message)"}"#, retryable: retryable)
    }

    /// Every documented status with the `{detail: string}` body (all operations).
    static let detailCases: [DeepvueErrorCase] = [
        .detail(400, "Inactive client_id"),
        .detail(401, "Could not validate credentials"),
        .detail(403, "Not authenticated"),
        .detail(422, "Bad Request"),
        .detail(429, "Rate limit exceeded. Please retry after some time.", retryable: true),
        .detail(500, "Internal Server Error", retryable: true),
        .detail(503, "Source Unavailable", retryable: true),
    ]

    /// FastAPI's framework validation error: `detail` is an array.
    static let detailArray = DeepvueErrorCase(
        status: 422, shape: .detailArray,
        body: #"{"detail": [{"loc": ["query", "aadhaar_number"], "msg": "field required", "type": "value_error.missing"}]}"#,
        retryable: false)

    /// The seed's envelope errors (seeding operations only).
    static let envelopeCases: [DeepvueErrorCase] = [
        .init(status: 422, shape: .envelope, body: """
            {"code": 422, "timestamp": 1737873140133, "transaction_id": "a4aee408393e4711a5267e0c44c25da2",
             "sub_code": "INVALID_AADHAAR_NUMBER",
             "message": "Invalid Aadhaar Number or Invalid UID. Please enter valid UID."}
            """, retryable: false, transactionID: "a4aee408393e4711a5267e0c44c25da2"),
        .init(status: 500, shape: .envelope, body: """
            {"code": 500, "timestamp": 1729686452911, "transaction_id": "string", "sub_code": "SOURCE_FAILURE",
             "message": "Source failure. Unable to validate."}
            """, retryable: true, transactionID: "string"),
        .init(status: 500, shape: .envelope, body: """
            {"code": 500, "timestamp": 1729686452911, "transaction_id": "string",
             "sub_code": "MOBILE_NOT_LINKED_OR_UNABLE_TO_VALIDATE",
             "message": "Either mobile number is not linked or unable to validate at the moment."}
            """, retryable: true, transactionID: "string"),
    ]

    var subCode: String? {
        guard shape == .envelope,
              let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return nil }
        return object["sub_code"] as? String
    }
}

/// (operation, error) pairs: every operation gets the `{detail}` cases and the array `detail`; the seeding
/// operations also get the envelope cases.
private let deepvueErrorMatrix: [(DeepvueOperation, DeepvueErrorCase)] = DeepvueOperation.allCases.flatMap { op in
    (DeepvueErrorCase.detailCases + [DeepvueErrorCase.detailArray]
        + (op.hasEnvelopeErrors ? DeepvueErrorCase.envelopeCases : [])).map { (op, $0) }
}

@Suite struct DeepvueClientTests {
    private func makeClient(_ server: TestServer) -> DeepvueClient {
        DeepvueClient(
            serverURL: server.baseURL,
            credentials: .init(bearer: .token(Fixture.token), apiKey: Fixture.apiKey)
        )
    }

    /// Seeding calls: POST, the path, the query, `Authorization: Bearer` and `x-api-key`, no body.
    private func expectSeedingRequest(_ request: RecordedRequest, _ operation: DeepvueOperation,
                                      query: [String: String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(request.method == "POST", sourceLocation: sourceLocation)
        #expect(request.path == operation.path, sourceLocation: sourceLocation)
        #expect(Set(request.queryNames) == Set(query.keys), "query: \(request.rawQuery)", sourceLocation: sourceLocation)
        for (name, value) in query {
            #expect(request.query(name) == value, "query \(name)", sourceLocation: sourceLocation)
        }
        #expect(request.header("Authorization") == "Bearer \(Fixture.token)", sourceLocation: sourceLocation)
        #expect(request.header("x-api-key") == Fixture.apiKey, sourceLocation: sourceLocation)
        #expect(request.body.isEmpty, "body: \(request.bodyText)", sourceLocation: sourceLocation)
    }

    /// authorize: POST /v1/authorize, multipart/form-data with client_id and client_secret, and no credentials.
    private func expectAuthorizeRequest(_ request: RecordedRequest, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(request.method == "POST", sourceLocation: sourceLocation)
        #expect(request.path == DeepvueOperation.authorize.path, sourceLocation: sourceLocation)
        #expect(request.queryItems.isEmpty, sourceLocation: sourceLocation)
        #expect(request.mediaType == "multipart/form-data", sourceLocation: sourceLocation)
        #expect(request.multipartBoundary != nil, "Content-Type: \(request.header("Content-Type") ?? "-")",
                sourceLocation: sourceLocation)
        do {
            let parts = try request.multipartParts()
            #expect(parts.compactMap(\.name).sorted() == ["client_id", "client_secret"], sourceLocation: sourceLocation)
            let fields = try request.multipartFields()
            #expect(fields["client_id"] == Fixture.clientID, sourceLocation: sourceLocation)
            #expect(fields["client_secret"] == Fixture.apiKey, sourceLocation: sourceLocation)
            for part in parts {
                #expect(part.headers["content-disposition"]?.hasPrefix("form-data") == true,
                        sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("multipart body did not parse: \(error); body: \(request.bodyText)",
                         sourceLocation: sourceLocation)
        }
        // `security: []`: the token endpoint is called without the bearer token or API key.
        #expect(request.header("Authorization") == nil, sourceLocation: sourceLocation)
        #expect(request.header("x-api-key") == nil, sourceLocation: sourceLocation)
    }

    private func expectRequest(_ request: RecordedRequest, _ operation: DeepvueOperation,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        switch operation {
        case .authorize:
            expectAuthorizeRequest(request, sourceLocation: sourceLocation)
        case .generateSeedingOTP:
            expectSeedingRequest(request, operation, query: ["aadhaar_number": Fixture.aadhaar],
                                 sourceLocation: sourceLocation)
        case .verifySeedingOTP:
            expectSeedingRequest(request, operation, query: ["otp": Fixture.otp, "reference_id": Fixture.referenceID],
                                 sourceLocation: sourceLocation)
        }
    }

    // MARK: - Success

    @Test func authorizeSendsMultipartFormWithoutCredentialsAndDecodesTheToken() async throws {
        try await TestServer.with([.json(200, Fixture.authorizeSuccess)]) { server in
            let token = try await makeClient(server).authorize(
                .init(clientID: Fixture.clientID, clientSecret: Fixture.apiKey))

            expectAuthorizeRequest(try await server.onlyRequest())
            #expect(token.accessToken == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.example_access_token")
            #expect(token.tokenType == "bearer")
            #expect(token.expiry == ISO8601DateFormatter().date(from: "2025-04-30T23:59:59Z"))
        }
    }

    @Test func generateSeedingOTPSendsQueryBearerAndAPIKeyAndDecodesTheSample() async throws {
        try await TestServer.with([.json(200, Fixture.generateOTPSuccess)]) { server in
            let otp = try await makeClient(server).generateSeedingOTP(aadhaarNumber: Fixture.aadhaar)

            expectRequest(try await server.onlyRequest(), .generateSeedingOTP)
            #expect(otp.code == 200)
            #expect(otp.timestamp == 1_738_007_869_132)
            #expect(otp.transactionID == "794d863534e64702b0e908fbf6639970")
            #expect(otp.subCode == "SUCCESS")
            #expect(otp.message == "OTP Sent Successfully")
            #expect(otp.data.aadhaarNumber == Fixture.aadhaar)
            #expect(otp.data.otpSent == true)
            #expect(otp.data.referenceID == Fixture.referenceID)
        }
    }

    @Test func verifySeedingOTPSendsQueryBearerAndAPIKeyAndDecodesTheSample() async throws {
        try await TestServer.with([.json(200, Fixture.verifyOTPSuccess)]) { server in
            let seeding = try await makeClient(server).verifySeedingOTP(otp: Fixture.otp, referenceID: Fixture.referenceID)

            expectRequest(try await server.onlyRequest(), .verifySeedingOTP)
            #expect(seeding.code == 200)
            #expect(seeding.timestamp == 1_738_007_869_132)
            #expect(seeding.transactionID == "0bc39fb5e3674a2397b0065f2f5e72ee")
            #expect(seeding.subCode == "SUCCESS")
            #expect(seeding.message == "OTP Verified Successfully")
            #expect(seeding.data.bankName == "STATE BANK OF INDIA")
            #expect(seeding.data.status == "Active")
            #expect(seeding.data.lastUpdatedDate == "2013-06-01")
            #expect(seeding.data.referenceID == "aadhaar_seeding_status_hTirlZjnEuedfjwKPgRo")
        }
    }

    @Test func generateSeedingOTPWithResponseReportsTheTransactionID() async throws {
        try await TestServer.with([.json(200, Fixture.generateOTPSuccess)]) { server in
            let response = try await makeClient(server).generateSeedingOTPWithResponse(aadhaarNumber: Fixture.aadhaar)
            #expect(response.statusCode == 200)
            #expect(JSONCompare.equal(response.rawBody, Fixture.generateOTPSuccess))
            #expect(response.requestID == "794d863534e64702b0e908fbf6639970")
            #expect(response.value.data.referenceID == Fixture.referenceID)
        }
    }

    // MARK: - Documented errors

    @Test(arguments: deepvueErrorMatrix)
    func documentedErrorDecodesIntoItsTypedBody(_ operation: DeepvueOperation, _ errorCase: DeepvueErrorCase)
        async throws
    {
        try await TestServer.with([.json(errorCase.status, errorCase.body)]) { server in
            let error = try await #require(throws: DeepvueClient.Error.self) {
                try await operation.call(makeClient(server))
            }
            // POST without an idempotency key: never retried, even for 429/500/503.
            expectRequest(try await server.onlyRequest(), operation)

            #expect(error.kind == .documentedStatus)
            #expect(error.operationID == operation.rawValue)
            #expect(error.statusCode == errorCase.status)
            #expect(error.rawBody.map { JSONCompare.equal($0, errorCase.body) } == true)
            #expect(error.isRetryable == errorCase.retryable)
            #expect(error.requestID == errorCase.transactionID)
            #expect(error.body != nil, "no typed body for \(errorCase.status)")

            // The decoded body re-encodes to exactly what the server sent.
            let decoded = Reflection.innermostPayload(error.body)
            #expect(EncodingCheck.roundTrips(decoded, equals: errorCase.body),
                    "decoded: \(EncodingCheck.text(decoded)); cases: \(Reflection.caseLabels(error.body))")

            switch errorCase.shape {
            case .detailString:
                let body = try #require(Reflection.payload(error.body, as: DetailError.self),
                                        "cases: \(Reflection.caseLabels(error.body))")
                let message = Reflection.payload(body.detail, as: String.self)
                #expect(message != nil && errorCase.body.contains(message ?? "-"), "detail: \(body.detail)")
            case .detailArray:
                let body = try #require(Reflection.payload(error.body, as: DetailError.self),
                                        "cases: \(Reflection.caseLabels(error.body))")
                let items = try #require(Reflection.payload(body.detail, as: [ValidationErrorItem].self),
                                         "detail: \(body.detail)")
                #expect(items.count == 1)
                #expect(items.first?.msg == "field required")
                #expect(items.first?.type == "value_error.missing")
                #expect(items.first.map { EncodingCheck.roundTrips($0.loc, equals: #"["query", "aadhaar_number"]"#) }
                        == true)
            case .envelope:
                let body = try #require(Reflection.payload(error.body, as: ErrorEnvelope.self),
                                        "cases: \(Reflection.caseLabels(error.body))")
                #expect(body.code == errorCase.status)
                #expect(body.subCode == errorCase.subCode)
                #expect(body.transactionID == errorCase.transactionID)
            }
        }
    }

    // MARK: - Undocumented status and malformed bodies

    @Test(arguments: DeepvueOperation.allCases)
    func undocumentedStatusIsATypedErrorWithStatusAndRawBody(_ operation: DeepvueOperation) async throws {
        let teapot = ScriptedResponse.json(418, #"{"detail": "I'm a teapot"}"#, headers: ["X-Request-ID": "req-418"])
        try await TestServer.with([teapot]) { server in
            let error = try await #require(throws: DeepvueClient.Error.self) {
                try await operation.call(makeClient(server))
            }
            #expect(error.kind == .undocumentedStatus)
            #expect(error.statusCode == 418)
            #expect(error.body == nil)
            #expect(error.rawBody == Data(#"{"detail": "I'm a teapot"}"#.utf8))
            #expect(error.requestID == "req-418")
            #expect(await server.requests.count == 1)
        }
    }

    @Test(arguments: DeepvueOperation.allCases)
    func malformedSuccessJSONIsADecodingError(_ operation: DeepvueOperation) async throws {
        let malformed = #"{"code": 200, "data": {"#
        try await TestServer.with([.json(200, malformed)]) { server in
            let error = try await #require(throws: DeepvueClient.Error.self) {
                try await operation.call(makeClient(server))
            }
            #expect(error.kind == .decodingFailed)
            #expect(error.statusCode == 200)
            #expect(error.body == nil)
            #expect(error.rawBody == Data(malformed.utf8))
        }
    }

    @Test func expiryThatIsNotADateIsADecodingError() async throws {
        // `expiry` is an ISO-8601 timestamp (not `expires_in` seconds); text that is no date must not decode.
        let body = #"{"access_token": "t", "token_type": "bearer", "expiry": "in 24 hours"}"#
        try await TestServer.with([.json(200, body)]) { server in
            let error = try await #require(throws: DeepvueClient.Error.self) {
                try await DeepvueOperation.authorize.call(makeClient(server))
            }
            #expect(error.kind == .decodingFailed)
            #expect(error.rawBody == Data(body.utf8))
        }
    }

    // MARK: - Privacy

    @Test func tokenSecretAndAadhaarAreNotPrinted() async throws {
        try await TestServer.with([.json(200, Fixture.authorizeSuccess), .json(200, Fixture.generateOTPSuccess)]) {
            server in
            let client = makeClient(server)
            let token = try await client.authorize(.init(clientID: Fixture.clientID, clientSecret: Fixture.apiKey))
            let otp = try await client.generateSeedingOTP(aadhaarNumber: Fixture.aadhaar)
            #expect(!String(describing: token).contains("example_access_token"))
            #expect(!String(describing: otp).contains(Fixture.aadhaar))
            let request = AuthorizeRequest(clientID: Fixture.clientID, clientSecret: Fixture.apiKey)
            #expect(!String(describing: request).contains(Fixture.apiKey))
        }
    }
}
