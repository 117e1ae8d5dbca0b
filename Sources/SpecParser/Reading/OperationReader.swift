/// Paths, webhooks, path items and operations.
extension ParserState {
    /// The fixed operation methods, in the order the spec lists them.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// `paths` (or `webhooks`): each entry's path item, following `$ref`s, in document order.
    func readPathItems(_ pair: RawPair, _ cursor: Cursor) -> [PathItem] {
        let here = cursor.child(pair.key)
        guard let entries = mapping(pair.value, here, pair.key) else { return [] }
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
        guard let pairs = mapping(node, cursor, path) else { return nil }
        var summary: String?, description: String?, servers: [Server] = [], extensions: Extensions = []
        var pathParameters: [ParameterEntry] = []
        var operationPairs: [RawPair] = []
        for pair in pairs {
            switch pair.key {
            case "summary": summary = string(pair, cursor)
            case "description": description = string(pair, cursor)
            case "servers": servers = readServers(pair, cursor)
            case "parameters": pathParameters = readParameterList(pair, cursor)
            case "query" where is32: operationPairs.append(pair)
            case "additionalOperations" where is32:
                let here = cursor.child(pair.key)
                for custom in mapping(pair.value, here, pair.key) ?? [] {
                    operationPairs.append(RawPair(key: custom.key, keyLine: custom.keyLine,
                                                  keyColumn: custom.keyColumn, value: custom.value))
                }
            default:
                if Self.methods.contains(pair.key) {
                    operationPairs.append(pair)
                } else {
                    collectExtension(pair, into: &extensions)
                }
            }
        }
        var operations: [Operation] = []
        for pair in operationPairs {
            let isCustom = !Self.methods.contains(pair.key) && pair.key != "query"
            let here = isCustom ? cursor.child("additionalOperations").child(pair.key) : cursor.child(pair.key)
            if let operation = readOperation(isCustom ? pair.key : pair.key, path: path, pair.value, here,
                                             pathParameters: pathParameters) {
                operations.append(operation)
            }
        }
        return PathItem(path: path, summary: summary, description: description,
                        parameters: pathParameters.compactMap(\.parameter), operations: operations,
                        servers: servers, extensions: extensions, origin: cursor.origin(node))
    }

    private func readOperation(_ method: String, path: String, _ node: RawNode, _ cursor: Cursor,
                               pathParameters: [ParameterEntry]) -> Operation? {
        guard let pairs = mapping(node, cursor, method) else { return nil }
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
            case "summary": summary = string(pair, cursor)
            case "description": description = string(pair, cursor)
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
        let here = cursor.child(pair.key)
        guard let items = sequence(pair.value, here, pair.key) else { return [] }
        var servers: [Server] = []
        for (index, item) in items.enumerated() {
            let itemCursor = here.child(index)
            guard let fields = mapping(item, itemCursor, "servers[\(index)]") else { continue }
            var url: String?, description: String?, variables: [ServerVariable] = []
            for field in fields {
                switch field.key {
                case "url": url = string(field, itemCursor)
                case "description": description = string(field, itemCursor)
                case "variables": variables = readServerVariables(field, itemCursor)
                default: break
                }
            }
            guard let url else {
                error("a server needs a 'url'", at: item, itemCursor)
                continue
            }
            servers.append(Server(url: url, description: description, variables: variables,
                                  origin: itemCursor.origin(item)))
        }
        return servers
    }

    private func readServerVariables(_ pair: RawPair, _ cursor: Cursor) -> [ServerVariable] {
        let here = cursor.child(pair.key)
        return (mapping(pair.value, here, pair.key) ?? []).compactMap { entry in
            let entryCursor = here.child(entry.key)
            guard let fields = mapping(entry.value, entryCursor, entry.key) else { return nil }
            var defaultValue: String?, enumValues: [String]?, description: String?
            for field in fields {
                switch field.key {
                case "default": defaultValue = string(field, entryCursor)
                case "enum": enumValues = strings(field, entryCursor)
                case "description": description = string(field, entryCursor)
                default: break
                }
            }
            guard let defaultValue else {
                error("server variable '\(entry.key)' needs a 'default'", at: entry.value, entryCursor)
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
