import Testing
@testable import ClientModel
@testable import TemplateEmitter

/// Tuples, read-only/write-only properties and object-level rules, rendered with the template key check on.
struct SchemaShapeRenderingTests {
    static let pair = TypeName("Pair")
    static let account = TypeName("Account")

    static var api: APIDecl {
        var first = IR.prop("_0", json: "[0]", .builtin(.double), rules: [.multipleOf(0.5)], unlabeled: true)
        first.doc = ["Element 0 of the array."]
        let second = IR.prop("label", json: "[1]", .builtin(.string), required: false)
        let rest = IR.prop("rest", json: "[2...]", .array(.builtin(.int)))
        let tuple = TypeDecl(
            name: pair, doc: [], pointer: "#/components/schemas/Pair", deprecated: false,
            kind: .struct(StructDecl(properties: [first, second, rest], additionalProperties: nil,
                                     validation: [.maxItems(4)],
                                     tuple: TupleDecl(elementCount: 2, rest: .builtin(.int)))),
            nested: [])
        var id = IR.prop("id", .builtin(.string), required: false)
        id.readOnly = true
        id.omittedFromRequests = true
        var secret = IR.prop("secret", .builtin(.string), required: false, sensitive: true)
        secret.writeOnly = true
        secret.requiredInInit = true
        // An integer above 0.5 (exclusive) is at least 1 (inclusive); below 9.5 at most 9.
        let count = IR.prop("count", .builtin(.int), rules: [
            .multipleOf(3), .minimum(0.5, exclusive: true), .maximum(9.5, exclusive: true), .maximum(10, exclusive: true),
        ])
        let object = TypeDecl(
            name: account, doc: [], pointer: "#/components/schemas/Account", deprecated: false,
            kind: .struct(StructDecl(properties: [id, secret, count], additionalProperties: nil,
                                     validation: [.minProperties(2)])),
            nested: [])
        return IR.api(types: [tuple, object])
    }

    @Test func tupleAndRolesRender() throws {
        let files = try Support.emit(Self.api)
        let lines = Set(Support.file(files, "Models.swift").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) })
        for line in [
            "public struct Pair: Swift.Codable, Swift.Hashable, Swift.Sendable, Validatable {",
            "public init(_ _0: Double, label: String? = nil, rest: [Int] = []) {",
            "var container = try decoder.unkeyedContainer()",
            "self._0 = try container.decodeElement(Double.self)",
            "self.label = try container.decodeElementIfPresent(String.self)",
            "while !container.isAtEnd { rest.append(try container.decodeElement(Int.self)) }",
            "if count > 1 { try container.encodeElement(self.label) }",
            "if !self.rest.isEmpty { return 2 + self.rest.count }",
            "Validation.multipleOf(self._0, 0.5, path: path + \"[0]\", into: &failures)",
            "Validation.maxItems(0..<self.arrayCount, 4, path: path, into: &failures)",
            "public init(id: String? = nil, secret: String, count: Int) {",
            "let isRequest = encoder.isRequestBody",
            "if !isRequest { try container.encodeValueIfPresent(self.id, named: \"id\") }",
            "Validation.integerMultipleOf(self.count, 3, path: path + \".count\", into: &failures)",
            "Validation.minimum(self.count, 1, path: path + \".count\", into: &failures)",
            "Validation.maximum(self.count, 9, path: path + \".count\", into: &failures)",
            "Validation.maximum(self.count, 10, exclusive: true, path: path + \".count\", into: &failures)",
            "var propertyCount: Swift.Int = 1",
            "if self.secret != nil { propertyCount += 1 }",
            "Validation.minProperties(propertyCount, 2, path: path, into: &failures)",
        ] {
            #expect(lines.contains(line), "Models.swift lacks `\(line)`")
        }
        // Read-only properties are not sent, so they are neither validated nor counted.
        #expect(!lines.contains("if self.id != nil { propertyCount += 1 }"))
        // The runtime is one file, `Runtime.swift`, with a section per runtime file.
        #expect(files.contains { $0.path == "Runtime.swift" && $0.contents.contains("// MARK: - Coding\n") })
    }
}
