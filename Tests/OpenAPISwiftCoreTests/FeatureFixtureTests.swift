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
            // `Models.swift` stands for every model file (`Models+2.swift`, …), and likewise for `Client.swift`.
            let base = file.replacingOccurrences(of: ".swift", with: "")
            let contents = result.files.filter { $0.path == file || $0.path.hasPrefix(base + "+") }
                .map(\.contents).joined()
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
}
