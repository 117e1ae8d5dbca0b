import Foundation
import TestSupport

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

    var baseURL: URL { listener.baseURL }
    var port: UInt16 { listener.port }
    private var listener: LoopbackListener!
    private let lock = NSCondition()
    private var script: [Action]
    private var requests: [Request] = []

    private init(script: [Action]) {
        self.script = script
    }

    static func start(_ script: [Action]) throws -> WireServer {
        let server = WireServer(script: script)
        server.listener = try LoopbackListener.start { [weak server] connection, number in
            server?.serve(connection, number: number)
        }
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

    /// Stops accepting and closes the connections still open.
    func stop() {
        listener.stop()
    }

    deinit { stop() }

    // MARK: Serving

    private func serve(_ connection: SocketConnection, number: Int) {
        var buffer = Data()
        while true {
            guard let (request, rest) = readRequest(connection, buffer: buffer, number: number) else { return }
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
                connection.send(Data(head.utf8) + Data(body.utf8))
                if !keepAlive { return }
            }
        }
    }

    /// Reads one request (head, then a Content-Length body for at most 3 s); nil when the connection ended first.
    private func readRequest(_ connection: SocketConnection, buffer start: Data, number: Int) -> (Request, Data)? {
        var buffer = start
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard let chunk = connection.receive(timeout: 10) else { return nil }
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
        while rest.count < length, Date() < deadline, let chunk = connection.receive(timeout: 0.2) {
            rest.append(chunk)
        }
        let body = rest.prefix(length)
        let request = Request(
            method: requestLine.first.map(String.init) ?? "", path: requestLine.dropFirst().first.map(String.init) ?? "",
            headers: headers, body: Data(body), connection: number, bodyComplete: body.count == length
        )
        return (request, Data(rest.dropFirst(length)))
    }
}
