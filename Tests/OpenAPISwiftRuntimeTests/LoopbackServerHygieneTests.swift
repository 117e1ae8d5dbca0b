import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loopback servers run in the same process as every other test, so a descriptor they already closed may be
/// reused at once by another test's socket. Stopping a server must never touch such a descriptor: a shutdown of a
/// reused number cuts another test's connection ("Empty reply from server").
@Suite struct LoopbackServerHygieneTests {
    @Test func stoppingAServerLeavesDescriptorsItAlreadyClosedAlone() async throws {
        let server = try WireServer.start([.respond(200, "ok", keepAlive: false)])
        // One request on a connection the server closes after answering.
        let client = try RawClient(port: server.port)
        client.send("GET /once HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(client.readToEnd().hasPrefix("HTTP/1.1 200"))
        client.close()
        // The server closed its end; the lowest free descriptors now go to a new pair of sockets.
        var pair: [Int32] = [-1, -1]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM_VALUE), 0, &pair) == 0)
        defer { Glibc.close(pair[0]); Glibc.close(pair[1]) }
        server.stop()
        let byte: [UInt8] = [0x2A]
        #expect(Glibc.send(pair[0], byte, 1, Int32(MSG_NOSIGNAL)) == 1,
                "the other socket was shut down by the server's stop()")
        var received: UInt8 = 0
        #expect(read(pair[1], &received, 1) == 1 && received == 0x2A)
    }
}

/// A blocking TCP client for the hygiene test.
private struct RawClient {
    let fd: Int32

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM_VALUE), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw LoopbackError.notListening("connect failed") }
    }

    func send(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    }

    func readToEnd() -> String {
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { break }
            all += buffer[0..<count]
        }
        return String(decoding: all, as: UTF8.self)
    }

    func close() { _ = Glibc.close(fd) }
}

#if canImport(Glibc)
private let SOCK_STREAM_VALUE = Int32(SOCK_STREAM.rawValue)
#else
private let SOCK_STREAM_VALUE = SOCK_STREAM
#endif
