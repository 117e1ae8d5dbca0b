import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import TemplateEmitter
import Testing
import TestSupport

/// One small spec per construct real specs use (`Tests/Fixtures/features/`, listed in docs/SUPPORTED.md). Each must
/// generate with exactly the expected diagnostics, and its output must compile in Swift 6 with warnings as errors.
/// Fixtures with a probe are compiled into an executable with a generated `main.swift` that round-trips JSON through
/// the generated models and drives the client against a recording transport; its output is compared with the
/// expectation (JSON semantically). One `swiftc` run per fixture: a compile, not just a type-check, because some
/// warnings (unreachable code) only appear after type-checking.
@Suite struct FeatureFixtureTests {
    static let folder = "Tests/Fixtures/features"

    @Test(arguments: FeatureFixture.all) func fixtureGeneratesAndCompiles(_ fixture: FeatureFixture) async throws {
        let result = try Self.generate(fixture)
        try #require(result.succeeded, "\(result.diagnostics.map(\.description))")
        Self.expectDiagnostics(result.diagnostics, fixture.diagnostics)
        for (file, snippet) in fixture.contains {
            let contents = result.files.first { $0.path == file }?.contents ?? ""
            #expect(contents.contains(snippet), "\(file) lacks `\(snippet)`")
        }
        let run = try await Self.compileAndRun(result.files, module: fixture.module, probe: fixture.probe)
        try #require(run.status == 0, "swiftc failed:\n\(run.output.prefix(6000))")
        guard let probe = fixture.probe else { return }
        Self.compare(output: run.output, with: probe)
    }

    // MARK: - Generation

    static func generate(_ fixture: FeatureFixture) throws -> GenerationResult {
        let path = "\(folder)/\(fixture.path)"
        let data = try Data(contentsOf: Repository.root.appendingPathComponent(path))
        let job = GenerationJob(spec: SpecInput(path: path, data: data),
                                options: ModelOptions(moduleName: fixture.module))
        return Generator.generate(job,
                                  loader: RepositoryLoader(specFolder: (path as NSString).deletingLastPathComponent))
    }

    /// Every diagnostic matches one expected substring (in order of appearance), and nothing else is reported.
    static func expectDiagnostics(_ diagnostics: [Diagnostic], _ expected: [String],
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let messages = diagnostics.map { "\($0.severity): \($0.message)" }
        #expect(messages.count == expected.count, "diagnostics: \(messages)", sourceLocation: sourceLocation)
        for (message, substring) in zip(messages, expected) {
            #expect(message.contains(substring), "`\(message)` lacks `\(substring)`", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Compile and run

    /// Type-checks (no probe) or compiles and runs (probe) the module; returns the status and the compiler's or the
    /// program's output.
    static func compileAndRun(_ files: [EmittedFile], module: String, probe: Probe?) async throws
        -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("openapi-swift-feature-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in files where file.path.hasSuffix(".swift") {
            let url = folder.appendingPathComponent(file.path)
            try Data(file.contents.utf8).write(to: url)
            paths.append(url.path)
        }
        let common = ["-swift-version", "6", "-warnings-as-errors", "-module-name", module]
        guard let probe else {
            return try await run("/usr/bin/env", ["swiftc", "-typecheck"] + common + paths)
        }
        let main = folder.appendingPathComponent("main.swift")
        try Data(probe.mainSource.utf8).write(to: main)
        let executable = folder.appendingPathComponent("probe").path
        let compiled = try await run("/usr/bin/env", ["swiftc", "-Onone"] + common + paths + [main.path, "-o",
                                     executable])
        guard compiled.status == 0 else { return compiled }
        return try await run(executable, [])
    }

    static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await ChildProcess.run(executable, arguments, mergingStandardError: true)
        return (result.status, result.output)
    }

    // MARK: - Comparing the probe's output

