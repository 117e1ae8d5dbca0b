import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback HTTP/1.1 server on raw sockets that records every request exactly as it arrived (method, path,
/// headers, the body bytes that came, and which connection carried it) and answers each by the next scripted
/// action: a response (kept alive or closed), or closing the connection without answering, which no ordinary
/// server library lets a test do. Bound to 127.0.0.1 on a free port; every wait is bounded.
///
///     let server = try WireServer.start([.respond(200, "ok"), .closeWithoutAnswer])
///     defer { server.stop() }
final class WireServer: @unchecked Sendable {
    /// What the server does with one request.
    enum Action: Sendable {
        /// Answers with this status, headers and body; `keepAlive: false` closes the connection afterwards.
        case respond(Int, String = "", headers: [String: String] = [:], keepAlive: Bool = true)
        /// Reads the request, then closes the connection without a byte of response.
        case closeWithoutAnswer
    }

    /// One request as it arrived.
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: Data
        /// 1 for the first connection the server accepted, 2 for the next, …
        var connection: Int
        /// Whether the whole body announced by Content-Length arrived.
        var bodyComplete: Bool

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    let baseURL: URL
    let port: UInt16
    private let listener: Int32
    private let lock = NSCondition()
    private var script: [Action]
    private var requests: [Request] = []
    private var connections = 0
    private var stopped = false
    private var sockets: [Int32] = []
    /// Signalled by the accept thread once it has closed the listener.
    private let acceptEnded = DispatchSemaphore(value: 0)

    private init(listener: Int32, port: UInt16, script: [Action]) {
        self.listener = listener
        self.port = port
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
        self.script = script
    }

    /// Listens on 127.0.0.1; requests beyond the script get 500.
    static func start(_ script: [Action]) throws -> WireServer {
        let listener = socket(AF_INET, Int32(SOCK_STREAM_VALUE), 0)
        guard listener >= 0 else { throw WireServerError.notListening }
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Bool in
                bind(listener, raw, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, raw, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw WireServerError.notListening
        }
        let server = WireServer(listener: listener, port: UInt16(bigEndian: address.sin_port), script: script)
        Thread.detachNewThread { server.acceptLoop() }
        return server
    }

    /// Every request received so far, in arrival order.
    var received: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    /// Waits up to `timeout` for at least `count` requests; returns what arrived.
    func waitForRequests(_ count: Int, timeout: TimeInterval = 5) -> [Request] {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while requests.count < count, lock.wait(until: deadline) {}
        return requests
    }

    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        let open = sockets
        lock.unlock()
        guard !wasStopped else { return }
        // The accept thread closes the listener once `accept` returns, so its descriptor cannot be reused by
        // another server while this one still accepts on it.
        shutdown(listener, Int32(SHUT_RDWR))
        for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
        _ = acceptEnded.wait(timeout: .now() + 2)
    }

    deinit { stop() }

    // MARK: Serving

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                close(listener)
                acceptEnded.signal()
                return
            }
            lock.lock()
            if stopped {
                lock.unlock()
                close(client)
                close(listener)
                acceptEnded.signal()
                return
            }
            connections += 1
            let number = connections
            sockets.append(client)
            lock.unlock()
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            Thread.detachNewThread { self.serve(client, connection: number) }
        }
    }

    private func serve(_ client: Int32, connection: Int) {
        var buffer = Data()
        defer { close(client) }
        while true {
            guard let (request, rest) = readRequest(client, buffer: buffer, connection: connection) else { return }
            buffer = rest
            let action: Action = {
                lock.lock()
                defer { lock.unlock() }
                requests.append(request)
                lock.broadcast()
                return script.isEmpty ? .respond(500, "unscripted request") : script.removeFirst()
            }()
            switch action {
            case .closeWithoutAnswer:
                return
            case .respond(let status, let body, let headers, let keepAlive):
                var head = "HTTP/1.1 \(status) Status\r\nContent-Length: \(body.utf8.count)\r\n"
                for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
                head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
                let bytes = Data(head.utf8) + Data(body.utf8)
                _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL_VALUE)) }
                if !keepAlive { return }
            }
        }
    }

    /// Reads one request (head, then a Content-Length body for at most 3 s); nil when the connection ended first.
    private func readRequest(_ client: Int32, buffer start: Data, connection: Int) -> (Request, Data)? {
        var buffer = start
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard let chunk = receive(client) else { return nil }
            buffer.append(chunk)
        }
        guard let end = buffer.range(of: separator) else { return nil }
        let head = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        var rest = Data(buffer[end.upperBound...])
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = headers.first { $0.key.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let deadline = Date().addingTimeInterval(3)
        while rest.count < length, Date() < deadline, let chunk = receive(client, quick: true) {
            rest.append(chunk)
        }
        let body = rest.prefix(length)
        let request = Request(
            method: requestLine.first.map(String.init) ?? "", path: requestLine.dropFirst().first.map(String.init) ?? "",
            headers: headers, body: Data(body), connection: connection, bodyComplete: body.count == length
        )
        return (request, Data(rest.dropFirst(length)))
    }

    /// The next bytes, or nil at the end of the connection (or, with `quick`, after 0.2 s of silence).
    private func receive(_ client: Int32, quick: Bool = false) -> Data? {
        var pollDescriptor = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
        guard poll(&pollDescriptor, 1, quick ? 200 : 10_000) > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 65_536)
        let count = recv(client, &bytes, bytes.count, 0)
        guard count > 0 else { return nil }
        return Data(bytes[0..<count])
    }
}

enum WireServerError: Error { case notListening }

#if canImport(Glibc)
private let MSG_NOSIGNAL_VALUE = Int(MSG_NOSIGNAL)
#else
private let MSG_NOSIGNAL_VALUE = 0
#endif

#if canImport(Glibc)
private let SOCK_STREAM_VALUE = Int32(SOCK_STREAM.rawValue)
#else
private let SOCK_STREAM_VALUE = SOCK_STREAM
#endif
