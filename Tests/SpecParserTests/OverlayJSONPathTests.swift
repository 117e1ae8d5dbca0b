import Foundation
@testable import SpecParser
import Testing

/// The JSONPath subset overlays use: parsing (normalised spelling), syntax errors (message and offset), evaluation.
struct OverlayJSONPathTests {
    // MARK: - Parsing

    static let spellings: [(String, String)] = [
        ("$", "$"),
        ("$.paths", "$['paths']"),
        ("$.paths['/pets'].get", "$['paths']['/pets']['get']"),
        ("$[\"paths\"][\"/pets\"]", "$['paths']['/pets']"),
        ("$['it\\'s']", "$['it\\'s']"),
        ("$[\"say \\\"hi\\\"\"]", "$['say \"hi\"']"),
        ("$['\\u00e9\\n']", "$['é\\n']"),
        ("$['\\ud83d\\ude00']", "$['😀']"),
        ("$.tags[0]", "$['tags'][0]"),
        ("$.tags[-1]", "$['tags'][-1]"),
        ("$.tags[1:3]", "$['tags'][1:3]"),
        ("$.tags[::-1]", "$['tags'][::-1]"),
        ("$.tags[*]", "$['tags'][*]"),
        ("$.paths.*", "$['paths'][*]"),
        ("$..description", "$..['description']"),
        ("$..*", "$..[*]"),
        ("$..['a','b']", "$..['a','b']"),
        ("$.paths.*.get.x-internal", "$['paths'][*]['get']['x-internal']"),
        ("$..$ref", "$..['$ref']"),
        ("$.responses.429", "$['responses']['429']"),
        ("$.a [0] .b", "$['a'][0]['b']"),
        ("$.params[?@.name == 'id']", "$['params'][?@['name'] == 'id']"),
        ("$.params[?(@.name == 'id')]", "$['params'][?@['name'] == 'id']"),
        ("$.params[?@.name=='filter' && @.in=='query']", "$['params'][?(@['name'] == 'filter' && @['in'] == 'query')]"),
        ("$.p[?@.a == 1 || @.b != 'x' && @.c]", "$['p'][?(@['a'] == 1 || (@['b'] != 'x' && @['c']))]"),
        ("$.p[?(@.a || @.b) && !@.c]", "$['p'][?((@['a'] || @['b']) && !@['c'])]"),
        ("$.p[?!(@.a == null)]", "$['p'][?!(@['a'] == null)]"),
        ("$.p[?@.required == true]", "$['p'][?@['required'] == true]"),
        ("$.p[?@.n >= -1.5e2]", "$['p'][?@['n'] >= -150]"),
        ("$.p[?@.n < 3]", "$['p'][?@['n'] < 3]"),
        ("$.p[?@[0] == $.x]", "$['p'][?@[0] == $['x']]"),
        ("$.p[?@..x]", "$['p'][?@..['x']]"),
        ("$.p[?@.x-oai-traits.paged]", "$['p'][?@['x-oai-traits']['paged']]"),
    ]

    @Test(arguments: spellings)
    func parses(query: String, normalised: String) throws {
        let parsed = try JSONPathParser.parse(query).get()
        #expect(parsed.description == normalised)
    }

