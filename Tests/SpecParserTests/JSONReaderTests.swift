import Foundation
@testable import SpecParser
import Testing
import Yams

/// The context of an error inside the root object of a one-line text.
private let inRoot = " (the object started at line 1, column 1)"

/// `JSONReader` gives the tree Yams gives for the same JSON (values, kinds, lines and columns of every node and key),
/// and reads what Yams cannot (surrogate pairs) and refuses what RFC 8259 does not allow.
struct JSONReaderTests {
    /// The tree Yams composes, converted as the YAML path converts it.
    static func composed(_ text: String) throws -> RawNode {
        let composed = try Yams.compose(yaml: text, Resolver.basic)
        let root = try #require(composed)
        var builder = RawTreeBuilder(file: "spec.json", limits: .default)
        let tree = builder.build(root)
        return try #require(tree)
    }

    static func read(_ text: String, limits: ParserLimits = .default) -> Result<(root: RawNode,
                                                                                  warnings: [Diagnostic]), Diagnostic> {
        JSONReader.read(text, file: "spec.json", limits: limits)
    }

    /// The first difference between two trees (content, kind, position or key position), or nil.
    static func difference(_ a: RawNode, _ b: RawNode, at path: String = "$") -> String? {
        guard a.line == b.line, a.column == b.column else {
            return "\(path): \(a.line):\(a.column) vs \(b.line):\(b.column)"
        }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            guard x.text != y.text || x.kind != y.kind else { return nil }
            return "\(path): \(x.text) (\(x.kind)) vs \(y.text) (\(y.kind))"
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) items" }
            for (offset, (left, right)) in zip(x, y).enumerated() {
                if let found = difference(left, right, at: "\(path)[\(offset)]") { return found }
            }
            return nil
        case (.mapping(let x), .mapping(let y)):
            guard x.map(\.key) == y.map(\.key) else { return "\(path): keys \(x.map(\.key)) vs \(y.map(\.key))" }
            for (left, right) in zip(x, y) {
                guard left.keyLine == right.keyLine, left.keyColumn == right.keyColumn else {
                    return "\(path).\(left.key): key at \(left.keyLine):\(left.keyColumn) vs "
                        + "\(right.keyLine):\(right.keyColumn)"
                }
                if let found = difference(left.value, right.value, at: "\(path).\(left.key)") { return found }
            }
            return nil
        default:
            return "\(path): different kinds"
        }
    }

    static func expectSameTree(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let read = try Self.read(text).get()
        #expect(read.warnings.isEmpty, sourceLocation: sourceLocation)
        let found = difference(read.root, try composed(text))
        #expect(found == nil, "\(found ?? "")", sourceLocation: sourceLocation)
    }

    // MARK: - The same tree as Yams

    @Test(arguments: [
        #"{"a": 1, "b": [true, false, null, -0, 12, -3.5e+2, 1E400, 0.1], "c": {}, "d": []}"#,
        "{\n  \"paths\": {\n    \"/a\": {\"get\": {\"summary\": "
            + "\"Ünïcödé → 😀 \\\"q\\\" \\\\ \\/ \\u00e9\\t\"}},\n"
            + "    \"/b\"  :  [ 1 ,2,\n\t3 ] }\r\n,\"x\": \"é\", \"y\":\r\"z\"\r\n}\n",
        "[\"€€€\", {\"k€\": [\"😀😀\", {\"n\": 123456789012345678901234567890}]}, \"tail\"]",
        "  \n\n  {\"after\": \"blank lines\", \"deep\": [[[[{\"x\": [[[]]]}]]]]}  \n",
        #"{"escapes": "\b\f\n\r\t\u0000\u001f\u007f\u0080\uFFFF", "key\u0041": "v"}"#,
    ])
    func sameTreeAsYams(_ text: String) throws {
        try Self.expectSameTree(text)
    }

    /// Every JSON document of the shared corpus reads to Yams' tree, node for node and position for position.
    /// Skipped without the corpus.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: CorpusTests.corpus.path)),
          arguments: CorpusTests.entries.filter { $0.hasSuffix(".json") })
    func corpusDocumentsGiveYamsTree(_ entry: String) throws {
        let url = CorpusTests.corpus.appendingPathComponent(entry)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Self.expectSameTree(text)
    }

    // MARK: - What Yams does not read

    @Test func surrogatePairsAreOneCharacter() throws {
        let read = try Self.read(#"{"s": "a\ud83d\ude00b\uD83D\uDE00", "t": "\u00e9\/"}"#).get()
        #expect(read.warnings.isEmpty)
        #expect(read.root.value(forKey: "s")?.text == "a😀b😀")
        #expect(read.root.value(forKey: "t")?.text == "é/")
        // Yams (libyaml) refuses the same text.
        #expect(throws: (any Error).self) { try Yams.compose(yaml: #"{"s": "\ud83d\ude00"}"#) }
    }

    @Test func aLoneSurrogateIsReplacedWithAWarning() throws {
        let read = try Self.read("{\n  \"s\": \"x\\ud83dy\", \"t\": \"\\ude00\", \"u\": \"\\ud83d\\u0041\"}").get()
        #expect(read.root.value(forKey: "s")?.text == "x\u{FFFD}y")
        #expect(read.root.value(forKey: "t")?.text == "\u{FFFD}")
        #expect(read.root.value(forKey: "u")?.text == "\u{FFFD}A")
        #expect(read.warnings.map { "\($0.location?.description ?? ""): \($0.message)" } == [
            "spec.json:2:10: the string escape '\\ud83d' is a lone UTF-16 surrogate; it is read as U+FFFD (\u{FFFD})",
            "spec.json:2:26: the string escape '\\ude00' is a lone UTF-16 surrogate; it is read as U+FFFD (\u{FFFD})",
            "spec.json:2:41: the string escape '\\ud83d' is a lone UTF-16 surrogate; it is read as U+FFFD (\u{FFFD})",
        ])
    }

    @Test func numbersKeepTheirText() throws {
        let read = try Self.read(#"[123456789012345678901234567890, 0.1000000000000000055511151231257827, -0, 1e-7]"#)
            .get()
        let scalars = read.root.items?.compactMap(\.scalar)
        #expect(scalars?.map(\.text) == ["123456789012345678901234567890", "0.1000000000000000055511151231257827",
                                         "-0", "1e-7"])
        #expect(scalars?.map(\.kind) == [.integer, .float, .integer, .float])
        #expect(ScalarResolution.jsonValue(try #require(scalars?.first))
                    == .number(1.2345678901234568e29, text: "123456789012345678901234567890"))
    }

    // MARK: - What RFC 8259 does not allow

    @Test(arguments: [
        ("{\"a\": 1,}", "1:8: malformed JSON: a trailing comma is not allowed"),
        ("[1, 2,\n]", "1:6: malformed JSON: a trailing comma is not allowed"),
        ("{\"a\": 1 // note\n}", "1:9: malformed JSON: comments are not allowed" + inRoot),
        ("{# note\n\"a\": 1}", "1:2: malformed JSON: comments are not allowed" + inRoot),
        ("{\"a\": 012}", "1:7: malformed JSON: a number cannot start with a leading zero"),
        ("{\"a\": -}", "1:8: malformed JSON: expected a digit after '-', found '}'"),
        ("{\"a\": 1.}", "1:9: malformed JSON: expected a digit after the decimal point, found '}'"),
        ("{\"a\": 1e}", "1:9: malformed JSON: expected a digit after the exponent, found '}'"),
        ("{\"a\": .5}", "1:7: malformed JSON: expected a value, found '.5'" + inRoot),
        ("{\"a\": NaN}", "1:7: malformed JSON: expected a value, found 'NaN'" + inRoot),
        ("{\"é\": \"a\tb\"}", "1:9: malformed JSON: a string cannot contain a tab (write \\t)"),
        ("{\"a\": \"line\nbreak\"}", "1:12: malformed JSON: a string cannot contain a line break (write \\n)"),
        ("{\"a\": \"\u{1}\"}",
         "1:8: malformed JSON: a string cannot contain the control character U+0001 (write \\u0001)"),
        ("{\"a\": \"\\x41\"}", "1:8: malformed JSON: invalid escape in a string: '\\' followed by 'x'"),
        ("{\"a\": \"\\u12G4\"}", "1:8: malformed JSON: '\\u' must be followed by four hexadecimal digits"),
        ("{\"a\": 'b'}", "1:7: malformed JSON: strings must be in double quotes, found '\\''" + inRoot),
        ("{a: 1}", "1:2: malformed JSON: expected a key in double quotes, found 'a'" + inRoot),
        ("{\"a\" 1}", "1:6: malformed JSON: expected ':' after the key 'a', found '1'" + inRoot),
        ("{\"a\": 1 \"b\": 2}", "1:9: malformed JSON: expected ',' or '}', found '\"'" + inRoot),
        ("[1, 2",
         "1:6: malformed JSON: expected ',' or ']', found the end of the file (the array started at line 1, column 1)"),
        ("{\"a\": \"open", "1:7: malformed JSON: the string is not closed"),
        ("{\"a\": 1}\n{}", "2:1: malformed JSON: '{' after the end of the document"),
        ("{\"a\": true1}", "1:7: malformed JSON: expected a value, found 'true1'" + inRoot),
        ("{\"a\": [1, \u{00A0}2]}",
         "1:11: malformed JSON: expected a value, found U+00A0 (the array started at line 1, column 7)"),
        ("{\"a\": 1,\n  \"b\": 2, \"a\": 3}", "2:11: duplicate mapping key 'a' (first at line 1, column 2)"),
    ])
    func refusesWhatRFC8259DoesNotAllow(_ text: String, _ expected: String) {
        guard case .failure(let diagnostic) = Self.read(text) else {
            Issue.record("\(text) was read")
            return
        }
        let location = diagnostic.location.map { "\($0.line):\($0.column)" } ?? "-"
        #expect("\(location): \(diagnostic.message)" == expected)
    }

    @Test func aDuplicateKeyInALargeObjectIsFound() {
        let members = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n")
        guard case .failure(let diagnostic) = Self.read("{\(members),\n\"k42\": 0}") else {
            Issue.record("read")
            return
        }
        #expect(diagnostic.description
                    .hasPrefix("spec.json:101:1: error: duplicate mapping key 'k42' (first at line 43"))
    }

    // MARK: - Which documents are read as JSON

    @Test func theFirstCharacterAndTheNameDecide() throws {
        let json = #"{"openapi": "3.1.0", "info": {"title": "T \ud83d\ude00", "version": "1"}, "paths": {}}"#
        // JSON in a .yaml file, with a UTF-8 byte order mark, or in UTF-16: read by the JSON reader.
        for (path, data) in [("spec.yaml", Data(json.utf8)), ("spec.json", Data([0xEF, 0xBB, 0xBF]) + Data(json.utf8)),
                             ("spec.json", try #require(json.data(using: .utf16)))] {
            let result = DocumentParser.parse(SpecInput(path: path, data: data), loader: InMemorySpecLoader())
            #expect(errorText(result) == "")
            #expect(result.document?.info.title == "T 😀", "\(path)")
        }
        // A YAML flow mapping that is not JSON, in a .yaml file: composed by Yams.
        let flow = "{openapi: 3.1.0, info: {title: T, version: '1'}, paths: {}}"
        #expect(parse(flow, path: "spec.yaml").document?.info.title == "T")
        // In a .json file it is an error: the name says JSON.
        #expect(errorText(parse(flow, path: "spec.json")) == "spec.json:1:2: error: malformed JSON: expected a key in "
                    + "double quotes, found 'o' (the object started at line 1, column 1)")
        // A .json file that does not start with '{' or '[' is YAML, and its errors say so.
        #expect(parse("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n", path: "spec.json").document != nil)
        #expect(errorText(parse("openapi: 3.1.0\ninfo:\n  title: x\n   version: 1\n", path: "spec.json"))
                    == "spec.json:4:11: error: malformed YAML: mapping values are not allowed in this context; a .json "
                    + "file is read as JSON when it starts with '{' or '['; this one is read as YAML")
    }

    @Test func aLoneSurrogateWarnsThroughTheParser() throws {
        let json = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"T\\udc00\", \"version\": \"1\"}, \"paths\": {}}"
        let result = parse(json, path: "spec.json")
        #expect(result.document?.info.title == "T\u{FFFD}")
        #expect(result.diagnostics.map(\.description) == [
            "spec.json:1:42: warning: the string escape '\\udc00' is a lone UTF-16 surrogate; it is read as U+FFFD "
                + "(\u{FFFD}); a character outside the Basic Multilingual Plane is escaped as a pair, e.g. "
                + "\\ud83d\\ude00",
        ])
    }

    // MARK: - Limits

    @Test func nestingAndNodeLimitsApply() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        guard case .failure(let depth) = Self.read(deep) else { Issue.record("read"); return }
        #expect(depth.description == "spec.json:1:513: error: the document nests more than 512 levels deep")
        var limits = ParserLimits.default
        limits.maxDepth = 5000
        let deeper = String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100)
        guard case .failure(let hard) = Self.read(deeper, limits: limits) else { Issue.record("read"); return }
        #expect(hard.description == "spec.json:1:1001: error: the document nests more than 1000 levels deep")
        limits.maxNodeVisits = 10
        guard case .failure(let nodes) = Self.read("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]", limits: limits) else {
            Issue.record("read")
            return
        }
        #expect(nodes.description == "spec.json:1:29: error: the document has more than 10 nodes; "
                    + "a document too large to generate from")
    }
}
