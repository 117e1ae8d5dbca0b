/// The root object: version, info, servers, tags, components, paths, webhooks, security; then every
/// referenced schema, then the check for `$ref`s that resolve only to themselves.
extension ParserState {
    func readDocument(_ file: LoadedFile) -> Document? {
        let cursor = Cursor(file: file, pointer: .root)
        let root = file.root
        guard let pairs = root.pairs else {
            error("expected the document to be a mapping (an OpenAPI object), found \(root.kindDescription)",
                  at: root, cursor)
            return nil
        }
        guard let version = readVersion(root, cursor) else { return nil }
        self.version = version
        if is32, let selfPair = pairs.last(where: { $0.key == "$self" }) { file.selfURI = string(selfPair, cursor) }
        let componentSchemas = registerRootComponentSchemas(root, cursor)

        var info: Info?, servers: [Server] = [], paths: [PathItem]?, webhooks: [PathItem] = []
        var securitySchemes: [SecurityScheme] = [], security: [SecurityRequirement]?, tags: [Tag] = []
        var extensions: Extensions = [], hasComponents = false
        var host: String?, basePath: String?, schemes: [String] = []
        if isSwagger2 {
            globalConsumes = pairs.last { $0.key == "consumes" }.flatMap { strings($0, cursor) } ?? []
            globalProduces = pairs.last { $0.key == "produces" }.flatMap { strings($0, cursor) } ?? []
        }
        for pair in pairs {
            switch pair.key {
            case "info": info = readInfo(pair, cursor)
            case "servers" where !isSwagger2: servers = readServers(pair, cursor)
            case "paths": paths = readPathItems(pair, cursor)
            case "webhooks" where !isSwagger2: webhooks = readPathItems(pair, cursor)
            case "components" where !isSwagger2:
                hasComponents = true
                if let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) {
                    for entry in entries where entry.key == "securitySchemes" {
                        securitySchemes = readSecuritySchemes(entry, here)
                    }
                }
            case "securityDefinitions" where isSwagger2: securitySchemes = readSecuritySchemes(pair, cursor)
            case "security": security = readSecurityRequirements(pair, cursor)
            case "tags": tags = readTags(pair, cursor)
            case "host" where isSwagger2: host = string(pair, cursor)
            case "basePath" where isSwagger2: basePath = string(pair, cursor)
            case "schemes" where isSwagger2: schemes = strings(pair, cursor) ?? []
            default: collectExtension(pair, into: &extensions)
            }
        }
        if isSwagger2 {
            servers = swagger2Servers(host: host, basePath: basePath, schemes: schemes, origin: cursor.origin(root))
        }
        var nextPending = 0
        readPendingSchemas(from: &nextPending)
        reportSelfReferences()

