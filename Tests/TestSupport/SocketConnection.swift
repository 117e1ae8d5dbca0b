import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One socket descriptor of a loopback test server, shared safely between threads.
///
/// Every test runs in one process, so a descriptor number that one server closed is at once reused for another
/// test's socket. This type makes that harmless: the descriptor is closed exactly once, never while a call is using
/// it, and nothing touches it after that. `close()` from another thread first shuts the socket down, which wakes a
/// call blocked in `receive`, `accept` or `waitForPeerClose`; the last call to finish then closes it.
public final class SocketConnection: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptor: Int32
    private var users = 0
    private var closing = false

    /// Takes ownership of `descriptor`.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Whether `close()` has been called.
    public var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closing
    }

    /// Runs `body` with the open descriptor; nil once the connection is closing.
    public func withDescriptor<T>(_ body: (Int32) -> T) -> T? {
        lock.lock()
        guard !closing else {
            lock.unlock()
            return nil
        }
        users += 1
        let descriptor = self.descriptor
        lock.unlock()
        defer { release() }
        return body(descriptor)
    }

    private func release() {
        lock.lock()
        defer { lock.unlock() }
        users -= 1
        if users == 0, closing { closeNow() }
    }

    /// Closes the descriptor once no call is using it any more; safe to call more than once and from any thread.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closing else { return }
        closing = true
        if users == 0 {
            closeNow()
        } else {
            _ = systemShutdown(descriptor, SHUT_RDWR_VALUE)
        }
    }

    /// Ends both directions without giving the descriptor up: the peer sees the end of the stream.
    public func shutdown() {
        _ = withDescriptor { systemShutdown($0, SHUT_RDWR_VALUE) }
    }

    private func closeNow() {
        guard descriptor >= 0 else { return }
        _ = systemClose(descriptor)
        descriptor = -1
    }

    // MARK: - I/O

    /// Sends all of `data`; false when the connection is closed or the peer has gone.
    @discardableResult
    public func send(_ data: Data) -> Bool {
        withDescriptor { descriptor in
            data.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    guard let base = buffer.baseAddress else { return true }
                    let sent = systemSend(descriptor, base + offset, buffer.count - offset, SEND_FLAGS)
                    if sent < 0, errno == EINTR { continue }
                    if sent <= 0 { return false }
                    offset += sent
                }
                return true
            }
        } ?? false
    }

    /// The next bytes that arrive within `timeout` seconds; nil at the end of the stream, on an error or timeout.
    public func receive(timeout: TimeInterval, maxBytes: Int = 65_536) -> Data? {
        withDescriptor { descriptor -> Data? in
            guard Self.poll(descriptor, timeout: timeout) else { return nil }
            var bytes = [UInt8](repeating: 0, count: maxBytes)
            var count = recv(descriptor, &bytes, bytes.count, 0)
            while count < 0, errno == EINTR { count = recv(descriptor, &bytes, bytes.count, 0) }
            guard count > 0 else { return nil }
            return Data(bytes[0..<count])
        } ?? nil
    }

    /// Waits while the peer sends nothing: true once it closes or resets the connection (or this side closes it),
    /// false when it is still open after `timeout` seconds. Bytes it sends meanwhile are read and dropped.
    public func waitForPeerClose(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        return withDescriptor { descriptor -> Bool in
            var byte: UInt8 = 0
            while true {
                let left = deadline.timeIntervalSinceNow
                guard left > 0, Self.poll(descriptor, timeout: left) else { return false }
                let count = recv(descriptor, &byte, 1, 0)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return true }
            }
        } ?? true
    }

    /// Whether `descriptor` becomes readable (data, end of stream or error) within `timeout` seconds.
    static func poll(_ descriptor: Int32, timeout: TimeInterval) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(timeout, 3_600)) * 1_000)
        while true {
            let ready = systemPoll(&entry, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }
}

#if canImport(Glibc)
let SOCK_STREAM_VALUE = Int32(SOCK_STREAM.rawValue)
let SHUT_RDWR_VALUE = Int32(SHUT_RDWR)
private let SEND_FLAGS = Int32(MSG_NOSIGNAL)
private let systemSend = Glibc.send
private let systemClose = Glibc.close
private let systemShutdown = Glibc.shutdown
private let systemPoll = Glibc.poll
#else
let SOCK_STREAM_VALUE = SOCK_STREAM
let SHUT_RDWR_VALUE = SHUT_RDWR
private let SEND_FLAGS: Int32 = 0
private let systemSend = Darwin.send
private let systemClose = Darwin.close
private let systemShutdown = Darwin.shutdown
private let systemPoll = Darwin.poll
#endif
