import Foundation

// MARK: - Errors

/// Why a call failed. The same for every client, so one logger or middleware can handle every client's errors.
public enum APIErrorKind: String, Sendable, Hashable, CaseIterable {
    /// A status the spec documents as an error; `body` holds the decoded body (nil if it did not decode).
    case documentedStatus
    /// A status the spec does not document; see `rawBody`.
    case undocumentedStatus
    /// A success status whose body did not decode as documented.
    case decodingFailed
    /// The request could not be sent or the connection failed.
    case transport
    /// An attempt took longer than the timeout.
    case timeout
    /// The request breaks the spec's constraints (`validationFailures`); nothing was sent.
    case validation
    /// No credentials for the operation's security, or they could not be obtained.
    case authentication
    /// The calling task was cancelled.
    case cancelled
}

/// What every client's `APIError` has in common, whatever its error body: catch `any APIErrorProtocol` to handle
/// the errors of several clients in one place.
public protocol APIErrorProtocol: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    var kind: APIErrorKind { get }
    var operationID: String { get }
    var statusCode: Int? { get }
    var headers: HTTPHeaders { get }
    var rawBody: Data? { get }
    var requestID: String? { get }
    var validationFailures: [ValidationFailure] { get }
    /// What went wrong underneath, already redacted.
    var underlying: String? { get }
    /// Whether the same request may succeed later (connection failure, timeout, retryable status).
    var isRetryable: Bool { get }
    /// The decoded error body, whatever its type (`APIError.body` has the client's `ErrorBody` type).
    var anyBody: (any Sendable)? { get }
}

/// A client's `ErrorBody`: one case per documented error body. Its description and mirror are scrubbed (an Aadhaar
/// number or a secret the server echoes in free text is masked); `payload` is the decoded body itself.
public protocol APIErrorBody: Sendable, CustomStringConvertible, CustomReflectable {
    /// The decoded body of the case, unredacted.
    var payload: any Sendable { get }
}

/// The error body of failures that no client produced (e.g. `OAuth2ClientCredentialsProvider`'s): it has no values.
public enum NoErrorBody: Sendable, Hashable, CustomStringConvertible {
    public var description: String { switch self {} }
}

/// Every failure of a generated client; `Body` is the client's `ErrorBody`, the decoded documented error bodies
/// (`AccuAuthClient.Error` is `APIError<AccuAuthClient.ErrorBody>`). `description` is one redacted line;
/// `debugDescription` adds redacted headers and the scrubbed body; the mirror is redacted too.
public struct APIError<Body: Sendable>: APIErrorProtocol, CustomReflectable {
    public typealias Kind = APIErrorKind

    public var kind: Kind
    public var operationID: String
    public var statusCode: Int?
    public var headers: HTTPHeaders
    public var rawBody: Data?
    /// The documented error body, decoded.
    public var body: Body?
    public var requestID: String?
    public var validationFailures: [ValidationFailure]
    /// What went wrong underneath, already redacted.
    public var underlying: String?
    /// Whether the same request may succeed later (connection failure, timeout, retryable status).
    public var isRetryable: Bool

    public init(
        kind: Kind, operationID: String, statusCode: Int? = nil, headers: HTTPHeaders = [:], rawBody: Data? = nil,
        body: Body? = nil, requestID: String? = nil, validationFailures: [ValidationFailure] = [],
        underlying: String? = nil, isRetryable: Bool? = nil
    ) {
        self.kind = kind
        self.operationID = operationID
        self.statusCode = statusCode
        self.headers = headers
        self.rawBody = rawBody
        self.body = body
        self.requestID = requestID
        self.validationFailures = validationFailures
        self.underlying = underlying
        self.isRetryable = isRetryable ?? (kind == .transport || kind == .timeout
            || [429, 502, 503, 504].contains(statusCode ?? 0))
    }

    public var anyBody: (any Sendable)? { body }

    /// The same failure as another client's (or the runtime's) error, without its body.
    public init(_ other: any APIErrorProtocol) {
        self.init(kind: other.kind, operationID: other.operationID, statusCode: other.statusCode,
                  headers: other.headers, rawBody: other.rawBody, requestID: other.requestID,
                  validationFailures: other.validationFailures, underlying: other.underlying,
                  isRetryable: other.isRetryable)
    }

    public var description: String {
        var text = operationID + ": "
        switch kind {
        case .documentedStatus: text += "HTTP \(statusCode ?? 0) (documented error)"
        case .undocumentedStatus: text += "HTTP \(statusCode ?? 0) (undocumented status)"
        case .decodingFailed: text += "HTTP \(statusCode ?? 0) response could not be decoded"
        case .transport: text += "transport failure"
        case .timeout: text += "timed out"
        case .validation: text += "invalid request: " + validationFailures.map(\.description).joined(separator: "; ")
        case .authentication: text += "authentication failed"
        case .cancelled: text += "cancelled"
        }
        if let requestID { text += " [request ID \(Redaction.scrub(requestID))]" }
        if let underlying { text += ": " + underlying }
        if let rawBody, !rawBody.isEmpty { text += " — body: " + Redaction.snippet(rawBody) }
        return text
    }

    public var debugDescription: String {
        "APIError(\(kind.rawValue)) \(description) headers: \(headers)"
    }

    public var customMirror: Mirror {
        let body: Any? = self.body
        return Mirror(self, children: [
            "kind": kind, "operationID": operationID, "statusCode": statusCode as Any, "headers": headers,
            "rawBody": rawBody.map { Redaction.snippet($0) } as Any,
            "body": body.map { Redaction.scrub(String(describing: $0)) } as Any,
            "requestID": requestID.map(Redaction.scrub) as Any, "validationFailures": validationFailures,
            "underlying": underlying as Any, "isRetryable": isRetryable,
        ], displayStyle: .struct)
    }

    /// Maps an error thrown while sending to `.timeout`, `.cancelled` or `.transport`. This client's `APIError`
    /// (e.g. from a middleware) passes through; another client's keeps everything but its body.
    public static func classify(_ error: any Error, operationID: String) -> APIError {
        if let error = error as? APIError { return error }
        if let other = error as? any APIErrorProtocol { return APIError(other) }
        if error is TimeoutSignal { return APIError(kind: .timeout, operationID: operationID) }
        if error is CancellationError || (error as? URLError)?.code == .cancelled {
            return APIError(kind: .cancelled, operationID: operationID)
        }
        if (error as? URLError)?.code == .timedOut {
            return APIError(kind: .timeout, operationID: operationID, underlying: Redaction.describe(error))
        }
        return APIError(kind: .transport, operationID: operationID, underlying: Redaction.describe(error))
    }
}

/// How the errors of a streamed body become an operation's `APIError`s; `ClientRuntime` sets it on the body of a
/// streaming operation.
public struct StreamFailures: Sendable {
    /// An error thrown while reading, as the operation's error.
    public let classify: @Sendable (any Error) -> any Error
    /// A failure of `kind` with the raw bytes and a redacted account of what went wrong.
    public let make: @Sendable (APIErrorKind, Data?, String?) -> any Error

    public init<Body: Sendable>(operationID: String, body: Body.Type) {
        classify = { APIError<Body>.classify($0, operationID: operationID) }
        make = { APIError<Body>(kind: $0, operationID: operationID, rawBody: $1, underlying: $2) }
    }
}
