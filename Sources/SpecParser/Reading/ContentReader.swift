/// Request bodies, responses, headers and `content` maps (OpenAPI 3.x forms; Swagger 2.0 responses are
/// converted in `Swagger2Converter`).
extension ParserState {
    func readContent(_ pair: RawPair, _ cursor: Cursor) -> [MediaType] {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        return entries.compactMap { readMediaType($0.key, $0.value, here.child($0.key)) }
    }

    /// A media type object, or a `$ref` to one (OpenAPI 3.2 `components.mediaTypes`). Its origin is where the
    /// content map names it; its schemas keep their own locations.
    private func readMediaType(_ mediaType: String, _ entry: RawNode, _ site: Cursor) -> MediaType? {
        guard let (target, targetCursor, _) = dereference(entry, site, "media type"),
              let (pairs, _, cursor) = mapping(target, targetCursor, mediaType) else { return nil }
        var schema: Schema?, itemSchema: Schema?, encoding: [PropertyEncoding] = []
        var example: JSONValue?, extensions: Extensions = []
        for pair in pairs {
            switch pair.key {
            case "schema": schema = readSchema(pair.value, cursor.child(pair.key))
            case "itemSchema": itemSchema = readSchema(pair.value, cursor.child(pair.key))
            case "encoding": encoding = readEncoding(pair, cursor)
            case "example": example = json(pair.value)
            case "examples": example = example ?? firstExample(pair, cursor)
            default: collectExtension(pair, into: &extensions)
            }
        }
        return MediaType(mediaType: mediaType, schema: schema, itemSchema: itemSchema, encoding: encoding,
                         example: example, extensions: extensions, origin: site.origin(entry))
    }

    private func readEncoding(_ pair: RawPair, _ cursor: Cursor) -> [PropertyEncoding] {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        return entries.compactMap { entry in
            guard let (fields, node, entryCursor) = mapping(entry.value, here.child(entry.key), entry.key) else {
                return nil
            }
            var contentType: String?, style: String?, explode: Bool?, allowReserved = false, headers: [String] = []
            for field in fields {
                switch field.key {
                case "contentType": contentType = string(field, entryCursor)
                case "style": style = string(field, entryCursor)
                case "explode": explode = bool(field, entryCursor)
                case "allowReserved": allowReserved = bool(field, entryCursor) ?? false
                case "headers": headers = field.value.pairs?.map(\.key) ?? []
                default: break
                }
            }
            return PropertyEncoding(property: entry.key, contentType: contentType, style: style, explode: explode,
                                    allowReserved: allowReserved, headers: headers,
                                    origin: entryCursor.origin(node))
        }
    }

    // MARK: - Request bodies

    func readRequestBody(_ pair: RawPair, _ cursor: Cursor) -> RequestBody? {
        guard let (node, target, viaRef) = dereference(pair.value, cursor.child(pair.key), "request body") else {
            return nil
        }
        if viaRef, let cached = requestBodyCache[target.key] { return cached }
        guard let (pairs, _, _) = mapping(node, target, "requestBody") else { return nil }
        var description: String?, required = false, content: [MediaType] = [], extensions: Extensions = []
        for field in pairs {
            switch field.key {
            case "description": description = text(field, target)
            case "required": required = bool(field, target) ?? false
            case "content": content = readContent(field, target)
            default: collectExtension(field, into: &extensions)
            }
        }
        let body = RequestBody(description: description, required: required, content: content,
                               extensions: extensions, origin: target.origin(node))
        if viaRef { requestBodyCache[target.key] = body }
        return body
    }

    // MARK: - Responses

    /// `responses` in document order; a key that is not `200`, `4XX` or `default` is warned about and skipped.
    func readResponses(_ pair: RawPair, _ cursor: Cursor) -> [Response] {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        var responses: [Response] = []
        for entry in entries {
            if entry.key.hasPrefix("x-") { continue }
            guard let status = Self.responseStatus(entry.key) else {
                diagnostics.append(.warning(
                    "'\(entry.key)' is not a response status "
                        + "(expected a code like 200, a range like 4XX, or default); skipped",
                    at: here.location(key: entry), pointer: here.child(entry.key).pointer))
                continue
            }
            guard let (node, target, viaRef) = dereference(entry.value, here.child(entry.key), "response") else {
                continue
            }
            if viaRef, let cached = responseCache[target.key] {
                var response = cached
                response.status = status
                responses.append(response)
                continue
            }
            guard let response = isSwagger2 ? readSwagger2Response(status, node, target)
                : readResponse(status, node, target) else { continue }
            if viaRef { responseCache[target.key] = response }
            responses.append(response)
        }
        return responses
    }

    static func responseStatus(_ key: String) -> ResponseStatus? {
        if key == "default" { return .default }
        let bytes = Array(key.utf8)
        guard bytes.count == 3, bytes[0] >= UInt8(ascii: "1"), bytes[0] <= UInt8(ascii: "5") else { return nil }
        let first = Int(bytes[0] - UInt8(ascii: "0"))
        if key.dropFirst().uppercased() == "XX" { return .range(first) }
        return Int(key).map(ResponseStatus.code)
    }

    private func readResponse(_ status: ResponseStatus, _ node: RawNode, _ cursor: Cursor) -> Response? {
        guard let (pairs, _, _) = mapping(node, cursor, status.description) else { return nil }
        var description: String?, headers: [Header] = [], content: [MediaType] = []
        var links: [String] = [], extensions: Extensions = []
        for pair in pairs {
            switch pair.key {
            case "description": description = text(pair, cursor)
            case "headers": headers = readHeaders(pair, cursor)
            case "content": content = readContent(pair, cursor)
            case "links": links = pair.value.pairs?.map(\.key) ?? []
            default: collectExtension(pair, into: &extensions)
            }
        }
        return Response(status: status, description: description, headers: headers, content: content,
                        extensions: extensions, origin: cursor.origin(node), links: links)
    }

    // MARK: - Headers

    func readHeaders(_ pair: RawPair, _ cursor: Cursor) -> [Header] {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        var headers: [Header] = []
        for entry in entries {
            guard let (node, target, _) = dereference(entry.value, here.child(entry.key), "header"),
                  let (fields, _, _) = mapping(node, target, entry.key) else { continue }
            if isSwagger2 {
                let schema = readSchemaObject(fields, node, target, swaggerParameter: true)
                headers.append(Header(name: entry.key, description: schema.description, required: false,
                                      schema: schema, origin: target.origin(node)))
                continue
            }
            var description: String?, required = false, schema: Schema?
            for field in fields {
                switch field.key {
                case "description": description = text(field, target)
                case "required": required = bool(field, target) ?? false
                case "schema": schema = readSchema(field.value, target.child(field.key))
                case "content": schema = schema ?? readContent(field, target).first?.schema
                default: break
                }
            }
            headers.append(Header(name: entry.key, description: description, required: required, schema: schema,
                                  origin: target.origin(node)))
        }
        return headers
    }
}
