import Foundation

// MARK: - Retries

/// When and how a failed attempt is retried.
///
/// Only safe requests are retried: idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) and requests that
/// carry an idempotency key. The delay before retry `n` (from 0) is `initialDelay * multiplier^n` capped at
/// `maxDelay`, drawn uniformly from `0...delay` with `jitter` ("full jitter"); a `Retry-After` header (seconds or
/// HTTP-date) replaces it, capped at `maxDelay`.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt; 0 disables retrying.
    public var maxRetries: Int
    public var initialDelay: Duration
    public var maxDelay: Duration
    public var multiplier: Double
    public var jitter: Bool
    /// Statuses worth retrying; the operation can add its own.
    public var retryableStatuses: Set<Int>
    /// Retry when the connection fails.
    public var retriesConnectionFailures: Bool
    /// Retry when an attempt times out.
    public var retriesTimeouts: Bool

    public init(
        maxRetries: Int = 2,
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30),
        multiplier: Double = 2,
        jitter: Bool = true,
        retryableStatuses: Set<Int> = [429, 502, 503, 504],
        retriesConnectionFailures: Bool = true,
        retriesTimeouts: Bool = true
    ) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.multiplier = multiplier
        self.jitter = jitter
        self.retryableStatuses = retryableStatuses
        self.retriesConnectionFailures = retriesConnectionFailures
        self.retriesTimeouts = retriesTimeouts
    }

    /// Two retries, 0.5 s then 1 s (before jitter), at most 30 s.
    public static let `default` = RetryPolicy()
    /// Never retry.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The delay before retry `retry` (0-based).
    public func delay(forRetry retry: Int, retryAfter: Duration?) -> Duration {
        let cap: Double = Self.seconds(maxDelay)
        if let retryAfter: Duration = retryAfter {
            let wait: Double = Swift.max(0, Self.seconds(retryAfter))
            return .seconds(Swift.min(wait, cap))
        }
        let growth: Double = pow(Swift.max(multiplier, 1), Double(Swift.min(retry, 62)))
        let exponential: Double = Self.seconds(initialDelay) * growth
        let capped: Double = Swift.min(Swift.max(0, exponential), cap)
        if jitter { return .seconds(Double.random(in: 0...capped)) }
        return .seconds(capped)
    }

    /// GET, HEAD, PUT, DELETE, OPTIONS and TRACE may be repeated without changing the outcome.
    public static func isIdempotent(_ method: String) -> Bool {
        switch method.uppercased() {
        case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE": return true
        default: return false
        }
    }

    /// `Retry-After` as delay-seconds or an HTTP-date in any RFC 9110 form; nil when unreadable.
    public static func parseRetryAfter(_ value: String, now: Date) -> Duration? {
        // Delay-seconds is digits only (`1.5`, `1e3`, `+5` and `inf` are not delays: the policy's own backoff
        // applies); a value of more digits than an Int holds is the longest delay, capped by `maxDelay`.
        RetryAfter(value)?.delay(from: now)
    }

    public static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction): (Int64, Int64) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }
}
