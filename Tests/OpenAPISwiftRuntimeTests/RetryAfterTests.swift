import Foundation
import OpenAPISwiftRuntime
import Testing

/// `Retry-After` in both of its forms (RFC 9110 §10.2.3): read as a typed header, and honoured by retries.
@Suite(.serialized) struct RetryAfterTests {
    /// Records the delays instead of sleeping.
    final class RecordingSleeper: Sleeper, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [Duration] = []
        var delays: [Duration] { lock.withLock { recorded } }
        func sleep(for duration: Duration) async throws { lock.withLock { recorded.append(duration) } }
    }

    /// Over loopback HTTP: one 503 per `Retry-After` value, then a 200, with as many retries allowed (1 ms backoff, no
    /// jitter). Returns how many requests the server received and the delays the client waited.
    static func retried(after values: [String], maxDelay: Duration = .seconds(30)) async throws
        -> (requests: Int, delays: [Duration]) {
        let responses = values.map { WireServer.Action.respond(503, "", headers: ["Retry-After": $0]) }
        let server = try WireServer.start(responses + [.respond(200, "{}")])
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let policy = RetryPolicy(maxRetries: values.count, initialDelay: .milliseconds(1), maxDelay: maxDelay,
                                 jitter: false)
        let runtime = makeRuntime(server.baseURL, options: ClientOptions(retry: policy, sleeper: sleeper))
        _ = try await runtime.perform(RequestBuilder(operationID: "get", method: "GET", path: "/x")) { _ in () }
        return (server.received.count, sleeper.delays)
    }

    @Test func bothFormsReadAsATypedHeader() throws {
        let headers: HTTPHeaders = ["Retry-After": "120", "Later": "Sun, 06 Nov 1994 08:49:37 GMT", "Bad": "soon"]
        #expect(headers.value("Retry-After", as: RetryAfter.self) == .seconds(120))
        let date = try #require(CivilTime.date(year: 1994, month: 11, day: 6, hour: 8, minute: 49, second: 37))
        #expect(headers.value("Later", as: RetryAfter.self) == .date(date))
        #expect(headers.value("Bad", as: RetryAfter.self) == nil)
        #expect(RetryAfter.date(date).description == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(RetryAfter.seconds(7).delay() == .seconds(7))
        #expect(RetryAfter.date(date).delay(from: date.addingTimeInterval(-5)) == .seconds(5))
    }

    /// A 503 with an HTTP-date 20 s ahead waits until then (not the policy's backoff); delta-seconds as given.
    @Test func retriesHonourBothForms() async throws {
        let later = RetryAfter.date(Date().addingTimeInterval(20)).description
        let (requests, delays) = try await Self.retried(after: [later, "3"])
        #expect(requests == 3)
        try #require(delays.count == 2, "\(delays)")
        #expect(delays[0] > .seconds(15) && delays[0] <= .seconds(20), "\(delays)")
        #expect(delays[1] == .seconds(3))
    }

    /// RFC 9110 §5.6.7: a recipient must also accept the obsolete RFC 850 and asctime forms of an HTTP-date.
    @Test func obsoleteDateFormsAreRead() throws {
        let date = try #require(CivilTime.date(year: 1994, month: 11, day: 6, hour: 8, minute: 49, second: 37))
        #expect(RetryAfter("Sunday, 06-Nov-94 08:49:37 GMT") == .date(date))
        #expect(RetryAfter("Sun Nov  6 08:49:37 1994") == .date(date))
        #expect(RetryAfter("sun nov 6 08:49:37 1994") == .date(date))
        // A two-digit year more than 50 years ahead is the most recent past year with those digits.
        let now = try #require(CivilTime.date(year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0))
        let inThirty = try #require(CivilTime.date(year: 2056, month: 11, day: 6, hour: 8, minute: 49, second: 37))
        #expect(RetryAfter.parseDate("Monday, 06-Nov-56 08:49:37 GMT", now: now) == inThirty)
        #expect(RetryAfter.parseDate("Sunday, 06-Nov-94 08:49:37 GMT", now: now) == date)
        for bad in ["Sunday, 6-Nov-94 08:49:37 GMT", "Sunday 06-Nov-94 08:49:37 GMT", "Sun Nov 6 08:49 1994",
                    "Sun Nov 123 08:49:37 1994", "Sunday, 06-Nov-1994 08:49:37 GMT"] {
            #expect(RetryAfter(bad) == nil, "\(bad)")
        }
    }

    /// Both obsolete forms, sent by a server 20 s ahead, are waited for.
    @Test func retriesHonourTheObsoleteDateForms() async throws {
        let later = Date().addingTimeInterval(20)
        let parts = RetryAfter.date(later).description.split(separator: " ")  // Thu, 03 Dec 2026 06:10:00 GMT
        let rfc850 = "Thursday, \(parts[1])-\(parts[2])-\(parts[3].suffix(2)) \(parts[4]) GMT"
        let asctime = "\(parts[0].dropLast()) \(parts[2]) \(Int(parts[1])!) \(parts[4]) \(parts[3])"
        let (requests, delays) = try await Self.retried(after: [rfc850, asctime])
        #expect(requests == 3)
        try #require(delays.count == 2, "\(rfc850) \(asctime) \(delays)")
        for delay in delays { #expect(delay > .seconds(15) && delay <= .seconds(20), "\(rfc850) \(asctime) \(delays)") }
    }

    /// Delay-seconds is digits only: other numbers are not a delay, and the policy's own backoff applies.
    @Test(arguments: ["1.5", "+5", "0x10", "1e3", "-3", " 5s"])
    func aNumberThatIsNotDelaySecondsIsIgnored(_ value: String) async throws {
        let (requests, delays) = try await Self.retried(after: [value])
        #expect(requests == 2)
        #expect(delays == [.milliseconds(1)], "\(value): \(delays)")
        #expect(RetryAfter(value) == nil)
    }
}

