/// Swagger 2.0 read into the OpenAPI 3 model: `in: body`/`formData` parameters become a request body,
/// response `schema`s become `content` for each `produces` type, `collectionFormat` becomes style/explode,
/// `host`/`basePath`/`schemes` become servers and `securityDefinitions` become security schemes.
extension ParserState {
    // MARK: - Parameters

    func readSwagger2Parameter(_ pairs: [RawPair], _ node: RawNode, _ cursor: Cursor, name: String, location: String,
                               description: String?, required: Bool, extensions: Extensions) -> ParameterEntry? {
        let origin = cursor.origin(node)
        switch location {
        case "body":
            guard let schemaPair = pairs.last(where: { $0.key == "schema" }) else {
                error("body parameter '\(name)' needs a 'schema'", at: node, cursor)
                return nil
            }
            let schema = readSchema(schemaPair.value, cursor.child("schema"))
            return .body(name: name, description: description, required: required, schema: schema, origin: origin)
        case "formData":
            let schema = readSchemaObject(pairs, node, cursor, swaggerParameter: true)
            let isFile = node.value(forKey: "type")?.text == "file"
            var encoding: PropertyEncoding?
            if schema.types?.contains(.array) == true {
                let format = pairs.last { $0.key == "collectionFormat" }.flatMap { string($0, cursor) } ?? "csv"
                let (style, explode) = collectionStyle(format, .query, node, cursor)
                encoding = PropertyEncoding(property: name, contentType: nil, style: style, explode: explode,
                                            allowReserved: false, origin: origin)
            }
            return .formField(name: name, description: description, required: required, schema: schema,
                              isFile: isFile, origin: origin, encoding: encoding)
        case "path", "query", "header":
            let parameterLocation = ParameterLocation(rawValue: location) ?? .query
            let schema = readSchemaObject(pairs, node, cursor, swaggerParameter: true)
            var style: String?, explode: Bool?
            if schema.types?.contains(.array) == true {
                let format = pairs.last { $0.key == "collectionFormat" }.flatMap { string($0, cursor) } ?? "csv"
                (style, explode) = collectionStyle(format, parameterLocation, node, cursor)
            }
            let example = pairs.last { $0.key == "x-example" }.map { json($0.value) }
            return .parameter(Parameter(
                name: name, location: parameterLocation, description: description,
                required: parameterLocation == .path ? true : required, deprecated: false, schema: schema,
                contentType: nil, style: style, explode: explode, allowReserved: false, example: example,
                extensions: extensions, origin: origin))
        default:
            error("parameter '\(name)' has an unknown location 'in: \(location)'", at: node, cursor,
                  hint: "expected path, query, header, body or formData")
            return nil
        }
    }

    /// `csv` → form/simple, `ssv` → spaceDelimited, `pipes` → pipeDelimited, `multi` → exploded form.
    private func collectionStyle(_ format: String, _ location: ParameterLocation, _ node: RawNode,
                                 _ cursor: Cursor) -> (String?, Bool?) {
        let csvStyle = location == .query ? "form" : "simple"
        switch format {
        case "csv": return (csvStyle, false)
        case "ssv": return ("spaceDelimited", false)
        case "pipes": return ("pipeDelimited", false)
        case "multi": return ("form", true)
        default:
            warning("collectionFormat '\(format)' is not supported; comma-separated (csv) is used", at: node, cursor)
            return (csvStyle, false)
        }
    }

    /// The request body made from `body` or `formData` entries, with `consumes` (operation over document).
    func swagger2RequestBody(_ entries: [ParameterEntry], consumes: [String], origin: Origin) -> RequestBody? {
        var formFields: [(name: String, description: String?, required: Bool, schema: Schema, isFile: Bool)] = []
        var encodings: [PropertyEncoding] = []
        var formOrigin: Origin?
        for entry in entries {
            switch entry {
            case .body(_, let description, let required, let schema, let bodyOrigin):
                let types = consumes.isEmpty ? ["application/json"] : consumes
                return RequestBody(
                    description: description, required: required,
                    content: types.map { MediaType(mediaType: $0, schema: schema, itemSchema: nil, encoding: [],
                                                   example: nil, extensions: [], origin: bodyOrigin) },
                    extensions: [], origin: bodyOrigin)
            case .formField(let name, let description, let required, let schema, let isFile, let fieldOrigin,
                            let encoding):
                formFields.append((name, description, required, schema, isFile))
                if let encoding { encodings.append(encoding) }
                formOrigin = formOrigin ?? fieldOrigin
            case .parameter:
                continue
            }
        }
        guard !formFields.isEmpty else { return nil }
        let multipart = formFields.contains { $0.isFile } || consumes.contains("multipart/form-data")
        let mediaType = multipart ? "multipart/form-data" : "application/x-www-form-urlencoded"
        let bodyOrigin = formOrigin ?? origin
        let schema = Schema(
            origin: bodyOrigin, types: [.object],
            properties: formFields.map { SchemaProperty(name: $0.name, schema: $0.schema) },
            required: formFields.filter(\.required).map(\.name))
        return RequestBody(
            description: nil, required: formFields.contains { $0.required },
            // collectionFormat applies to url-encoded forms; a multipart array is one part per item.
            content: [MediaType(mediaType: mediaType, schema: schema, itemSchema: nil,
                                encoding: multipart ? [] : encodings, example: nil, extensions: [],
                                origin: bodyOrigin)],
            extensions: [], origin: bodyOrigin)
    }

