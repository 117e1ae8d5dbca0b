import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import TemplateEmitter
import Testing
import TestSupport

/// Robustness and security of the generator (docs/RELIABILITY.md): hostile names, injected spec text, fuzz
/// regressions. Each torture spec must generate, and its output must type-check in Swift 6 with warnings as errors.
@Suite struct RobustnessTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures")

    // MARK: - Helpers

    static func generate(_ relativePath: String, module: String) throws -> GenerationResult {
        let url = fixtures.appendingPathComponent(relativePath)
        let data = try Data(contentsOf: url)
        let job = GenerationJob(spec: SpecInput(path: relativePath, data: data),
                                options: ModelOptions(moduleName: module))
        return Generator.generate(job, loader: InMemorySpecLoader())
    }

    /// Writes the files to a fresh folder and type-checks them as one module; returns (status, compiler output).
    static func typecheck(_ files: [EmittedFile], module: String) async throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("openapi-swift-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in files where file.path.hasSuffix(".swift") {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
            paths.append(url.path)
        }
        let result = try await ChildProcess.run(
            "swiftc", ["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", module] + paths,
            mergingStandardError: true)
        return (result.status, result.output)
    }

    static func componentSchemas(_ relativePath: String) throws -> [NamedSchema] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(relativePath))
        let parsed = DocumentParser.parse(SpecInput(path: relativePath, data: data), loader: InMemorySpecLoader())
        return try #require(parsed.document).components.schemas
    }

    static func file(_ result: GenerationResult, _ name: String) throws -> String {
        try #require(result.files.first { $0.path == name }, "no \(name)").contents
    }

    /// Top-level declarations (`public struct X`, `enum Y` at column 0) across all files: (kind, name).
    static func topLevelDeclarations(_ files: [EmittedFile]) -> [(kind: String, name: String)] {
        let pattern = #/^(?:public |package |internal |private |fileprivate )?(?:final )?(struct|enum|class|actor|protocol|typealias) ([A-Za-z_][A-Za-z0-9_]*)/#
        return files.flatMap { file in
            file.contents.split(separator: "\n").compactMap { line in
                (try? pattern.prefixMatch(in: line)).flatMap { $0 }.map { (String($0.1), String($0.2)) }
            }
        }
    }

    // MARK: - Names torture

    @Test func namesTortureGeneratesAndCompiles() async throws {
        let result = try Self.generate("torture/names.yaml", module: "Torture")
        #expect(result.succeeded, "\(result.diagnostics.map(\.description))")
        #expect(result.diagnostics.isEmpty, "unexpected diagnostics: \(result.diagnostics.map(\.description))")
        let check = try await Self.typecheck(result.files, module: "Torture")
        #expect(check.status == 0, "swiftc -typecheck failed:\n\(check.output.prefix(4000))")
    }

    @Test func everySchemaBecomesItsOwnTopLevelType() throws {
        let schemas = try Self.componentSchemas("torture/names.yaml")
        let result = try Self.generate("torture/names.yaml", module: "Torture")
        // Models may be split (`Models+2.swift`, …) when long.
        let models = result.files.filter { $0.path.hasPrefix("Models") }
        let modelTypes = Self.topLevelDeclarations(models).map(\.name)
        #expect(modelTypes.count == schemas.count,
                "\(schemas.count) schemas → \(modelTypes.count) types: \(modelTypes)")
        #expect(Set(modelTypes).count == modelTypes.count, "duplicate type names: \(modelTypes)")
        // No model type takes a name the module, the client or the runtime declares.
        let nonModels = result.files.filter { !$0.path.hasPrefix("Models") }
        let others = Set(Self.topLevelDeclarations(nonModels).map(\.name))
        #expect(Set(modelTypes).isDisjoint(with: others), "\(Set(modelTypes).intersection(others))")
        #expect(!modelTypes.contains("Torture"))
    }

    /// The generated runtime's own top-level types must all be reserved, or a schema of that name would redeclare
    /// them (found by names.yaml: a schema `Validation` clashed with the runtime's `enum Validation`).
    @Test func everyRuntimeTypeNameIsReserved() throws {
        let result = try Self.generate("torture/names.yaml", module: "Torture")
        let runtime = result.files.filter { !$0.path.hasPrefix("Models") }
        let names = Set(Self.topLevelDeclarations(runtime).map(\.name)).subtracting(["TortureClient"])
        let missing = names.filter { NameSanitizer.typeName($0) == $0 }
        #expect(missing.isEmpty, "add to NameSanitizer.reservedTypeNames: \(missing.sorted())")
    }

    @Test func collidingPropertiesStayDistinct() throws {
        let result = try Self.generate("torture/names.yaml", module: "Torture")
        let models = try Self.file(result, "Models.swift")
        // The `class` schema: everything from `public struct Class` to the next top-level declaration.
        let start = try #require(models.range(of: "\npublic struct Class:"))
        let rest = models[start.upperBound...]
        let end = rest.range(of: "\npublic ")?.lowerBound ?? rest.endIndex
        let body = String(rest[..<end])
        let schema = try #require(try Self.componentSchemas("torture/names.yaml").first { $0.name == "class" })
        let properties = schema.schema.properties.map(\.name)
        // Stored properties of the struct itself: four-space indent.
        let stored = body.split(separator: "\n").compactMap { line -> String? in
            guard let match = try? #/^    public (?:var|let) (`?[A-Za-z_][A-Za-z0-9_]*`?):/#.prefixMatch(in: line)
            else { return nil }
            return String(match.1)
        }
        #expect(stored.count == properties.count, "\(properties.count) properties → \(stored.count): \(stored)")
        #expect(Set(stored).count == stored.count, "merged properties: \(stored)")
        // Each property is decoded from its own JSON name: one `named:` literal per stored property in `init(from:)`.
        let decodeStart = try #require(body.range(of: "\n    public init(from decoder: any Swift.Decoder) throws {\n"))
        let decodeBody = body[decodeStart.upperBound...]
        let decodeEnd = decodeBody.range(of: "\n    }")?.lowerBound ?? decodeBody.endIndex
        let keys = decodeBody[..<decodeEnd].split(separator: "\n").compactMap { line -> (String, String)? in
            let pattern = #/^        self\.(`?[A-Za-z_][A-Za-z0-9_]*`?) = try container\.\w+\(.*, named: (".*")\)$/#
            guard let match = try? pattern.wholeMatch(in: line) else { return nil }
            return (String(match.1), String(match.2))
        }
        #expect(keys.count == properties.count, "\(properties.count) properties → \(keys.count) decoded keys")
        #expect(Set(keys.map(\.0)) == Set(stored), "decoded keys and stored properties differ")
        #expect(Set(keys.map(\.1)) == Set(properties.map(SwiftEscapingProbe.literal)),
                "JSON names: \(Set(keys.map(\.1)).symmetricDifference(properties.map(SwiftEscapingProbe.literal)))")
    }

    // MARK: - Injection

    @Test func injectedTextStaysInCommentsAndLiterals() async throws {
        let result = try Self.generate("torture/injection.yaml", module: "Injection")
        #expect(result.succeeded, "\(result.diagnostics.map(\.description))")
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("http:") },
                "an http:// server gets a clear-text warning")
        for file in result.files where file.path.hasSuffix(".swift") {
            // A property sanitized to `pwned` is fine; a declared or called `pwned()` is an injection.
            let code = SwiftCodeScanner.code(file.contents)
            #expect(code.firstMatch(of: #/func\s+pwned|pwned\s*\(/#) == nil,
                    "\(file.path): `pwned` declared or called outside comments and string literals")
            #expect(!file.contents.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" },
                    "\(file.path): raw control character in the output")
            #expect(!file.contents.contains("\u{2028}") && !file.contents.contains("\u{2029}"),
                    "\(file.path): raw line separator in the output")
        }
        let check = try await Self.typecheck(result.files, module: "Injection")
        #expect(check.status == 0, "swiftc -typecheck failed:\n\(check.output.prefix(4000))")
    }

    @Test func scannerStripsCommentsAndLiteralsButKeepsInterpolations() {
        #expect(SwiftCodeScanner.code("a // pwned\nb").contains("pwned") == false)
        #expect(SwiftCodeScanner.code("a /* x /* pwned */ */ b").contains("pwned") == false)
        #expect(SwiftCodeScanner.code(#"let s = "pwned \" pwned""#).contains("pwned") == false)
        #expect(SwiftCodeScanner.code(##"let s = #"pwned " \(pwned)"#"##).contains("pwned") == false)
        #expect(SwiftCodeScanner.code("let s = \"\"\"\npwned \"\" \n\"\"\"").contains("pwned") == false)
        #expect(SwiftCodeScanner.code(#"let s = "x \(pwned()) y""#).contains("pwned"))
        #expect(SwiftCodeScanner.code("/* */ func pwned() {}").contains("pwned"))
    }

    // MARK: - Fuzz regressions

    /// Every input under Tests/Fixtures/negative/fuzz/ once crashed the generator; it must now end normally.
    @Test(arguments: fuzzRegressions()) func fuzzRegressionDoesNotCrash(_ name: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("negative/fuzz/\(name)"))
        let job = GenerationJob(spec: SpecInput(path: name, data: data), options: ModelOptions(moduleName: "Fuzz"))
        let result = Generator.generate(job, loader: InMemorySpecLoader())
        #expect(result.succeeded || !result.diagnostics.errors.isEmpty)
    }

    static func fuzzRegressions() -> [String] {
        let folder = fixtures.appendingPathComponent("negative/fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }
}

/// Mirrors the string-literal form the emitter uses for a JSON name, for searching generated code.
enum SwiftEscapingProbe {
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A small Swift lexer that blanks out comments (nested block comments too) and the contents of string literals
/// (plain, multi-line and raw), keeping interpolated expressions as code, so tests can search what would compile.
enum SwiftCodeScanner {
    static func code(_ source: String) -> String {
        let scalars = Array(source.unicodeScalars)
        var index = 0
        var out = String.UnicodeScalarView()
        scanCode(scalars, &index, &out, untilClosingParen: false)
        return String(out)
    }

    private static func scanCode(_ c: [Unicode.Scalar], _ i: inout Int, _ out: inout String.UnicodeScalarView,
                                 untilClosingParen: Bool) {
        var depth = 0
        while i < c.count {
            let ch = c[i]
            let next: Unicode.Scalar? = i + 1 < c.count ? c[i + 1] : nil
            if ch == "/", next == "/" {
                while i < c.count, c[i] != "\n" { i += 1 }
                continue
            }
            if ch == "/", next == "*" {
                var nesting = 0
                while i < c.count {
                    if c[i] == "/", i + 1 < c.count, c[i + 1] == "*" { nesting += 1; i += 2; continue }
                    if c[i] == "*", i + 1 < c.count, c[i + 1] == "/" {
                        nesting -= 1; i += 2
                        if nesting == 0 { break }
                        continue
                    }
                    i += 1
                }
                out.append(" ")
                continue
            }
            if ch == "#" || ch == "\"" {
                var j = i, hashes = 0
                while j < c.count, c[j] == "#" { hashes += 1; j += 1 }
                if j < c.count, c[j] == "\"" {
                    i = j
                    scanString(c, &i, &out, hashes: hashes)
                    continue
                }
            }
            if untilClosingParen {
                if ch == "(" { depth += 1 }
                if ch == ")" {
                    if depth == 0 { i += 1; out.append(" "); return }
                    depth -= 1
                }
            }
            out.append(ch)
            i += 1
        }
    }

    /// `i` is at the opening quote; leaves `i` after the closing delimiter.
    private static func scanString(_ c: [Unicode.Scalar], _ i: inout Int, _ out: inout String.UnicodeScalarView,
                                   hashes: Int) {
        let multiline = i + 2 < c.count && c[i + 1] == "\"" && c[i + 2] == "\""
        let quotes = multiline ? 3 : 1
        i += quotes
        out.append("\"")
        func hashesFollow(_ at: Int) -> Bool {
            at + hashes <= c.count && (0..<hashes).allSatisfy { c[at + $0] == "#" }
        }
        while i < c.count {
            if c[i] == "\\", hashesFollow(i + 1) {
                let k = i + 1 + hashes
                if k < c.count, c[k] == "(" {
                    i = k + 1
                    out.append(" ")
                    scanCode(c, &i, &out, untilClosingParen: true)
                } else {
                    i = k + 1
                }
                continue
            }
            if c[i] == "\"", i + quotes <= c.count, (0..<quotes).allSatisfy({ c[i + $0] == "\"" }),
               hashesFollow(i + quotes) {
                i += quotes + hashes
                out.append("\"")
                return
            }
            if !multiline, c[i] == "\n" { return }
            i += 1
        }
    }
}
