import Foundation
import Streaming
import Testing

// Streamed responses over real HTTP on 127.0.0.1 (Generated/Streaming, from Tests/Fixtures/features/streaming.yaml).
// The server writes a chunk only when the test says so, and the test says so only after the client has handed out
// the previous item: had the body been buffered until the response ended, the first item would never arrive (the
// call would fail by its timeout instead). No test waits for time to pass.

@Suite struct StreamingClientTests {
    static let options = ClientOptions(timeout: .seconds(30), retry: .none)

    @Test func serverSentEventsArriveWhileTheResponseIsStillOpen() async throws {
        let server = try StreamingServer.start()
        defer { server.stop() }
        let client = StreamingClient(serverURL: server.baseURL, options: Self.options)
        // The first event arrives in pieces: a comment, a field split mid-line, "é" split between its two bytes.
        server.write(": welcome\r\nevent: tick\r\nid: 1\r\ndata: {\"n\":1,")
        server.write(Data([0x22, 0x6C, 0x61, 0x62, 0x65, 0x6C, 0x22, 0x3A, 0x22, 0x63, 0x61, 0x66, 0xC3]))
        server.write(Data([0xA9, 0x22, 0x7D, 0x0D]))
        server.write("\n\r\n")
        var received: [String] = []
        for try await event in try await client.streamTicks(from: 1) {
            received.append("\(event.event ?? "message") \(event.id ?? "-") \(event.data.n) \(event.data.label ?? "-")")
            if event.data.n == 1 {
                // Only now does the server send the rest.
                server.write("data: {\"n\":2}\n\n")
                server.finish()
            }
        }
        #expect(received == ["tick 1 1 café", "message 1 2 -"])
        #expect(server.requestedPaths == ["/ticks"])
    }

    @Test func jsonLinesArriveOneByOne() async throws {
        let server = try StreamingServer.start(contentType: "application/jsonl")
        defer { server.stop() }
        let client = StreamingClient(serverURL: server.baseURL, options: Self.options)
        server.write("{\"n\":1}\n\n{\"n\"")
        var received: [Int] = []
        for try await tick in try await client.streamLines() {
            received.append(tick.n)
            if tick.n == 1 {
                server.write(":2}\r\n{\"n\":3}")
                server.finish()
            }
        }
        #expect(received == [1, 2, 3])
    }

    @Test func leavingTheLoopCancelsTheRequest() async throws {
        let server = try StreamingServer.start()
        defer { server.stop() }
        let client = StreamingClient(serverURL: server.baseURL, options: Self.options)
        server.write("data: {\"n\":1}\n\n")
        var first: Int?
        for try await event in try await client.streamTicks() {
            first = event.data.n
            break
        }
        #expect(first == 1)
        // The server sees the client close the connection while the body is still open.
        #expect(await server.closed())
    }

    @Test func cancellingTheTaskStopsTheStreamWithCancelled() async throws {
        let server = try StreamingServer.start()
        defer { server.stop() }
        let client = StreamingClient(serverURL: server.baseURL, options: Self.options)
        let (firstEvent, signal) = AsyncStream<Int>.makeStream()
        let reader = Task { () -> APIErrorKind? in
            do {
                for try await event in try await client.streamTicks() { signal.yield(event.data.n) }
                return nil
            } catch let error as StreamingClient.Error {
                return error.kind
            } catch {
                return nil
            }
        }
        server.write("data: {\"n\":7}\n\n")
        var signals = firstEvent.makeAsyncIterator()
        #expect(await signals.next() == 7)
        reader.cancel()
        #expect(await reader.value == .cancelled)
        #expect(await server.closed())
    }

    @Test func errorStatusOfAStreamingOperationThrowsTheDecodedBody() async throws {
        try await TestServer.with([.json(429, #"{"title":"slow down","status":429}"#, headers: ["X-Request-ID": "r-9"])]) { server in
            let client = StreamingClient(serverURL: server.baseURL, options: Self.options)
            do {
                _ = try await client.streamTicks()
                Issue.record("no error")
            } catch let error as StreamingClient.Error {
                #expect(error.kind == .documentedStatus)
                #expect(error.statusCode == 429)
                #expect(error.body == .problem(Problem(title: "slow down", status: 429)))
                #expect(error.requestID == "r-9")
                #expect(String(decoding: error.rawBody ?? Data(), as: UTF8.self).contains("slow down"))
            }
        }
    }

    @Test func undecodableEventThrowsDecodingFailedFromTheLoop() async throws {
        let server = try StreamingServer.start()
        defer { server.stop() }
        let client = StreamingClient(serverURL: server.baseURL, options: Self.options)
        server.write("data: {\"n\":1}\n\ndata: {\"n\":\"one\"}\n\n")
        server.finish()
        var received: [Int] = []
        do {
            for try await event in try await client.streamTicks() { received.append(event.data.n) }
            Issue.record("no error")
        } catch let error as StreamingClient.Error {
            #expect(error.kind == .decodingFailed)
            #expect(error.operationID == "streamTicks")
        }
        #expect(received == [1])
    }
}
