import SpecParser

// MARK: - The closure of a filter: what the kept operations reach.

/// Everything the kept operations reach, computed over the document model. Parameters, request bodies, responses and
/// headers are already resolved into their operations by the parser, so their components come with the operation;
/// what is left to follow is:
/// - schemas, through `$ref` recursively: properties, `additionalProperties`, `items`, `prefixItems`, `allOf`,
///   `oneOf`, `anyOf`, discriminator mappings and `contentSchema` (`not` is never generated, so it is not followed);
/// - security schemes: those of the kept operations' requirements (their own `security`, else the document's); a kept
///   `x-openapi-swift-value-from` scheme keeps the `x-openapi-swift-token` schemes its credential comes from;
/// - the token operation named by a kept scheme's `x-openapi-swift-token`, with its own closure (the client's
///   initializer calls it), even when the filter's rules would leave it out.
struct FilterClosure {
    let document: Document
    let operations: DocumentOperations
    /// Security scheme keys to keep.
    private(set) var schemeKeys: Set<String> = []
    /// `SchemaReference.key`s reached.
    private var reachedKeys: Set<String> = []
    /// Schema objects reached (identity).
    private var reachedSchemas: Set<ObjectIdentifier> = []
    /// `file` + pointer of every reached `$ref` target, to recognise a component read as another object.
    private var reachedPointers: Set<String> = []

    /// Computes the closure of `kept` (indices into `operations.all`), adding token operations to it, plus the named
    /// component schemas `schemas`.
    init(document: Document, operations: DocumentOperations, kept: inout Set<Int>, schemas: [String]) {
        self.document = document
        self.operations = operations
        addSecurity(kept: &kept)
        var pending: [Schema] = []
        for index in kept.sorted() { pending += Self.schemas(of: operations.all[index].operation) }
        for named in document.components.schemas where schemas.contains(named.name) { pending.append(named.schema) }
        visit(pending)
    }

    /// The number of component schemas kept.
    var componentCount: Int { document.components.schemas.filter(isKept).count }

    /// The document with only the kept operations (path items left without one are dropped), schemas and schemes.
    func filteredDocument(keeping kept: Set<Int>) -> Document {
        var next = 0
        func keep(_ items: [PathItem]) -> [PathItem] {
            items.compactMap { item in
                var item = item
                item.operations = item.operations.filter { _ in
                    defer { next += 1 }
                    return kept.contains(next)
                }
                return item.operations.isEmpty ? nil : item
            }
        }
        let paths = keep(document.paths)
        let webhooks = keep(document.webhooks)
        let components = Components(
            schemas: document.components.schemas.filter(isKept),
            securitySchemes: document.components.securitySchemes.filter { schemeKeys.contains($0.key) })
        let referenced = document.referencedSchemas.filter {
            reachedKeys.contains($0.key) || reachedSchemas.contains(ObjectIdentifier($0.schema))
        }
        return Document(
            version: document.version, info: document.info, servers: document.servers, paths: paths,
            webhooks: webhooks, components: components, security: document.security, tags: document.tags,
            extensions: document.extensions, origin: document.origin, referencedSchemas: referenced)
    }

    private func isKept(_ named: NamedSchema) -> Bool {
        reachedSchemas.contains(ObjectIdentifier(named.schema))
            || reachedPointers.contains(Self.pointerKey(named.schema))
    }

    private static func pointerKey(_ schema: Schema) -> String {
        "\(schema.origin.location.file)\(schema.origin.pointer)"
    }

    // MARK: - Security and token operations

    /// Adds the schemes of the kept operations, and the token operations of kept schemes, until nothing changes.
    private mutating func addSecurity(kept: inout Set<Int>) {
        let schemes = document.components.securitySchemes
        let tokenSchemes = schemes.filter { $0.extensions["x-openapi-swift-token"] != nil }.map(\.key)
        var done: Set<Int> = []
        while true {
            for index in kept.subtracting(done) {
                let requirements = operations.all[index].operation.security ?? document.security ?? []
                for requirement in requirements { schemeKeys.formUnion(requirement.schemes.map(\.key)) }
            }
            done = kept
            if schemes.contains(where: {
                schemeKeys.contains($0.key) && $0.extensions["x-openapi-swift-value-from"] != nil
            }) {
                schemeKeys.formUnion(tokenSchemes)
            }
            var added = false
            for scheme in schemes where schemeKeys.contains(scheme.key) {
                guard let operationID = scheme.extensions["x-openapi-swift-token"]?["operation"]?.stringValue,
                      let index = operations.all.firstIndex(where: { $0.operation.operationID == operationID })
                else { continue }
                if kept.insert(index).inserted { added = true }
            }
            if !added { return }
        }
    }

    // MARK: - Schemas

    /// The schemas an operation uses directly: parameters, request bodies, responses and their headers.
    private static func schemas(of operation: Operation) -> [Schema] {
        var result: [Schema] = operation.parameters.compactMap(\.schema)
        let contents = (operation.requestBody?.content ?? []) + operation.responses.flatMap(\.content)
        for content in contents { result += [content.schema, content.itemSchema].compactMap { $0 } }
        for response in operation.responses { result += response.headers.compactMap(\.schema) }
        return result
    }

    /// Visits every schema reachable from `start` (with an explicit stack: nesting depth never recurses).
    private mutating func visit(_ start: [Schema]) {
        var stack = start
        func follow(_ reference: SchemaReference) {
            guard reachedKeys.insert(reference.key).inserted,
                  let target = document.referencedSchema(for: reference)?.schema else { return }
            reachedPointers.insert(Self.pointerKey(target))
            stack.append(target)
        }
        while let schema = stack.popLast() {
            guard reachedSchemas.insert(ObjectIdentifier(schema)).inserted else { continue }
            if let reference = schema.ref { follow(reference) }
            stack += schema.properties.map(\.schema)
            if case .schema(let value)? = schema.additionalProperties { stack.append(value) }
            stack += [schema.items, schema.contentSchema].compactMap { $0 }
            stack += (schema.prefixItems ?? []) + (schema.allOf ?? []) + (schema.oneOf ?? []) + (schema.anyOf ?? [])
            for entry in schema.discriminator?.mapping ?? [] { follow(entry.reference) }
        }
    }
}
