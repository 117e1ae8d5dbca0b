import SpecParser

// No `import Testing` here: its `SourceLocation` would shadow the parser's.

/// A location for hand-built model values.
func testOrigin(_ pointer: String = "#", line: Int = 1) -> Origin {
    Origin(location: SourceLocation(file: "spec.yaml", line: line, column: 1),
           pointer: JSONPointer(parsing: pointer) ?? .root)
}

func emptyDocument() -> Document {
    Document(version: .openAPI31("3.1.0"), info: Info(title: "T", version: "1"), servers: [], paths: [],
             webhooks: [], components: Components(), security: nil, tags: [], extensions: [], origin: testOrigin(),
             referencedSchemas: [])
}

/// A schema with only the given keywords, at `pointer`.
func testSchema(_ pointer: String = "#/x", ref: String? = nil, types: [JSONType]? = nil,
                properties: [SchemaProperty] = [], items: Schema? = nil, enumValues: [JSONValue]? = nil,
                oneOf: [Schema]? = nil,
                allOf: [Schema]? = nil) -> Schema {
    Schema(origin: testOrigin(pointer), ref: ref.map { SchemaReference(raw: $0, key: "spec.yaml" + $0) },
           types: types, properties: properties, items: items, allOf: allOf, oneOf: oneOf, enumValues: enumValues)
}

/// A document whose `$ref` targets are the given named schemas (keys `spec.yaml#/components/schemas/<name>`).
func testDocument(schemas: [(String, Schema)], paths: [PathItem] = [], servers: [Server] = []) -> Document {
    var document = emptyDocument()
    document.components = Components(schemas: schemas.map { NamedSchema(name: $0.0, schema: $0.1) })
    document.referencedSchemas = schemas.map {
        ReferencedSchema(key: "spec.yaml#/components/schemas/\($0.0)", suggestedName: $0.0, schema: $0.1,
                         isComponent: true)
    }
    document.paths = paths
    document.servers = servers
    return document
}

func testOperation(_ method: String, _ path: String, id: String?, parameters: [Parameter] = [],
                   responses: [Response] = []) -> Operation {
    Operation(method: method, path: path, operationID: id, summary: nil, description: nil, tags: [],
              parameters: parameters, requestBody: nil, responses: responses, security: nil, deprecated: false,
              servers: [], extensions: [], origin: testOrigin("#/paths/x/\(method)"))
}

func testPath(_ path: String, _ operations: [Operation]) -> PathItem {
    PathItem(path: path, summary: nil, description: nil, parameters: [], operations: operations, servers: [],
             extensions: [], origin: testOrigin())
}
