import Foundation

// MARK: - Tokens

/// Supplies bearer tokens. `forceRefresh` is true after the server rejected the last one (401).
public protocol TokenProvider: Sendable {
    func token(forceRefresh: Bool) async throws -> String
}

/// A bearer token: fixed, or from a provider that can refresh it.
public enum BearerCredential: Sendable, ExpressibleByStringLiteral, CustomStringConvertible,
                                  CustomDebugStringConvertible, CustomReflectable {
    case token(String)
    case provider(any TokenProvider)

    public init(stringLiteral value: String) { self = .token(value) }

    public func token(forceRefresh: Bool = false) async throws -> String {
        switch self {
        case .token(let token): return token
        case .provider(let provider): return try await provider.token(forceRefresh: forceRefresh)
        }
    }

    public var description: String {
        switch self {
        case .token: return "BearerCredential.token(<redacted>)"
        case .provider(let provider): return "BearerCredential.provider(" + String(describing: type(of: provider)) + ")"
        }
    }

    public var debugDescription: String { description }
    public var customMirror: Mirror {
        let children: KeyValuePairs<String, Any> = ["credential": description]
        return Mirror(self, children: children)
    }
}

/// Caches a token until shortly before it expires, fetching it with `fetch`. Concurrent callers share one fetch;
/// `forceRefresh` (after a 401) joins a fetch in flight or starts one.
///
/// A token counts as expired `refreshMargin` before `expiresAt`, but never earlier than a fifth of its lifetime
/// before it: a token that lives 2 s is reused for 1.6 s, not fetched again on every call. Descriptions and
/// mirrors never show the token.
public actor CachingTokenProvider: TokenProvider, CustomStringConvertible, CustomDebugStringConvertible,
                                   CustomReflectable {
    public typealias Fetched = (token: String, expiresAt: Date?)

    private let fetch: @Sendable () async throws -> Fetched
    private let refreshMargin: Duration
    private let now: @Sendable () -> Date
    private var cached: (token: String, expiresAt: Date?, fetchedAt: Date)?
    private var inFlight: Task<Fetched, any Error>?

    /// - Parameters:
    ///   - refreshMargin: how long before `expiresAt` a token counts as expired (at most a fifth of its lifetime).
    ///   - now: the clock (inject one in tests).
    ///   - fetch: obtains a new token and its expiry (nil: never expires).
    public init(
        refreshMargin: Duration = .seconds(60),
        now: @escaping @Sendable () -> Date = { Date() },
        fetch: @escaping @Sendable () async throws -> (token: String, expiresAt: Date?)
    ) {
        self.refreshMargin = refreshMargin
        self.now = now
        self.fetch = fetch
    }

    public func token(forceRefresh: Bool) async throws -> String {
        if !forceRefresh, let cached, isFresh(cached.expiresAt, fetchedAt: cached.fetchedAt) {
            return cached.token
        }
        let task: Task<Fetched, any Error>
        if let inFlight: Task<Fetched, any Error> = inFlight {
            task = inFlight
        } else {
            let fetch: @Sendable () async throws -> Fetched = self.fetch
            task = Task<Fetched, any Error> { () async throws -> Fetched in try await fetch() }
            inFlight = task
        }
        do {
            let fetched: Fetched = try await task.value
            if inFlight == task {
                inFlight = nil
                // The lifetime counts from receipt: a slow fetch must not widen the margin.
                cached = (fetched.token, fetched.expiresAt, now())
            }
            return fetched.token
        } catch {
            if inFlight == task { inFlight = nil }
            throw error
        }
    }

    /// True when a token fetched at `fetchedAt` and expiring at `expiresAt` (nil: never) is still usable: until
    /// the refresh margin, scaled down to a fifth of the token's lifetime, before it expires.
    private func isFresh(_ expiresAt: Date?, fetchedAt: Date) -> Bool {
        guard let expiresAt: Date = expiresAt else { return true }
        let lifetime: TimeInterval = Swift.max(0, expiresAt.timeIntervalSince(fetchedAt))
        let margin: TimeInterval = Swift.min(RetryPolicy.seconds(refreshMargin), lifetime / 5)
        return now().addingTimeInterval(margin) < expiresAt
    }

    /// Drops the cached token; the next call fetches a new one.
    public func invalidate() {
        cached = nil
    }

    public nonisolated var description: String { "CachingTokenProvider(<redacted>)" }
    public nonisolated var debugDescription: String { description }
    public nonisolated var customMirror: Mirror {
        Mirror(self, children: ["token": "<redacted>"], displayStyle: .class)
    }
}

