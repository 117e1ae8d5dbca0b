import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// MARK: - URLSession

/// `HTTPTransport` over `URLSession` (FoundationNetworking on Linux).
///
/// Redirects are followed, but a redirect to another scheme, host or port drops `Authorization`, `Cookie`,
/// `Proxy-Authorization` and the client's credential headers; same-origin redirects keep them.
public struct URLSessionTransport: HTTPTransport {
    private let box: SessionBox

    public init(configuration: URLSessionConfiguration = .ephemeral) {
        box = SessionBox(configuration: configuration)
    }

    /// Sends `request`, following 307 and 308 redirects itself (see `redirect(from:after:)`).
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await Self.followingRedirects(request, sendOnce)
    }

    /// Sends `request` with `once`, then each 307/308 redirect's request, at most `maxRedirects` times.
    private static func followingRedirects(
        _ request: HTTPRequest, _ once: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var current = request
        for _ in 0..<maxRedirects {
            let response = try await once(current)
            guard let next = redirect(from: current, after: response) else { return response }
            current = next
        }
        return try await once(current)
    }

    /// At most this many 307/308 redirects are followed; the last response is then returned as it is.
    static let maxRedirects = 10

    /// The request a 307 or 308 response asks for: the same method, headers and whole body at the `Location`
    /// (RFC 9110 §15.4.8–9), without the credentials when it leaves the origin. URLSession is not left to follow
    /// these itself: FoundationNetworking repeats the method but not the body.
    static func redirect(from request: HTTPRequest, after response: HTTPResponse) -> HTTPRequest? {
        guard response.statusCode == 307 || response.statusCode == 308, let location = response.headers["Location"],
              let target = URL(string: location, relativeTo: request.url)?.absoluteURL,
              target.scheme == "http" || target.scheme == "https" else { return nil }
        var next = request
        next.url = target
        if RedirectGuard.origin(target) != RedirectGuard.origin(request.url) {
            for (name, _) in request.headers
            where Redaction.isSensitiveName(name, extra: request.headers.sensitiveNames, heuristics: false) {
                next.headers.remove(name)
            }
        }
        return next
    }

    private func sendOnce(_ request: HTTPRequest) async throws -> HTTPResponse {
        let urlRequest = Self.urlRequest(for: request)
        let sensitive = request.headers.sensitiveNames
        let box = self.box
        let handle = TaskHandle()
        let session = box.session(for: request)
        defer { box.release(session) }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    if let error { return continuation.resume(throwing: error) }
                    guard let http = response as? HTTPURLResponse else {
                        return continuation.resume(throwing: URLError(.badServerResponse))
                    }
                    continuation.resume(returning: HTTPResponse(statusCode: http.statusCode,
                                                                headers: Self.headers(of: http), body: data ?? Data()))
                }
                box.guardian.register(task, sensitive: sensitive)
                handle.set(task)
                task.resume()
            }
        } onCancel: {
            handle.cancel()
        }
    }

    /// Returns once the head has arrived; the body follows chunk by chunk in `bodyStream` (a data-delegate task,
    /// which FoundationNetworking supports too). The request's timeout applies between chunks, so a long stream
    /// that keeps sending lives on. Stopping the iteration cancels the task. Chunks the consumer has not taken yet
    /// are buffered.
    public func stream(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await Self.followingRedirects(request, streamOnce)
    }

    private func streamOnce(_ request: HTTPRequest) async throws -> HTTPResponse {
        let urlRequest = Self.urlRequest(for: request)
        let sensitive = request.headers.sensitiveNames
        let box = self.box
        let handle = TaskHandle()
        let receiver = StreamReceiver(handle)
        let session = box.session(for: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                receiver.waitForHead(continuation)
                let task = session.dataTask(with: urlRequest)
                box.guardian.register(task, sensitive: sensitive, receiver: receiver,
                                      session: session === box.session ? nil : session)
                handle.set(task)
                task.resume()
            }
        } onCancel: {
            handle.cancel()
        }
    }

    private static func urlRequest(for request: HTTPRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        urlRequest.timeoutInterval = max(1, Double(request.timeout.components.seconds) + 1)
        for (name, value) in request.headers { urlRequest.addValue(value, forHTTPHeaderField: name) }
        // An explicit Cookie header is sent as given, not merged with the session's cookie storage.
        if request.headers.contains("Cookie") { urlRequest.httpShouldHandleCookies = false }
        return urlRequest
    }

    /// The response's header fields, sorted by name (Foundation gives them unordered).
    public static func headers(of http: HTTPURLResponse) -> HTTPHeaders {
        var headers = HTTPHeaders()
        let fields: [(String, String)] = http.allHeaderFields.compactMap { key, value in
            (key as? String).map { ($0, value as? String ?? String(describing: value)) }
        }
        for (name, value) in fields.sorted(by: { $0.0.lowercased() < $1.0.lowercased() }) {
            headers.add(name, value)
        }
        return headers
    }
}

/// One streaming task: resumes the caller with the head, then feeds the body's chunks to an `HTTPBodyStream`.
private final class StreamReceiver: Sendable {
    private let head = Locked<CheckedContinuation<HTTPResponse, any Error>?>(nil)
    /// Handed out with the head and not kept: once every copy is gone unread, the stream terminates.
    private let chunks: Locked<AsyncThrowingStream<Data, any Error>?>
    private let sink: AsyncThrowingStream<Data, any Error>.Continuation
    private let handle: TaskHandle

    init(_ handle: TaskHandle) {
        let (chunks, sink) = AsyncThrowingStream<Data, any Error>.makeStream()
        self.chunks = Locked(chunks)
        self.sink = sink
        self.handle = handle
        // The consumer stopped or dropped the body unread: the task has nothing left to deliver to.
        sink.onTermination = { _ in handle.cancel() }
    }