/// Hostile `Retry-After` values: none traps the client; each is read as the longest delay (capped at `maxDelay`)
/// or ignored, and the request is retried.
@Suite(.serialized) struct HostileRetryAfterTests {
    @Test(arguments: [
        "Sun, 06 Nov 99999999999999 08:49:37 GMT", "Sun, 06 Nov 9223372036854775807 08:49:37 GMT",
        "1e40", "1e300", "inf", String(repeating: "9", count: 40), "Sun, 06 Nov +1994 08:49:37 GMT",
        "Sun, 6 Nov 1994 8:49:37 GMT", "nan",
    ])
    func aHostileValueIsClampedOrIgnored(_ value: String) async throws {
        let (requests, delays) = try await RetryAfterTests.retried(after: [value], maxDelay: .seconds(7))
        #expect(requests == 2)
        try #require(delays.count == 1, "\(delays)")
        #expect(delays[0] >= .zero && delays[0] <= .seconds(7), "\(value): \(delays)")
    }

    @Test func datesOutsideTheHTTPDateRangeAreClampedWhenFormatted() {
        #expect(RetryAfter.date(Date(timeIntervalSince1970: 1e300)).description == "Fri, 31 Dec 9999 23:59:59 GMT")
        #expect(RetryAfter.date(Date(timeIntervalSince1970: -1e300)).description == "Mon, 01 Jan 0001 00:00:00 GMT")
        #expect(RetryAfter.date(Date(timeIntervalSince1970: .nan)).description == "Thu, 01 Jan 1970 00:00:00 GMT")
        let early = CivilTime.date(year: 999, month: 3, day: 4, hour: 5, minute: 6, second: 7)
        #expect(early.map { RetryAfter.date($0).description } == "Mon, 04 Mar 0999 05:06:07 GMT")
        #expect(RetryAfter.date(Date(timeIntervalSince1970: 1e300)).delay(from: Date()) == .seconds(1e12))
        #expect(RetryAfter("Sun, 06 Nov 99999999999999 08:49:37 GMT") == nil)
        #expect(CivilTime.date(year: Int.max, month: 1, day: 1, hour: 0, minute: 0, second: 0) == nil)
        #expect(RetryAfter(String(repeating: "9", count: 40)) == .seconds(Int.max))
        // A typed header read as `.seconds(Int.max)` waits the longest delay, which `Task.sleep` can take.
        #expect(RetryAfter(String(repeating: "9", count: 40))?.delay() == .seconds(RetryAfter.longestDelay))
        #expect(RetryAfter.seconds(Int.max).delay() == .seconds(1e12))
        #expect(RetryAfter.seconds(-4).delay() == .zero)
    }
}
