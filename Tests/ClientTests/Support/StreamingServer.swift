import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A minimal loopback HTTP/1.1 server for streamed responses, on raw sockets: it accepts one connection, answers its
// request at once with the head and a chunked body that the test writes piece by piece (`write`, one `send` per
// chunk), so the test decides when each byte leaves the server and can wait for the client before writing more.
// It also sees the client close the connection (`closed()`), which proves a request was cancelled. (FlyingFox
// streams chunked bodies too, but does not report a client that went away while the body is open.)
//
//     let server = try StreamingServer.start()
//     defer { server.stop() }
//     server.write("data: 1\n\n")          // the client can read it while the response is still open
//     server.finish()                      // ends the body

final class StreamingServer: @unchecked Sendable {
    let baseURL: URL
    private let listener: Int32
    private let state = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var paths: [String] = []
    /// nil while the connection is open; true once the client closed it; false when it stayed open too long.
    private var clientClosed: Bool?
    private var closeWaiters: [CheckedContinuation<Bool, Never>] = []

    private init(listener: Int32, port: UInt16) {
        self.listener = listener
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Listens on 127.0.0.1 and a free port; the first connection gets `status`, `contentType` and the scripted
    /// body.
    static func start(status: Int = 200, contentType: String = "text/event-stream") throws -> StreamingServer {
        let listener = socket(AF_INET, Int32(SOCK_STREAM_VALUE), 0)
        guard listener >= 0 else { throw TestServerError.notListening("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw -> Bool in
                bind(listener, raw, length) == 0 && listen(listener, 4) == 0
                    && getsockname(listener, raw, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw TestServerError.notListening("bind/listen on 127.0.0.1 failed")
        }
        let server = StreamingServer(listener: listener, port: UInt16(bigEndian: address.sin_port))
        let head = "HTTP/1.1 \(status) \(ScriptedResponse.phrase(for: status))\r\nContent-Type: \(contentType)\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        Thread.detachNewThread { server.serve(head: Data(head.utf8)) }
        return server
    }

    /// Queues `text` as the next chunk of the body.
    func write(_ text: String) { write(Data(text.utf8)) }

    func write(_ data: Data) {
        state.lock()
        chunks.append(data)
        state.broadcast()
        state.unlock()
    }

    /// Ends the body after the queued chunks.
    func finish() {
        state.lock()
        finished = true
        state.broadcast()
        state.unlock()
    }

    /// The paths requested so far.
    var requestedPaths: [String] {
        state.lock()
        defer { state.unlock() }
        return paths
    }

    /// Waits until the client closes the connection while the body is still open: true when it did, false when it
    /// kept it open for 30 seconds (a guard against hanging, not a timing assertion).
    func closed() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            state.lock()
            if let clientClosed {
                state.unlock()
                continuation.resume(returning: clientClosed)
            } else {
                closeWaiters.append(continuation)
                state.unlock()
            }
        }
    }

    func stop() {
        finish()
        shutdown(listener, SHUT_RDWR_VALUE)
        close(listener)
    }

    // MARK: - The connection

    private func serve(head: Data) {
        let fd = accept(listener, nil, nil)
        guard fd >= 0 else { return }
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        guard let requestLine = readRequestHead(fd) else {
            close(fd)
            return
        }
        let parts = requestLine.split(separator: " ")
        state.lock()
        paths.append(parts.count > 1 ? String(parts[1].split(separator: "?")[0]) : "")
        state.unlock()
        // The watcher closes `fd` once the client has gone; until then this thread may write to it.
        guard send(all: head, to: fd) else {
            close(fd)
            return
        }
        // From here the client sends nothing more: a read returns only when it closes the connection.
        Thread.detachNewThread { self.watchForClose(fd) }
        while let chunk = nextChunk() {
            var framed = Data(String(chunk.count, radix: 16).utf8)
            framed.append(contentsOf: [0x0D, 0x0A])
            framed.append(chunk)
            framed.append(contentsOf: [0x0D, 0x0A])
            guard send(all: framed, to: fd) else { return }
        }
        _ = send(all: Data("0\r\n\r\n".utf8), to: fd)
    }

    /// Reads up to the blank line that ends the request head (requests here have no body); returns the first line.
    private func readRequestHead(_ fd: Int32) -> String? {
        var received: [UInt8] = []
        var byte: UInt8 = 0
        while !received.suffix(4).elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) {
            guard recv(fd, &byte, 1, 0) == 1 else { return nil }
            received.append(byte)
        }
        return String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n").first
    }

    private func nextChunk() -> Data? {
        state.lock()
        defer { state.unlock() }
        while chunks.isEmpty && !finished && clientClosed == nil { state.wait() }
        return chunks.isEmpty ? nil : chunks.removeFirst()
    }

    private func send(all data: Data, to fd: Int32) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        return data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let sent = systemSend(fd, buffer.baseAddress! + offset, buffer.count - offset, flags)
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    private func watchForClose(_ fd: Int32) {
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var byte: UInt8 = 0
        let result = recv(fd, &byte, 1, 0)
        // 0: the client closed; an error other than the timeout: reset by the client.
        let closedByClient = result == 0 || (result < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
        state.lock()
        clientClosed = closedByClient
        let waiters = closeWaiters
        closeWaiters = []
        state.broadcast()
        state.unlock()
        waiters.forEach { $0.resume(returning: closedByClient) }
        shutdown(fd, SHUT_RDWR_VALUE)
        close(fd)
    }
}

#if canImport(Glibc)
private let SOCK_STREAM_VALUE = Int32(SOCK_STREAM.rawValue)
private let SHUT_RDWR_VALUE = Int32(SHUT_RDWR)
private let systemSend = Glibc.send
#else
private let SOCK_STREAM_VALUE = SOCK_STREAM
private let SHUT_RDWR_VALUE = SHUT_RDWR
private let systemSend = Darwin.send
#endif