    /// The output is one section per step (`--- <n>` then its lines); each line must equal the expected one, where
    /// `label: <json>` lines compare their JSON semantically.
    static func compare(output: String, with probe: Probe, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var sections: [Int: [String]] = [:]
        var current: Int?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("--- "), let index = Int(line.dropFirst(4)) {
                current = index
                sections[index] = []
            } else if let current, !line.isEmpty {
                sections[current, default: []].append(line)
            }
        }
        for (index, step) in probe.steps.enumerated() {
            let actual = sections[index] ?? []
            let expected = step.expectedLines
            #expect(actual.count == expected.count,
                    "step \(index) (\(step.summary)):\n\(actual.joined(separator: "\n"))",
                    sourceLocation: sourceLocation)
            for (have, want) in zip(actual, expected) where !linesMatch(have, want) {
                Issue.record("step \(index) (\(step.summary)):\n  expected: \(want)\n  actual:   \(have)",
                             sourceLocation: sourceLocation)
            }
        }
    }

    static func linesMatch(_ actual: String, _ expected: String) -> Bool {
        if actual == expected { return true }
        guard let a = actual.range(of: ": "), let e = expected.range(of: ": "),
              actual[..<a.lowerBound] == expected[..<e.lowerBound] else { return false }
        return JSONSemantics.equal(String(actual[a.upperBound...]), String(expected[e.upperBound...]))
    }
}

/// JSON equality by value (key order, whitespace and number spelling do not matter).
enum JSONSemantics {
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        guard let a = try? JSONSerialization.jsonObject(with: Data(lhs.utf8), options: .fragmentsAllowed),
              let b = try? JSONSerialization.jsonObject(with: Data(rhs.utf8), options: .fragmentsAllowed)
        else { return false }
        return (a as? NSObject)?.isEqual(b) == true
    }
}

// MARK: - Fixtures

/// One spec under `Tests/Fixtures/features/`.
struct FeatureFixture: Sendable, CustomTestStringConvertible {
    var path: String
    var module: String
    /// `"<severity>: <substring of the message>"`, one per diagnostic, in the generator's (sorted) order.
    var diagnostics: [String] = []
    /// (file, snippet) pairs the output must contain.
    var contains: [(String, String)] = []
    var probe: Probe?
    var testDescription: String { path }
}

/// What the probe's `main.swift` does: numbered steps, each printing lines.
struct Probe: Sendable {
    var steps: [Step]

    enum Step: Sendable {
        /// Decodes `json` as `type` and encodes it again: the JSON must come back equal.
        case roundTrip(type: String, json: String)
        /// Decoding `json` as `type` must throw (and not trap).
        case decodeFails(type: String, json: String)
        /// Swift statements printing lines with `say(_:_:)`, `show(_:_:)` or `print`; the expected lines.
        case code(String, expect: [String])

        var summary: String {
            switch self {
            case .roundTrip(let type, let json): "round trip \(type) \(json)"
            case .decodeFails(let type, let json): "decode fails \(type) \(json)"
            case .code(let code, _): code.split(separator: "\n").first.map(String.init) ?? ""
            }
        }

        var expectedLines: [String] {
            switch self {
            case .roundTrip(_, let json): ["json: " + json]
            case .decodeFails: ["error"]
            case .code(_, let expect): expect
            }
        }

        var source: String {
            switch self {
            case .roundTrip(let type, let json): "try roundTrip(\(type).self, #\"\"\"\n\(json)\n\"\"\"#)"
            case .decodeFails(let type, let json): "decodeFails(\(type).self, #\"\"\"\n\(json)\n\"\"\"#)"
            case .code(let code, _): code
            }
        }
    }

    var mainSource: String {
        var text = Self.prelude
        // Each step is a function, so a step that cannot throw does not make its `catch` unreachable (a warning).
        for (index, step) in steps.enumerated() {
            text += "\n@MainActor func step\(index)() async throws {\n\(step.source)\n}\n"
            text += "print(\"--- \(index)\")\ndo { try await step\(index)() } catch { print(\"thrown: \\(error)\") }\n"
        }
        return text
    }

    /// Helpers every probe can use: JSON round trips, printing, and a transport that records requests and answers
    /// from a script.
    static let prelude = #"""
        import Foundation
        #if canImport(FoundationNetworking)
        import FoundationNetworking
        #endif

