import Testing
@testable import ClientModel
@testable import TemplateEmitter

/// Key lines of each generated file for the sample API (snapshots of the parts that matter).
struct GeneratedShapeTests {
    let files: [EmittedFile]
    init() throws { files = try Support.emit(SampleAPI.api) }

    func expectLines(_ path: String, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let text = Support.file(files, path)
        let actual = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for line in lines {
            #expect(actual.contains(line), "\(path) lacks `\(line)`", sourceLocation: sourceLocation)
        }
    }

    @Test func structs() {
        expectLines("Models.swift", [
            "public struct Pet: Swift.Codable, Swift.Hashable, Swift.Sendable, Validatable {",
            "/// - Remark: Generated from `#/components/schemas/Pet`.",
            "public var id: Int64",
            "public var `default`: Bool?",
            "public struct Owner: Swift.Codable, Swift.Hashable, Swift.Sendable, Validatable, Swift.CustomStringConvertible, "
                + "Swift.CustomDebugStringConvertible, Swift.CustomReflectable {",
            "self.aadhaarNo = try container.decodeValue(String.self, named: \"aadhaar_no\")",
            "self.petType = try container.decodeValueIfPresent(String.self, named: \"pet_type\")",
            "private var _parent: Indirect<Pet?>",
            "self._parent = Indirect(try container.decodeValueIfPresent(Pet.self, named: \"parent\"))",
            "Validation.pattern(self.aadhaarNo, \"^\\\\d{12}$\", path: path + \".aadhaar_no\", into: &failures)",
            "Validation.maximum(self.weight, 100.5, exclusive: true, path: path + \".weight\", into: &failures)",
            "Validation.each(self.children, path: path + \".children\", into: &failures)",
            "public var additionalProperties: [Swift.String: JSONValue]",
            "@available(*, deprecated)",
            "public typealias PetList = [Pet]",
        ])
        // init(from:) and encode(to:) are written out even when every JSON key is the Swift name, keyed by the
        // runtime's `JSONKey` through `named:` literals: no `CodingKeys` enum, whose synthesized members would cost
        // more to compile than the struct (and synthesized coding type-checks slower).
        let circle = Support.file(files, "Models.swift").components(separatedBy: "public struct Circle")[1]
            .components(separatedBy: "\n}\n")[0]
        #expect(!circle.contains("CodingKeys"))
        #expect(circle.contains("let container = try decoder.container(keyedBy: JSONKey.self)"))
        #expect(circle.contains("self.radius = try container.decodeValue(Double.self, named: \"radius\")"))
        #expect(circle.contains("try container.encodeValue(self.radius, named: \"radius\")"))
    }

    @Test func sensitiveValuesAreMasked() {
        // One `Redaction.Fields` call per property, read by both `description` and `customMirror`: an interpolated
        // literal of every property type-checks ~9× slower, and a `[String: Any]` literal of masked optionals grows
        // exponentially with the property count.
        expectLines("Models.swift", [
            "public var description: Swift.String { self.redactedFields.result }",
            "Swift.Mirror(self, children: self.redactedFields.children, displayStyle: .struct)",
            "private var redactedFields: Redaction.Fields {",
            "var text = Redaction.Fields(\"LoginForm\")",
            "text.add(\"username\", self.username)",
            "text.addMasked(\"password\", self.password)",
            "return text",
        ])
    }

    @Test func enumsAndUnions() {
        expectLines("Models.swift", [
            "public enum Status: Swift.Codable, Swift.Hashable, Swift.Sendable, Swift.RawRepresentable {",
            "case unknown(Swift.String)",
            "case \"sold out\": self = .soldOut",
            "public static let allKnownCases: [Status] = [.available, .pending, .soldOut, .`default`]",
            "case unknown(Swift.Int)",
            "case 2: self = .high",
            "case \"circle\", \"Circle\": self = .circle(try container.decode(Circle.self))",
            "default: self = .unknown(try container.decode(JSONValue.self))",
            "UnionBranch(kind: .object, required: [\"radius\"]),",
            "case 1: if let value = try? container.decode(String.self) { self = .string(value); return }",
            "public enum ListPetsResponse: Swift.Hashable, Swift.Sendable {",
            "case noContent",
            "public enum UpdateNoteBody: Swift.Hashable, Swift.Sendable {",
        ])
    }

