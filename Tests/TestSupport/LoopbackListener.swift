import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP listener on 127.0.0.1 and a free port for raw-socket test servers. Each accepted connection is served by
/// `handler` on a thread of its own (never on the cooperative pool that async tests share), numbered from 1, and
/// closed when the handler returns. `stop()` closes the listener and every connection still open, and only those.
///
///     let listener = try LoopbackListener.start { connection, number in
///         _ = connection.receive(timeout: 5)
///         connection.send(Data("HTTP/1.1 204 No Content\r\n\r\n".utf8))
///     }
///     defer { listener.stop() }
public final class LoopbackListener: @unchecked Sendable {
    public typealias Handler = @Sendable (SocketConnection, Int) -> Void

    public let port: UInt16
    /// `http://127.0.0.1:<port>`.
    public let baseURL: URL

    private let socket: SocketConnection
    private let handler: Handler
    private let lock = NSLock()
    private var open: [Int: SocketConnection] = [:]
    private var accepted = 0
    private var stopped = false
    private let acceptEnded = DispatchSemaphore(value: 0)

    private init(socket: SocketConnection, port: UInt16, handler: @escaping Handler) {
        self.socket = socket
        self.port = port
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
        self.handler = handler
    }

    /// Binds 127.0.0.1 on a free port, listens, and starts accepting.
    public static func start(backlog: Int32 = 16, handler: @escaping Handler) throws -> LoopbackListener {
        let descriptor = systemSocket(AF_INET, SOCK_STREAM_VALUE, 0)
        guard descriptor >= 0 else { throw LoopbackError.notListening("socket() failed: errno \(errno)") }
        let socket = SocketConnection(descriptor: descriptor)
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Bool in
                bind(descriptor, raw, length) == 0 && listen(descriptor, backlog) == 0
                    && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else {
            socket.close()
            throw LoopbackError.notListening("bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        let listener = LoopbackListener(socket: socket, port: UInt16(bigEndian: address.sin_port), handler: handler)
        Thread.detachNewThread { listener.acceptLoop() }
        return listener
    }

    /// Stops accepting, closes every connection still open, and waits (at most 2 s) for the accept thread to end.
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        let connections = Array(open.values)
        lock.unlock()
        guard !wasStopped else { return }
        socket.close()
        connections.forEach { $0.close() }
        _ = acceptEnded.wait(timeout: .now() + 2)
    }

    deinit { stop() }

    private func acceptLoop() {
        defer { acceptEnded.signal() }
        // Polls before each accept, so that `stop()` ends the loop within 0.1 s on every platform (Darwin does not
        // wake a blocked `accept` when the socket is shut down).
        while true {
            lock.lock()
            let isStopped = stopped
            lock.unlock()
            if isStopped { return }
            guard let ready = socket.withDescriptor({ SocketConnection.poll($0, timeout: 0.1) }) else { return }
            guard ready else { continue }
            guard let descriptor = socket.withDescriptor({ accept($0, nil, nil) }) else { return }
            if descriptor < 0 {
                if errno == EINTR || errno == EAGAIN || errno == ECONNABORTED { continue }
                return
            }
            let connection = SocketConnection(descriptor: descriptor)
            lock.lock()
            guard !stopped else {
                lock.unlock()
                connection.close()
                return
            }
            accepted += 1
            let number = accepted
            open[number] = connection
            lock.unlock()
            #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            let handler = self.handler
            Thread.detachNewThread {
                handler(connection, number)
                connection.close()
                self.forget(number)
            }
        }
        socket.close()
    }

    private func forget(_ number: Int) {
        lock.lock()
        open[number] = nil
        lock.unlock()
    }
}

public enum LoopbackError: Error, CustomStringConvertible {
    case notListening(String)

    public var description: String {
        switch self {
        case .notListening(let reason): "the loopback server did not start listening: \(reason)"
        }
    }
}

#if canImport(Glibc)
private let systemSocket = Glibc.socket
#else
private let systemSocket = Darwin.socket
#endif
