import Testing

// MARK: - Unions (scoring undiscriminated branches, anyOf, oneOf inside allOf, defaultMapping) and response matching

extension FeatureFixture {
    /// Undiscriminated `oneOf` picks the best-matching branch (closed enums and forbidden keys are mismatches, the
    /// most declared keys present wins); `anyOf` keeps every match; a `oneOf` inside `allOf` is a member of the
    /// combined struct; a 3.2 `defaultMapping` takes missing and unknown discriminators. Every example re-encodes
    /// losslessly.
    static let unions: [FeatureFixture] = [
        FeatureFixture(path: "unions-strict.yaml", module: "UnionsStrictFixture", contains: [
            ("Models.swift", "public struct Contact: Swift.Codable, Swift.Hashable, Swift.Sendable {"),
            ("Models.swift", "public var oneOf: Pet.OneOf"),
        ], probe: Probe(steps: [
            .code(#"""
                let actions = [
                    #"{"type":"threeDS2","authorisationToken":"a","token":"t","subtype":"fingerprint","paymentData":"p"}"#,
                    #"{"type":"await","paymentData":"p"}"#,
                    #"{"type":"redirect","url":"https://x","method":"GET"}"#,
                    #"{"type":"sdk","sdkData":"s"}"#,
                    #"{"type":"await","paymentData":"p","extra":1}"#,
                ]
                for text in actions {
                    let action = try JSONCoding.makeDecoder().decode(Action.self, from: Data(text.utf8))
                    say(caseName(action), try canonical(action) == (try canonical(try JSONCoding.makeDecoder()
                        .decode(JSONValue.self, from: Data(text.utf8)))))
                }
                """#, expect: [
                    "threeDS2Action: true", "awaitAction: true", "redirectAction: true", "unknown: true",
                    "unknown: true",
                ]),
            .roundTrip(type: "Action", json: #"{"authorisationToken":"a","paymentData":"p","subtype":"fingerprint","token":"t","type":"threeDS2"}"#),
            .roundTrip(type: "ActionDetails", json: #"{"appId":"app-1","kind":"terminal"}"#),
            .code(#"""
                for text in [#"{"kind":"terminal","appId":"a"}"#, #"{"kind":"terminal"}"#, #"{"kind":"t","const":3}"#] {
                    say(text, caseName(try JSONCoding.makeDecoder().decode(ActionDetails.self, from: Data(text.utf8))))
                }
                """#, expect: [
                    #"{"kind":"terminal","appId":"a"}: appDetails"#, #"{"kind":"terminal"}: basicDetails"#,
                    #"{"kind":"t","const":3}: basicDetails"#,
                ]),
            .roundTrip(type: "Contact", json: #"{"email":"e@example.com","phone":"+1"}"#),
            .roundTrip(type: "Contact", json: #""call me""#),
            .code(#"""
                let both = try JSONCoding.makeDecoder().decode(Contact.self,
                                                               from: Data(#"{"email":"e","phone":"p"}"#.utf8))
                say("both",
                    "\(both.emailContact?.email ?? "-") \(both.phoneContact?.phone ?? "-") \(both.string ?? "-")")
                """#, expect: ["both: e p -"]),
            .decodeFails(type: "Contact", json: "7"),
            .roundTrip(type: "Pet", json: #"{"barks":true,"kind":"dog","name":"Rex"}"#),
            .roundTrip(type: "Pet", json: #"{"kind":"cat","meows":false,"name":"Tom"}"#),
            .code(#"""
                let pet = try JSONCoding.makeDecoder().decode(Pet.self,
                                                              from: Data(#"{"name":"Tom","kind":"cat"}"#.utf8))
                say("pet", "\(pet.name) \(caseName(pet.oneOf))")
                """#, expect: ["pet: Tom cat"]),
            .code(#"""
                let text = #"[{"kind":"created","id":"1"},{"kind":"deleted","id":"2"},{"kind":"renamed","note":"n"},"#
                    + #"{"note":"no kind"}]"#
                let events = try JSONCoding.makeDecoder().decode([Event].self, from: Data(text.utf8))
                say("events", events.map(caseName).joined(separator: ","))
                let audits = try JSONCoding.makeDecoder().decode([Audit].self, from: Data(#"[{"kind":"x"},{}]"#.utf8))
                say("audits", audits.map(caseName).joined(separator: ","))
                """#, expect: ["events: created,deleted,genericEvent,genericEvent", "audits: genericEvent,genericEvent"]),
            .roundTrip(type: "[Event]", json: #"[{"kind":"renamed","note":"n"},{"note":"no kind"}]"#),
        ])),
        FeatureFixture(path: "responses-matching.yaml", module: "ResponsesMatchingFixture", diagnostics: [
            "warning: response '200' also offers 'application/xml' with a different schema; only 'application/json' "
                + "is decoded",
        ], contains: [
            ("Client.swift", "func getMe(options: RequestOptions = .init()) async throws -> Person? {"),
            ("Client.swift",
             "func streamLines(options: RequestOptions = .init()) async throws -> JSONStream<Item> {"),
        ], probe: Probe(steps: [
            // A specific status without content wins over its range, with or without a body.
            .code(#"""
                let recorder = Recorder([
                    json(401, #"{"title":"not this"}"#), HTTPResponse(statusCode: 401), json(404,
                                                                                             #"{"title":"missing"}"#),
                    json(500, #"{"fault":"down"}"#),
                ])
                let client = ResponsesMatchingFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                for _ in 0..<4 {
                    do {
                        _ = try await client.getItem()
                    } catch let error as any APIErrorProtocol {
                        say("error",
                            "\(error.statusCode ?? 0) \(error.anyBody.map(caseName) ?? "-") \(error.underlying ?? "-")")
                    }
                }
                """#, expect: ["error: 401 - -", "error: 401 - -", "error: 404 problem -", "error: 500 fault -"]),
            // A nullable 200 body is optional: `null` and an empty body are nil.
            .code(#"""
                let recorder = Recorder([json(200, "null"), json(200, #"{"name":"Ann"}"#),
                                        HTTPResponse(statusCode: 200),
                                         json(200, " null ")])
                let client = ResponsesMatchingFixtureClient(serverURL: server, transport: recorder)
                for _ in 0..<3 { say("me", try await client.getMe()?.name) }
                say("best", try await client.getBest()?.name)
                """#, expect: ["me: nil", "me: Ann", "me: nil", "best: nil"]),
            // A `$ref` to a 3.2 `components.mediaTypes` entry streams its items; JSON is chosen over XML.
            .code(#"""
                let recorder = Recorder([HTTPResponse(statusCode: 200,
                                        body: Data("{\"id\":\"1\"}\n{\"id\":\"2\"}\n".utf8)),
                                         json(200, #"{"id":"r"}"#)])
                let client = ResponsesMatchingFixtureClient(serverURL: server, transport: recorder)
                for try await item in try await client.streamLines() { say("line", item.id) }
                say("report", try await client.getReport().id)
                """#, expect: ["line: 1", "line: 2", "report: r"]),
        ])),
    ]

    /// Status matching in the runtime: `ClientRuntime.interpret` consults `errorBody` for a status below 400 that
    /// `decode` rejects, and a documented error without content (`documentedWithoutBody()`) is `.documentedStatus`.
    static let pendingRuntime: [FeatureFixture] = [
        FeatureFixture(path: "responses-matching.yaml", module: "ResponsesMatchingFixture", diagnostics: [
            "warning: response '200' also offers 'application/xml' with a different schema; only 'application/json' "
                + "is decoded",
        ], probe: Probe(steps: [
            // `default` covers every status not listed: a 300 or an unlisted 201 carries the `default` body.
            .code(#"""
                let recorder = Recorder([
                    HTTPResponse(statusCode: 401), json(300, #"{"fault":"moved"}"#), json(201, #"{"fault":"odd"}"#),
                ])
                let client = ResponsesMatchingFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                for _ in 0..<3 {
                    do {
                        _ = try await client.getItem()
                    } catch let error as any APIErrorProtocol {
                        say("error", "\(error.kind) \(error.statusCode ?? 0) \(error.anyBody.map(caseName) ?? "-")")
                    }
                }
                """#, expect: ["error: documentedStatus 401 -", "error: documentedStatus 300 fault",
                               "error: documentedStatus 201 fault"]),
        ])),
    ]
}

/// The wire behaviour of status matching that depends on the runtime (see `FeatureFixture.pendingRuntime`).
@Suite struct PendingRuntimeTests {
    @Test(arguments: FeatureFixture.pendingRuntime)
    func defaultCoversEveryStatus(_ fixture: FeatureFixture) async throws {
        try await FeatureFixtureTests().fixtureGeneratesAndCompiles(fixture)
    }
}
