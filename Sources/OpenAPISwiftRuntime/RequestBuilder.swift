import Foundation

// MARK: - Request building

/// What a generated operation assembles before `ClientRuntime.perform`: parameters by OpenAPI style, the body,
/// the security requirement, the idempotency key and validation rules. Nothing here throws: a value that cannot
/// be encoded is recorded and surfaces as a `.validation` error before anything is sent.
public struct RequestBuilder {
    public let operationID: String
    public let method: String
    /// The path, parameters already encoded with `PathEncoder`.
    public let path: String
    /// Scheme keys: OR of AND-sets (`[["ApiId", "ApiSecret"]]`). Empty: no authorization.
    public var security: [[String]] = []
    /// True when the spec also allows no authorization (`{}` in `security`).
    public var securityOptional = false
    /// Statuses the operation marks retryable, on top of the policy's.
    public var retryableStatuses: Set<Int> = []
    /// The header an idempotency key travels in.
    public var idempotencyKeyHeader = "Idempotency-Key"
    /// Setting this (even to nil) declares that the operation takes an idempotency key: when neither this nor
    /// `RequestOptions.idempotencyKey` gives one, a UUID is generated once per call and reused on every retry.
    public var idempotencyKey: String? {
        get { explicitIdempotencyKey }
        set { explicitIdempotencyKey = newValue; declaresIdempotencyKey = true }
    }

    private(set) var declaresIdempotencyKey = false
    private var explicitIdempotencyKey: String?
    private(set) var queryItems: [String] = []
    private(set) var headers = HTTPHeaders()
    private(set) var cookies: [String] = []
    private(set) var body: Data?
    private(set) var validations: [(inout [ValidationFailure]) -> Void] = []
    public internal(set) var encodingFailures: [ValidationFailure] = []

    public init(operationID: String, method: String, path: String) {
        self.operationID = operationID
        self.method = method.uppercased()
        self.path = path
    }

    // MARK: Parameters

    /// A query parameter; `style` is form, spaceDelimited, pipeDelimited or deepObject. `nil` is skipped.
    public mutating func query<T: Encodable>(
        _ name: String, _ value: T?, style: String = "form", explode: Bool = true, allowReserved: Bool = false
    ) {
        guard let value = encoded(value, at: name) else { return }
        queryItems += ParameterStyle.query(value, name: name, style: style, explode: explode,
                                           allowReserved: allowReserved)
    }

    /// OpenAPI 3.2 `in: querystring` as `application/x-www-form-urlencoded`: an object as `k=v&k2=v2` (nested
    /// objects `a[b]=c`, arrays as repeated keys). `nil` is skipped.
    public mutating func formQueryString<T: Encodable>(_ value: T?) {
        guard let value = encoded(value, at: "querystring") else { return }
        queryItems += ParameterStyle.formPairs(value, fields: [:])
    }

    /// `in: querystring` as JSON: the value's JSON text (keys sorted, `/` unescaped), percent-encoded, is the whole
    /// query string (`{"a":1}` → `?%7B%22a%22%3A1%7D`). `nil` is skipped.
    public mutating func jsonQueryString<T: Encodable>(_ value: T?) {
        guard let value else { return }
        do {
            queryItems.append(Percent.encode(try ParameterStyle.jsonText(value)))
        } catch {
            encodingFailures.append(.init(path: "querystring", rule: "encoding", message: Redaction.describe(error)))
        }
    }

    /// A query parameter with `content: application/json`: `name=` and the value's JSON text (keys sorted, `/`
    /// unescaped), percent-encoded (`{"a":1}` → `filter=%7B%22a%22%3A1%7D`). `nil` is skipped.
    public mutating func jsonQuery<T: Encodable>(_ name: String, _ value: T?) {
        guard let value else { return }
        do {
            queryItems.append(Percent.encode(name) + "=" + Percent.encode(try ParameterStyle.jsonText(value)))
        } catch {
            encodingFailures.append(.init(path: name, rule: "encoding", message: Redaction.describe(error)))
        }
    }

    /// A header parameter with `content: application/json`: the value's JSON text (keys sorted). `nil` is skipped.
    public mutating func jsonHeader<T: Encodable>(_ name: String, _ value: T?) {
        guard let value else { return }
        do {
            headers[name] = HTTPHeaders.cleanLine(try ParameterStyle.jsonText(value))
        } catch {
            encodingFailures.append(.init(path: name, rule: "encoding", message: Redaction.describe(error)))
        }
    }

    /// `in: querystring` as `text/plain`: the value's text, percent-encoded, is the whole query string. `nil` and
    /// empty text are skipped.
    public mutating func textQueryString<T: Encodable>(_ value: T?) {
        guard let value = encoded(value, at: "querystring"), let text = value.scalarText, !text.isEmpty else { return }
        queryItems.append(Percent.encode(text))
    }

    /// A header parameter (style simple). `nil` is skipped.
    public mutating func header<T: Encodable>(_ name: String, _ value: T?, explode: Bool = false) {
        guard let value = encoded(value, at: name), value != .null else { return }
        headers[name] = ParameterStyle.simple(value, explode: explode, escape: { $0 })
    }

    /// A cookie parameter (style form). `nil` is skipped.
    public mutating func cookie<T: Encodable>(_ name: String, _ value: T?, explode: Bool = true) {
        guard let value = encoded(value, at: name), value != .null else { return }
        cookies += ParameterStyle.form(value, name: name, explode: explode, escape: { Percent.encode($0) })
    }

