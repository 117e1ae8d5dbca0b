/// Paths, webhooks, path items and operations.
extension ParserState {
    /// The fixed operation methods, in the order the spec lists them.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// `paths` (or `webhooks`): each entry's path item, following `$ref`s, in document order.
    func readPathItems(_ pair: RawPair, _ cursor: Cursor) -> [PathItem] {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        var items: [PathItem] = []
        items.reserveCapacity(entries.count)
        for entry in entries where !entry.key.hasPrefix("x-") {
            guard let (node, target, viaRef) = dereference(entry.value, here.child(entry.key), "path item") else {
                continue
            }
            if viaRef, var cached = pathItemCache[target.key] {
                cached.path = entry.key
                for index in cached.operations.indices { cached.operations[index].path = entry.key }
                items.append(cached)
                continue
            }
            guard let item = readPathItem(entry.key, node, target) else { continue }
            if viaRef { pathItemCache[target.key] = item }
            items.append(item)
        }
        return items
    }

    private func readPathItem(_ path: String, _ node: RawNode, _ cursor: Cursor) -> PathItem? {
        guard let (pairs, node, cursor) = mapping(node, cursor, path) else { return nil }
        var summary: String?, description: String?, servers: [Server] = [], extensions: Extensions = []
        var pathParameters: [ParameterEntry] = []
        /// Each operation's method and node, and the cursor of its place.
        var operationPairs: [(method: String, node: RawNode, cursor: Cursor)] = []
        for pair in pairs {
            switch pair.key {
            case "summary": summary = text(pair, cursor)
            case "description": description = text(pair, cursor)
            case "servers": servers = readServers(pair, cursor)
            case "parameters": pathParameters = readParameterList(pair, cursor)
            case "query" where is32: operationPairs.append((pair.key, pair.value, cursor.child(pair.key)))
            case "additionalOperations" where is32:
                if let (customs, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) {
                    operationPairs += customs.map { ($0.key, $0.value, here.child($0.key)) }
                }
            default:
                if Self.methods.contains(pair.key) {
                    operationPairs.append((pair.key, pair.value, cursor.child(pair.key)))
                } else {
                    collectExtension(pair, into: &extensions)
                }
            }
        }
        var operations: [Operation] = []
        for (method, value, here) in operationPairs {
            if let operation = readOperation(method, path: path, value, here, pathParameters: pathParameters) {
                operations.append(operation)
            }
        }
        return PathItem(path: path, summary: summary, description: description,
                        parameters: pathParameters.compactMap(\.parameter), operations: operations,
                        servers: servers, extensions: extensions, origin: cursor.origin(node))
    }

    private func readOperation(_ method: String, path: String, _ node: RawNode, _ cursor: Cursor,
                               pathParameters: [ParameterEntry]) -> Operation? {
        guard let (pairs, node, cursor) = mapping(node, cursor, method) else { return nil }
        var operationID: String?, summary: String?, description: String?, tags: [String] = []
        var parameters: [ParameterEntry] = [], requestBody: RequestBody?, responses: [Response] = []
        var security: [SecurityRequirement]?, deprecated = false, servers: [Server] = []
        var extensions: Extensions = [], callbacks: [String] = []
        var consumes: [String]?, responsesPair: RawPair?
        currentProduces = globalProduces
        for pair in pairs {
            switch pair.key {
            case "operationId":
                operationID = string(pair, cursor)
                if let operationID { checkUniqueOperationID(operationID, pair.value, cursor.child(pair.key)) }
            case "summary": summary = text(pair, cursor)
            case "description": description = text(pair, cursor)
            case "tags": tags = strings(pair, cursor) ?? []
            case "parameters": parameters = readParameterList(pair, cursor)
            case "requestBody": requestBody = readRequestBody(pair, cursor)
            case "responses": responsesPair = pair
            case "security": security = readSecurityRequirements(pair, cursor)
            case "deprecated": deprecated = bool(pair, cursor) ?? false
            case "servers": servers = readServers(pair, cursor)
            case "callbacks": callbacks = pair.value.pairs?.map(\.key) ?? []
            case "consumes" where isSwagger2: consumes = strings(pair, cursor)
            case "produces" where isSwagger2: currentProduces = strings(pair, cursor) ?? globalProduces
            default: collectExtension(pair, into: &extensions)
            }
        }
        // Responses last, so Swagger 2.0 `produces` is known whatever the key order.
        if let responsesPair { responses = readResponses(responsesPair, cursor) }
        let merged = mergeParameters(pathLevel: pathParameters, operationLevel: parameters)
        let origin = cursor.origin(node)
        if isSwagger2 {
            requestBody = swagger2RequestBody(merged, consumes: consumes ?? globalConsumes, origin: origin)
        }
        return Operation(method: method, path: path, operationID: operationID, summary: summary,
                         description: description, tags: tags, parameters: merged.compactMap(\.parameter),
                         requestBody: requestBody, responses: responses, security: security,
                         deprecated: deprecated, servers: servers, extensions: extensions, origin: origin,
                         callbacks: callbacks)
    }

    /// OpenAPI: "The id MUST be unique among all operations described in the API." A duplicate is an error in the
    /// document, reported here where the id's own position is known; the model never has to rename one silently.
    /// The same node read twice (a path item reached directly and through a `$ref`) is not a duplicate.
    private func checkUniqueOperationID(_ id: String, _ node: RawNode, _ cursor: Cursor) {
        let here = cursor.location(node)
        guard let first = operationIDLocations[id] else {
            operationIDLocations[id] = here
            return
        }
        guard first != here else { return }
        error("duplicate operationId '\(id)' (first at \(first))", at: node, cursor,
              hint: "operationIds must be unique in the document; they name the generated methods")
    }

    // MARK: - Servers

    func readServers(_ pair: RawPair, _ cursor: Cursor) -> [Server] {
        guard let (items, _, here) = sequence(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        var servers: [Server] = []
        for (index, item) in items.enumerated() {
            guard let (fields, node, itemCursor) = mapping(item, here.child(index), "servers[\(index)]") else {
                continue
            }
            var url: String?, description: String?, variables: [ServerVariable] = []
            for field in fields {
                switch field.key {
                case "url": url = string(field, itemCursor)
                case "description": description = text(field, itemCursor)
                case "variables": variables = readServerVariables(field, itemCursor)
                default: break
                }
            }
            guard let url else {
                error("a server needs a 'url'", at: node, itemCursor)
                continue
            }
            servers.append(Server(url: url, description: description, variables: variables,
                                  origin: itemCursor.origin(node)))
        }
        return servers
    }

    private func readServerVariables(_ pair: RawPair, _ cursor: Cursor) -> [ServerVariable] {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        return entries.compactMap { entry in
            guard let (fields, node, entryCursor) = mapping(entry.value, here.child(entry.key), entry.key) else {
                return nil
            }
            var defaultValue: String?, enumValues: [String]?, description: String?
            for field in fields {
                switch field.key {
                case "default": defaultValue = string(field, entryCursor)
                case "enum": enumValues = strings(field, entryCursor)
                case "description": description = text(field, entryCursor)
                default: break
                }
            }
            guard let defaultValue else {
                error("server variable '\(entry.key)' needs a 'default'", at: node, entryCursor)
                return nil
            }
            return ServerVariable(name: entry.key, defaultValue: defaultValue, enumValues: enumValues,
                                  description: description)
        }
    }
}

extension ParameterEntry {
    var parameter: Parameter? { if case .parameter(let parameter) = self { parameter } else { nil } }
}
