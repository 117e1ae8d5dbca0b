import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - Transport

/// Sends one HTTP request. `URLSessionTransport` is the default; tests and other stacks supply their own.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    /// Sends `request` and returns as soon as the response head has arrived, with the body still arriving in
    /// `bodyStream` (streaming operations: server-sent events, JSON Lines). The default reads the body whole with
    /// `send`, so a transport that does not stream still works; the items then arrive when the response ends.
    func stream(_ request: HTTPRequest) async throws -> HTTPResponse
}

extension HTTPTransport {
    public func stream(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await send(request)
    }
}

/// An HTTP request as the transport sees it: credentials applied, body encoded.
public struct HTTPRequest: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var method: String
    public var url: URL
    public var headers: HTTPHeaders
    public var body: Data?
    public var timeout: Duration
    /// Whether sending this request twice is harmless: an idempotent method, or a request carrying an idempotency
    /// key (the client sets it). A transport must never resend a request for which it is false on its own
    /// (RFC 9110 §9.2.2); `URLSessionTransport` sends such requests on a connection of their own, which its HTTP
    /// stack cannot silently retry.
    public var isRetrySafe: Bool

    /// - Parameter isRetrySafe: by default, whether `method` is idempotent (GET, HEAD, PUT, DELETE, OPTIONS,
    ///   TRACE).
    public init(method: String = "GET", url: URL, headers: HTTPHeaders = [:], body: Data? = nil,
                timeout: Duration = .seconds(60), isRetrySafe: Bool? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.isRetrySafe = isRetrySafe ?? RetryPolicy.isIdempotent(method)
    }

    /// Method and URL, with secret query values and Aadhaar-like numbers masked.
    public var description: String {
        "\(method) \(Redaction.url(url, sensitiveNames: headers.sensitiveNames))"
            + (body.map { " (\($0.count)-byte body)" } ?? "")
    }

    public var debugDescription: String {
        "\(description) \(headers.debugDescription)" + (body.map { " body: " + Redaction.snippet($0) } ?? "")
    }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "method": method, "url": Redaction.url(url, sensitiveNames: headers.sensitiveNames), "headers": headers,
            "body": body.map { Redaction.snippet($0) } ?? "nil", "timeout": timeout,
        ], displayStyle: .struct)
    }
}

/// An HTTP response: status, headers and the whole body, or (from `HTTPTransport.stream`) a body still arriving.
public struct HTTPResponse: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var statusCode: Int
    public var headers: HTTPHeaders
    public var body: Data
    /// The body as it arrives, when it has not been read yet (`body` is then empty). Read it once.
    public var bodyStream: HTTPBodyStream?

    public init(statusCode: Int, headers: HTTPHeaders = [:], body: Data = Data(),
                    bodyStream: HTTPBodyStream? = nil) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
        self.bodyStream = bodyStream
    }

    /// The body's chunks: `bodyStream`, or the whole `body` as one chunk.
    public var chunks: HTTPBodyStream { bodyStream ?? HTTPBodyStream(body) }

    /// A copy whose `body` holds the whole body (read from `bodyStream` when there is one).
    public func readingBody() async throws -> HTTPResponse {
        guard let bodyStream else { return self }
        return HTTPResponse(statusCode: statusCode, headers: headers, body: try await bodyStream.collect())
    }

    public var description: String { "HTTP \(statusCode) (\(body.count) bytes)" }

    public var debugDescription: String {
        "\(description) \(headers.debugDescription) body: \(Redaction.snippet(body))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["statusCode": statusCode, "headers": headers, "body": Redaction.snippet(body)],
               displayStyle: .struct)
    }
}

// MARK: - Streamed bodies

/// The body of a streaming response, chunk by chunk, as the network delivers it. Iterating it again after the end
/// yields nothing; stopping early (leaving the loop, cancelling the task) cancels the request. Errors of a body read
/// by a generated operation are `APIError`s (`.transport`, `.timeout`, `.cancelled`).
public struct HTTPBodyStream: AsyncSequence, Sendable {
    public typealias Element = Data
    private let chunks: AsyncThrowingStream<Data, any Error>
    private let stop: (@Sendable () -> Void)?
    /// Set by the client for an operation's body: errors are then classified as that operation's `APIError`s.
    public var failures: StreamFailures?

    /// - Parameter stop: called when an iteration ends before the body has (the consumer left the loop or its
    ///   task was cancelled); a transport cancels its request there.
    public init(_ chunks: AsyncThrowingStream<Data, any Error>, onStop stop: (@Sendable () -> Void)? = nil) {
        self.chunks = chunks
        self.stop = stop
    }

    /// A body that is already complete: one chunk (none when empty).
    public init(_ data: Data) {
        let (chunks, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        if !data.isEmpty { continuation.yield(data) }
        continuation.finish()
        self.chunks = chunks
        self.stop = nil
    }

    /// Reads every remaining chunk.
    public func collect() async throws -> Data {
        var data = Data()
        for try await chunk in self { data.append(chunk) }
        return data
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: chunks.makeAsyncIterator(), failures: failures, guard: IterationGuard(stop))
    }

    public struct Iterator: AsyncIteratorProtocol {
        public var base: AsyncThrowingStream<Data, any Error>.AsyncIterator
        public let failures: StreamFailures?
        public let `guard`: IterationGuard

        public mutating func next() async throws -> Data? {
            let chunk: Data?
            do {
                chunk = try await base.next()
            } catch {
                guard let failures else { throw error }
                throw failures.classify(error)
            }
            // A cancelled consumer sees the stream end; say why instead of looking like a complete body.
            if chunk == nil, Task.isCancelled {
                guard let failures else { throw CancellationError() }
                throw failures.make(.cancelled, nil, nil)
            }
            return chunk
        }
    }
}

/// Calls `stop` when the iterator that owns it goes away (the loop ended, however). Stopping after the body has
/// ended is harmless: a finished request cannot be cancelled.
public final class IterationGuard: Sendable {
    private let stop: (@Sendable () -> Void)?

    public init(_ stop: (@Sendable () -> Void)?) { self.stop = stop }

    deinit { stop?() }
}

extension HTTPResponse {
    /// For a streaming call: an error status's body is read whole (for `APIError`, retries and logging); a success
    /// keeps streaming, its errors classified by `failures`.
    public func preparedForStreaming(_ failures: StreamFailures) async throws -> HTTPResponse {
        guard var stream = bodyStream else { return self }
        guard (200...299).contains(statusCode) else { return try await readingBody() }
        stream.failures = failures
        var response = self
        response.bodyStream = stream
        return response
    }
}