    // MARK: - Responses

    func readSwagger2Response(_ status: ResponseStatus, _ node: RawNode, _ cursor: Cursor) -> Response? {
        guard let (pairs, node, cursor) = mapping(node, cursor, status.description) else { return nil }
        var description: String?, headers: [Header] = [], schema: Schema?, examples: [RawPair] = []
        var extensions: Extensions = []
        for pair in pairs {
            switch pair.key {
            case "description": description = text(pair, cursor)
            case "headers": headers = readHeaders(pair, cursor)
            case "schema": schema = readSchema(pair.value, cursor.child(pair.key))
            case "examples": examples = pair.value.pairs ?? []
            default: collectExtension(pair, into: &extensions)
            }
        }
        var content: [MediaType] = []
        if let schema {
            let types = currentProduces.isEmpty ? ["application/json"] : currentProduces
            content = types.map { type in
                MediaType(mediaType: type, schema: schema, itemSchema: nil, encoding: [],
                          example: examples.first { $0.key == type }.map { json($0.value) },
                          extensions: [], origin: schema.origin)
            }
        }
        return Response(status: status, description: description, headers: headers, content: content,
                        extensions: extensions, origin: cursor.origin(node))
    }

    // MARK: - Document level

    /// `schemes` × `host` + `basePath`; without `host`, a single server with the base path.
    func swagger2Servers(host: String?, basePath: String?, schemes: [String], origin: Origin) -> [Server] {
        let path = basePath ?? ""
        guard let host else {
            return [Server(url: path.isEmpty ? "/" : path, description: nil, variables: [], origin: origin)]
        }
        let chosen = schemes.isEmpty ? ["https"] : schemes
        return chosen.map { Server(url: "\($0)://\(host)\(path)", description: nil, variables: [], origin: origin) }
    }

    /// A `securityDefinitions` entry: `basic` → http basic, `apiKey`, `oauth2` with its single flow.
    func readSwagger2SecurityScheme(_ key: String, _ pairs: [RawPair], _ node: RawNode,
                                    _ cursor: Cursor) -> SecurityScheme? {
        var type: String?, description: String?, name: String?, location: String?, flow: String?
        var authorizationURL: String?, tokenURL: String?, scopes: [JSONMember] = [], extensions: Extensions = []
        for pair in pairs {
            switch pair.key {
            case "type": type = string(pair, cursor)
            case "description": description = text(pair, cursor)
            case "name": name = string(pair, cursor)
            case "in": location = string(pair, cursor)
            case "flow": flow = string(pair, cursor)
            case "authorizationUrl": authorizationURL = string(pair, cursor)
            case "tokenUrl": tokenURL = string(pair, cursor)
            case "scopes": scopes = (pair.value.pairs ?? []).map { JSONMember(key: $0.key, value: json($0.value)) }
            default: collectExtension(pair, into: &extensions)
            }
        }
        let origin = cursor.origin(node)
        switch type {
        case "basic":
            return SecurityScheme(key: key, type: .http, description: description, name: nil, location: nil,
                                  scheme: "basic", bearerFormat: nil, flows: nil, openIDConnectURL: nil,
                                  extensions: extensions, origin: origin)
        case "apiKey":
            return SecurityScheme(key: key, type: .apiKey, description: description, name: name,
                                  location: location.flatMap(ParameterLocation.init(rawValue:)), scheme: nil,
                                  bearerFormat: nil, flows: nil, openIDConnectURL: nil, extensions: extensions,
                                  origin: origin)
        case "oauth2":
            let oauthFlow = OAuthFlow(authorizationURL: authorizationURL, tokenURL: tokenURL, refreshURL: nil,
                                      scopes: scopes)
            var flows = OAuthFlows()
            switch flow {
            case "implicit": flows.implicit = oauthFlow
            case "password": flows.password = oauthFlow
            case "application": flows.clientCredentials = oauthFlow
            case "accessCode": flows.authorizationCode = oauthFlow
            default:
                warning("security scheme '\(key)' has an unknown oauth2 flow '\(flow ?? "")'; it is skipped",
                        at: node, cursor)
                return nil
            }
            return SecurityScheme(key: key, type: .oauth2, description: description, name: nil, location: nil,
                                  scheme: nil, bearerFormat: nil, flows: flows, openIDConnectURL: nil,
                                  extensions: extensions, origin: origin)
        default:
            warning("security scheme '\(key)' has an unknown type '\(type ?? "")'; it is skipped", at: node, cursor,
                    hint: "expected basic, apiKey or oauth2")
            return nil
        }
    }
}