        func canonical(_ value: some Encodable) throws -> String {
            let encoder = JSONCoding.makeEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        }

        func roundTrip<T: Codable>(_ type: T.Type, _ json: String) throws {
            let value = try JSONCoding.makeDecoder().decode(T.self, from: Data(json.utf8))
            print("json: " + (try canonical(value)))
        }

        func decodeFails<T: Codable>(_ type: T.Type, _ json: String) {
            print((try? JSONCoding.makeDecoder().decode(T.self, from: Data(json.utf8))) == nil ? "error" : "decoded")
        }

        func say(_ label: String, _ value: Any?) {
            print(label + ": " + (value.map { String(describing: $0) } ?? "nil"))
        }

        func show(_ label: String, _ value: some Encodable) throws {
            print(label + ": " + (try canonical(value)))
        }

        /// The enum case of `value` (`rectangle` for `.rectangle(…)`).
        func caseName(_ value: Any) -> String {
            Mirror(reflecting: value).children.first?.label ?? String(describing: value)
        }

        final class Recorder: HTTPTransport, @unchecked Sendable {
            private let lock = NSLock()
            private var script: [HTTPResponse]
            private var recorded: [HTTPRequest] = []
            init(_ script: [HTTPResponse] = []) { self.script = script }
            var requests: [HTTPRequest] { lock.withLock { recorded } }
            var last: HTTPRequest { requests.last! }
            func send(_ request: HTTPRequest) async throws -> HTTPResponse {
                lock.withLock {
                    recorded.append(request)
                    return script.isEmpty ? HTTPResponse(statusCode: 204) : script.removeFirst()
                }
            }
        }

        func json(_ status: Int, _ text: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
            var headers = headers
            headers["Content-Type"] = "application/json"
            return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
        }

        extension HTTPRequest {
            /// Path and query, as sent.
            var target: String { String(url.absoluteString.dropFirst(server.absoluteString.count)) }
            var bodyText: String { body.map { String(decoding: $0, as: UTF8.self) } ?? "" }
        }

        let server = URL(string: "https://api.example.com")!
        let noRetry = ClientOptions(retry: .none)