    static let syntaxErrors: [(String, String, Int)] = [
        ("", "the query is empty; it starts with '$'", 0),
        ("paths.x", "a JSONPath query starts with '$' (the document root)", 0),
        ("$.", "expected a name or '*' after '.'", 2),
        ("$..", "expected a name, '*' or '[' after '..'", 3),
        ("$.paths[", "expected a selector: a name in quotes, an index, '*' or '?'", 8),
        ("$.paths['/x'", "'[' is never closed; expected ']'", 7),
        ("$.paths['/x]", "the string starting here is never closed", 8),
        ("$.paths[/x]", "unexpected '/' in brackets", 8),
        ("$.paths[x]", "a name in brackets must be quoted: ['name']", 8),
        ("$.a[]", "empty brackets; expected a name in quotes, an index, '*' or '?'", 4),
        ("$.a['x' 'y']", "expected ',' or ']', found '''", 8),
        ("$.a[01]", "an index is written without leading zeros or '-0'", 4),
        ("$.a[9007199254740992]", "the index 9007199254740992 is out of range", 4),
        ("$.a['\\q']", "unknown escape '\\q' in a string", 5),
        ("$.a['\\u12']", "'\\u' needs four hexadecimal digits", 5),
        ("$.a.'b'", "a quoted name goes in brackets: ['name']", 4),
        ("$.a b", "unexpected 'b'", 4),
        ("$.a = 1", "'=' is not an operator outside a filter; use [?@.key == 'value']", 4),
        ("$.a[?@.b = 'x']", "'=' is not a comparison; use '=='", 9),
        ("$.a[?@.b == ]", "expected a query (@ or $) or a literal, found ']'", 12),
        ("$.a[?'x']", "a literal alone is not a filter; compare it with a query (@.key == 'x')", 5),
        ("$.a[?@.b == x]", "'x' is not a literal; quote strings: 'x'", 12),
        ("$.a[?length(@.b) == 1]", "function extensions such as 'length()' are not supported", 5),
        ("$.a[?@.b[*] == 1]",
         "a comparison needs a singular query (names and indexes only, no '*', '..', slices or filters)", 5),
        ("$.a[?(@.b == 1]", "'(' is never closed; expected ')'", 5),
        ("$.a[?!@.b == 1]", "'!' applies to the query alone; write !(@['b'] … ) to negate a comparison", 9),
        ("$.a[?@.b == 01]", "'01' is not a number", 12),
    ]

    @Test(arguments: syntaxErrors)
    func rejects(query: String, message: String, offset: Int) {
        switch JSONPathParser.parse(query) {
        case .success(let path): Issue.record("parsed as \(path)")
        case .failure(let error):
            #expect(error.message == message)
            #expect(error.offset == offset, "\(error)")
        }
    }

    @Test func deepFiltersAreRefusedNotOverflowed() {
        let query = "$.a[?" + String(repeating: "(", count: 200) + "@.b" + String(repeating: ")", count: 200) + "]"
        guard case .failure(let error) = JSONPathParser.parse(query) else { Issue.record("parsed"); return }
        #expect(error.message == "the filter nests too deeply")
    }

    // MARK: - Evaluation

    static let document = """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        tags: [{name: a}, {name: b}, {name: c}]
        paths:
          /pets:
            get:
              x-internal: true
              parameters:
                - {name: limit, in: query, required: false, schema: {type: integer, maximum: 100}}
                - {name: filter, in: query}
                - {name: filter, in: header}
            post:
              description: Add a pet.
          /pets/{id}:
            get:
              description: One pet.
              parameters:
                - {name: id, in: path, required: true}
        components:
          schemas:
            Pet: {type: object, description: A pet., properties: {name: {type: string}}}
        """

