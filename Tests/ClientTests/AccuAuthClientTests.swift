import AccuAuth
import Foundation
import Testing

// Behaviour tests of the generated AccuAuth client (Specs/accuauth.yaml) over real HTTP against a loopback server.
// Fixtures are the provider's documented samples; the validate_aadhaar_otp success body is synthetic (the docs
// publish none) and uses only documented fields.

private enum Fixture {
    static let apiID = "test-api-id-0001"
    static let apiSecret = "test-api-secret-0001"
    static let aadhaar = "999999990019"  // UIDAI's test UID (API Sathi sandbox sample).
    static let clientID = "aadhaar_v2_TmriSoarBhTC********"
    static let otp = "123456"

    static let sendOTPSuccess = """
    {
      "request_id": "TID8bf47ab6eda64476973cc5f5b6ebf57e",
      "result": {
        "client_id": "aadhaar_v2_TmriSoarBhTC********",
        "otp_sent": true,
        "if_number": true,
        "valid_aadhaar": true,
        "status": "generate_otp_success"
      },
      "status": "OK"
    }
    """

    static let address = """
    {"house": "12", "street": "MG Road", "dist": "Jaipur", "state": "Rajasthan", "country": "India", "pc": "302001"}
    """

    /// Synthetic: every documented result field, plus an explicit null for an optional one.
    static let validateOTPSuccess = """
    {
      "request_id": "TID0c5e1f7a9b3d4e6f8a0b2c4d6e8f0a1b",
      "result": {
        "client_id": "aadhaar_v2_TmriSoarBhTC********",
        "full_name": "Shivshankar Choudhry",
        "aadhaar_number": "999999990019",
        "dob": "1968-05-13",
        "gender": "M",
        "address": \(address),
        "face_status": false,
        "face_score": 87.5,
        "zip": "302001",
        "profile_image": "iVBORw0KGgo=",
        "has_image": true,
        "email_hash": "a1b2c3",
        "mobile_hash": "d4e5f6",
        "raw_xml": "https://example.invalid/raw.xml",
        "zip_data": "https://example.invalid/data.zip",
        "care_of": "S/O Example Parent",
        "share_code": "1234",
        "mobile_verified": false,
        "reference_id": "ref_0001",
        "aadhaar_pdf": null,
        "status": "success"
      },
      "status": "OK"
    }
    """
}

/// One documented error status with the docs' code for it.
struct AccuAuthErrorCase: Sendable, CustomTestStringConvertible {
    var status: Int
    var code: String
    var reason: String?
    var retryable: Bool

    var requestID: String { "TID8bf47ab6eda64476973cc5f5b6eb\(status)" }
    var body: String {
        let reasonField = reason.map { #", "reason": "\#($0)""# } ?? ""
        return #"{"status": "\#(code)"\#(reasonField), "request_id": "\#(requestID)"}"#
    }
    var testDescription: String { "\(status) \(code)" }

    static let all: [AccuAuthErrorCase] = [
        .init(status: 400, code: "INVALID_ARGUMENT", reason: "invalid aadhaar_no", retryable: false),
        .init(status: 401, code: "UNAUTHORIZED", reason: nil, retryable: false),
        .init(status: 403, code: "OUT_OF_QUOTA", reason: nil, retryable: false),
        .init(status: 404, code: "NOT_FOUND", reason: nil, retryable: false),
        .init(status: 500, code: "INTERNAL_ERROR", reason: nil, retryable: false),
        .init(status: 512, code: "SOURCE_SERVICE_UNAVAILABLE", reason: nil, retryable: true),
        .init(status: 513, code: "SOURCE_SERVICE_TIMEOUT", reason: "source did not answer", retryable: true),
    ]
}

enum AccuAuthOperation: String, CaseIterable, Sendable {
    case sendAadhaarOTP = "send_aadhaar_otp"
    case validateAadhaarOTP = "validate_aadhaar_otp"

    var path: String { "/verify/\(rawValue)" }
    var requestJSON: String {
        switch self {
        case .sendAadhaarOTP: #"{"aadhaar_no": "999999990019"}"#
        case .validateAadhaarOTP: #"{"client_id": "aadhaar_v2_TmriSoarBhTC********", "otp_code": "123456"}"#
        }
    }

