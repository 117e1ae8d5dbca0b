// MARK: - Bytes on the wire: UUIDs, Retry-After, optional and binary request bodies

extension FeatureFixture {
    /// What a generated client sends and reads, byte for byte (issue 12): lower-case UUIDs everywhere, both forms of
    /// `Retry-After`, optional request bodies, binary bodies sent verbatim.
    static let wire: [FeatureFixture] = [
        // RFC 9562: UUIDs are written in lower case, in the path, query, headers, JSON and form bodies alike.
        FeatureFixture(path: "uuids.yaml", module: "UUIDsFixture", probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = UUIDsFixtureClient(serverURL: server, transport: recorder)
                let id = UUID(uuidString: "5F3A9C2E-0B1D-4E6F-8A7B-9C0D1E2F3A4B")!
                let order = Order(id: id, lines: [id], byName: ["a": id])
                try await client.putOrder(order, orderID: id, related: [id], xTrace: id)
                say("target", recorder.last.target)
                say("header", recorder.last.headers["X-Trace"])
                say("body", try canonical(try JSONCoding.makeDecoder().decode(JSONValue.self,
                                                                               from: recorder.last.body ?? Data())))
                try await client.postOrderForm(Order(id: id), orderID: id)
                say("form", recorder.last.bodyText)
                """#, expect: [
                    "target: /orders/5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b?related=5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b",
                    "header: 5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b",
                    #"body: {"byName":{"a":"5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b"},"#
                        + #""id":"5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b","#
                        + #""lines":["5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b"]}"#,
                    "form: id=5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b",
                ]),
        ])),
        // A typed `Retry-After` is `RetryAfter`: delay-seconds and HTTP-dates both read; retries wait for either.
        FeatureFixture(path: "retry-after.yaml", module: "RetryAfterFixture", contains: [
            ("Models.swift", "public var retryAfter: RetryAfter?"),
        ], probe: Probe(steps: [
            .code(#"""
                final class Sleeps: Sleeper, @unchecked Sendable {
                    var delays: [Duration] = []
                    func sleep(for duration: Duration) async throws { delays.append(duration) }
                }
                let later = RetryAfter.date(Date().addingTimeInterval(20)).description
                let recorder = Recorder([
                    HTTPResponse(statusCode: 429, headers: ["Retry-After": later]),
                    HTTPResponse(statusCode: 503, headers: ["Retry-After": "2"]),
                    json(200, #"["a"]"#),
                    HTTPResponse(statusCode: 429, headers: ["Retry-After": "Sun, 06 Nov 1994 08:49:37 GMT"]),
                ])
                let sleeps = Sleeps()
                let policy = RetryPolicy(maxRetries: 2, jitter: false)
                let client = RetryAfterFixtureClient(serverURL: server,
                                                     options: ClientOptions(retry: policy, sleeper: sleeps),
                                                     transport: recorder)
                say("jobs", try await client.listJobs())
                say("first wait", sleeps.delays[0] > .seconds(15) && sleeps.delays[0] <= .seconds(20))
                say("second wait", sleeps.delays[1])
                do {
                    _ = try await RetryAfterFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                        .listJobs()
                } catch let error as any APIErrorProtocol {
                    let headers = ListJobsResponseHeaders(error.headers)
                    say("429", headers.retryAfter == .date(Date(timeIntervalSince1970: 784_111_777)))
                    say("text", headers.retryAfter?.description)
                }
                """#, expect: [
                    #"jobs: ["a"]"#, "first wait: true", "second wait: 2.0 seconds",
                    "429: true",
                    "text: Sun, 06 Nov 1994 08:49:37 GMT",
                ]),
        ])),
        // An optional body is `Body? = nil`: nil sends no body and no Content-Type; a required one is unchanged.
        FeatureFixture(path: "optional-bodies.yaml", module: "OptionalBodiesFixture", contains: [
            ("Client.swift", "public func createNote(_ body: Note? = nil, options: RequestOptions = .init())"),
            ("Client.swift", "public func replaceNote(_ body: Note, id: String, options:"),
            ("Client.swift", "public func patchNote(_ body: PatchNoteBody? = nil, id: String, options:"),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = OptionalBodiesFixtureClient(serverURL: server, transport: recorder)
                func sent(_ label: String) {
                    let request = recorder.last
                    say(label, "\(request.method) \(request.target) \(request.headers["Content-Type"] ?? "-") "
                        + (request.body == nil ? "no body" : request.bodyText))
                }
                try await client.createNote()
                sent("none")
                try await client.createNote(Note(text: "hi"))
                sent("note")
                try await client.patchNote(id: "7")
                sent("patch none")
                try await client.patchNote(.text("hi"), id: "7")
                sent("patch text")
                do {
                    try await client.createNote(Note(text: "too long"))
                } catch let error as OptionalBodiesFixtureClient.Error {
                    say("invalid", "\(error.kind) \(error.validationFailures.map(\.path))")
                }
                """#, expect: [
                    "none: POST /notes - no body", #"note: POST /notes application/json {"text":"hi"}"#,
                    "patch none: PATCH /notes/7 - no body", "patch text: PATCH /notes/7 text/plain hi",
                    #"invalid: validation ["body.text"]"#,
                ]),
        ])),
        // Bytes go verbatim: `*/*` and other ranges as `application/octet-stream` (or the caller's Content-Type),
        // a concrete media type as declared; a `*/*` response typed binary is the raw body.
        FeatureFixture(path: "binary-bodies.yaml", module: "BinaryBodiesFixture", diagnostics: [
            "warning: request body media type '*/*' is sent as JSON (Content-Type: application/json)",
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder([
                    HTTPResponse(statusCode: 200, headers: ["Content-Type": "application/octet-stream"],
                                 body: Data([0xFF, 0x00, 0x7B])),
                ])
                let client = BinaryBodiesFixtureClient(serverURL: server, transport: recorder)
                func sent(_ label: String) {
                    let request = recorder.last
                    say(label, "\(request.headers["Content-Type"] ?? "-") \(Array(request.body ?? Data()))")
                }
                let bytes = Data([0x00, 0xFF, 0x22])
                say("received", Array(try await client.putBlob(bytes)))
                sent("blob")
                try await client.putImage(bytes)
                sent("image")
                try await client.putImage(bytes, options: RequestOptions(headers: ["Content-Type": "image/png"]))
                sent("image as png")
                try await client.putPDF(bytes)
                sent("pdf")
                try await client.putAnything(PutAnythingRequest(name: "n"))
                say("anything", "\(recorder.last.headers["Content-Type"] ?? "-") \(recorder.last.bodyText)")
                """#, expect: [
                    "received: [255, 0, 123]", "blob: application/octet-stream [0, 255, 34]",
                    "image: application/octet-stream [0, 255, 34]", "image as png: image/png [0, 255, 34]",
                    "pdf: application/pdf [0, 255, 34]", #"anything: application/json {"name":"n"}"#,
                ]),
        ])),
        // A query or header parameter with JSON content takes the typed value and sends its JSON text.
        FeatureFixture(path: "json-parameters.yaml", module: "JSONParametersFixture", diagnostics: [
            "warning: parameter 'tags' uses content 'text/csv'; it is generated as a String the caller encodes (JSON "
                + "content is supported on query and header parameters)",
        ], contains: [
            ("Client.swift", "public func search(filter: Filter, xContext: SearchXContext? = nil, tags: String?"),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = JSONParametersFixtureClient(serverURL: server, transport: recorder)
                try await client.search(filter: Filter(color: "red", sizes: [1, 2]),
                                        xContext: SearchXContext(tenant: "t/1"), tags: "a,b")
                say("target", recorder.last.target)
                say("header", recorder.last.headers["X-Context"])
                do {
                    try await client.search(filter: Filter(color: "infrared!"))
                } catch let error as JSONParametersFixtureClient.Error {
                    say("invalid", "\(error.kind) \(error.validationFailures.map(\.path))")
                }
                """#, expect: [
                    "target: /search?filter=%7B%22color%22%3A%22red%22%2C%22sizes%22%3A%5B1%2C2%5D%7D&tags=a%2Cb",
                    #"header: {"tenant":"t/1"}"#, #"invalid: validation ["filter.color"]"#,
                ]),
        ])),
        // A 3.2 request `itemSchema` on JSON Lines, NDJSON or JSON text sequences: the caller passes the items,
        // each sent as one compact JSON text in its framing (the body is sent whole, not streamed).
        FeatureFixture(path: "request-items.yaml", module: "RequestItemsFixture", diagnostics: [
            "warning: the event property 'event' of this text/event-stream item is not a string",
        ], contains: [
            ("Client.swift", "public func uploadEvents(_ body: [Event], options:"),
            ("Client.swift", "public func uploadRecords(_ body: [UploadRecordsRequestItem]? = nil, options:"),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = RequestItemsFixtureClient(serverURL: server, transport: recorder)
                let id = UUID(uuidString: "5F3A9C2E-0B1D-4E6F-8A7B-9C0D1E2F3A4B")!
                try await client.uploadEvents([Event(id: id, note: "a\nb"), Event(id: id)])
                say("ndjson", recorder.last.headers["Content-Type"])
                for line in recorder.last.bodyText.split(separator: "\n") {
                    let item = try JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(line.utf8))
                    say("line", try canonical(item))
                }
                say("ends with LF", recorder.last.bodyText.hasSuffix("}\n"))
                try await client.uploadRecords([.init(n: 1), .init(n: 2)])
                say("seq", Array(recorder.last.body ?? Data()))
                do {
                    try await client.uploadRecords([.init(n: 10)])
                } catch let error as RequestItemsFixtureClient.Error {
                    say("invalid", "\(error.kind) \(error.validationFailures.map(\.path))")
                }
                try await client.pushFeed([.init(data: "line one\nline two"), .init(data: "x", event: "tick", id: "7")])
                say("sse", recorder.last.headers["Content-Type"])
                say("sse body", recorder.last.bodyText.replacingOccurrences(of: "\n", with: "|"))
                // The event's data is the Reading encoded as itself; keys sorted here (Linux keeps no key order).
                func events(_ text: String) throws -> String {
                    try text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                        guard line.hasPrefix("data: {") else { return String(line) }
                        let json = Data(line.dropFirst(6).utf8)
                        let value = try JSONCoding.makeDecoder().decode(JSONValue.self, from: json)
                        return "data: " + (try canonical(value))
                    }.joined(separator: "|")
                }
                try await client.pushTicks([.init(data: Reading(unit: "C", celsius: 21.5), id: .value("9"), retry: 1500,
                                                  event: 3),
                                            .init(data: Reading(unit: "F", celsius: 0.1), id: .null)])
                say("ticks", try events(recorder.last.bodyText))
                try await client.pushMaybe([.init(data: "a", id: "1"), nil])
                say("maybe", recorder.last.bodyText.replacingOccurrences(of: "\n", with: "|"))
                try await client.pushNotes(["plain text", "two\r\nlines"])
                say("notes", recorder.last.bodyText.replacingOccurrences(of: "\n", with: "|"))
                try await client.pushReadings([Reading(unit: "K", celsius: -3)])
                say("readings", try events(recorder.last.bodyText))
                try await client.pushStates([.ready, .busy])
                say("states", recorder.last.bodyText.replacingOccurrences(of: "\n", with: "|"))
                try await client.pushStamps([.init(data: Date(timeIntervalSince1970: 1_735_689_600), id: 42, retry: -1),
                                             .init(data: Date(timeIntervalSince1970: 0), id: 7, retry: 20)])
                say("stamps", recorder.last.bodyText.replacingOccurrences(of: "\n", with: "|"))
                try await client.pushOptionalReadings([nil, Reading(unit: "K", celsius: 1)])
                say("optional readings", try events(recorder.last.bodyText))
                """#, expect: [
                    "ndjson: application/x-ndjson",
                    #"line: {"id":"5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b","note":"a\nb"}"#,
                    #"line: {"id":"5f3a9c2e-0b1d-4e6f-8a7b-9c0d1e2f3a4b"}"#, "ends with LF: true",
                    "seq: [30, 123, 34, 110, 34, 58, 49, 125, 10, 30, 123, 34, 110, 34, 58, 50, 125, 10]",
                    #"invalid: validation ["body[0].n"]"#,
                    "sse: text/event-stream",
                    "sse body: data: line one|data: line two||event: tick|id: 7|data: x||",
                    #"ticks: id: 9|retry: 1500|data: {"celsius":21.5,"unit":"C"}||data: {"celsius":0.1,"unit":"F"}||"#,
                    "maybe: id: 1|data: a||||",
                    "notes: data: plain text||data: two|data: lines||",
                    #"readings: data: {"celsius":-3,"unit":"K"}||"#,
                    "states: data: ready||data: busy||",
                    "stamps: id: 42|data: 2025-01-01T00:00:00Z||id: 7|retry: 20|data: 1970-01-01T00:00:00Z||",
                    #"optional readings: data: null||data: {"celsius":1,"unit":"K"}||"#,
                ]),
        ])),
    ]
}
