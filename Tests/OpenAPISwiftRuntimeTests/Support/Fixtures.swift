import Foundation
import OpenAPISwiftRuntime

/// An error body as a generated client declares one.
enum TestErrorBody: Hashable, Sendable, CustomStringConvertible, CustomReflectable {
    case problem(String)
    var description: String {
        switch self {
        case .problem(let text): return Redaction.describeCase("problem", text)
        }
    }
    var customMirror: Mirror {
        switch self {
        case .problem(let text): return Redaction.mirrorCase(self, "problem", text)
        }
    }
}

/// A runtime as a generated client holds one, over `transport` (URLSession by default).
func makeRuntime(
    _ server: URL, options: ClientOptions = ClientOptions(), transport: any HTTPTransport = URLSessionTransport(),
    credentials: (any CredentialApplying)? = nil
) -> ClientRuntime<TestErrorBody> {
    ClientRuntime<TestErrorBody>(serverURL: server, credentials: credentials, options: options, transport: transport)
}

/// Counts calls; shared by the tests of middlewares and loggers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private var items: [String] = []

    func add(_ item: String = "") {
        lock.lock()
        value += 1
        items.append(item)
        lock.unlock()
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    var recorded: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

/// A middleware that counts the attempts it sees.
struct CountingMiddleware: ClientMiddleware {
    let counter: Counter
    func intercept(
        _ request: HTTPRequest, operationID: String, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        counter.add(operationID)
        return try await next(request)
    }
}

/// A logger that keeps every event's description.
struct RecordingLogger: ClientLogger {
    let counter: Counter
    func log(_ event: LogEvent) { counter.add(String(describing: event)) }
}

/// Retries without waiting.
struct NoSleep: Sleeper {
    func sleep(for duration: Duration) async throws {}
}

/// The full text `dump` prints for `value`.
func dumped<T>(_ value: T) -> String {
    var text = ""
    dump(value, to: &text)
    return text
}