    /// Calls the operation, discarding the value.
    func call(_ client: AccuAuthClient) async throws {
        switch self {
        case .sendAadhaarOTP:
            _ = try await client.sendAadhaarOTP(.init(aadhaarNo: Fixture.aadhaar))
        case .validateAadhaarOTP:
            _ = try await client.validateAadhaarOTP(.init(clientID: Fixture.clientID, otpCode: Fixture.otp))
        }
    }
}

@Suite struct AccuAuthClientTests {
    private func makeClient(_ server: TestServer) -> AccuAuthClient {
        AccuAuthClient(
            serverURL: server.baseURL,
            credentials: .init(apiID: Fixture.apiID, apiSecret: Fixture.apiSecret)
        )
    }

    /// The wire request: POST, the path, no query, both credential headers, a JSON body equal to `json`.
    private func expectRequest(_ request: RecordedRequest, _ operation: AccuAuthOperation,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(request.method == "POST", sourceLocation: sourceLocation)
        #expect(request.path == operation.path, sourceLocation: sourceLocation)
        #expect(request.queryItems.isEmpty, "query: \(request.rawQuery)", sourceLocation: sourceLocation)
        #expect(request.header("X-DF-API-ID") == Fixture.apiID, sourceLocation: sourceLocation)
        #expect(request.header("X-DF-API-SECRET") == Fixture.apiSecret, sourceLocation: sourceLocation)
        #expect(request.header("Authorization") == nil, sourceLocation: sourceLocation)
        #expect(request.mediaType == "application/json", sourceLocation: sourceLocation)
        #expect(JSONCompare.equal(request.body, operation.requestJSON), "body: \(request.bodyText)",
                sourceLocation: sourceLocation)
    }

    // MARK: - Success

    @Test func sendAadhaarOTPSendsJSONWithBothKeysAndDecodesTheSample() async throws {
        try await TestServer.with([.json(200, Fixture.sendOTPSuccess)]) { server in
            let sent = try await makeClient(server).sendAadhaarOTP(.init(aadhaarNo: Fixture.aadhaar))

            expectRequest(try await server.onlyRequest(), .sendAadhaarOTP)
            #expect(sent.requestID == "TID8bf47ab6eda64476973cc5f5b6ebf57e")
            #expect(sent.status == "OK")
            #expect(sent.result.clientID == Fixture.clientID)
            #expect(sent.result.otpSent == true)
            #expect(sent.result.ifNumber == true)
            #expect(sent.result.validAadhaar == true)
            // Documented as bool, sampled as a string: the spec models it as a string.
            #expect(sent.result.status == "generate_otp_success")
        }
    }

