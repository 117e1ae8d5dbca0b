import Foundation
import TestSupport

// A minimal loopback HTTP/1.1 server for streamed responses, on raw sockets: it answers the first connection's
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
    var baseURL: URL { listener.baseURL }
    private var listener: LoopbackListener!
    private let head: Data
    private let state = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var paths: [String] = []
    /// nil while the connection is open; true once the client closed it; false when it stayed open too long.
    private var clientClosed: Bool?
    private var closeWaiters: [CheckedContinuation<Bool, Never>] = []

    private init(head: Data) {
        self.head = head
    }

    /// Listens on 127.0.0.1 and a free port; the first connection gets `status`, `contentType` and the scripted
    /// body. Later connections are closed unanswered.
    static func start(status: Int = 200, contentType: String = "text/event-stream") throws -> StreamingServer {
        let head = "HTTP/1.1 \(status) \(ScriptedResponse.phrase(for: status))\r\nContent-Type: \(contentType)\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        let server = StreamingServer(head: Data(head.utf8))
        server.listener = try LoopbackListener.start(backlog: 4) { [weak server] connection, number in
            guard number == 1 else { return }
            server?.serve(connection)
        }
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

    /// Ends the body and closes the listener and the connection.
    func stop() {
        finish()
        listener.stop()
    }

    // MARK: - The connection

    /// Answers on the handler's thread; a second thread watches for the client closing the connection. The
    /// connection is closed once both are done.
    private func serve(_ connection: SocketConnection) {
        guard let requestLine = readRequestHead(connection) else { return }
        let parts = requestLine.split(separator: " ")
        state.lock()
        paths.append(parts.count > 1 ? String(parts[1].split(separator: "?")[0]) : "")
        state.unlock()
        guard connection.send(head) else { return }
        // From here the client sends nothing more: a read returns only when it closes the connection.
        let watched = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            self.watchForClose(connection)
            watched.signal()
        }
        while let chunk = nextChunk() {
            var framed = Data(String(chunk.count, radix: 16).utf8)
            framed.append(contentsOf: [0x0D, 0x0A])
            framed.append(chunk)
            framed.append(contentsOf: [0x0D, 0x0A])
            guard connection.send(framed) else { break }
        }
        state.lock()
        let clientGone = clientClosed != nil
        state.unlock()
        if !clientGone { connection.send(Data("0\r\n\r\n".utf8)) }
        watched.wait()
    }

    /// Reads up to the blank line that ends the request head (requests here have no body); returns the first line.
    private func readRequestHead(_ connection: SocketConnection) -> String? {
        var received = Data()
        let end = Data("\r\n\r\n".utf8)
        while received.range(of: end) == nil {
            guard let bytes = connection.receive(timeout: 10) else { return nil }
            received.append(bytes)
        }
        return String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n").first
    }

    private func nextChunk() -> Data? {
        state.lock()
        defer { state.unlock() }
        while chunks.isEmpty && !finished && clientClosed == nil { state.wait() }
        return chunks.isEmpty || clientClosed != nil ? nil : chunks.removeFirst()
    }

    private func watchForClose(_ connection: SocketConnection) {
        let closedByClient = connection.waitForPeerClose(timeout: 30)
        state.lock()
        clientClosed = closedByClient
        let waiters = closeWaiters
        closeWaiters = []
        state.broadcast()
        state.unlock()
        waiters.forEach { $0.resume(returning: closedByClient) }
    }
}