    func waitForHead(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        head.withLock { $0 = continuation }
    }

    private func takeHead() -> CheckedContinuation<HTTPResponse, any Error>? {
        head.withLock { continuation in
            defer { continuation = nil }
            return continuation
        }
    }

    func received(_ response: URLResponse) {
        guard let continuation = takeHead() else { return }
        let taken: AsyncThrowingStream<Data, any Error>? = chunks.withLock { chunks in
            defer { chunks = nil }
            return chunks
        }
        guard let http = response as? HTTPURLResponse, let taken else {
            handle.cancel()
            return continuation.resume(throwing: URLError(.badServerResponse))
        }
        let handle = self.handle
        let body = HTTPBodyStream(taken, onStop: { handle.cancel() })
        continuation.resume(returning: HTTPResponse(statusCode: http.statusCode,
                                                    headers: URLSessionTransport.headers(of: http), bodyStream: body))
    }

    func received(_ data: Data) {
        sink.yield(data)
    }

    func completed(_ error: (any Error)?) {
        takeHead()?.resume(throwing: error ?? URLError(.badServerResponse))
        sink.finish(throwing: error)
    }
}

/// Owns the shared session and invalidates it when the transport goes away.
///
/// A request that must not be sent twice (`HTTPRequest.isRetrySafe` false), and on Linux any request with a body,
/// goes out through a session of its own, so on a connection of its own: HTTP stacks silently resend a request
/// whose kept-alive connection the server closed without answering (libcurl does), and FoundationNetworking then
/// cannot replay the body, so the copy goes out as a head without its body. A fresh connection is never resent.
private final class SessionBox: Sendable {
    let session: URLSession
    let guardian = RedirectGuard()
    private let configuration: URLSessionConfiguration

    init(configuration: URLSessionConfiguration) {
        self.configuration = configuration
        session = URLSession(configuration: configuration, delegate: guardian, delegateQueue: nil)
    }

    /// The shared session, or a new one for a request that must have a connection of its own.
    func session(for request: HTTPRequest) -> URLSession {
        #if canImport(FoundationNetworking)
        let ownConnection = !request.isRetrySafe || request.body != nil
        #else
        let ownConnection = !request.isRetrySafe
        #endif
        guard ownConnection else { return session }
        return URLSession(configuration: configuration, delegate: guardian, delegateQueue: nil)
    }

    /// Invalidates a session of one request once its task is done.
    func release(_ used: URLSession) {
        if used !== session { used.finishTasksAndInvalidate() }
    }

    deinit { session.finishTasksAndInvalidate() }
}

/// Strips credentials from cross-origin redirects; knows each task's extra credential header names. Delivers the
/// head and chunks of streaming tasks to their `StreamReceiver`.
private final class RedirectGuard: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let sensitive = Locked<[ObjectIdentifier: Set<String>]>([:])
    private let receivers = Locked<[ObjectIdentifier: StreamReceiver]>([:])
    /// Sessions of one streaming request, invalidated when their task completes.
    private let ownSessions = Locked<[ObjectIdentifier: URLSession]>([:])

    func register(_ task: URLSessionTask, sensitive names: Set<String>) {
        sensitive.withLock { $0[ObjectIdentifier(task)] = names }
    }

    fileprivate func register(_ task: URLSessionTask, sensitive names: Set<String>, receiver: StreamReceiver,
                              session: URLSession?) {
        sensitive.withLock { $0[ObjectIdentifier(task)] = names }
        receivers.withLock { $0[ObjectIdentifier(task)] = receiver }
        if let session { ownSessions.withLock { $0[ObjectIdentifier(task)] = session } }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        _ = sensitive.withLock { $0.removeValue(forKey: ObjectIdentifier(task)) }
        ownSessions.withLock { $0.removeValue(forKey: ObjectIdentifier(task)) }?.finishTasksAndInvalidate()
        let receiver: StreamReceiver? = receivers.withLock { $0.removeValue(forKey: ObjectIdentifier(task)) }
        receiver?.completed(error)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let receiver: StreamReceiver? = receivers.withLock { $0[ObjectIdentifier(dataTask)] }
        receiver?.received(response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let receiver: StreamReceiver? = receivers.withLock { $0[ObjectIdentifier(dataTask)] }
        receiver?.received(data)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // 307 and 308 are followed by `URLSessionTransport.send` itself, with the whole body.
        if response.statusCode == 307 || response.statusCode == 308 { return completionHandler(nil) }
        let next = request
        guard let from = response.url ?? task.currentRequest?.url, let to = next.url,
              Self.origin(from) != Self.origin(to) else { return completionHandler(next) }
        let extra = sensitive.withLock { $0[ObjectIdentifier(task)] ?? [] }
        var stripped = next
        for name in (next.allHTTPHeaderFields ?? [:]).keys
        where Redaction.isSensitiveName(name, extra: extra, heuristics: false) {
            stripped.setValue(nil, forHTTPHeaderField: name)
        }
        completionHandler(stripped)
    }

    static func origin(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }
}

/// Lets a cancellation handler reach a task created later inside the continuation.
private final class TaskHandle: @unchecked Sendable {
    private let state = Locked<(task: URLSessionTask?, cancelled: Bool)>((nil, false))

    func set(_ task: URLSessionTask) {
        let cancelNow = state.withLock { state -> Bool in
            state.task = task
            return state.cancelled
        }
        if cancelNow { task.cancel() }
    }

    func cancel() {
        let task = state.withLock { state -> URLSessionTask? in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }
}

/// A value guarded by an `NSLock` (`Mutex` would need macOS 15).
public final class Locked<State>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    public init(_ state: State) { self.state = state }

    public func withLock<R>(_ body: (inout State) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
