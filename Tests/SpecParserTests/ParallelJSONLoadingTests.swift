import Foundation
@testable import SpecParser
import Testing
import Yams

/// A large JSON document composed in two halves gives exactly the tree (values, lines, columns) of composing it
/// whole; anything unusual falls back to composing it whole.
struct ParallelJSONLoadingTests {
    /// The tree composed whole, as `YAMLLoading.load` does without the parallel path.
    func sequential(_ text: String) throws -> RawNode {
        let root = try #require(try Yams.compose(yaml: text, Resolver.basic))
        var builder = RawTreeBuilder(file: "spec.json", limits: .default)
        let tree = builder.build(root)
        return try #require(tree)
    }

    func parallel(_ text: String) -> RawNode? {
        ParallelJSONLoading.load(text, file: "spec.json", limits: .default, minimumBytes: 0)
    }

    /// Same content, positions and key positions, node by node.
    func same(_ a: RawNode, _ b: RawNode, at path: String = "$") -> Bool {
        guard a.line == b.line, a.column == b.column else {
            Issue.record("\(path): \(a.line):\(a.column) vs \(b.line):\(b.column)")
            return false
        }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            guard x.text == y.text, x.kind == y.kind else {
                Issue.record("\(path): \(x.text) vs \(y.text)")
                return false
            }
            return true
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return false }
            return zip(x, y).enumerated().allSatisfy { same($1.0, $1.1, at: "\(path)[\($0)]") }
        case (.mapping(let x), .mapping(let y)):
            guard x.map(\.key) == y.map(\.key) else {
                Issue.record("\(path): keys \(x.map(\.key)) vs \(y.map(\.key))")
                return false
            }
            return zip(x, y).allSatisfy {
                $0.keyLine == $1.keyLine && $0.keyColumn == $1.keyColumn && same($0.value, $1.value, at: "\(path).\($0.key)")
            }
        default:
            Issue.record("\(path): different kinds")
            return false
        }
    }

    /// A spec-shaped document: many paths with nested objects, arrays, escapes and non-ASCII text.
    static func document(paths: Int, pretty: Bool) -> String {
        var members: [String] = []
        for i in 0..<paths {
            members.append(#""/items/\#(i)": {"get": {"operationId": "get\#(i)", "summary": "Ünïcödé → \#(i) \"q\" \\ 😀", "tags": ["a", "b"], "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "integer", "minimum": -1.5e3, "nullable": true, "x-n": null, "x-f": false}}}}}}}"#)
        }
        let separator = pretty ? ",\n    " : ","
        let paths = "{" + (pretty ? "\n    " : "") + members.joined(separator: separator) + (pretty ? "\n  " : "") + "}"
        let open = pretty ? "{\n  " : "{"
        let between = pretty ? ",\n  " : ","
        return open + #""openapi": "3.0.3""# + between + #""info": {"title": "T", "version": "1"}"# + between
            + #""paths": "# + paths + between + #""components": {"schemas": {"A": {"type": "string"}}}"#
            + (pretty ? "\n}\n" : "}")
    }

    @Test(arguments: [true, false])
    func halvesGiveTheWholeTree(pretty: Bool) throws {
        let text = Self.document(paths: 300, pretty: pretty)
        var copy = text
        let cut = copy.withUTF8 { ParallelJSONLoading.Cut.find(in: $0) }
        #expect(cut?.path == ["paths"], "the cut divides the paths")
        let tree = try #require(parallel(text))
        #expect(same(tree, try sequential(text)))
    }

    @Test func aCutAtTheRootAndDeeperOnesWork() throws {
        // Two big top-level members: the root is cut.
        let big = (0..<200).map { #""k\#($0)": [1, 2, {"x": "y"}]"# }.joined(separator: ", ")
        let rootCut = "{\"a\": {\(big)},\n \"b\": {\(big)}}"
        #expect(same(try #require(parallel(rootCut)), try sequential(rootCut)))
        // components.schemas holds everything: a cut two levels down.
        let schemas = (0..<300).map { "\"S\($0)\": {\"type\": \"object\"}" }.joined(separator: ",\n")
        let deep = "{\"openapi\": \"3.1.0\", \"components\": {\"schemas\": {\n\(schemas)\n}}}"
        let tree = try #require(parallel(deep))
        #expect(same(tree, try sequential(deep)))
    }

    @Test func whatIsNotPlainJSONIsComposedWhole() {
        let members = (0..<300).map { "\"p\($0)\": {\"a\": 1}" }.joined(separator: ", ")
        #expect(parallel("{\(members)}") != nil)
        for text in [
            "{\(members), 'single': 1}",                     // YAML single quotes
            "{\(members)} # a comment",
            "{\(members), \"a\": &anchor 1}",
            "{\(members), \"a\": !!str 1}",
            "[{\(members)}]",                                // the root is not an object
            "{\(members)}{}",                                // two roots
            "{\(members), \"open\": \"never closed}",
            "{\(members), \"p1\": 2}",                       // a key repeated across the halves
            "x: {\(members)}",                               // YAML block mapping
            "{\(members),\r\n\"a\": 1}",                      // CR: libyaml counts it as a line break
            "{\(members), \"a\": \"x\u{2028}y\"}",              // so is LINE SEPARATOR
        ] {
            #expect(parallel(text) == nil, "\(text.suffix(40))")
        }
    }

    @Test func aDocumentWithAnErrorIsReportedAsBefore() {
        let members = (0..<20000).map { "\"p\($0)\": {\"a\": [1, 2]}" }.joined(separator: ",\n")
        // A duplicate key far apart, and an unclosed bracket: the whole-document path reports them.
        let duplicate = parseJSON("{\"openapi\": \"3.0.0\", \"paths\": {\(members),\n\"p3\": {}}}")
        #expect(errorText(duplicate).contains("duplicate mapping key 'p3'"))
        let broken = parseJSON("{\"openapi\": \"3.0.0\", \"paths\": {\(members),\n\"x\": [1, 2}}")
        #expect(errorText(broken).hasPrefix("spec.json:20001:"))
    }

    func parseJSON(_ text: String) -> ParseResult {
        SpecParser.parse(SpecInput(path: "spec.json", data: Data(text.utf8)), loader: InMemorySpecLoader())
    }

    /// The corpus's large JSON documents are cut, and give the whole tree. Skipped without the corpus.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: CorpusTests.corpus.path)),
          arguments: ["discourse.json", "jira-platform.json", "adyen-management-v3.json", "slack-web.json"])
    func corpusDocumentsGiveTheWholeTree(name: String) throws {
        let url = CorpusTests.corpus.appendingPathComponent("public/" + name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        let tree = try #require(parallel(text), "\(name) is cut")
        #expect(same(tree, try sequential(text)))
    }
}
