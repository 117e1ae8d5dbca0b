import Foundation

// Feature fixtures: responses (bodies, status ranges, default, headers, streams).

extension FeatureFixture {
    /// Binary, text and empty bodies, status ranges and `default`, typed headers, server-sent events.
    static let responses: [FeatureFixture] = [
        FeatureFixture(path: "responses.yaml", module: "ResponsesFixture", probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder([
                    HTTPResponse(statusCode: 200, headers: ["Content-Type": "application/octet-stream"],
                                 body: Data([0, 255])),
                    HTTPResponse(statusCode: 200, headers: ["Content-Type": "text/plain"], body: Data("read me".utf8)),
                    HTTPResponse(statusCode: 204),
                    json(200, #"{"rows":3}"#), json(202, #"{"id":"j"}"#), HTTPResponse(statusCode: 206),
                    json(404, #"{"title":"missing"}"#), json(503, #"{"title":"down"}"#),
                ])
                let client = ResponsesFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                say("download", try await client.download().count)
                say("readme", try await client.readme())
                try await client.ping()
                say("ping", recorder.last.method)
                for _ in 0..<3 { say("report", caseName(try await client.report())) }
                for _ in 0..<2 {
                    do {
                        _ = try await client.report()
                    } catch let error as any APIErrorProtocol {
                        say("error", "\(error.kind) \(error.statusCode ?? 0) \(error.anyBody.map(caseName) ?? "-")")
                    }
                }
                """#, expect: [
                    "download: 2", "readme: read me", "ping: POST", "report: ok", "report: accepted",
                    "report: status2XX", "error: documentedStatus 404 problem", "error: documentedStatus 503 problem",
                ]),
        ])),
        FeatureFixture(path: "response-headers.yaml", module: "ResponseHeadersFixture", contains: [
            ("Models.swift", "public struct GetLimitsResponseHeaders: Swift.Hashable, Swift.Sendable"),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder([
                    json(200, #"{"ok":true}"#, headers: [
                        "x-request-id": "req-1", "X-RateLimit-Limit": "100", "X-RateLimit-Remaining": " 7 ",
                        "X-RateLimit-Reset": "2024-05-01T10:20:30Z", "X-Flags": "a, b", "X-Mode": "slow",
                    ]),
                    json(200, "{}", headers: ["X-RateLimit-Limit": "many", "X-Mode": "warp"]),
                    HTTPResponse(statusCode: 429, headers: ["Retry-After": "30", "X-Request-ID": "req-3"]),
                ])
                let client = ResponseHeadersFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                let response = try await client.getLimitsWithResponse()
                let headers = GetLimitsResponseHeaders(response.headers)
                say("id", headers.xRequestID)
                say("limit", headers.xRateLimitLimit)
                say("remaining", headers.xRateLimitRemaining)
                say("reset", headers.xRateLimitReset?.timeIntervalSince1970)
                say("flags", headers.xFlags)
                say("mode", headers.xMode)
                say("retry", headers.retryAfter)
                let odd = GetLimitsResponseHeaders(try await client.getLimitsWithResponse().headers)
                say("odd", "\(odd.xRateLimitLimit as Any) \(odd.xMode.map(\.rawValue) as Any)")
                do {
                    _ = try await client.getLimits()
                } catch let error as any APIErrorProtocol {
                    let limited = GetLimitsResponseHeaders(error.headers)
                    say("429", "\(limited.retryAfter.map(\.description) ?? "-") \(limited.xRequestID ?? "-")")
                }
                """#, expect: [
                    "id: req-1", "limit: 100", "remaining: 7", "reset: 1714558830.0", #"flags: ["a", "b"]"#,
                    "mode: slow", "retry: nil", #"odd: nil Optional("warp")"#, "429: 30 req-3",
                ]),
        ])),
        FeatureFixture(path: "sse.yaml", module: "SSEFixture", contains: [
            ("Client.swift", "async throws -> ServerSentEvents<String> {"),
            ("Client.swift", "self.runtime.perform(request, options: options, streaming: true)"),
        ], probe: Probe(steps: [
            // `Recorder` implements only `send`: the default `stream` reads the body whole, and events still arrive.
            .code(#"""
                let body = "\u{FEFF}: comment\r\ndata: a\r\n\r\nevent: tick\ndata: 1\ndata:2\nid: 7\nretry: 1500\n\n"
                    + "id\ndata\n\nevent: ignored\n\ndata: {\"n\":3}\n\ndata: unterminated"
                let stream = HTTPResponse(statusCode: 200, headers: ["Content-Type": "text/event-stream"],
                                          body: Data(body.utf8))
                let recorder = Recorder([stream, stream])
                let client = SSEFixtureClient(serverURL: server, transport: recorder)
                for try await event in try await client.streamEvents() {
                    let data = event.data.replacingOccurrences(of: "\n", with: "\\n")
                    say("event", "\(event.event ?? "message")|\(data)|\(event.id ?? "-")|\(event.retry ?? -1)")
                }
                var last: ServerSentEvent<String>?
                for try await event in try await client.streamEvents() { last = event }
                struct N: Decodable { var n: Int }
                say("decoded", try last.map { try $0.decodeData(N.self).n } ?? 0)
                """#, expect: [
                    // A bare `id` line sets the last event ID to "", which later events keep.
                    "event: message|a|-|-1", #"event: tick|1\n2|7|1500"#, "event: message|||-1",
                    #"event: message|{"n":3}||-1"#, "decoded: 3",
                ]),
        ])),
        FeatureFixture(path: "streaming.yaml", module: "StreamingFixture", contains: [
            ("Client.swift", "func streamTicks(from: Int? = nil, options: RequestOptions = .init()) async throws "
                + "-> ServerSentEvents<Tick> {"),
            ("Client.swift", "func streamNotes(options: RequestOptions = .init()) async throws "
                + "-> ServerSentEvents<String> {"),
            ("Client.swift", "async throws -> ServerSentEvents<Tick> {"),
            ("Client.swift", "case 200: response.decodeJSONStream(Tick.self, recordSeparated: true)"),
            ("Client.swift", "async throws -> JSONStream<StreamRecordsResponseItem> {"),
        ], probe: Probe(steps: [
            // A transport that streams: every byte is its own chunk, so CRLF, a UTF-8 character and the BOM are all
            // split between chunks.
            .code(#"""
                struct Bytewise: HTTPTransport {
                    let text: String
                    var status = 200
                    func send(_ request: HTTPRequest) async throws -> HTTPResponse { HTTPResponse(statusCode: 599) }
                    func stream(_ request: HTTPRequest) async throws -> HTTPResponse {
                        let (chunks, sink) = AsyncThrowingStream<Data, any Error>.makeStream()
                        for byte in Data(text.utf8) { sink.yield(Data([byte])) }
                        sink.finish()
                        return HTTPResponse(statusCode: status, bodyStream: HTTPBodyStream(chunks))
                    }
                }
                let sse = "\u{FEFF}: hi\r\nevent: tick\r\nid: 9\r\ndata: {\"n\":1,\r\ndata: \"label\":\"caf\u{E9}\"}\r\r\n"
                    + "retry: 10x\ndata: {\"n\":2}\n\n"
                let ticks = StreamingFixtureClient(serverURL: server, transport: Bytewise(text: sse))
                for try await event in try await ticks.streamTicks() {
                    say("tick",
                        "\(event.event ?? "message") \(event.id ?? "-") \(event.data.n) \(event.data.label ?? "-")")
                }
                let notes = StreamingFixtureClient(serverURL: server, transport: Bytewise(text: "data: a\ndata: b\n\n"))
                for try await note in try await notes.streamNotes() { say("note", note.data.split(separator: "\n")) }
                let changes = StreamingFixtureClient(serverURL: server,
                                                     transport: Bytewise(text: "data: {\"n\":5}\n\n"))
                for try await change in try await changes.streamChanges() { say("change", change.data.n) }
                let lines = StreamingFixtureClient(serverURL: server,
                                                   transport: Bytewise(text: "{\"n\":1}\r\n\n  \n{\"n\":2}"))
                for try await tick in try await lines.streamLines() { say("line", tick.n) }
                let records = StreamingFixtureClient(serverURL: server,
                                                     transport: Bytewise(text: "{\"name\":\"a\",\"size\":1}\n"))
                for try await record in try await records.streamRecords() { say("record",
                                                                                "\(record.name) \(record.size ?? 0)") }
                let sequence = StreamingFixtureClient(serverURL: server,
                                                      transport: Bytewise(text: "\u{1E}{\"n\":1}\n\u{1E}\n\u{1E}{\"n\":2}\n"))
                for try await tick in try await sequence.streamSequence() { say("seq", tick.n) }
                """#, expect: [
                    "tick: tick 9 1 café", "tick: message 9 2 -", #"note: ["a", "b"]"#, "change: 5", "line: 1", "line: 2",
                    "record: a 1", "seq: 1", "seq: 2",
                ]),
            // A 4xx on a streaming operation is read whole and thrown with its decoded body; a transport without
            // `stream` (the Recorder) gets the buffered fallback.
            .code(#"""
                let recorder = Recorder([json(404, #"{"title":"gone","status":404}"#),
                                         HTTPResponse(statusCode: 200, body: Data("{\"n\":3}\n".utf8))])
                let client = StreamingFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                do {
                    _ = try await client.streamTicks(from: 2)
                } catch let error as any APIErrorProtocol {
                    say("error", "\(error.kind) \(error.statusCode ?? 0) \(error.anyBody.map(caseName) ?? "-") \(recorder.last.target)")
                }
                for try await tick in try await client.streamLines() { say("buffered", tick.n) }
                """#, expect: ["error: documentedStatus 404 problem /ticks?from=2", "buffered: 3"]),
        ])),
    ]

}
