// MARK: - Model shapes: names inside a type, validation through aliases, nullable aliases, untyped item lists

extension FeatureFixture {
    /// Constructs whose generated models did not compile or decoded wrongly: an object of additional properties only,
    /// members named like nested types, aliases of validated arrays, Foundation names, enum values that sanitize
    /// alike, untyped `items` lists, nullable aliases.
    static let shapes: [FeatureFixture] = [
        // No declared property: no (empty, raw-typed) `CodingKeys`, every key is an additional property.
        FeatureFixture(path: "additional-only.yaml", module: "AdditionalOnlyFixture", contains: [
            ("Models.swift", "public var additionalProperties: [Swift.String: String]"),
            ("Models.swift", "for key in extra.allKeys {"),
        ], probe: Probe(steps: [
            .roundTrip(type: "Labels", json: #"{"a":"x","b":"y"}"#),
            .roundTrip(type: "Extras", json: #"{"n":1,"o":{"p":[true,null]}}"#),
            .code(#"""
                var failures: [ValidationFailure] = []
                Labels().validate(path: "labels", into: &failures)
                Labels(additionalProperties: ["k": "v"]).validate(path: "fine", into: &failures)
                say("failures", failures.map { "\($0.path) \($0.rule)" })
                let recorder = Recorder([json(200, #"{"z":"last"}"#)])
                let client = AdditionalOnlyFixtureClient(serverURL: server, transport: recorder)
                let extras = try await client.putLabels(Labels(additionalProperties: ["k": "v"]))
                say("sent", recorder.last.bodyText)
                say("received", extras.additionalProperties["z"])
                """#, expect: [
                    #"failures: ["labels minProperties"]"#, #"sent: {"k":"v"}"#, #"received: string("last")"#,
                ]),
        ])),
        // A union's nested type `_3` and its case; a property `_3` and its nested type; a property and the
        // top-level type `_7` it refers to; an enum `_7` and its case `7`.
        FeatureFixture(path: "member-names.yaml", module: "MemberNamesFixture", contains: [
            ("Models.swift", "case _3_2(Choice._3)"),
            ("Models.swift", "public var _3: Holder._3_2?"),
            ("Models.swift", "public var _7_2: _7?"),
            ("Models.swift", "case _7_2"),
        ], probe: Probe(steps: [
            .roundTrip(type: "Holder", json: #"{"3":{"c":"x"},"7":"8","choice":{"b":1}}"#),
            .code(#"""
                for text in [#"{"a":"x"}"#, #"{"b":2}"#] {
                    say(text, caseName(try JSONCoding.makeDecoder().decode(Choice.self, from: Data(text.utf8))))
                }
                say("enum", _7.allKnownCases.map(\.rawValue))
                let holder = try JSONCoding.makeDecoder().decode(Holder.self, from: Data(#"{"7":"7"}"#.utf8))
                say("7", holder._7_2 == ._7_2)
                """#, expect: [#"{"a":"x"}: _3_2"#, #"{"b":2}: _4_2"#, #"enum: ["7", "8"]"#, "7: true"]),
        ])),
        // Validation goes through aliases to what they alias: `Validation.each` for an alias of an array or map,
        // loops for nested arrays, in properties, union cases, parameters and bodies.
        FeatureFixture(path: "validation-aliases.yaml", module: "ValidationAliasesFixture", contains: [
            ("Models.swift", #"Validation.each(self.tools, path: path + ".tools", into: &failures)"#),
            ("Client.swift", #"Validation.each(body, path: "body", into: &failures)"#),
        ], probe: Probe(steps: [
            .code(#"""
                var failures: [ValidationFailure] = []
                let long = Tool(name: "toolong"), fine = Tool(name: "ok")
                Toolbox(tools: [fine, fine, long], more: [long], byName: ["k": long], grid: [[fine, long]],
                        pick: .toolsArray([long])).validate(path: "box", into: &failures)
                say("failures", failures.map { "\($0.path) \($0.rule)" })
                """#, expect: [
                    #"failures: ["box.tools maxItems", "box.tools[2].name maxLength", "box.more[0].name maxLength", "#
                        + #""box.byName.k.name maxLength", "box.grid[0][1].name maxLength", "#
                        + #""box.pick[0].name maxLength"]"#,
                ]),
            .code(#"""
                let recorder = Recorder()
                let client = ValidationAliasesFixtureClient(serverURL: server, transport: recorder)
                do {
                    try await client.setTools([Tool(name: "toolong")], tags: ["a", "b", "c"])
                } catch let error as ValidationAliasesFixtureClient.Error {
                    say("rejected", "\(error.kind) \(error.validationFailures.map(\.path)) \(recorder.requests.count)")
                }
                try await client.setTools([Tool(name: "ok")], tags: ["a"])
                say("sent", recorder.last.target + " " + recorder.last.bodyText)
                """#, expect: [
                    #"rejected: validation ["tags", "body[0].name"] 0"#, #"sent: /tools?tags=a [{"name":"ok"}]"#,
                ]),
        ])),
        // Generated types never shadow the standard names the generated code and its users spell unqualified.
        FeatureFixture(path: "shadowing.yaml", module: "ShadowingFixture", contains: [
            ("Models.swift", "public struct MeasurementModel:"), ("Models.swift", "public enum UnitModel:"),
            ("Models.swift", "public struct OperationModel:"), ("Models.swift", "public typealias TimeIntervalModel"),
            ("Models.swift", "public var validation: Patch.ValidationModel?"),
            ("Models.swift", "public struct DiscriminatorKeyModel:"),
        ], probe: Probe(steps: [
            .code(#"""
                let length = Measurement(value: 2, unit: UnitLength.kilometers)
                say("measurement", length.converted(to: .meters).value)
                say("notification", Notification(name: Notification.Name("n")).name.rawValue)
                say("progress", Progress(totalUnitCount: 4).totalUnitCount)
                let interval: TimeInterval = 1.5
                say("range", Range(uncheckedBounds: (lower: 1, upper: 3)).count + Int(interval))
                try show("model", MeasurementModel(value: 1, unit: .km))
                """#, expect: [
                    "measurement: 2000.0", "notification: n", "progress: 4", "range: 3",
                    #"model: {"unit":"km","value":1}"#,
                ]),
            .roundTrip(type: "Everything", json: #"""
                {"interval":1.5,"measurement":{"unit":"m","value":3},"operation":{"id":"o"},"problem":{"reason":"r"},
                 "range":{"from":1,"to":2},"shape":{"key":"k","kind":"square"}}
                """#),
            .code(#"""
                var failures: [ValidationFailure] = []
                Patch(name: .value("long"), validation: .init(x: "xyz"), parent: Patch(name: .value("four")))
                    .validate(path: "patch", into: &failures)
                say("failures", failures.map { "\($0.path) \($0.rule)" })
                let recorder = Recorder([json(200, "{}")])
                let client = ShadowingFixtureClient(serverURL: server, transport: recorder)
                _ = try await client.patchIt(Patch(name: .null, additionalProperties: ["extra": "e"]), id: "1")
                say("sent", recorder.last.bodyText)
                """#, expect: [
                    #"failures: ["patch.name maxLength", "patch.validation.x maxLength", "#
                        + #""patch.parent.name maxLength"]"#,
                    #"sent: {"name":null,"extra":"e"}"#,
                ]),
        ])),
        // Case names from values that sanitize alike are numbered in document order (`x-enum-varnames` too).
        FeatureFixture(path: "enum-collisions.yaml", module: "EnumCollisionsFixture", probe: Probe(steps: [
            .code(#"""
                say("planets", Planet.allKnownCases.map { "\($0)" })
                say("raw", Planet.allKnownCases.map(\.rawValue))
                say("sizes", Sized.allKnownCases.map { "\($0)=\($0.rawValue)" })
                """#, expect: [
                    #"planets: ["string", "string2", "string3", "aB", "aB2", "aB3", "string2_2"]"#,
                    #"raw: ["string", "String", "STRING", "a-b", "a_b", "a b", "string2"]"#,
                    #"sizes: ["small=small", "small2=Small", "small3=SMALL"]"#,
                ]),
            .roundTrip(type: "Holder", json: #"{"planets":["STRING","a b","string2","String"],"size":"SMALL"}"#),
        ])),
        // An object payload for an untyped schema with an `items` list decodes (as JSONValue); `type: array` keeps
        // the tuple.
        FeatureFixture(path: "untyped-items.yaml", module: "UntypedItemsFixture", diagnostics: [
            "warning: `items` is a list (a tuple) but the schema has no `type: array`; it constrains arrays only, so "
                + "any JSON value is valid: generated as JSONValue",
            "warning: `items` is a list (a tuple) but the schema has no `type: array`; it constrains arrays only, so "
                + "any JSON value is valid: generated as JSONValue",
        ], contains: [
            ("Models.swift", "public typealias Conversation = JSONValue"),
            ("Models.swift", "public struct Pair:"),
        ], probe: Probe(steps: [
            .roundTrip(type: "Conversation", json: #"{"id":"C1","latest":{"text":"hi"}}"#),
            .roundTrip(type: "Channel", json: #"{"id":"C1","latest":{"text":"hi"}}"#),
            .roundTrip(type: "Channel", json: #"{"id":"C2","latest":["a",1]}"#),
            .roundTrip(type: "Pair", json: #"["a",1]"#),
            .decodeFails(type: "Pair", json: #"{"a":1}"#),
            .code(#"""
                let recorder = Recorder([json(200, #"{"id":"C1","user":"U1"}"#)])
                let client = UntypedItemsFixtureClient(serverURL: server, transport: recorder)
                let conversation = try await client.getConversation(id: "C1")
                say("user", conversation["user"])
                """#, expect: [#"user: string("U1")"#]),
        ])),
        // `null` decodes wherever a nullable alias is used (a required property, through allOf or a one-alternative
        // oneOf, array items, map values, a response body) and is written back.
        FeatureFixture(path: "nullable-aliases.yaml", module: "NullableAliasesFixture", contains: [
            ("Models.swift", "public typealias Ended = Date"),
            ("Models.swift", "public var endedAt: Ended?"),
            ("Client.swift", "async throws -> Ended? {"),
        ], probe: Probe(steps: [
            .roundTrip(type: "Run", json: #"""
                {"id":"r","ended":null,"endedAt":null,"history":["2024-05-01T10:20:30Z",null],"scores":{"a":null,"b":3}}
                """#),
            .code(#"""
                // Optional properties read `null` as absent (response-only type) and leave nil out.
                let text = #"{"id":"r","ended":null,"endedAt":null,"endedOne":null,"history":[],"best":null}"#
                try show("decoded", try JSONCoding.makeDecoder().decode(Run.self, from: Data(text.utf8)))
                try show("written", Run(id: "r", ended: nil, endedAt: nil, history: [nil]))
                var failures: [ValidationFailure] = []
                Run(id: "r", history: [], best: -1).validate(path: "run", into: &failures)
                say("failures", failures.map { "\($0.path) \($0.rule)" })
                let recorder = Recorder([json(200, "null"), json(200, #""2024-05-01T10:20:30Z""#)])
                let client = NullableAliasesFixtureClient(serverURL: server, transport: recorder)
                say("running", try await client.getEnded(id: "r"))
                say("ended", try await client.getEnded(id: "r")?.timeIntervalSince1970)
                """#, expect: [
                    #"decoded: {"ended":null,"endedAt":null,"history":[],"id":"r"}"#,
                    #"written: {"ended":null,"endedAt":null,"history":[null],"id":"r"}"#,
                    #"failures: ["run.best minimum"]"#, "running: nil", "ended: 1714558830.0",
                ]),
        ])),
    ]
}