    /// The body declares JSON and form encoding; JSON is the default, and the caller can choose the form.
    @Test func sendAadhaarOTPSendsAFormWhenTheCallerChoosesIt() async throws {
        #expect(SendAadhaarOTPContentType.allCases.map(\.rawValue)
                == ["application/json", "application/x-www-form-urlencoded"])
        try await TestServer.with([.json(200, Fixture.sendOTPSuccess), .json(200, Fixture.validateOTPSuccess)]) { server in
            let client = makeClient(server)
            let sent = try await client.sendAadhaarOTP(.init(aadhaarNo: Fixture.aadhaar), contentType: .form)
            _ = try await client.validateAadhaarOTPWithResponse(
                .init(clientID: Fixture.clientID, otpCode: Fixture.otp), contentType: .form)
            #expect(sent.result.clientID == Fixture.clientID)

            let requests = await server.requests
            try #require(requests.count == 2)
            #expect(requests[0].path == AccuAuthOperation.sendAadhaarOTP.path)
            #expect(requests[0].mediaType == "application/x-www-form-urlencoded")
            #expect(requests[0].formFields == ["aadhaar_no": Fixture.aadhaar], "body: \(requests[0].bodyText)")
            #expect(requests[0].header("X-DF-API-ID") == Fixture.apiID)
            #expect(requests[1].mediaType == "application/x-www-form-urlencoded")
            #expect(requests[1].formFields == ["client_id": Fixture.clientID, "otp_code": Fixture.otp],
                    "body: \(requests[1].bodyText)")
        }
    }

    @Test func sendAadhaarOTPWithResponseExposesStatusHeadersAndRawBody() async throws {
        try await TestServer.with([.json(200, Fixture.sendOTPSuccess, headers: ["X-Trace": "t-1"])]) { server in
            let response = try await makeClient(server).sendAadhaarOTPWithResponse(.init(aadhaarNo: Fixture.aadhaar))
            #expect(response.statusCode == 200)
            #expect(response.headers["x-trace"] == "t-1")
            #expect(JSONCompare.equal(response.rawBody, Fixture.sendOTPSuccess))
            #expect(response.requestID == "TID8bf47ab6eda64476973cc5f5b6ebf57e")
            #expect(response.value.result.clientID == Fixture.clientID)
        }
    }

    @Test func validateAadhaarOTPSendsJSONWithBothKeysAndDecodesEveryResultField() async throws {
        try await TestServer.with([.json(200, Fixture.validateOTPSuccess)]) { server in
            let kyc = try await makeClient(server).validateAadhaarOTP(
                .init(clientID: Fixture.clientID, otpCode: Fixture.otp))

            expectRequest(try await server.onlyRequest(), .validateAadhaarOTP)
            #expect(kyc.requestID == "TID0c5e1f7a9b3d4e6f8a0b2c4d6e8f0a1b")
            #expect(kyc.status == "OK")
            let result = kyc.result
            #expect(result.clientID == Fixture.clientID)
            #expect(result.fullName == "Shivshankar Choudhry")
            #expect(result.aadhaarNumber == "999999990019")
            #expect(result.dob == "1968-05-13")
            #expect(result.gender == "M")
            #expect(EncodingCheck.roundTrips(result.address, equals: Fixture.address),
                    "address: \(EncodingCheck.text(result.address))")
            #expect(result.faceStatus == false)
            #expect(result.faceScore == 87.5)
            #expect(result.zip == "302001")
            #expect(result.profileImage == "iVBORw0KGgo=")
            #expect(result.hasImage == true)
            #expect(result.emailHash == "a1b2c3")
            #expect(result.mobileHash == "d4e5f6")
            #expect(result.rawXML == "https://example.invalid/raw.xml")
            #expect(result.zipData == "https://example.invalid/data.zip")
            #expect(result.careOf == "S/O Example Parent")
            #expect(result.shareCode == "1234")
            #expect(result.mobileVerified == false)
            #expect(result.referenceID == "ref_0001")
            #expect(result.aadhaarPDF == nil)
            #expect(result.status == "success")
        }
    }

    @Test func validateAadhaarOTPToleratesAnEmptyResult() async throws {
        // Every result field is optional: the docs publish no sample and say nothing is always present.
        let body = #"{"request_id": "TID1", "result": {}, "status": "OK"}"#
        try await TestServer.with([.json(200, body)]) { server in
            let kyc = try await makeClient(server).validateAadhaarOTP(
                .init(clientID: Fixture.clientID, otpCode: Fixture.otp))
            #expect(kyc.result.fullName == nil)
            #expect(kyc.result.aadhaarNumber == nil)
            #expect(kyc.result.address == nil)
        }
    }

    // MARK: - Documented errors

    @Test(arguments: AccuAuthOperation.allCases, AccuAuthErrorCase.all)
    func documentedErrorDecodesIntoErrorResponse(_ operation: AccuAuthOperation, _ errorCase: AccuAuthErrorCase)
        async throws
    {
        try await TestServer.with([.json(errorCase.status, errorCase.body)]) { server in
            let error = try await #require(throws: AccuAuthClient.Error.self) {
                try await operation.call(makeClient(server))
            }
            expectRequest(try await server.onlyRequest(), operation)  // POST without idempotency key: no retry.

            #expect(error.kind == .documentedStatus)
            #expect(error.operationID == operation.rawValue)
            #expect(error.statusCode == errorCase.status)
            #expect(error.requestID == errorCase.requestID)
            #expect(error.rawBody.map { JSONCompare.equal($0, errorCase.body) } == true)
            #expect(error.isRetryable == errorCase.retryable, "x-openapi-swift-retryable marks 512/513 only")

            let body = try #require(Reflection.payload(error.body, as: ErrorResponse.self),
                                    "body: \(String(describing: error.body))")
            #expect(body.status == errorCase.code)
            #expect(body.reason == errorCase.reason)
            #expect(body.requestID == errorCase.requestID)
        }
    }

    @Test func errorBodyWithoutReasonOrRequestIDStillDecodes() async throws {
        // `reason` is seed-only and `request_id` unconfirmed on errors: only `status` is required.
        try await TestServer.with([.json(401, #"{"status": "KEY_EXPIRED"}"#)]) { server in
            let error = try await #require(throws: AccuAuthClient.Error.self) {
                try await AccuAuthOperation.sendAadhaarOTP.call(makeClient(server))
            }
            #expect(error.statusCode == 401)
            #expect(error.requestID == nil)
            let body = try #require(Reflection.payload(error.body, as: ErrorResponse.self))
            #expect(body.status == "KEY_EXPIRED")
            #expect(body.reason == nil)
        }
    }

    // MARK: - Undocumented status and malformed bodies

    @Test(arguments: AccuAuthOperation.allCases)
    func undocumentedStatusIsATypedErrorWithStatusAndRawBody(_ operation: AccuAuthOperation) async throws {
        let teapot = ScriptedResponse.text(418, "I'm a teapot", headers: ["X-Request-ID": "req-418"])
        try await TestServer.with([teapot]) { server in
            let error = try await #require(throws: AccuAuthClient.Error.self) {
                try await operation.call(makeClient(server))
            }
            #expect(error.kind == .undocumentedStatus)
            #expect(error.statusCode == 418)
            #expect(error.body == nil)
            #expect(error.rawBody == Data("I'm a teapot".utf8))
            #expect(error.requestID == "req-418")
            #expect(await server.requests.count == 1)
        }
    }

    @Test(arguments: AccuAuthOperation.allCases)
    func malformedSuccessJSONIsADecodingError(_ operation: AccuAuthOperation) async throws {
        let malformed = #"{"request_id": "TID1", "result": {"client_id": "#
        try await TestServer.with([.json(200, malformed)]) { server in
            let error = try await #require(throws: AccuAuthClient.Error.self) {
                try await operation.call(makeClient(server))
            }
            #expect(error.kind == .decodingFailed)
            #expect(error.statusCode == 200)
            #expect(error.body == nil)
            #expect(error.rawBody == Data(malformed.utf8))
        }
    }

    @Test func successMissingARequiredFieldIsADecodingError() async throws {
        let body = #"{"request_id": "TID1", "status": "OK"}"#  // `result` is required.
        try await TestServer.with([.json(200, body)]) { server in
            let error = try await #require(throws: AccuAuthClient.Error.self) {
                try await AccuAuthOperation.sendAadhaarOTP.call(makeClient(server))
            }
            #expect(error.kind == .decodingFailed)
            #expect(error.statusCode == 200)
            #expect(error.rawBody == Data(body.utf8))
        }
    }

    @Test func malformedErrorBodyKeepsStatusAndRawBody() async throws {
        try await TestServer.with([.text(403, "<html>Forbidden</html>", contentType: "text/html")]) { server in
            let error = try await #require(throws: AccuAuthClient.Error.self) {
                try await AccuAuthOperation.sendAadhaarOTP.call(makeClient(server))
            }
            #expect(error.statusCode == 403)
            #expect(error.body == nil)
            #expect(error.rawBody == Data("<html>Forbidden</html>".utf8))
        }
    }

    // MARK: - Privacy

    @Test func secretsAndAadhaarNumbersAreNotPrinted() async throws {
        let request = SendAadhaarOTPRequest(aadhaarNo: Fixture.aadhaar)
        #expect(!String(describing: request).contains(Fixture.aadhaar))
        #expect(!String(reflecting: request).contains(Fixture.aadhaar))

        let error400 = AccuAuthErrorCase.all[0]
        try await TestServer.with([.json(error400.status, error400.body)]) { server in
            let error = try await #require(throws: AccuAuthClient.Error.self) {
                try await AccuAuthOperation.sendAadhaarOTP.call(makeClient(server))
            }
            for text in [String(describing: error), String(reflecting: error)] {
                #expect(!text.contains(Fixture.apiSecret))
                #expect(!text.contains(Fixture.aadhaar))
            }
        }
    }
}
