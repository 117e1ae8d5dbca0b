import Foundation

// MARK: - Options

/// Client-wide settings.
public struct ClientOptions: Sendable {
    /// Time allowed for one attempt (connect, send and receive); each retry gets it anew.
    public var timeout: Duration
    /// When and how failed attempts are retried. `RequestOptions.retry` overrides it per call.
    public var retry: RetryPolicy
    /// Checks the spec's constraints (pattern, lengths, ranges…) before sending; failures throw `.validation`.
    public var validatesRequests: Bool
    /// Run around every attempt, first one outermost.
    public var middlewares: [any ClientMiddleware]
    /// Receives redacted `LogEvent`s.
    public var logger: (any ClientLogger)?
    /// Waits between retries. Replace it in tests to record the delays without waiting.
    public var sleeper: any Sleeper
    /// Sent with every request unless the operation or the call sets the same header.
    public var additionalHeaders: [String: String]

    public init(
        timeout: Duration = .seconds(60),
        retry: RetryPolicy = .default,
        validatesRequests: Bool = true,
        middlewares: [any ClientMiddleware] = [],
        logger: (any ClientLogger)? = nil,
        sleeper: any Sleeper = TaskSleeper(),
        additionalHeaders: [String: String] = [:]
    ) {
        self.timeout = timeout
        self.retry = retry
        self.validatesRequests = validatesRequests
        self.middlewares = middlewares
        self.logger = logger
        self.sleeper = sleeper
        self.additionalHeaders = additionalHeaders
    }
}

/// Per-call settings; `nil` means "as the client's `ClientOptions` say".
public struct RequestOptions: Sendable {
    public var timeout: Duration?
    public var retry: RetryPolicy?
    /// Extra headers for this call; they replace headers of the same name.
    public var headers: [String: String]
    /// Sent as the operation's idempotency-key header (`Idempotency-Key` unless the spec names another); it makes
    /// retrying a POST or PATCH safe.
    public var idempotencyKey: String?

    public init(
        timeout: Duration? = nil,
        retry: RetryPolicy? = nil,
        headers: [String: String] = [:],
        idempotencyKey: String? = nil
    ) {
        self.timeout = timeout
        self.retry = retry
        self.headers = headers
        self.idempotencyKey = idempotencyKey
    }

    /// No per-call settings. Every generated operation's `options: RequestOptions = .init()` resolves to this
    /// overload (a call that fills no default argument ranks first), so the default-argument function each method
    /// carries is one call instead of four inlined default values.
    public init() {
        self.init(timeout: nil, retry: nil, headers: [:], idempotencyKey: nil)
    }
}
