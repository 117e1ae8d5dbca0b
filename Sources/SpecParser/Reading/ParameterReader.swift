/// A parameter as read, before Swagger 2.0 `body`/`formData` parameters are turned into a request body.
enum ParameterEntry {
    case parameter(Parameter)
    /// Swagger 2.0 `in: body`.
    case body(name: String, description: String?, required: Bool, schema: Schema, origin: Origin)
    /// Swagger 2.0 `in: formData`; `encoding` carries an array's `collectionFormat` as style/explode.
    case formField(name: String, description: String?, required: Bool, schema: Schema, isFile: Bool, origin: Origin,
                   encoding: PropertyEncoding? = nil)

    /// Operation-level parameters replace path-level ones with the same name and location.
    var mergeKey: String {
        switch self {
        case .parameter(let parameter): "\(parameter.location.rawValue):\(parameter.name)"
        case .body: "body"
        case .formField(let name, _, _, _, _, _, _): "formData:\(name)"
        }
    }
}

extension ParserState {
    /// Reads a `parameters` list, following `$ref`s (each target is read once).
    func readParameterList(_ pair: RawPair, _ cursor: Cursor) -> [ParameterEntry] {
        guard let (items, _, here) = sequence(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        var entries: [ParameterEntry] = []
        for (index, item) in items.enumerated() {
            guard let (node, target, viaRef) = dereference(item, here.child(index), "parameter") else { continue }
            if viaRef, let cached = parameterCache[target.key] {
                entries.append(.parameter(cached))
                continue
            }
            guard let entry = readParameter(node, target) else { continue }
            if viaRef, case .parameter(let parameter) = entry { parameterCache[target.key] = parameter }
            entries.append(entry)
        }
        return entries
    }

    /// Path-level entries first (unless overridden), then the operation's, in document order.
    func mergeParameters(pathLevel: [ParameterEntry], operationLevel: [ParameterEntry]) -> [ParameterEntry] {
        guard !pathLevel.isEmpty else { return operationLevel }
        let overridden = Set(operationLevel.map(\.mergeKey))
        return pathLevel.filter { !overridden.contains($0.mergeKey) } + operationLevel
    }

    func readParameter(_ node: RawNode, _ cursor: Cursor) -> ParameterEntry? {
        guard let (pairs, _, _) = mapping(node, cursor, cursor.pointer.lastComponent ?? "parameter") else {
            return nil
        }
        var name: String?, location: String?, description: String?, required: Bool?, deprecated = false
        var schema: Schema?, contentType: String?, style: String?, explode: Bool?, allowReserved = false
        var example: JSONValue?, extensions: Extensions = []
        for pair in pairs {
            switch pair.key {
            case "name": name = string(pair, cursor)
            case "in": location = string(pair, cursor)
            case "description": description = text(pair, cursor)
            case "required": required = bool(pair, cursor)
            case "deprecated": deprecated = bool(pair, cursor) ?? false
            case "schema": schema = readSchema(pair.value, cursor.child(pair.key))
            case "content":
                if let first = readContent(pair, cursor).first {
                    contentType = first.mediaType
                    schema = first.schema
                }
            case "style": style = string(pair, cursor)
            case "explode": explode = bool(pair, cursor)
            case "allowReserved": allowReserved = bool(pair, cursor) ?? false
            case "example": example = json(pair.value)
            case "examples": example = example ?? firstExample(pair, cursor)
            default: collectExtension(pair, into: &extensions)
            }
        }
        guard let name else {
            error("a parameter needs a 'name'", at: node, cursor)
            return nil
        }
        guard let location else {
            error("parameter '\(name)' needs 'in' (path, query, header or cookie)", at: node, cursor)
            return nil
        }
        let origin = cursor.origin(node)
        if isSwagger2 {
            return readSwagger2Parameter(pairs, node, cursor, name: name, location: location,
                                         description: description, required: required ?? false,
                                         extensions: extensions)
        }
        guard let parameterLocation = ParameterLocation(rawValue: location),
              parameterLocation != .querystring || is32 else {
            let hint = is32 ? "path, query, querystring, header or cookie" : "path, query, header or cookie"
            error("parameter '\(name)' has an unknown location 'in: \(location)'", at: node, cursor,
                  hint: "expected \(hint)")
            return nil
        }
        if schema == nil && contentType == nil {
            warning("parameter '\(name)' has neither 'schema' nor 'content'; it is read as a string",
                    at: node, cursor)
        }
        return .parameter(Parameter(
            name: name, location: parameterLocation, description: description,
            required: parameterLocation == .path ? true : (required ?? false), deprecated: deprecated,
            schema: schema, contentType: contentType, style: style, explode: explode, allowReserved: allowReserved,
            example: example, extensions: extensions, origin: origin))
    }

    /// The `value` of the first entry of an `examples` map (following a `$ref` to an Example Object).
    func firstExample(_ pair: RawPair, _ cursor: Cursor) -> JSONValue? {
        let here = cursor.child(pair.key)
        guard let first = pair.value.pairs?.first else { return nil }
        guard let (node, _, _) = dereference(first.value, here.child(first.key), "example") else { return nil }
        return node.value(forKey: "value").map(json)
    }
}
