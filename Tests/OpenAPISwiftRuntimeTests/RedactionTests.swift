import Foundation
import OpenAPISwiftRuntime
import Testing

/// No secret, token, OTP or Aadhaar number appears in any description, debug description, `String(reflecting:)`,
/// `dump` or mirror of requests, responses, error bodies, token providers, clients or log events.
@Suite struct RedactionTests {
    static let aadhaar = "999999990019"
    static let secrets = [aadhaar, "9999 9999 0019", "482913", "s3cr3t-value", "tok-abc-123"]

    /// Every way a value can be printed, joined.
    static func everyRendering<T>(_ value: T) -> String {
        [String(describing: value), String(reflecting: value), dumped(value),
         String(describing: Mirror(reflecting: value).children.map { "\($0.label ?? ""): \($0.value)" })]
            .joined(separator: "\n")
    }

    static func expectClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in secrets {
            #expect(!text.contains(secret), "shows \(secret):\n\(text)", sourceLocation: sourceLocation)
        }
    }

    static let url = URL(string: "https://api.example.com/v1/verify?api_key=s3cr3t-value&ref=1")!

    @Test func jsonFormAndMultipartRequestBodies() {
        let json = #"{"aadhaar_number":"999999990019","otp":"482913","client_secret":"s3cr3t-value","n":1}"#
        let form = "aadhaar=9999%209999%200019&otp=482913&client_secret=s3cr3t-value&name=A"
        let boundary = "Boundary-1"
        let multipart = "--\(boundary)\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\nid-1\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"client_secret\"\r\n\r\ns3cr3t-value\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"otp\"\r\nContent-Type: text/plain\r\n\r\n"
            + "482913\r\n--\(boundary)--\r\n"
        for body in [json, form, multipart, #"{"otp": 482913}"#] {
            var headers = HTTPHeaders()
            headers["Authorization"] = "Bearer tok-abc-123"
            headers["Content-Type"] = "application/json"
            let request = HTTPRequest(method: "POST", url: Self.url, headers: headers, body: Data(body.utf8))
            Self.expectClean(Self.everyRendering(request))
        }
        // What is not secret stays readable.
        let request = HTTPRequest(method: "POST", url: Self.url, body: Data(multipart.utf8))
        #expect(String(reflecting: request).contains("id-1"))
    }

    @Test func responsesAndErrors() {
        let body = Data(#"{"reason":"Aadhaar 999999990019 is not linked","token":"tok-abc-123"}"#.utf8)
        let response = HTTPResponse(statusCode: 422, headers: ["Set-Cookie": "sid=tok-abc-123"], body: body)
        Self.expectClean(Self.everyRendering(response))
        let value = Response(value: "otp: \"482913\"", statusCode: 200, rawBody: body, requestID: "r-999999990019")
        Self.expectClean(Self.everyRendering(value))
        let error = APIError<TestErrorBody>(kind: .documentedStatus, operationID: "verify", statusCode: 422,
                                            headers: response.headers, rawBody: body,
                                            body: .problem("Aadhaar 999999990019 is not linked"))
        Self.expectClean(Self.everyRendering(error))
        Self.expectClean(Self.everyRendering(error.body))
    }

    @Test func tokenProvidersAndBearerCredentials() async throws {
        let provider = CachingTokenProvider { ("tok-abc-123", nil) }
        _ = try await provider.token(forceRefresh: false)
        Self.expectClean(Self.everyRendering(provider))
        Self.expectClean(Self.everyRendering(BearerCredential.provider(provider)))
        Self.expectClean(Self.everyRendering(BearerCredential.token("tok-abc-123")))
        let oauth = OAuth2ClientCredentialsProvider(tokenURL: URL(string: "https://auth.example.com/token")!,
                                                    clientID: "id", clientSecret: "s3cr3t-value")
        Self.expectClean(Self.everyRendering(oauth))
    }

    @Test func clientRuntimeAndLogEvents() async throws {
        let runtime = makeRuntime(URL(string: "https://api.example.com")!,
                                  credentials: HeaderKey(name: "X-Api-Key", value: "s3cr3t-value"))
        Self.expectClean(Self.everyRendering(runtime))
        let server = try WireServer.start([.respond(400, #"{"reason":"otp 482913 for 999999990019 is wrong"}"#)])
        defer { server.stop() }
        let counter = Counter()
        let logged = makeRuntime(server.baseURL, options: ClientOptions(logger: RecordingLogger(counter: counter)),
                                 credentials: HeaderKey(name: "X-Api-Key", value: "s3cr3t-value"))
        var builder = RequestBuilder(operationID: "verify", method: "POST", path: "/verify?otp=482913")
        builder.security = [["Key"]]
        builder.jsonBody(["aadhaar": Self.aadhaar, "otp": "482913"])
        await #expect(throws: APIError<TestErrorBody>.self) {
            _ = try await logged.perform(builder) { response in
                if response.statusCode >= 400 { throw response.unexpected() }
            }
        }
        #expect(counter.count >= 2)
        Self.expectClean(counter.recorded.joined(separator: "\n"))
        // The server did get the real values: redaction is for what is shown, never for what is sent.
        let sent = try #require(server.received.first)
        #expect(sent.header("X-Api-Key") == "s3cr3t-value")
        #expect(String(decoding: sent.body, as: UTF8.self).contains(Self.aadhaar))
    }

    @Test func aCutBodyNeverShowsHalfANumber() {
        let body = Data((String(repeating: "x", count: 1990) + " 999999990019").utf8)
        #expect(!Redaction.snippet(body).contains("99999999"))
    }
}
