import Foundation

// Feature fixtures: tuples, validation keywords, readOnly and writeOnly.

extension FeatureFixture {
    /// Tuples (prefixItems), validation keywords, readOnly and writeOnly in shared request/response types.
    static let schemaShapes: [FeatureFixture] = [
        FeatureFixture(path: "tuples.yaml", module: "TuplesFixture", diagnostics: [
            "warning: uniqueItems on a tuple (prefixItems) is not checked",
        ], contains: [
            ("Models.swift", "public init(latitude: Double, longitude: Double)"),
            ("Models.swift", "public init(_ _0: Date, _ _1: Int, _ _2: String? = nil, rest: [Tag] = [])"),
            ("Models.swift", "public var span: Route.Span?"),
            ("Models.swift", "public var rest: [JSONValue]"),
        ], probe: Probe(steps: [
            .roundTrip(type: "Route", json: #"""
                {"points":[[0,0],[10.5,-20.25]],"samples":[["2024-05-01T10:20:30Z",10],
                 ["2024-05-01T10:20:30Z",15,null,{"name":"a"}],["2024-05-01T10:20:30Z",5,"n"]],"span":[1,2],
                 "start":[1.5,-2]}
                """#),
            .roundTrip(type: "Loose", json: #"["a",1,{"x":true},null]"#),
            .roundTrip(type: "Loose", json: "[]"),
            .decodeFails(type: "Point", json: "[1.5]"),
            .decodeFails(type: "Point", json: #"[1.5,"east"]"#),
            .decodeFails(type: "Sample", json: #"["2024-05-01T10:20:30Z"]"#),
            .decodeFails(type: "Point", json: #"{"latitude":1,"longitude":2}"#),
            .code(#"""
                // A closed tuple ignores extra elements, as structs ignore unknown keys.
                let point = try JSONCoding.makeDecoder().decode(Point.self, from: Data("[1,2,3]".utf8))
                try show("closed", point)
                try show("trailing", Sample(Date(timeIntervalSince1970: 0), 10))
                try show("hole", Loose(rest: [.int(1)]))
                say("count", Sample(Date(timeIntervalSince1970: 0), 10, "x", rest: [Tag(name: "t")]).arrayCount)
                """#, expect: [
                    "closed: [1,2]", #"trailing: ["1970-01-01T00:00:00Z",10]"#, "hole: [null,1]", "count: 4",
                ]),
            .code(#"""
                var failures: [ValidationFailure] = []
                let long = Sample(Date(timeIntervalSince1970: 0), 7,
                                  rest: [Tag(name: "long"), Tag(name: "ok"), Tag(name: "a"), Tag(name: "b")])
                long.validate(path: "body", into: &failures)
                Point(latitude: 91, longitude: 0).validate(path: "start", into: &failures)
                say("failures", failures.map { "\($0.path) \($0.rule)" })
                """#, expect: [
                    #"failures: ["body[1] multipleOf", "body maxItems", "body[3].name maxLength", "start[0] maximum"]"#,
                ]),
            .code(#"""
                let recorder = Recorder([json(201, #"{"start":[1,2],"points":[]}"#)])
                let client = TuplesFixtureClient(serverURL: server, transport: recorder)
                let route = try await client.createRoute(Route(start: Point(latitude: 1, longitude: 2), points: [],
                                                               span: .init(3, 4)))
                say("sent", recorder.last.bodyText)
                say("start", route.start.longitude)
                do {
                    _ = try await client.createRoute(Route(start: Point(latitude: 100, longitude: 2), points: []))
                } catch let error as any APIErrorProtocol {
                    say("invalid", "\(error.kind) \(error.validationFailures.map(\.path)) \(recorder.requests.count)")
                }
                """#, expect: [
                    #"sent: {"start":[1,2],"points":[],"span":[3,4]}"#, "start: 2.0",
                    #"invalid: validation ["body.start[0]"] 1"#,
                ]),
        ])),
        FeatureFixture(path: "validation.yaml", module: "ValidationFixture", diagnostics: [
            "warning: 1 rule(s) of the 'text/plain' body schema itself are not checked before sending: the body's "
                + "other content types do not have them",
        ], probe: Probe(steps: [
            .code(#"""
                var failures: [ValidationFailure] = []
                let bad = Order(price: 19.999, weight: 0.5, quantity: 3, step: 4, cents: 7, tags: ["a", "a"],
                                lines: [Line(sku: "x"), Line(sku: "x")], labels: [:], discount: 0, rating: 6)
                bad.validate(path: "body", into: &failures)
                say("bad", failures.map { "\($0.path) \($0.rule)" })
                failures = []
                Order(price: 0.1 + 0.2, quantity: -4, step: 5, cents: 10).validate(path: "a", into: &failures)
                Order(price: 19.99, weight: 0.75, quantity: 2, tags: ["a", "b"]).validate(path: "b", into: &failures)
                Order(price: 1, quantity: 2, labels: ["a": "b"], discount: 49.5, rating: 5)
                    .validate(path: "c", into: &failures)
                say("good", failures.map { "\($0.path) \($0.rule)" })
                Order(price: 1, quantity: 2).validate(path: "few", into: &failures)
                Extras(id: "a").validate(path: "extras", into: &failures)
                Extras(additionalProperties: ["x": 1, "y": 2]).validate(path: "fine", into: &failures)
                say("counts", failures.map { "\($0.path) \($0.rule)" })
                say("message", failures.first?.description)
                """#, expect: [
                    #"bad: ["body.price multipleOf", "body.quantity multipleOf", "body.step multipleOf", "#
                        + #""body.cents multipleOf", "body.tags uniqueItems", "body.lines uniqueItems", "#
                        + #""body.labels minProperties", "body.discount exclusiveMinimum", "#
                        + #""body.rating exclusiveMaximum", "body maxProperties"]"#,
                    "good: []",
                    #"counts: ["few minProperties", "extras minProperties"]"#,
                    "message: few: has fewer than 3 properties",
                ]),
            .code(#"""
                let recorder = Recorder()
                let client = ValidationFixtureClient(serverURL: server, transport: recorder)
                do {
                    try await client.placeOrder(Order(price: 1.005, quantity: 2, step: 10), batch: 15)
                } catch let error as any APIErrorProtocol {
                    say("rejected", "\(error.kind) \(error.validationFailures.map(\.path)) \(recorder.requests.count)")
                }
                try await client.placeOrder(Order(price: 1.05, quantity: 2, step: 10), batch: 20)
                say("target", recorder.last.target)
                say("sent", recorder.last.bodyText)
                // The body schema's own rules: nothing is sent when they fail.
                for call in [{ try await client.putNote("too long") }, { try await client.putSkus(["a", "b", "c"]) },
                             { try await client.putMemo("memo!", contentType: .textMarkdown) }] {
                    do {
                        try await call()
                    } catch let error as any APIErrorProtocol {
                        let failed = error.validationFailures.map { "\($0.path) \($0.rule)" }
                        say("body", "\(failed) \(recorder.requests.count)")
                    }
                }
                try await client.putNote("short")
                try await client.putSkus(["a", "b"])
                try await client.putSkus()
                // Only the rule both content types have is checked: text/plain's minLength is not applied to markdown.
                try await client.putMemo("m", contentType: .textMarkdown)
                say("sent bodies", recorder.requests.suffix(4).map(\.bodyText))
                """#, expect: [
                    #"rejected: validation ["batch", "body.price"] 0"#, "target: /orders?batch=20",
                    #"sent: {"price":1.05,"quantity":2,"step":10}"#,
                    #"body: ["body maxLength"] 1"#, #"body: ["body maxItems"] 1"#, #"body: ["body maxLength"] 1"#,
                    #"sent bodies: ["short", "[\"a\",\"b\"]", "", "m"]"#,
                ]),
        ])),
        FeatureFixture(path: "readonly.yaml", module: "ReadOnlyFixture", contains: [
            ("Models.swift", "public var id: String?"),
            ("Models.swift", "public init(id: String? = nil, name: String, password: String, createdAt: Date? = nil"),
            // Response-only: readOnly changes nothing; a required writeOnly property is optional for decoding.
            ("Models.swift", "public init(id: String, secret: String? = nil)"),
        ], probe: Probe(steps: [
            .roundTrip(type: "User", json: #"""
                {"id":"u1","name":"Ann","createdAt":"2024-05-01T10:20:30Z","nickname":"a",
                 "profile":{"score":3,"bio":"b"}}
                """#),
            .roundTrip(type: "User", json: #"{"name":"Ann","password":"pw-1"}"#),
            .decodeFails(type: "User", json: #"{"id":"u1"}"#),
            .roundTrip(type: "AuditEntry", json: #"{"id":"a"}"#),
            .decodeFails(type: "AuditEntry", json: #"{"secret":"s"}"#),
            .code(#"""
                let stored = #"{"id":"u1","name":"Ann","createdAt":"2024-05-01T10:20:30Z","etag":"e","profile":{"score":3}}"#
                let user = try JSONCoding.makeDecoder().decode(User.self, from: Data(stored.utf8))
                var edited = user
                edited.name = "Bo"
                edited.password = "pw-2"
                edited.profile?.score = -1
                let recorder = Recorder([json(201, #"{"id":"u2","name":"Bo","createdAt":"2024-05-01T10:20:30Z"}"#),
                                         HTTPResponse(statusCode: 204)])
                let client = ReadOnlyFixtureClient(serverURL: server, transport: recorder)
                let created = try await client.createUser(edited)
                say("sent", recorder.last.bodyText)
                say("created", "\(created.id ?? "-") \(created.password == nil)")
                try await client.setAvatar(Avatar(url: "u", version: 3), id: "u2")
                say("form", recorder.last.bodyText)
                try show("cached", user)
                say("described", String(describing: edited).contains("pw-2"))
                try await client.searchUsers(filter: Profile(score: 3, bio: "b"),
                                             xProfile: Profile(score: 4, bio: "c"))
                say("query", recorder.last.target)
                say("header", recorder.last.headers["X-Profile"] ?? "-")
                """#, expect: [
                    #"sent: {"name":"Bo","password":"pw-2","profile":{}}"#, "created: u2 true", "form: url=u",
                    #"cached: {"createdAt":"2024-05-01T10:20:30Z","etag":"e","id":"u1","name":"Ann","profile":{"score":3}}"#,
                    "described: false", #"query: /search?filter=%7B%22bio%22%3A%22b%22%7D"#, #"header: {"bio":"c"}"#,
                ]),
        ])),
    ]
}
