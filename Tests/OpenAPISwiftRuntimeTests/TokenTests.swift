import Foundation
import OpenAPISwiftRuntime
import Testing
import TestSupport

/// Token caching over real HTTP: the token endpoint is a loopback server, and what it receives is counted.
@Suite struct TokenTests {
    /// A token fetched from `server`'s `/token` with the lifetime the server states.
    static func provider(_ server: WireServer) -> CachingTokenProvider {
        let transport = URLSessionTransport()
        return CachingTokenProvider {
            let request = HTTPRequest(method: "POST", url: server.baseURL.appendingPathComponent("token"))
            let response = try await transport.send(request)
            let json = try JSONDecoder().decode([String: Double].self, from: response.body)
            return ("tok-\(Int(json["n"] ?? 0))", Date().addingTimeInterval(json["expires_in"] ?? 0))
        }
    }

    /// A token that lives 4 s (less than the 60 s refresh margin) is reused within its lifetime.
    @Test func shortLivedTokenIsReusedWithinItsLifetime() async throws {
        // Off the cooperative pool: the lifetime is short, and a suite busy there must not stretch the steps.
        try await onLoopbackExecutor {
            let server = try WireServer.start([.respond(200, #"{"n":1,"expires_in":4}"#),
                                               .respond(200, #"{"n":2,"expires_in":4}"#)])
            defer { server.stop() }
            let provider = Self.provider(server)
            let first = try await provider.token(forceRefresh: false)
            for _ in 0..<5 { #expect(try await provider.token(forceRefresh: false) == first) }
            #expect(server.received.count == 1)
            // Past its lifetime less the scaled margin (4 s − 0.8 s) it is fetched again.
            try await Task.sleep(for: .milliseconds(3400))
            #expect(try await provider.token(forceRefresh: false) == "tok-2")
            #expect(server.received.count == 2)
        }
    }

    /// Concurrent callers share one fetch; a forced refresh fetches again.
    @Test func concurrentCallersShareOneFetch() async throws {
        let server = try WireServer.start([.respond(200, #"{"n":1,"expires_in":3600}"#),
                                           .respond(200, #"{"n":2,"expires_in":3600}"#)])
        defer { server.stop() }
        let provider = Self.provider(server)
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await provider.token(forceRefresh: false) } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(tokens) == ["tok-1"])
        #expect(try await provider.token(forceRefresh: true) == "tok-2")
        #expect(server.received.count == 2)
    }
}