    static let selections: [(String, [String])] = [
        ("$", ["#"]),
        ("$.info.title", ["#/info/title"]),
        ("$.paths['/pets'].get", ["#/paths/~1pets/get"]),
        ("$.paths.*.get", ["#/paths/~1pets/get", "#/paths/~1pets~1{id}/get"]),
        ("$.paths[*][*]", ["#/paths/~1pets/get", "#/paths/~1pets/post", "#/paths/~1pets~1{id}/get"]),
        ("$.tags[0]", ["#/tags/0"]),
        ("$.tags[-1]", ["#/tags/2"]),
        ("$.tags[5]", []),
        ("$.tags[0:2]", ["#/tags/0", "#/tags/1"]),
        ("$.tags[::-2]", ["#/tags/2", "#/tags/0"]),
        ("$.tags[0,0]", ["#/tags/0", "#/tags/0"]),
        ("$.tags.name", []),
        ("$.info[0]", []),
        ("$..description", ["#/paths/~1pets/post/description", "#/paths/~1pets~1{id}/get/description",
                            "#/components/schemas/Pet/description"]),
        ("$..parameters[?@.name == 'filter']", ["#/paths/~1pets/get/parameters/1", "#/paths/~1pets/get/parameters/2"]),
        ("$..parameters[?(@.name == 'filter' && @.in == 'query')]", ["#/paths/~1pets/get/parameters/1"]),
        ("$..parameters[?@.name == 'id' || @.in == 'header']",
         ["#/paths/~1pets/get/parameters/2", "#/paths/~1pets~1{id}/get/parameters/0"]),
        ("$..parameters[?@.required]", ["#/paths/~1pets/get/parameters/0", "#/paths/~1pets~1{id}/get/parameters/0"]),
        ("$..parameters[?@.required == true]", ["#/paths/~1pets~1{id}/get/parameters/0"]),
        ("$..parameters[?@.required != true]", ["#/paths/~1pets/get/parameters/0", "#/paths/~1pets/get/parameters/1",
                                                "#/paths/~1pets/get/parameters/2"]),
        ("$..parameters[?!@.required]", ["#/paths/~1pets/get/parameters/1", "#/paths/~1pets/get/parameters/2"]),
        ("$..parameters[?@.schema.maximum > 99.5]", ["#/paths/~1pets/get/parameters/0"]),
        ("$..parameters[?@.schema.maximum == 100.0]", ["#/paths/~1pets/get/parameters/0"]),
        ("$..parameters[?@.schema.maximum <= 10]", []),
        ("$..parameters[?@.schema == $.paths['/pets'].get.parameters[0].schema]", ["#/paths/~1pets/get/parameters/0"]),
        ("$..parameters[?@.name > 'g']", ["#/paths/~1pets/get/parameters/0", "#/paths/~1pets~1{id}/get/parameters/0"]),
        ("$.paths.*[?@.x-internal == true]", ["#/paths/~1pets/get"]),
        ("$.paths.*[?@['x-internal'] != true]", ["#/paths/~1pets/post", "#/paths/~1pets~1{id}/get"]),
        ("$.paths['/pets'][?@.x-internal == true]", ["#/paths/~1pets/get"]),
        ("$.paths[?@.get.x-internal]", ["#/paths/~1pets"]),
        ("$.tags[?@.name == 'b' || @.name == 'c'].name", ["#/tags/1/name", "#/tags/2/name"]),
        ("$.components.schemas[?@.type == 'object'].properties.name", ["#/components/schemas/Pet/properties/name"]),
        ("$..[?@.missing == null]", []),
        ("$.tags[?@.missing == @.alsoMissing]", ["#/tags/0", "#/tags/1", "#/tags/2"]),
    ]

    @Test(arguments: selections)
    func selects(query: String, pointers: [String]) throws {
        let root = try YAMLLoading.load(Data(Self.document.utf8), file: "spec.yaml", limits: .default).get().root
        let path = try JSONPathParser.parse(query).get()
        #expect(JSONPathEvaluator.select(path, in: root).map(\.pointer.description) == pointers)
    }

    @Test(arguments: [
        (5, nil, nil, 1, [0, 1, 2, 3, 4]),
        (5, 1, 3, 1, [1, 2]),
        (5, -2, nil, 1, [3, 4]),
        (5, nil, nil, 2, [0, 2, 4]),
        (5, nil, nil, -1, [4, 3, 2, 1, 0]),
        (5, 3, 0, -1, [3, 2, 1]),
        (5, nil, nil, 0, []),
        (0, nil, nil, 1, []),
        (5, 10, 20, 1, []),
    ] as [(Int, Int?, Int?, Int, [Int])])
    func slices(count: Int, start: Int?, end: Int?, step: Int, expected: [Int]) {
        #expect(JSONPathEvaluator.sliceIndices(count: count, start: start, end: end, step: step) == expected)
    }
}
