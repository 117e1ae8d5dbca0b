import Foundation

// Feature fixtures: document-level features (versions, webhooks, callbacks, cross-file refs).

extension FeatureFixture {
    /// Document-level features: versions, webhooks and callbacks, `$ref`s across files.
    static let documents: [FeatureFixture] = [
        FeatureFixture(path: "swagger2.yaml", module: "Swagger2Fixture", contains: [
            ("Client.swift", "public func uploadPhoto(_ body: UploadPhotoRequest, id: String"),
            ("Client.swift", "https://api.example.com/v1"),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = Swagger2FixtureClient(apiKey: "k", serverURL: server, transport: recorder)
                try await client.searchPets(.init(tags: ["a", "b c"], ids: [1, 2], names: ["x", "y"]))
                say("form", recorder.last.bodyText)
                """#, expect: ["form: ids=1%7C2&names=x&names=y&tags=a,b%20c"]),
        ])),
        FeatureFixture(path: "openapi32.yaml", module: "OpenAPI32Fixture", diagnostics: [
            "warning: itemSchema (streamed items) of 'application/json' is not generated (streams are "
                + "text/event-stream, application/jsonl, application/x-ndjson and application/json-seq); the response "
                + "is read whole",
            "warning: querystring parameter 'doc' uses content 'application/xml'; only "
                + "application/x-www-form-urlencoded (an object), JSON and text/plain are generated; it is not generated",
            "warning: querystring parameter 'words' is text/plain but its schema is not a string, number or boolean; "
                + "it is not generated",
            "warning: querystring parameter 'term' is form-encoded (k=v&…) but its schema is not an object; "
                + "it is not generated",
        ], contains: [
            ("Client.swift", "async throws -> JSONStream<StreamLinesResponseItem> {"),
            ("Client.swift", #"method: "QUERY""#), ("Client.swift", #"method: "PURGE""#),
            ("Client.swift",
             "public func jsonQuery(selector: JSONQuerySelector, options: RequestOptions = .init())"),
            ("Client.swift", "request.jsonQueryString(selector)"),
            ("Client.swift", "public func textQuery(raw: String? = nil, options: RequestOptions = .init())"),
            ("Client.swift", "public func xmlQuery(options: RequestOptions = .init())"),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder([HTTPResponse(statusCode: 204), HTTPResponse(statusCode: 204)])
                let client = OpenAPI32FixtureClient(serverURL: server, transport: recorder)
                try await client.rawQuery(q: .init(term: "a b&c", page: 2))
                say("query", recorder.last.target)
                try await client.rawQuery(q: .init(term: "x"))
                say("query", recorder.last.target)
                """#, expect: ["query: /raw?page=2&term=a%20b%26c", "query: /raw?term=x"]),
            // `in: querystring` with JSON or text content: the whole query string is the percent-encoded text.
            .code(#"""
                let recorder = Recorder()
                let client = OpenAPI32FixtureClient(serverURL: server, transport: recorder)
                try await client.jsonQuery(selector: .init(numbers: [1, 2], flag: true, path: "a/b c"))
                say("json", recorder.last.target)
                try await client.jsonQuery(selector: .init())
                say("empty", recorder.last.target)
                try await client.anyJSONQuery(filter: ["tags": ["x", "y"], "q": "ü"])
                say("any", recorder.last.target)
                try await client.anyJSONQuery()
                say("absent", recorder.last.target)
                try await client.textQuery(raw: "a b&c=d/é")
                say("text", recorder.last.target)
                try await client.textQuery(raw: "")
                say("empty text", recorder.last.target)
                let url = URL(string: recorder.requests[0].url.absoluteString)!
                let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedQuery ?? ""
                say("decoded", query.removingPercentEncoding)
                """#, expect: [
                    "json: /json-query?%7B%22flag%22%3Atrue%2C%22numbers%22%3A%5B1%2C2%5D%2C%22path%22%3A%22a%2Fb%20c%22%7D",
                    "empty: /json-query?%7B%7D", "any: /any-json-query?%7B%22q%22%3A%22%C3%BC%22%2C%22tags%22%3A%5B%22x%22%2C%22y%22%5D%7D",
                    "absent: /any-json-query", "text: /text-query?a%20b%26c%3Dd%2F%C3%A9", "empty text: /text-query",
                    #"decoded: {"flag":true,"numbers":[1,2],"path":"a/b c"}"#,
                ]),
        ])),
        FeatureFixture(path: "webhooks.yaml", module: "WebhooksFixture", diagnostics: [
            "warning: callbacks are not generated ('onEvent' of POST /subscriptions)",
            "note: links are not generated (GetSubscription)",
            "note: webhook 'delivery' (POST): only its payload types are generated",
        ], contains: [("Models.swift", "public struct Delivery:")]),
        FeatureFixture(path: "multi-file/api.yaml", module: "MultiFileFixture", probe: Probe(steps: [
            .roundTrip(type: "Order", json: #"""
                {"id":"o1","items":[{"sku":"s","quantity":2,"parent":{"sku":"p","quantity":1}}],
                 "customer":{"name":"c"},"note":"n"}
                """#),
            .code(#"""
                let recorder = Recorder([json(404, #"{"detail":"gone"}"#)])
                let client = MultiFileFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                do { _ = try await client.getOrder(id: "a b") } catch let error as any APIErrorProtocol {
                    say("404", "\(recorder.last.target) \(error.anyBody.map(caseName) ?? "-")")
                }
                """#, expect: ["404: /orders/a%20b problem"]),
        ])),
        FeatureFixture(path: "misplaced-refs/api.yaml", module: "MisplacedRefsFixture", diagnostics: [
            "warning: 'description' is a $ref ('docs/intro.md'), which OpenAPI does not allow here; it is followed",
            "warning: 'description' is a $ref ('docs/descriptions.yml#/items'), which OpenAPI does not allow here",
            "warning: unresolved $ref 'docs/descriptions.yml#/missing': '#/missing' does not exist in "
                + "'Tests/Fixtures/features/misplaced-refs/docs/descriptions.yml'; 'description' is left out",
            "warning: 'get' is a $ref ('resources/items/list.yml'), which OpenAPI does not allow here",
            "warning: unresolved $ref 'resources/items/create.yml': cannot load "
                + "'Tests/Fixtures/features/misplaced-refs/resources/items/create.yml'",
            "warning: 'get' is a $ref ('resources/items/get.yml'), which OpenAPI does not allow here",
            "warning: 'summary' is a $ref ('../../docs/descriptions.yml#/listSummary'), which OpenAPI does not allow",
        ], contains: [
            ("Client.swift", "/// Items, kept in **Markdown** next to the spec."),
            ("Client.swift", "/// List the items"),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder([json(200, #"[{"id":"a","name":"A"}]"#), json(200, #"{"id":"b"}"#)])
                let client = MisplacedRefsFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                let items = try await client.listItems(limit: 2)
                say("list", "\(recorder.last.method) \(recorder.last.target) \(items.map(\.id))")
                let item = try await client.getItem(id: "b")
                say("get", "\(recorder.last.target) \(item.id)")
                """#, expect: [#"list: GET /items?limit=2 ["a"]"#, "get: /items/b b"]),
        ])),
        FeatureFixture(path: "discriminator-through-ref.yaml", module: "DiscriminatorThroughRefFixture", diagnostics: [
            "warning: $ref '#/paths/~1catalog/get/responses/200/content/application~1json/schema/allOf/0/properties/"
                + "circle' passes through '#/paths/~1catalog/get/responses/200/content/application~1json/schema/"
                + "allOf/0', which is itself a $ref ('#/components/schemas/Catalog'); it is followed to "
                + "'#/components/schemas/Catalog/properties/circle'",
            "warning: unresolved $ref '#/paths/~1catalog/get/responses/200/content/application~1json/schema/allOf/0/"
                + "properties/hexagon'",
        ], probe: Probe(steps: [
            .code(#"""
                let text = #"[{"kind":"round","radius":1},{"kind":"square","side":2},{"kind":"hexagon","side":3}]"#
                let shapes = try JSONCoding.makeDecoder().decode([Shape].self, from: Data(text.utf8))
                say("cases", shapes.map(caseName).joined(separator: ","))
                """#, expect: ["cases: circle,square,unknown"]),
            .roundTrip(type: "[Shape]", json: #"[{"kind":"round","radius":1.5},{"kind":"hexagon","side":3}]"#),
        ])),
        FeatureFixture(path: "type-null.yaml", module: "TypeNullFixture", contains: [
            ("Models.swift", "public var tag: String?"),
            ("Models.swift", "public var owner: Pet.Owner?"),
        ], probe: Probe(steps: [
            .roundTrip(type: "Pet", json: #"{"id":1,"tag":null}"#),
            .roundTrip(type: "Pet", json: #"{"id":2,"owner":{"name":"n"},"tag":"t"}"#),
        ])),
        FeatureFixture(path: "json-text.json", module: "JSONTextFixture", diagnostics: [
            "warning: the string escape '\\ud83d' is a lone UTF-16 surrogate; it is read as U+FFFD (\u{FFFD})",
        ], contains: [
            ("Client.swift", "/// Read as JSON: 😀, é and /."),
            ("Models.swift", "/// A broken escape \u{FFFD} is replaced."),
            ("Models.swift", "/// Default: `0.1000000000000000055511151231257827`."),
        ], probe: Probe(steps: [
            .roundTrip(type: "Mood", json: #"{"count":9223372036854775807,"face":"😢 sad"}"#),
            .code(#"""
                let recorder = Recorder([json(200, #"{"face":"😀 happy","count":1}"#)])
                let client = JSONTextFixtureClient(serverURL: server, options: noRetry, transport: recorder)
                let mood = try await client.getMood(id: "x")
                say("mood", "\(recorder.last.target) \(mood.face.rawValue)")
                """#, expect: ["mood: /moods/x 😀 happy"]),
        ])),
    ]
}
