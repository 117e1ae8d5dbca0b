import SpecParser
import Testing
@testable import ClientModel

/// A small deterministic generator of hostile documents: random schema trees with dangling and cyclic `$ref`s,
/// keyword and non-ASCII names, odd paths, statuses and media types. The builder must not trap and must be
/// deterministic on every one.
private struct Generator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return bound <= 0 ? 0 : Int((state >> 33) % UInt64(bound))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    static let names = ["", "id", "ID", "class", "self", "Self", "Type", "init", "description", "Error", "String",
                        "JSONValue", "Petstore", "PetstoreClient", "a-b", "a_b", "A B", "2fa", "名前", "🙂", "x.y",
                        "unknown", "rawValue", "body", "options", "additionalProperties", "Result", "CodingKeys"]
    static let media = ["application/json", "application/xml", "*/*", "text/plain", "multipart/mixed",
                        "application/x-www-form-urlencoded", "multipart/form-data", "image/png", "",
                        "APPLICATION/JSON; x"]

    mutating func schema(_ depth: Int, names: [String]) -> Schema {
        let origin = testOrigin("#/s/\(next(1000))")
        if depth > 3 || next(5) == 0 {
            let ref = pick(names + ["Missing"])
            return Schema(origin: origin, ref: SchemaReference(raw: ref, key: "spec.yaml#/components/schemas/\(ref)"),
                          types: next(3) == 0 ? [.null] : nil)
        }
        let allTypes: [JSONType] = [.string, .integer, .number, .boolean, .object, .array, .null]
        let types: [JSONType]? = next(4) == 0 ? nil : (0..<next(3) + 1).map { _ in pick(allTypes) }
        let children = { (g: inout Generator) in (0..<g.next(4)).map { _ in g.schema(depth + 1, names: names) } }
        return Schema(
            origin: origin, booleanSchema: next(20) == 0 ? (next(2) == 0) : nil, types: types,
            format: pick([nil, "date-time", "date", "uuid", "byte", "binary", "int32", "int64", "float", "password"]),
            properties: (0..<next(4)).map { _ in
                SchemaProperty(name: pick(Self.names), schema: schema(depth + 1, names: names))
            },
            required: (0..<next(3)).map { _ in pick(Self.names) },
            additionalProperties: pick([nil, .bool(true), .bool(false), .schema(schema(depth + 1, names: names))]),
            items: next(2) == 0 ? schema(depth + 1, names: names) : nil,
            allOf: next(5) == 0 ? children(&self) : nil, oneOf: next(5) == 0 ? children(&self) : nil,
            anyOf: next(8) == 0 ? children(&self) : nil,
            enumValues: next(5) == 0 ? (0..<next(5)).map { _ in
                pick([.null, .string(pick(Self.names)), .integer(pick([Int.min, -1, 0, Int.max])), .bool(true),
                      .number(1.5, text: "1.5")])
            } : nil,
            minLength: next(5) == 0 ? pick([-1, 0, Int.max]) : nil, minimum: next(5) == 0 ? -Double.infinity : nil)
    }

    mutating func document() -> Document {
        let names = (0..<next(6)).map { _ in pick(Self.names) }
        let schemas = names.map { ($0, schema(0, names: names)) }
        var operations: [Operation] = []
        for _ in 0..<next(5) {
            let path = pick(["/", "", "/{id}", "/{", "/a/{b}/{b}", "/{}", "/x/{名前}"])
            let parameters = (0..<next(4)).map { _ in
                Parameter(name: pick(Self.names), location: pick([.path, .query, .header, .cookie, .querystring]),
                          description: nil, required: next(2) == 0, deprecated: false,
                          schema: next(4) == 0 ? nil : schema(2, names: names),
                          contentType: next(6) == 0 ? "application/json" : nil, style: nil, explode: nil,
                          allowReserved: false, example: nil, extensions: [], origin: testOrigin())
            }
            let responses = (0..<next(4)).map { _ in
                Response(status: pick([.code(200), .code(201), .code(-3), .code(Int.max), .range(2), .range(4),
                                       .default]),
                         description: nil, headers: [],
                         content: (0..<next(3)).map { _ in
                             MediaType(mediaType: pick(Self.media),
                                       schema: next(3) == 0 ? nil : schema(1, names: names), itemSchema: nil,
                                       encoding: [], example: nil, extensions: [],
                                       origin: testOrigin())
                         },
                         extensions: next(3) == 0
                             ? [JSONMember(key: "x-openapi-swift-retryable", value: .bool(true))] : [],
                         origin: testOrigin())
            }
            var operation = testOperation(pick(["get", "post", "", "WEIRD"]), path, id: pick([nil] + Self.names),
                                          parameters: parameters, responses: responses)
            if next(3) == 0 {
                operation.requestBody = RequestBody(
                    description: nil, required: true,
                    content: (0..<next(3)).map { _ in
                        MediaType(mediaType: pick(Self.media), schema: schema(1, names: names), itemSchema: nil,
                                  encoding: [], example: nil, extensions: [], origin: testOrigin())
                    }, extensions: [], origin: testOrigin())
            }
            operations.append(operation)
        }
        return testDocument(schemas: schemas, paths: [testPath("/", operations)])
    }
}

@Suite struct FuzzTests {
    @Test func hostileDocumentsNeverTrapAndAreDeterministic() {
        var generator = Generator(state: 0x5EED)
        for _ in 0..<200 {
            let document = generator.document()
            let options = ModelOptions(moduleName: "Petstore")
            let first = ModelBuilder.build(document, options: options, specPath: "spec.yaml")
            let second = ModelBuilder.build(document, options: options, specPath: "spec.yaml")
            #expect(first.dump == second.dump)
            var names = Set<String>()
            for type in first.types { #expect(names.insert(type.name.swift).inserted, "duplicate \(type.name.swift)") }
            #expect(!names.contains("Petstore") && !names.contains("PetstoreClient"))
        }
    }
}
