import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - The pipeline

/// The engine a generated client stores (`let runtime: ClientRuntime<ErrorBody>`) and calls from every operation.
/// For generated code; its API may change in a minor version (see docs/GENERATED-API.md).
public final class ClientRuntime<ErrorBody: Sendable>: Sendable, CustomStringConvertible, CustomReflectable {
    /// The error this client's operations throw.
    public typealias Failure = APIError<ErrorBody>

    public let serverURL: URL
    public let credentials: (any CredentialApplying)?
    public let options: ClientOptions
    public let transport: any HTTPTransport
    /// Dotted paths into a JSON body that hold a request ID (`request_id`, `error.call_id`), tried after the headers.
    public let requestIDFields: [String]

    public init(
        serverURL: URL,
        credentials: (any CredentialApplying)? = nil,
        options: ClientOptions = ClientOptions(),
        transport: any HTTPTransport,
        requestIDFields: [String] = []
    ) {
        self.serverURL = serverURL
        self.credentials = credentials
        self.options = options
        self.transport = transport
        self.requestIDFields = requestIDFields
    }

    /// The server and options; never the credentials.
    public var description: String {
        "ClientRuntime(" + Redaction.url(serverURL, sensitiveNames: []) + ", credentials: "
            + (credentials == nil ? "none" : "<redacted>") + ")"
    }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "serverURL": Redaction.url(serverURL, sensitiveNames: []),
            "credentials": credentials == nil ? "none" : "<redacted>",
            "options": options, "transport": String(describing: type(of: transport)),
            "requestIDFields": requestIDFields,
        ], displayStyle: .class)
    }

    /// Sends `builder` and turns the response into a `Response<Value>` or an `APIError`.
    /// - Parameters:
    ///   - decode: the success value by status (statuses below 400, and any status `errorBody` returns nil for);
    ///     `throw response.unexpected()` for a status the operation does not document.
    ///   - errorBody: the documented error body by status (statuses from 400, and statuses below 400 that `decode`
    ///     rejects with `unexpected()`), nil when undocumented; it throws `documentedWithoutBody()` for an error
    ///     status documented without content.
    ///   - streaming: the transport's `stream` is used: a 2xx body arrives in `bodyStream` while it is read; other
    ///     bodies are read whole before `decode`/`errorBody`. The timeout covers the wait for the head.
    public func perform<Value: Sendable>(
        _ builder: RequestBuilder,
        options call: RequestOptions = RequestOptions(),
        streaming: Bool = false,
        decode: (HTTPResponse) throws -> Value,
        errorBody: (HTTPResponse) throws -> ErrorBody? = { _ in nil }
    ) async throws -> Response<Value> {
        let operationID: String = builder.operationID
        let policy: RetryPolicy = call.retry ?? options.retry
        let base: HTTPRequest = try prepare(builder, call)
        let retrySafe: Bool = base.isRetrySafe
        let retryable: Set<Int> = policy.retryableStatuses.union(builder.retryableStatuses)

        var retries: Int = 0
        var refreshed: Bool = false
        var preauthorized: Authorized?
        while true {
            if Task.isCancelled { throw Failure(kind: .cancelled, operationID: operationID) }
            let current: Authorized
            if let renewed: Authorized = preauthorized {
                current = renewed
                preauthorized = nil
            } else {
                current = try await authorize(base, builder, forceRefresh: false)
            }
            let request: HTTPRequest = current.request
            let attempt: Int = retries + 1
            log(LogEvent(.requestSent, operationID, request, attempt: attempt))
            let started: ContinuousClock.Instant = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await send(request, operationID: operationID, streaming: streaming)
            } catch {
                let failure: Failure = Failure.classify(error, operationID: operationID)
                var again: Bool = false
                if failure.kind == .transport {
                    again = policy.retriesConnectionFailures
                } else if failure.kind == .timeout {
                    again = policy.retriesTimeouts
                }
                if again, retrySafe, retries < policy.maxRetries {
                    let delay: Duration = policy.delay(forRetry: retries, retryAfter: nil)
                    try await pause(delay, request, operationID, retries)
                    retries += 1
                    continue
                }
                log(LogEvent(.failed, operationID, request, attempt: attempt, error: failure.description))
                throw failure
            }
            let requestID: String? = requestID(in: response)
            let duration: Duration = started.duration(to: ContinuousClock.now)
            log(LogEvent(.responseReceived, operationID, request, attempt: attempt, statusCode: response.statusCode,
                         duration: duration, requestID: requestID))

            if response.statusCode == 401, current.isAuthorized, !refreshed, credentials != nil {
                refreshed = true
                let renewed: Authorized = try await authorize(base, builder, forceRefresh: true)
                if renewed.isAuthorized,
                   renewed.request.headers != request.headers || renewed.request.url != request.url {
                    preauthorized = renewed
                    continue
                }
            }
            if retryable.contains(response.statusCode), retrySafe, retries < policy.maxRetries {
                var retryAfter: Duration?
                if let header: String = response.headers["Retry-After"] {
                    retryAfter = RetryPolicy.parseRetryAfter(header, now: Date())
                }
                let delay: Duration = policy.delay(forRetry: retries, retryAfter: retryAfter)
                try await pause(delay, request, operationID, retries)
                retries += 1
                continue
            }
            do {
                return try interpret(response, operationID, requestID, retryable, decode: decode, errorBody: errorBody)
            } catch let failure as Failure {
                log(LogEvent(.failed, operationID, request, attempt: attempt, statusCode: response.statusCode,
                             requestID: requestID, error: failure.description))
                throw failure
            }
        }
    }

    /// The request before credentials: validated (encoding failures, then the operation's rules when
    /// `validatesRequests`), built, its credential headers marked sensitive, and marked retry-safe when its method is
    /// idempotent or it carries an idempotency key.
    private func prepare(_ builder: RequestBuilder, _ call: RequestOptions) throws -> HTTPRequest {
        let operationID: String = builder.operationID
        var failures: [ValidationFailure] = builder.encodingFailures
        if options.validatesRequests {
            for rule: (inout [ValidationFailure]) -> Void in builder.validations { rule(&failures) }
        }
        if !failures.isEmpty {
            throw Failure(kind: .validation, operationID: operationID, validationFailures: failures)
        }
        var base: HTTPRequest
        do {
            base = try builder.makeRequest(
                serverURL: serverURL, timeout: call.timeout ?? options.timeout,
                additionalHeaders: options.additionalHeaders, callHeaders: call.headers,
                idempotencyKey: call.idempotencyKey
            )
        } catch {
            throw Failure.classify(error, operationID: operationID)
        }
        if let credentials: any CredentialApplying = credentials {
            for name: String in credentials.credentialHeaderNames {
                base.headers.sensitiveNames.insert(name.lowercased())
            }
        }
        base.isRetrySafe = RetryPolicy.isIdempotent(base.method) || base.headers[builder.idempotencyKeyHeader] != nil
        return base
    }

    /// A request ready to send, and whether credentials were applied to it.
    private struct Authorized: Sendable {
        var request: HTTPRequest
        var isAuthorized: Bool
    }

    // MARK: Steps

    /// Applies the first AND-set of schemes the credentials can satisfy, to a copy of `base`.
    private func authorize(
        _ base: HTTPRequest, _ builder: RequestBuilder, forceRefresh: Bool
    ) async throws -> Authorized {
        if builder.security.isEmpty { return Authorized(request: base, isAuthorized: false) }
        if let credentials: any CredentialApplying = credentials {
            for schemes: [String] in builder.security {
                var request: HTTPRequest = base
                do {
                    if try await credentials.apply(schemes: schemes, to: &request, forceRefresh: forceRefresh) {
                        return Authorized(request: request, isAuthorized: true)
                    }
                } catch {
                    if Task.isCancelled { throw Failure(kind: .cancelled, operationID: builder.operationID) }
                    throw Failure(kind: .authentication, operationID: builder.operationID,
                                   underlying: "could not obtain credentials: " + Redaction.describe(error))
                }
            }
        }
        if builder.securityOptional { return Authorized(request: base, isAuthorized: false) }
        var wanted: String = ""
        for schemes: [String] in builder.security {
            if !wanted.isEmpty { wanted += " or " }
            wanted += schemes.joined(separator: " + ")
        }
        throw Failure(kind: .authentication, operationID: builder.operationID,
                       underlying: "no credentials for the required security scheme(s): " + wanted)
    }

    /// One attempt: the middlewares around the transport, raced against the request's timeout.
    private func send(_ request: HTTPRequest, operationID: String, streaming: Bool) async throws -> HTTPResponse {
        let transport = self.transport
        var next: @Sendable (HTTPRequest) async throws -> HTTPResponse = { try await transport.send($0) }
        if streaming {
            let failures = StreamFailures(operationID: operationID, body: ErrorBody.self)
            next = { try await transport.stream($0).preparedForStreaming(failures) }
        }
        for middleware: any ClientMiddleware in options.middlewares.reversed() {
            let inner: @Sendable (HTTPRequest) async throws -> HTTPResponse = next
            next = { (request: HTTPRequest) async throws -> HTTPResponse in
                try await middleware.intercept(request, operationID: operationID, next: inner)
            }
        }
        let chain: @Sendable (HTTPRequest) async throws -> HTTPResponse = next
        return try await withTimeout(request.timeout) { () async throws -> HTTPResponse in try await chain(request) }
    }

    private func pause(_ delay: Duration, _ request: HTTPRequest, _ operationID: String, _ retries: Int) async throws {
        log(LogEvent(.retryScheduled, operationID, request, attempt: retries + 1, retryDelay: delay))
        do {
            try await options.sleeper.sleep(for: delay)
        } catch {
            throw Failure(kind: .cancelled, operationID: operationID, underlying: Redaction.describe(error))
        }
    }

    /// Maps a final response to the success value or an `APIError`.
    private func interpret<Value: Sendable>(
        _ response: HTTPResponse, _ operationID: String, _ requestID: String?, _ retryable: Set<Int>,
        decode: (HTTPResponse) throws -> Value, errorBody: (HTTPResponse) throws -> ErrorBody?
    ) throws -> Response<Value> {
        func failure(_ kind: APIErrorKind, _ body: ErrorBody? = nil, _ underlying: String? = nil) -> Failure {
            Failure(kind: kind, operationID: operationID, statusCode: response.statusCode, headers: response.headers,
                     rawBody: response.body, body: body, requestID: requestID, underlying: underlying,
                     isRetryable: retryable.contains(response.statusCode))
        }
        /// Throws the documented error for the status: its error body, or none when documented without content.
        func throwDocumentedError() throws {
            let documented: ErrorBody?
            do {
                documented = try errorBody(response)
            } catch is DocumentedWithoutBody {
                throw failure(.documentedStatus)
            } catch {
                throw failure(.documentedStatus, nil, "could not decode the error body: " + Redaction.describe(error))
            }
            if let documented { throw failure(.documentedStatus, documented) }
        }
        if response.statusCode >= 400 { try throwDocumentedError() }
        do {
            let value = try decode(response)
            return Response(value: value, statusCode: response.statusCode, headers: response.headers,
                            rawBody: response.body, requestID: requestID)
        } catch is UnexpectedResponse {
            // A status below 400 that is not a success (a 3xx, an unlisted 2xx) may still be documented as an error
            // (by `default`, say).
            if response.statusCode < 400 { try throwDocumentedError() }
            throw failure(.undocumentedStatus)
        } catch {
            throw failure(response.statusCode >= 400 ? .undocumentedStatus : .decodingFailed, nil,
                          Redaction.describe(error))
        }
    }

    /// The request ID from the usual headers, else from the JSON body at `requestIDFields`.
    public func requestID(in response: HTTPResponse) -> String? {
        for name: String in ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid"] {
            if let value: String = response.headers[name], !value.isEmpty { return value }
        }
        guard !requestIDFields.isEmpty else { return nil }
        let opening: UInt8? = response.body.first { (byte: UInt8) -> Bool in byte > 0x20 }
        guard opening == UInt8(ascii: "{"),
              let json: JSONValue = try? JSONDecoder().decode(JSONValue.self, from: response.body) else { return nil }
        for path: String in requestIDFields {
            if let value: String = json.value(atPath: path)?.scalarText, !value.isEmpty { return value }
        }
        return nil
    }

    private func log(_ event: LogEvent) {
        options.logger?.log(event)
    }
}
