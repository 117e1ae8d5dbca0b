import Foundation
@testable import SpecParser
import Testing

/// Hostile input: every case must end in diagnostics, never a trap, a hang or a memory blow-up.
struct RobustnessTests {
    func parseBytes(_ bytes: [UInt8], limits: ParserLimits = .default) -> ParseResult {
        DocumentParser.parse(SpecInput(path: "spec.yaml", data: Data(bytes)), loader: InMemorySpecLoader(),
                         limits: limits)
    }

    @Test func emptyAndBlankFiles() {
        #expect(errorText(parseBytes([])) == "spec.yaml:1:1: error: the file is empty")
        #expect(errorText(parse("  \n\n")) == "spec.yaml:1:1: error: the file is empty")
        #expect(errorText(parse("# only a comment\n")) == "spec.yaml:1:1: error: the file is empty")
    }

    @Test func invalidUTF8() {
        let result = parseBytes(Array("openapi: 3.0.0\ninfo: \"".utf8) + [0xC3, 0x28])
        #expect(errorText(result) == "spec.yaml:2:8: error: the file is not valid UTF-8 (byte 0xC3 at offset 22); "
            + "specs must be UTF-8 text")
    }

    @Test func binaryGarbageAndNonMappings() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<50 {
            let bytes = (0..<200).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let result = parseBytes(bytes)
            #expect(result.document == nil && result.diagnostics.hasErrors)
        }
        #expect(errorText(parseBytes([0, 1, 2, 3])).hasPrefix("spec.yaml:1:1: error: malformed YAML"))
        #expect(errorText(parse("42\n")).contains("expected the document to be a mapping (an OpenAPI object), found a number"))
    }

    @Test func malformedYAMLAndJSONPositions() {
        #expect(errorText(parse("openapi: 3.0.0\ninfo:\n  title: x\n   version: 1\n"))
            == "spec.yaml:4:11: error: malformed YAML: mapping values are not allowed in this context")
        #expect(errorText(parse("{\"openapi\": \"3.0.0\",\n \"info\": {\"title\": \"x\",, }}", path: "a.json"))
            == "a.json:2:24: error: malformed JSON: expected a key in double quotes, found ',' "
            + "(the object started at line 2, column 10)")
    }

    @Test func deepNestingIsRefused() {
        let flow = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(errorText(parse("openapi: 3.0.0\nx: " + flow + "\n")).contains("nests more than 1000 levels deep"))
        let nested = String(repeating: "{a: ", count: 600) + "1" + String(repeating: "}", count: 600)
        #expect(errorText(parse("openapi: 3.0.0\nx: " + nested + "\n")).contains("nests more than 512 levels deep"))
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var text = "openapi: 3.0.0\nx-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "x-\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let start = Date()
        let result = parse(text)
        #expect(errorText(result).contains("expands to more than 5000000 nodes"))
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func aliasKeysAreRefusedBeforeYams() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        text += "? *i\n: 1\n"
        #expect(errorText(parse(text)) == "spec.yaml:10:1: error: a collection or alias used as a mapping key is "
            + "not supported; OpenAPI mapping keys are strings")
        #expect(errorText(parse("a: &a [1]\n*a : 2\n")).contains("spec.yaml:2:1: error: a collection or alias"))
        // Anchors after a flow indicator or at a line start are found too; prose around them does not hide them.
        #expect(errorText(parse("x: R&D * 2\nb: [&a [1]]\n*a : 2\n")).contains("spec.yaml:3:1: error: a collection"))
    }

    /// The pre-scan is skipped where no `&` can start an anchor (no alias can then expand), as in prose.
    @Test func proseAmpersandsDefineNoAnchor() {
        func mayDefine(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { ComplexKeyScanner.mayDefineAnchor($0) }
        }
        #expect(!mayDefine("description: A & B, R&D, x&y, &&, & *\n"))
        #expect(mayDefine("a: &anchor 1\n"))
        #expect(mayDefine("&a 1"))
        #expect(mayDefine("a: [&x 1]\n"))
        #expect(mayDefine("a: {b: 1,&x c: 2}\n"))
        #expect(mayDefine("a:\n  - &a_1 x\n"))
        #expect(mayDefine("é&x"), "a non-ASCII character before it is treated as a token boundary")
    }

    @Test func mergeKeysAndAnchorsStillWork() throws {
        let result = parse("""
            openapi: 3.0.0
            info: {title: T, version: '1'}
            paths: {}
            x-base: &base {type: string, description: "uses * and & [x]: y"}
            components:
              schemas:
                A:
                  <<: *base
                  description: own
            """)
        let schema = try #require(result.componentSchema("A"), "\(result.diagnostics)")
        #expect(schema.types == [.string], "\(result.diagnostics)")
        #expect(schema.description == "own")
    }

    @Test func sizeLimit() {
        let limits = ParserLimits(maxFileBytes: 10)
        #expect(errorText(parseBytes(Array("openapi: 3.0.0\n".utf8), limits: limits))
            == "spec.yaml:1:1: error: the file is 15 bytes; files over 10 bytes are refused")
    }

    @Test func fileSystemLoaderStaysInsideItsRoot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specparser-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("specs"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("A: {type: string}\n".utf8).write(to: folder.appendingPathComponent("specs/a.yaml"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent("outside.yaml"))
        let loader = FileSystemSpecLoader(root: folder.appendingPathComponent("specs").path)
        #expect(try loader.load(folder.appendingPathComponent("specs/a.yaml").path).count == 18)
        #expect(throws: SpecLoaderError.self) { try loader.load(folder.path + "/specs/../outside.yaml") }
        let text = openAPI30(schemas: "    A: {$ref: '../outside.yaml#/A'}\n")
        let result = DocumentParser.parse(SpecInput(path: folder.path + "/specs/openapi.yaml", data: Data(text.utf8)),
                                      loader: loader)
        #expect(errorText(result).contains("is outside the allowed folder '\(folder.path)/specs'"))
    }

    /// Random byte edits of a valid spec: the parser must never trap, and `document` is nil iff there is an error.
    @Test func mutationFuzz() {
        let base = Array(openAPI30(schemas: """
                Pet:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, nullable: true}
                    next: {$ref: '#/components/schemas/Pet'}
                  discriminator: {propertyName: name, mapping: {a: Pet}}
            """).utf8)
        let alphabet = Array("{}[]:,-&*!|>'\"#\n $ref0123456789.~/%\t".utf8)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let position = Int(generator.next() % UInt64(bytes.count))
                let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                switch generator.next() % 3 {
                case 0: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: bytes.remove(at: position)
                }
            }
            let result = parseBytes(bytes)
            #expect((result.document == nil) == result.diagnostics.hasErrors)
        }
    }
}

/// A small deterministic random number generator for fuzz tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
