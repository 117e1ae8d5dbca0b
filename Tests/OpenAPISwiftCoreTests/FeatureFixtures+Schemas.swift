import Foundation

// Feature fixtures: schemas (composition, null versus absent, maps, enums, numbers, metadata).

extension FeatureFixture {
    /// Schemas: composition, null versus absent, maps, enums, numbers, metadata.
    static let schemas: [FeatureFixture] = [
        FeatureFixture(path: "allof.yaml", module: "AllOfFixture", contains: [
            ("Models.swift", "public typealias Described = Named"),
            ("Models.swift", "public typealias ConstrainedName = String"),
        ], probe: Probe(steps: [
            .roundTrip(type: "Dog", json: #"{"age":3,"breed":"lab","name":"Rex","owner":{"name":"Ann","phone":"1"}}"#),
            .code(#"say("required", Dog(name: "a", breed: "b").owner == nil)"#, expect: ["required: true"]),
        ])),
        FeatureFixture(path: "oneof-hints.yaml", module: "OneOfHintsFixture", probe: Probe(steps: [
            .code(#"""
                for text in [#"{"width":1,"height":2}"#, #"{"radius":1}"#, #"{"radius":1,"width":1}"#] {
                    say(text, caseName(try JSONCoding.makeDecoder().decode(Shape.self, from: Data(text.utf8))))
                }
                // `anyOf` keeps every alternative that matches: 3 is an integer and a number.
                for text in ["3", "3.5", #""x""#, "true", #"["a"]"#] {
                    let value = try JSONCoding.makeDecoder().decode(Scalar.self, from: Data(text.utf8))
                    let set = Mirror(reflecting: value).children.filter { "\($0.value)" != "nil" }.compactMap(\.label)
                    say(text, set.joined(separator: ","))
                }
                """#, expect: [
                    #"{"width":1,"height":2}: rectangle"#, #"{"radius":1}: circle"#, #"{"radius":1,"width":1}: circle"#,
                    "3: int,double", "3.5: double", #""x": string"#, "true: bool", #"["a"]: stringArray"#,
                ]),
            .roundTrip(type: "Shape", json: #"{"height":2,"width":1}"#),
            .roundTrip(type: "[Scalar]", json: #"[1,2.5,"x",false,["a","b"]]"#),
            .roundTrip(type: "MaybeScalar?", json: "null"),
            // No alternative matches: the JSON is kept in `unknown`.
            .code(#"""
                let shape = try JSONCoding.makeDecoder().decode(Shape.self, from: Data(#"{"side":1}"#.utf8))
                try show(caseName(shape), shape)
                """#, expect: [#"unknown: {"side":1}"#]),
            .decodeFails(type: "Scalar", json: #"{"side":1}"#),
        ])),
        FeatureFixture(path: "discriminator.yaml", module: "DiscriminatorFixture", probe: Probe(steps: [
            .code(#"""
                let text = #"[{"kind":"created","id":"1"},{"kind":"deleted","id":"2"},{"kind":"removed","id":"3"},"#
                    + #"{"kind":"Renamed","from":"a","to":"b"},{"kind":"archived","id":"4"}]"#
                let events = try JSONCoding.makeDecoder().decode([Event].self, from: Data(text.utf8))
                say("cases", events.map(caseName).joined(separator: ","))
                """#, expect: ["cases: created,deleted,deleted,renamed,unknown"]),
            .roundTrip(type: "[Event]", json: #"[{"id":"3","kind":"removed","soft":true},{"from":"a","kind":"Renamed","to":"b"},{"id":"4","kind":"archived","x":[1]}]"#),
        ])),
        FeatureFixture(path: "nullable-patch.yaml", module: "NullablePatchFixture", contains: [
            ("Models.swift", "public var nickname: OptionalValue<String>"),
            ("Models.swift", "public var manager: OptionalValue<Ref>"),
            // Only request-body types tell null from absent; the response type keeps `T?`.
            ("Models.swift", "public var bio: String?"),
        ], probe: Probe(steps: [
            .code(#"""
                try show("absent", UserPatch())
                try show("null", UserPatch(nickname: .null, manager: .null))
                try show("value", UserPatch(name: "n", nickname: .value("nick"), tags: .value(["a"])))
                try show("optional", UserPatch(nickname: OptionalValue(nil as String?)))
                """#, expect: [
                    "absent: {}", #"null: {"manager":null,"nickname":null}"#,
                    #"value: {"name":"n","nickname":"nick","tags":["a"]}"#, #"optional: {"nickname":null}"#,
                ]),
            .roundTrip(type: "UserPatch", json: #"{"manager":null,"nickname":null}"#),
            .roundTrip(type: "UserPatch", json: #"{"manager":{"id":"m"},"tags":["x"]}"#),
            // Response-only type: optional and nullable stay `T?`; a required nullable property is sent as null.
            .roundTrip(type: "User", json: #"{"id":"1","name":"n","nickname":null}"#),
            .code(#"""
                let recorder = Recorder([json(200, #"{"id":"7","name":"n","nickname":null}"#)])
                let client = NullablePatchFixtureClient(serverURL: server, transport: recorder)
                let user = try await client.updateUser(UserPatch(nickname: .null), id: "7")
                say("request", recorder.last.method + " " + recorder.last.target + " " + recorder.last.bodyText)
                say("nickname", user.nickname)
                """#, expect: [#"request: PATCH /users/7 {"nickname":null}"#, "nickname: nil"]),
        ])),
        FeatureFixture(path: "maps.yaml", module: "MapsFixture", probe: Probe(steps: [
            .roundTrip(type: "Maps", json: #"""
                {"labels":{"a":"b"},"open":{"id":"1","extra":[1,2.5,{"y":null}],"flag":true},"closed":{"id":"c"},
                 "counted":{"total":2,"a":1,"b":2},"free":{"k":{"n":[null]}},"anything":[1,"two",false],
                 "nested":{"x":{"y":1.5}}}
                """#),
            .code(#"""
                let open = try JSONCoding.makeDecoder().decode(Open.self, from: Data(#"{"id":"1","z":3}"#.utf8))
                say("open", open.additionalProperties["z"])
                """#, expect: ["open: int(3)"]),
            .roundTrip(type: "Anything", json: "null"),
        ])),
        FeatureFixture(path: "schema-ids.yaml", module: "SchemaIdsFixture", diagnostics: [
            "warning: $dynamicRef '#node' is resolved like $ref to its anchor; dynamic scoping is not applied",
        ], contains: [
            ("Models.swift", "public var pets: [Pet]"), ("Models.swift", "public var favourite: Pet?"),
        ], probe: Probe(steps: [
            .roundTrip(type: "Owner", json: #"""
                {"pets":[{"name":"a","tag":"t"}],"favourite":{"name":"b"},"favouriteTag":"x","next":{"label":"n"}}
                """#),
        ])),
        FeatureFixture(path: "enums-edge.yaml", module: "EnumsEdgeFixture", diagnostics: [
            "warning: enum with mixed value types (integer, string) is generated as its base type",
            "warning: enum with no values is generated as its base type",
        ], probe: Probe(steps: [
            .code(#"""
                say("raw", Keywords.allKnownCases.map(\.rawValue).map { "[\($0)]" }.joined())
                say("distinct", Set(Keywords.allKnownCases).count == Keywords.allKnownCases.count)
                say("numbers", Numbers.allKnownCases.map(\.rawValue))
                """#, expect: [
                    "raw: [class][self][Type][default][init][unknown][rawValue][][1st][2nd][-][a-b][a_b][aB][A B]",
                    "distinct: true", "numbers: [0, 1, -1, 100]",
                ]),
            .roundTrip(type: "Holder", json: #"{"color":"red","keyword":"1st","number":-1,"single":"fixed"}"#),
            .roundTrip(type: "Holder", json: #"{"color":"blue","keyword":"zzz","number":7}"#),
            .roundTrip(type: "[Keywords]", json: #"["","unknown","A B","a-b","a_b"]"#),
        ])),
        FeatureFixture(path: "big-integers.yaml", module: "BigIntegersFixture", probe: Probe(steps: [
            .roundTrip(type: "Counters", json: #"{"big":9223372036854775807,"huge":1e+25,"plain":-9223372036854775808,"small":2147483647}"#),
            .decodeFails(type: "Counters", json: #"{"plain":99999999999999999999}"#),
            .decodeFails(type: "Counters", json: #"{"small":2147483648}"#),
            .code(#"""
                let value = try JSONCoding.makeDecoder().decode(Counters.self,
                                                                from: Data(#"{"anything":18446744073709551615}"#.utf8))
                say("anything", value.anything)
                """#, expect: ["anything: double(1.8446744073709552e+19)"]),
        ])),
        FeatureFixture(path: "metadata.yaml", module: "MetadataFixture", contains: [
            ("Models.swift", "@available(*, deprecated)\npublic struct LegacyThing"),
            ("Client.swift", "@available(*, deprecated)\n    public func legacy("),
            ("Models.swift", "/// - Warning: Deprecated.\n///\n/// - Remark: Generated from `#/components/schemas/LegacyInner`.\npublic struct LegacyInner"),
            ("Models.swift", "/// - Warning: Deprecated.\n///\n/// - Remark: Generated from `#/components/schemas/LegacyWrapper`.\npublic struct LegacyWrapper"),
            ("Models.swift", "/// Default: `\"free\"`."),
            ("Models.swift",
             "/// Assigned by the server.\n    ///\n    /// Read-only: set by the server; left out of request bodies."),
            ("Models.swift", "/// Write-only: sent in requests, not returned."),
        ], probe: Probe(steps: [
            .roundTrip(type: "Account", json: #"""
                {"id":"a1","email":"e@example.com","password":"p","plan":"free","kind":"personal","retries":3,
                 "createdAt":"2024-05-01T10:20:30Z","birthday":"2000-02-29","token":"E621E1F8-C36C-495A-93FC-0C247A3E6E5F",
                 "avatar":"AAEC","homepage":"https://example.com/x","score":1.5}
                """#),
            .code(#"""
                let account = Account(id: "", email: "e@example.com", password: "secret-1", plan: "free", retries: 11)
                say("described", String(describing: account).contains("secret-1"))
                var failures: [ValidationFailure] = []
                account.validate(path: "body", into: &failures)
                say("failures", failures.map(\.path))
                """#, expect: ["described: false", #"failures: ["body.retries"]"#]),
        ])),
        // Sensitive properties are masked in `description`, `debugDescription` and the mirror; the others are shown
        // as `String(describing:)` shows them. No bearer scheme and no null-versus-absent property: the runtime
        // leaves out its token and `OptionalValue` sections, and still compiles.
        FeatureFixture(path: "redaction.yaml", module: "RedactionFixture", contains: [
            ("Models.swift", "var text = Redaction.Fields(\"Login\")"),
            ("Models.swift", "text.addMaskedOptional(\"aadhaar\", self.aadhaar)"),
        ], probe: Probe(steps: [
            .code(#"""
                let full = Login(user: "u", password: "secret-1", aadhaar: "9999 9999 0019", note: "n", attempts: 2)
                print(String(describing: full))
                print(full.debugDescription)
                let bare = Login(user: "u", password: "9999-9999-0019")
                print(String(describing: bare))
                let mirror = Mirror(reflecting: full).children.map { "\($0.label ?? ""): \($0.value)" }
                print(mirror.joined(separator: ", "))
                """#, expect: [
                    #"Login(user: u, password: <redacted>, aadhaar: xxxx-xxxx-0019, note: Optional("n"), attempts: Optional(2))"#,
                    #"Login(user: u, password: <redacted>, aadhaar: xxxx-xxxx-0019, note: Optional("n"), attempts: Optional(2))"#,
                    "Login(user: u, password: xxxx-xxxx-0019, aadhaar: nil, note: nil, attempts: nil)",
                    #"user: u, password: <redacted>, aadhaar: xxxx-xxxx-0019, note: Optional("n"), attempts: Optional(2)"#,
                ]),
        ])),
    ]
}
