import Foundation

// MARK: - Middleware and logging

/// Wraps every attempt (after credentials are applied); call `next` to continue the chain.
public protocol ClientMiddleware: Sendable {
    func intercept(
        _ request: HTTPRequest, operationID: String,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}

/// Receives redacted events; must not block.
public protocol ClientLogger: Sendable {
    func log(_ event: LogEvent)
}

/// Prints each event on one line.
public struct PrintLogger: ClientLogger {
    public init() {}
    public func log(_ event: LogEvent) { print(event) }
}

/// What happened, already redacted: URL with secret query values and Aadhaar numbers masked, credential headers
/// replaced by `<redacted>`, error text scrubbed. No bodies.
public struct LogEvent: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case requestSent, responseReceived, retryScheduled, failed
    }

    public var kind: Kind
    public var operationID: String
    /// 1 for the first attempt.
    public var attempt: Int
    public var method: String
    public var url: String
    public var headers: HTTPHeaders
    public var statusCode: Int?
    public var duration: Duration?
    public var requestID: String?
    /// For `.retryScheduled`: the wait before the next attempt.
    public var retryDelay: Duration?
    public var error: String?

    public init(
        _ kind: Kind, _ operationID: String, _ request: HTTPRequest, attempt: Int, statusCode: Int? = nil,
        duration: Duration? = nil, requestID: String? = nil, retryDelay: Duration? = nil, error: String? = nil
    ) {
        self.kind = kind
        self.operationID = operationID
        self.attempt = attempt
        self.method = request.method
        self.url = Redaction.url(request.url, sensitiveNames: request.headers.sensitiveNames)
        self.headers = kind == .requestSent ? request.headers.redacted() : [:]
        self.statusCode = statusCode
        self.duration = duration
        self.requestID = requestID.map(Redaction.scrub)
        self.retryDelay = retryDelay
        self.error = error
    }

    public var description: String {
        var text: String = "[" + operationID + " #" + String(attempt) + "] "
        switch kind {
        case .requestSent:
            text += "→ " + method + " " + url + " " + String(describing: headers)
        case .responseReceived:
            text += "← HTTP " + String(statusCode ?? 0) + " " + method + " " + url
        case .retryScheduled:
            var delay: String = "0 seconds"
            if let retryDelay: Duration = retryDelay { delay = String(describing: retryDelay) }
            text += "retrying " + method + " " + url + " in " + delay
        case .failed:
            text += "failed " + method + " " + url
        }
        if let duration: Duration = duration { text += " in " + String(describing: duration) }
        if let requestID: String = requestID { text += " request ID " + requestID }
        if let error: String = error { text += ": " + error }
        return text
    }
}