// MARK: - OAuth 2.0 client credentials

/// OAuth 2.0 client-credentials grant (RFC 6749 §4.4): POSTs `grant_type=client_credentials` to `tokenURL`, caches
/// the `access_token` for `expires_in` seconds (less the refresh margin).
public struct OAuth2ClientCredentialsProvider: TokenProvider, CustomStringConvertible, CustomDebugStringConvertible,
                                                   CustomReflectable {
    /// Where the client's ID and secret go.
    public enum ClientAuthentication: Sendable {
        /// `client_id` and `client_secret` in the form body (`client_secret_post`).
        case requestBody
        /// An HTTP Basic `Authorization` header (`client_secret_basic`).
        case basicHeader
    }

    private let cache: CachingTokenProvider
    private let tokenURL: URL

    public init(
        tokenURL: URL, clientID: String, clientSecret: String, scopes: [String] = [],
        authentication: ClientAuthentication = .requestBody,
        transport: any HTTPTransport = URLSessionTransport(), refreshMargin: Duration = .seconds(60),
        timeout: Duration = .seconds(30)
    ) {
        self.tokenURL = tokenURL
        let fetch: @Sendable () async throws -> CachingTokenProvider.Fetched = {
            try await Self.fetchToken(
                tokenURL: tokenURL, clientID: clientID, clientSecret: clientSecret, scopes: scopes,
                authentication: authentication, transport: transport, timeout: timeout
            )
        }
        cache = CachingTokenProvider(refreshMargin: refreshMargin, fetch: fetch)
    }

    /// One token request.
    private static func fetchToken(
        tokenURL: URL, clientID: String, clientSecret: String, scopes: [String],
        authentication: ClientAuthentication, transport: any HTTPTransport, timeout: Duration
    ) async throws -> CachingTokenProvider.Fetched {
        var form: [(String, String)] = [("grant_type", "client_credentials")]
        if !scopes.isEmpty { form.append(("scope", scopes.joined(separator: " "))) }
        var headers: HTTPHeaders = HTTPHeaders()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Accept"] = "application/json"
        switch authentication {
        case .requestBody:
            form.append(("client_id", clientID))
            form.append(("client_secret", clientSecret))
        case .basicHeader:
            headers["Authorization"] = BasicAuth.header(Percent.encode(clientID), Percent.encode(clientSecret))
        }
        var body: String = ""
        for (name, value) in form {
            if !body.isEmpty { body += "&" }
            body += Percent.encode(name)
            body += "="
            body += Percent.encode(value)
        }
        let request: HTTPRequest = HTTPRequest(method: "POST", url: tokenURL, headers: headers, body: Data(body.utf8),
                                               timeout: timeout)
        let response: HTTPResponse
        do {
            response = try await withTimeout(timeout) { () async throws -> HTTPResponse in
                try await transport.send(request)
            }
        } catch {
            throw APIError<NoErrorBody>.classify(error, operationID: "oauth2.clientCredentials")
        }
        let json: JSONValue? = try? JSONDecoder().decode(JSONValue.self, from: response.body)
        guard (200..<300).contains(response.statusCode), let token: String = json?["access_token"]?.scalarText else {
            var underlying: String = "the token endpoint did not return an access_token"
            if let error: String = json?["error"]?.scalarText {
                underlying += " (" + Redaction.scrub(error) + ")"
            }
            throw APIError<NoErrorBody>(kind: .authentication, operationID: "oauth2.clientCredentials",
                           statusCode: response.statusCode, headers: response.headers, underlying: underlying)
        }
        var expiresAt: Date?
        if let text: String = json?["expires_in"]?.scalarText, let lifetime: Double = Double(text), lifetime.isFinite {
            expiresAt = Date().addingTimeInterval(lifetime)
        }
        return (token, expiresAt)
    }

    public func token(forceRefresh: Bool) async throws -> String {
        try await cache.token(forceRefresh: forceRefresh)
    }

    /// Drops the cached token.
    public func invalidate() async {
        await cache.invalidate()
    }

    public var description: String {
        "OAuth2ClientCredentialsProvider(" + tokenURL.absoluteString + ", <redacted>)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        let children: KeyValuePairs<String, Any> = ["tokenURL": tokenURL]
        return Mirror(self, children: children)
    }
}