    @Test func operations() {
        expectLines("Client.swift", [
            "extension PetstoreClient {",
            "public func getPet(petID: Int64, verbose: Bool? = nil, xTraceID: String? = nil, session: String? = nil, "
                + "options: RequestOptions = .init()) async throws -> Pet {",
            "public func getPetWithResponse(petID: Int64, verbose: Bool? = nil, xTraceID: String? = nil, "
                + "session: String? = nil, options: RequestOptions = .init()) async throws -> Response<Pet> {",
            "var request = RequestBuilder(operationID: \"getPet\", method: \"GET\", path: "
                + "\"/pets/\\(PathEncoder.encode(petID, style: \"simple\", explode: false))\")",
            "request.query(\"verbose\", verbose, style: \"form\", explode: true, allowReserved: false)",
            "request.header(\"X-Trace-Id\", xTraceID)",
            "request.cookie(\"session\", session)",
            "request.security = [[\"ApiId\", \"ApiSecret\"]]",
            "default: .errorResponse(try response.decodeJSON(ErrorResponse.self))",
            "public func createPet(_ body: Pet, idempotencyKey: String? = nil, options: RequestOptions = .init()) "
                + "async throws -> Pet {",
            "request.idempotencyKey = idempotencyKey",
            "request.retryableStatuses = [503, 512]",
            "Validation.nested(body, path: \"body\", into: &failures)",
            "request.formBody(body)",
            "request.multipartBody(body)",
            "request.securityOptional = true",
            "case 200: response.decodeText()",
            "case 204: ()",
            "public func login(_ body: LoginForm, options: RequestOptions = .init()) async throws {",
            "var request_ = RequestBuilder(operationID: \"listPets\", method: \"GET\", path: \"/pets\")",
            "case 200...299: .other(try response.decodeJSON(PetList.self))",
            "var request = RequestBuilder(operationID: \"putBlob\", method: \"PUT\", path: "
                + "\"/blobs/\\(PathEncoder.encode(name, style: \"label\", explode: false));v=1\")",
            "request.binaryBody(body, contentType: \"application/octet-stream\")",
            "case .text(let value):",
            "request.textBody(value, contentType: \"text/plain\")",
            "case 409: .shape(try response.decodeJSON(Shape.self))",
        ])
    }

    @Test func clientAuthAndErrors() throws {
        expectLines("Client.swift", [
            "public struct PetstoreClient: Sendable {",
            "public typealias Error = APIError<ErrorBody>",
            "let runtime: ClientRuntime<ErrorBody>",
            "public static let `default` = URL(string: \"https://api.example.com/v1\")!",
            "URL(string: \"https://api.example.com/v1\")!, // Production",
            "credentials: Credentials,",
        ])
        expectLines("Client.swift", [
            "public struct Credentials: CredentialApplying, Swift.CustomStringConvertible, "
                + "Swift.CustomDebugStringConvertible, Swift.CustomReflectable {",
            "public var bearer: BearerCredential?",
            "public var basic: (username: Swift.String, password: Swift.String)?",
            "request.headers[\"X-API-ID\"] = value",
            "request.appendQuery(\"api_key\", value)",
            "public static func clientCredentials(clientID: Swift.String, clientSecret: Swift.String, "
                + "scopes: [Swift.String] = [\"pets:read\"], transport: any HTTPTransport = URLSessionTransport()) -> Credentials {",
            "public var credentialHeaderNames: Swift.Set<Swift.String> { [\"Authorization\", \"X-API-ID\", \"X-API-SECRET\", \"api_key\"] }",
        ])
        expectLines("Client.swift", [
            "extension PetstoreClient {",
            "public enum ErrorBody: Swift.Hashable, Swift.Sendable, APIErrorBody, Swift.CustomDebugStringConvertible {",
            "case .errorResponse(let value): return Redaction.mirrorCase(self, \"errorResponse\", value)",
            "case errorResponse(ErrorResponse)",
        ])
        let keyed = try Support.emit(SampleAPI.apiKeyOnly)
        #expect(Support.file(keyed, "Client.swift").contains("self.init(serverURL: serverURL, credentials: Credentials(apiKey: apiKey)"))
        #expect(Support.file(keyed, "Client.swift").contains("URL(string: \"http://localhost/v1\")!"))
        let bare = try Support.emit(SampleAPI.bare)
        #expect(!Support.file(bare, "Client.swift").contains("credentials: Credentials"))
        #expect(!Support.file(bare, "Client.swift").contains("struct Credentials"))
        // No documented error body: an enum without cases, whose members switch over nothing.
        #expect(Support.file(bare, "Client.swift").contains("    public enum ErrorBody: Swift.Hashable, Swift.Sendable, "
            + "APIErrorBody, Swift.CustomDebugStringConvertible {\n"))
        let errorBody = Support.file(bare, "Client.swift").components(separatedBy: "public enum ErrorBody")[1]
            .components(separatedBy: "public var description")[0]
        #expect(!errorBody.contains("        case "))
    }
}