        if info == nil, !pairs.contains(where: { $0.key == "info" }) {
            error("missing required field 'info'", at: root, cursor)
        }
        if paths == nil {
            switch version {
            case .swagger2, .openAPI30:
                error("missing required field 'paths'", at: root, cursor)
            case .openAPI31, .openAPI32:
                if webhooks.isEmpty && !hasComponents {
                    error("the document needs at least one of 'paths', 'webhooks' or 'components'", at: root, cursor)
                }
            }
        }
        let named = componentSchemas.compactMap { name, index in
            schemaEntries[index].schema.map { NamedSchema(name: name, schema: $0) }
        }
        let referenced = schemaEntries.compactMap { entry in
            entry.schema.map {
                ReferencedSchema(key: entry.key, suggestedName: entry.suggestedName, schema: $0,
                                 isComponent: entry.isComponent)
            }
        }
        return Document(
            version: version, info: info ?? Info(title: "", version: ""), servers: servers, paths: paths ?? [],
            webhooks: webhooks, components: Components(schemas: named, securitySchemes: securitySchemes),
            security: security, tags: tags, extensions: extensions, origin: cursor.origin(root),
            referencedSchemas: referenced)
    }

    // MARK: - Parts

    private func readVersion(_ root: RawNode, _ cursor: Cursor) -> SpecVersion? {
        let supported = "supported versions are OpenAPI 3.0.x, 3.1.x, 3.2.x and Swagger 2.0"
        if let node = root.value(forKey: "openapi") {
            let text = node.text ?? ""
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count >= 2, parts[0] == "3" {
                let minor = parts[1]
                if minor == "0" { return .openAPI30(text) }
                if minor == "1" { return .openAPI31(text) }
                if minor == "2" { return .openAPI32(text) }
            }
            error("unsupported OpenAPI version '\(text)'", at: node, cursor.child("openapi"), hint: supported)
            return nil
        }
        if let node = root.value(forKey: "swagger") {
            if node.text == "2.0" { return .swagger2 }
            error("unsupported Swagger version '\(node.text ?? "")'", at: node, cursor.child("swagger"),
                  hint: supported)
            return nil
        }
        error("missing 'openapi' version field", at: root, cursor, hint: supported)
        return nil
    }

    /// Component schemas of the root file are listed first in `referencedSchemas`, in document order.
    private func registerRootComponentSchemas(_ root: RawNode, _ cursor: Cursor) -> [(String, Int)] {
        let container: RawNode?
        let schemasCursor: Cursor
        if isSwagger2 {
            container = root.value(forKey: "definitions")
            schemasCursor = cursor.child("definitions")
        } else {
            // A type mismatch of `components` itself is reported when the document reads it.
            guard let components = root.value(forKey: "components"), components.pairs != nil,
                  let (_, node, here) = mapping(components, cursor.child("components"), "components") else {
                return []
            }
            container = node.value(forKey: "schemas")
            schemasCursor = here.child("schemas")
        }
        guard let container else { return [] }
        guard let (entries, _, schemasCursor) = mapping(container, schemasCursor,
                                                        isSwagger2 ? "definitions" : "schemas") else {
            return []
        }
        var registered: [(String, Int)] = []
        for entry in entries {
            let entryCursor = schemasCursor.child(entry.key)
            registerSchema(key: entryCursor.key, node: entry.value, cursor: entryCursor)
            if let index = schemaIndex[entryCursor.key] { registered.append((entry.key, index)) }
        }
        return registered
    }

    private func readInfo(_ pair: RawPair, _ cursor: Cursor) -> Info? {
        guard let (fields, node, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return nil }
        var title: String?, version: String?, summary: String?, description: String?, extensions: Extensions = []
        for field in fields {
            switch field.key {
            case "title": title = string(field, here)
            case "version": version = string(field, here)
            case "summary": summary = text(field, here)
            case "description": description = text(field, here)
            default: collectExtension(field, into: &extensions)
            }
        }
        if title == nil { error("missing required field 'title' in 'info'", at: node, here) }
        if version == nil { error("missing required field 'version' in 'info'", at: node, here) }
        return Info(title: title ?? "", version: version ?? "", summary: summary, description: description,
                    extensions: extensions)
    }

    private func readTags(_ pair: RawPair, _ cursor: Cursor) -> [Tag] {
        guard let (items, _, here) = sequence(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        return items.enumerated().compactMap { index, item in
            guard let (fields, node, itemCursor) = mapping(item, here.child(index), "tags[\(index)]") else {
                return nil
            }
            guard let name = fields.last(where: { $0.key == "name" }).flatMap({ string($0, itemCursor) }) else {
                error("a tag needs a 'name'", at: node, itemCursor)
                return nil
            }
            let description = fields.last { $0.key == "description" }.flatMap { text($0, itemCursor) }
            return Tag(name: name, description: description)
        }
    }

    // MARK: - Self references

    /// A schema that is only a `$ref`, whose chain of bare refs comes back to it, has no meaning.
    private func reportSelfReferences() {
        var reported = Set<Int>()
        for start in schemaEntries.indices where !reported.contains(start) {
            var chain: [Int] = []
            var current = start
            while let schema = schemaEntries[current].schema, schema.isBareReference,
                  let reference = schema.ref, let next = schemaIndex[reference.key] {
                chain.append(current)
                if let loopStart = chain.firstIndex(of: next) {
                    let loop = Array(chain[loopStart...])
                    if !loop.contains(where: reported.contains) {
                        reported.formUnion(loop)
                        let first = schemaEntries[loop[0]]
                        let names = (loop + [loop[0]]).map { schemaEntries[$0].suggestedName }
                        let raw = first.schema?.ref?.raw ?? first.key
                        diagnostics.append(.error(
                            "$ref '\(raw)' resolves only to itself (\(names.joined(separator: " → ")))",
                            at: first.cursor.location(first.node), pointer: first.cursor.pointer))
                    }
                    break
                }
                if chain.count > schemaEntries.count { break }
                current = next
            }
        }
    }
}

extension Schema {
    /// A `$ref` with nothing else that gives it a shape.
    var isBareReference: Bool {
        ref != nil && booleanSchema == nil && types == nil && properties.isEmpty && additionalProperties == nil
            && items == nil && prefixItems == nil && allOf == nil && oneOf == nil && anyOf == nil && not == nil
            && enumValues == nil && constValue == nil
    }
}