    // MARK: Bodies

    /// `application/json` (or a `+json` type): `JSONEncoder` with RFC 3339 dates and lower-case UUIDs, property
    /// order kept.
    public mutating func jsonBody<T: Encodable>(_ value: T?, contentType: String = "application/json") {
        guard let value else { return }
        do {
            setBody(try JSONCoding.makeRequestEncoder().encodeLoweringUUIDs(value), contentType: contentType)
        } catch {
            encodingFailures.append(.init(path: "body", rule: "encoding", message: Redaction.describe(error)))
        }
    }

    /// An OpenAPI 3.2 `itemSchema` body: each item's JSON text (compact, so it holds no line break), framed as
    /// JSON Lines / NDJSON (`item` LF) or a JSON text sequence (RFC 7464: RS `item` LF). `nil` sends no body.
    public mutating func jsonItemsBody<T: Encodable>(_ items: [T]?, framing: JSONItemFraming, contentType: String) {
        guard let items else { return }
        let encoder = JSONCoding.makeRequestEncoder()
        var data = Data()
        do {
            for item in items {
                let json = try encoder.encodeLoweringUUIDs(item)
                switch framing {
                case .jsonLines:
                    data.append(json)
                    data.append(0x0A)
                case .jsonSequence:
                    data.append(0x1E)
                    data.append(json)
                    data.append(0x0A)
                }
            }
            setBody(data, contentType: contentType)
        } catch {
            encodingFailures.append(.init(path: "body", rule: "encoding", message: Redaction.describe(error)))
        }
    }

    /// How one property of a form body is written: the spec's `encoding` entry for it.
    public enum FormField: Sendable {
        /// Like a query parameter of that style (`form`, `spaceDelimited`, `pipeDelimited`, `deepObject`).
        case style(String, explode: Bool, allowReserved: Bool)
        /// As JSON text (`contentType: application/json`).
        case json
    }

    /// `application/x-www-form-urlencoded`: a property with an entry in `fields` as that entry says; others with
    /// nested objects as `a[b]=c` and arrays as repeated keys.
    public mutating func formBody<T: Encodable>(_ value: T?, fields: [String: FormField] = [:]) {
        guard let value = encoded(value, at: "body") else { return }
        let pairs: [String] = ParameterStyle.formPairs(value, fields: fields)
        setBody(Data(pairs.joined(separator: "&").utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// Raw bytes.
    public mutating func binaryBody(_ data: Data?, contentType: String = "application/octet-stream") {
        if let data { setBody(data, contentType: contentType) }
    }

    /// Text, UTF-8 encoded.
    public mutating func textBody(_ text: String?, contentType: String = "text/plain; charset=utf-8") {
        if let text { setBody(Data(text.utf8), contentType: contentType) }
    }

    /// A rule run before sending when `ClientOptions.validatesRequests`.
    public mutating func validate(_ rule: @escaping (inout [ValidationFailure]) -> Void) {
        validations.append(rule)
    }

    // MARK: Assembly

    mutating func setBody(_ data: Data, contentType: String) {
        body = data
        headers["Content-Type"] = contentType
    }

    private mutating func encoded<T: Encodable>(_ value: T?, at path: String) -> JSONValue? {
        guard let value else { return nil }
        do {
            return try JSONValue(encoding: value)
        } catch {
            encodingFailures.append(.init(path: path, rule: "encoding", message: Redaction.describe(error)))
            return nil
        }
    }

    /// The `HTTPRequest`: server URL + path + query, the operation's headers, then the client's additional headers
    /// (where not set), then the call's headers (replacing), cookies and the idempotency key.
    public func makeRequest(
        serverURL: URL, timeout: Duration, additionalHeaders: [String: String] = [:],
        callHeaders: [String: String] = [:], idempotencyKey callKey: String? = nil
    ) throws -> HTTPRequest {
        var base = serverURL.absoluteString
        var baseQuery: String?
        if let mark = base.firstIndex(of: "?") {
            baseQuery = String(base[base.index(after: mark)...])
            base = String(base[..<mark])
        }
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + (path.hasPrefix("/") || path.isEmpty ? path : "/" + path)
        let query = (baseQuery.map { [$0] } ?? []) + queryItems
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        guard let url = URL(string: text) else {
            throw APIError<NoErrorBody>(kind: .validation, operationID: operationID, validationFailures: [
                .init(path: "url", rule: "url", message: "the server URL and path do not form a valid URL"),
            ])
        }
        var headers = self.headers
        for (name, value) in additionalHeaders.sorted(by: { $0.key < $1.key }) where !headers.contains(name) {
            headers[name] = value
        }
        for (name, value) in callHeaders.sorted(by: { $0.key < $1.key }) { headers[name] = value }
        if !cookies.isEmpty {
            headers["Cookie"] = ((headers["Cookie"].map { [$0] } ?? []) + cookies).joined(separator: "; ")
        }
        let generated: String? = declaresIdempotencyKey ? UUID().uuidString.lowercased() : nil
        if let key = explicitIdempotencyKey ?? callKey ?? generated {
            headers[idempotencyKeyHeader] = key
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout)
    }
}

/// How `RequestBuilder.jsonItemsBody` separates items.
public enum JSONItemFraming: String, Sendable {
    /// `application/jsonl`, `application/x-ndjson`: one item per line.
    case jsonLines
    /// `application/json-seq` (RFC 7464): each item after a record separator (0x1E), ended by a line feed.
    case jsonSequence
}