        """#
}

// MARK: - The fixtures and what each must do

extension FeatureFixture {
    static let all: [FeatureFixture] = schemas + schemaShapes + requests + responses + documents + unions + shapes
        + wire

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
            ("Operations.swift", "@available(*, deprecated)\n    public func legacy("),
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

extension FeatureFixture {
    /// Parameters in every location and style, request bodies in every encoding.
    static let requests: [FeatureFixture] = [
        FeatureFixture(path: "param-styles.yaml", module: "ParamStylesFixture", probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = ParamStylesFixtureClient(serverURL: server, transport: recorder)
                try await client.getItems(
                    simple: ["a", "b c"], label: ["x", "y"], matrix: "m;1", ids: [1, 2], csv: ["a", "b"],
                    spaced: ["a", "b"], piped: ["a", "b"], filter: .init(color: "red", size: 2), raw: "a/b?c",
                    xTrace: ["t1", "t2"], session: "s 1")
                say("target", recorder.last.target)
                say("X-Trace", recorder.last.headers["X-Trace"])
                say("Cookie", recorder.last.headers["Cookie"])
                try await client.getItems(simple: [], label: ["x"], matrix: "")
                say("minimal", recorder.last.target)
                """#, expect: [
                    "target: /items/a,b%20c/.x.y/;matrix=m%3B1?ids=1&ids=2&csv=a,b&spaced=a%20b&piped=a%7Cb"
                        + "&filter%5Bcolor%5D=red&filter%5Bsize%5D=2&raw=a/b?c",
                    "X-Trace: t1,t2", "Cookie: session=s%201", "minimal: /items//.x/;matrix=",
                ]),
        ])),
        FeatureFixture(path: "bodies.yaml", module: "BodiesFixture", diagnostics: [
            "warning: form property 'nested' has contentType 'application/xml'; only JSON content types are applied "
                + "in a form body; it is sent flattened (a[b]=c, repeated keys)",
            "warning: form property 'plain' has style 'matrix', which a form body cannot use; it is sent flattened",
            "warning: encoding entry 'missing' names no property of the body; it is ignored",
        ], contains: [
            ("Models.swift", "public enum SendEitherContentType: Swift.String"),
            ("Operations.swift", """
                request.formBody(body, fields: [
                            "ids": .style("form", explode: false, allowReserved: false),
                """),
            ("Operations.swift", """
                            "meta": .json,
                            "path": .style("form", explode: true, allowReserved: true),
                        ])
                """),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder()
                let client = BodiesFixtureClient(serverURL: server, transport: recorder)
                let note = Note(title: "Hi & bye", tags: ["a", "b"])
                func sent(_ label: String) {
                    say(label + " " + (recorder.last.headers["Content-Type"] ?? "-"), recorder.last.bodyText)
                }
                try await client.sendJSON(note); sent("json")
                try await client.sendForm(note); sent("form")
                try await client.sendEither(note); sent("either default")
                try await client.sendEither(note, contentType: .form); sent("either form")
                try await client.uploadBytes(Data([0x41, 0x42])); sent("bytes")
                try await client.sendText("plain text"); sent("text")
                try await client.sendMixed(.text("mixed")); sent("mixed text")
                try await client.sendMixed(.json(Note(title: "t"))); sent("mixed json")
                say("cases", SendEitherContentType.allCases.map(\.rawValue))
                """#, expect: [
                    #"json application/json: {"title":"Hi & bye","tags":["a","b"]}"#,
                    "form application/x-www-form-urlencoded: tags=a&tags=b&title=Hi%20%26%20bye",
                    #"either default application/json: {"title":"Hi & bye","tags":["a","b"]}"#,
                    "either form application/x-www-form-urlencoded: tags=a&tags=b&title=Hi%20%26%20bye",
                    "bytes application/octet-stream: AB", "text text/plain: plain text",
                    "mixed text text/plain: mixed", #"mixed json application/json: {"title":"t"}"#,
                    #"cases: ["application/json", "application/x-www-form-urlencoded"]"#,
                ]),
            // Per-property `encoding`: each style, explode, allowReserved, a JSON contentType; unusable entries
            // (matrix, application/xml) and properties without one are flattened.
            .code(#"""
                let recorder = Recorder()
                let client = BodiesFixtureClient(serverURL: server, transport: recorder)
                try await client.sendEncodedForm(SendEncodedFormRequest(
                    ids: [1, 2], words: ["a", "b c"], flags: ["x", "y"], filter: .init(color: "red", size: 2),
                    point: .init(x: 1, y: 2), meta: .init(note: "n&1", at: "a/b"), path: "a/b?c d", plain: ["p", "q"],
                    nested: .init(a: "z"), label: "l m"))
                for item in recorder.last.bodyText.split(separator: "&") { print("field: " + item) }
                try await client.sendEncodedForm(SendEncodedFormRequest(ids: [], meta: .init()))
                say("sparse", recorder.last.bodyText)
                """#, expect: [
                    "field: filter%5Bcolor%5D=red", "field: filter%5Bsize%5D=2", "field: flags=x%7Cy", "field: ids=1,2",
                    "field: label=l%20m", "field: meta=%7B%22at%22%3A%22a%2Fb%22%2C%22note%22%3A%22n%261%22%7D",
                    "field: nested%5Ba%5D=z", "field: path=a/b?c%20d", "field: plain=p", "field: plain=q",
                    "field: x=1", "field: y=2", "field: words=a%20b%20c", "sparse: ids=&meta=%7B%7D",
                ]),
        ])),
        FeatureFixture(path: "multipart.yaml", module: "MultipartFixture", diagnostics: [
            "warning: multipart part 'file' declares headers (X-Checksum); part headers are not generated, only "
                + "Content-Type and Content-Disposition are sent",
        ], contains: [
            ("Operations.swift", #"multipartBody(body, encodings: ["file": "image/png", "meta": "application/json"])"#),
        ], probe: Probe(steps: [
            .code(#"""
                let recorder = Recorder([HTTPResponse(statusCode: 201)])
                let client = MultipartFixtureClient(serverURL: server, transport: recorder)
                try await client.uploadAvatar(.init(userID: "u1", file: Data("PNG".utf8), thumbnail: Data("TH".utf8),
                                                    meta: .init(caption: "c"), tags: ["x", "y"]))
                let type = recorder.last.headers["Content-Type"] ?? ""
                say("type", type.hasPrefix("multipart/form-data; boundary="))
                let boundary = String(type.dropFirst("multipart/form-data; boundary=".count))
                for part in recorder.last.bodyText.components(separatedBy: "--" + boundary).dropFirst() {
                    let lines = part.components(separatedBy: "\r\n").filter { !$0.isEmpty && $0 != "--" }
                    if !lines.isEmpty { print("part: " + lines.joined(separator: " | ")) }
                }
                """#, expect: [
                    "type: true",
                    #"part: Content-Disposition: form-data; name="meta" | Content-Type: application/json | {"caption":"c"}"#,
                    #"part: Content-Disposition: form-data; name="tags" | x"#,
                    #"part: Content-Disposition: form-data; name="tags" | y"#,
                    #"part: Content-Disposition: form-data; name="userID" | u1"#,
                    #"part: Content-Disposition: form-data; name="file"; filename="file" | Content-Type: image/png | PNG"#,
                    #"part: Content-Disposition: form-data; name="thumbnail"; filename="thumbnail" | Content-Type: application/octet-stream | TH"#,
                ]),
        ])),
    ]
}

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
            ("Operations.swift", "async throws -> ServerSentEvents<String> {"),
            ("Operations.swift", "self.runtime.perform(request, options: options, streaming: true)"),
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
            ("Operations.swift", "func streamTicks(from: Int? = nil, options: RequestOptions = .init()) async throws "
                + "-> ServerSentEvents<Tick> {"),
            ("Operations.swift", "func streamNotes(options: RequestOptions = .init()) async throws "
                + "-> ServerSentEvents<String> {"),
            ("Operations.swift", "async throws -> ServerSentEvents<Tick> {"),
            ("Operations.swift", "case 200: response.decodeJSONStream(Tick.self, recordSeparated: true)"),
            ("Operations.swift", "async throws -> JSONStream<StreamRecordsResponseItem> {"),
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

    /// Document-level features: versions, webhooks and callbacks, `$ref`s across files.
    static let documents: [FeatureFixture] = [
        FeatureFixture(path: "swagger2.yaml", module: "Swagger2Fixture", contains: [
            ("Operations.swift", "public func uploadPhoto(_ body: UploadPhotoRequest, id: String"),
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
            ("Operations.swift", "async throws -> JSONStream<StreamLinesResponseItem> {"),
            ("Operations.swift", #"method: "QUERY""#), ("Operations.swift", #"method: "PURGE""#),
            ("Operations.swift",
             "public func jsonQuery(selector: JSONQuerySelector, options: RequestOptions = .init())"),
            ("Operations.swift", "request.jsonQueryString(selector)"),
            ("Operations.swift", "public func textQuery(raw: String? = nil, options: RequestOptions = .init())"),
            ("Operations.swift", "public func xmlQuery(options: RequestOptions = .init())"),
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
            ("Operations.swift", "/// List the items"),
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
        FeatureFixture(path: "validation.yaml", module: "ValidationFixture", probe: Probe(steps: [
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
                """#, expect: [
                    #"rejected: validation ["batch", "body.price"] 0"#, "target: /orders?batch=20",
                    #"sent: {"price":1.05,"quantity":2,"step":10}"#,
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
                """#, expect: [
                    #"sent: {"name":"Bo","password":"pw-2","profile":{}}"#, "created: u2 true", "form: url=u",
                    #"cached: {"createdAt":"2024-05-01T10:20:30Z","etag":"e","id":"u1","name":"Ann","profile":{"score":3}}"#,
                    "described: false",
                ]),
        ])),
    ]
}
