import SpecParser

// MARK: - Operations: names, path templates, parameters.

extension Builder {
    /// Every operation of every path, in document order.
    func buildOperations() -> [OperationDecl] {
        var methods = NameScope(reserved: NameSanitizer.reservedClientMembers)
        var result: [OperationDecl] = []
        for item in document.paths {
            if !item.servers.isEmpty {
                warn("servers of an operation or path are not generated; the client's server URL is used", item.origin)
            }
            for operation in item.operations {
                result.append(buildOperation(operation, methods: &methods))
            }
        }
        return result
    }

    /// The method name: the operationId, or `<method> <path words>` (`GET /pets/{id}` → `getPetsByID`); unique, and
    /// neither it nor `<name>WithResponse` collides with another operation or a member of the client.
    private func methodName(for operation: Operation, in methods: inout NameScope) -> String {
        var source = operation.operationID ?? ""
        if source.isEmpty {
            let segments = operation.path.split(separator: "/").map { segment -> String in
                segment.hasPrefix("{") && segment.hasSuffix("}")
                    ? "by " + segment.dropFirst().dropLast() : String(segment)
            }
            source = ([operation.method] + segments).joined(separator: " ")
        }
        let snapshot = methods
        let suffix = "WithResponse"
        let name = methods.claim(NameSanitizer.methodBase(source)) { candidate in
            if snapshot.contains(candidate + suffix) { return false }
            if candidate.hasSuffix(suffix), snapshot.contains(String(candidate.dropLast(suffix.count))) { return false }
            return true
        }
        methods.reserve(name + suffix)
        return name
    }

    private func buildOperation(_ operation: Operation, methods: inout NameScope) -> OperationDecl {
        let name = methodName(for: operation, in: &methods)
        if !operation.servers.isEmpty {
            warn("servers of an operation or path are not generated; the client's server URL is used",
                 operation.origin)
        }
        for callback in operation.callbacks {
            warn("callbacks are not generated ('\(callback)' of \(operation.method.uppercased()) \(operation.path))",
                 operation.origin)
        }
        for response in operation.responses where !response.links.isEmpty {
            note("links are not generated (\(response.links.joined(separator: ", ")))", response.origin)
        }
        let typeBase = NameSanitizer.upperCamel(name)
        let template = parsePathTemplate(operation.path, origin: operation.origin)
        var reserved = operation.requestBody == nil ? ["options"] : ["options", "body"]
        if (operation.requestBody?.content.count ?? 0) > 1 { reserved.append(Self.contentTypeParameter) }
        var scope = NameScope(reserved: Set(reserved))
        let parameters = buildParameters(operation, templateNames: template.parameterNames, typeBase: typeBase,
                                         scope: &scope)
        let swiftNames = Dictionary(parameters.filter { $0.location == .path }.map {
            ($0.identifier.wireName, $0.identifier.swiftName)
        }, uniquingKeysWith: { first, _ in first })
        let components = template.components.map { component -> PathComponent in
            guard case .parameter(let wire) = component else { return component }
            return .parameter(swiftNames[wire] ?? wire)
        }
        let body = buildRequestBody(operation, typeBase: typeBase)
        let responses = buildResponses(operation, typeBase: typeBase)
        let idempotency = parameters.first {
            $0.location == .header && $0.identifier.wireName.lowercased() == "idempotency-key"
        }
        return OperationDecl(
            name: name,
            operationID: operation.operationID ?? "\(operation.method.uppercased()) \(operation.path)",
            method: operation.method.uppercased(), path: operation.path, pathComponents: components,
            doc: docLines(operation.summary, operation.description), pointer: operation.origin.pointer.description,
            deprecated: operation.deprecated, parameters: parameters,
            body: body, responses: responses.responses,
            success: responses.success, security: securityDecl(for: operation),
            idempotencyKeyParameter: idempotency?.identifier.swiftName, retryableStatuses: responses.retryable,
            responseHeaders: responseHeadersDecl(responses.responses, typeBase: typeBase),
            streamsResponse: responses.streams, statusMatchers: StatusMatcherDecl.ordered(responses.responses))
            .located(at: operation.origin)
    }

    // MARK: - Path templates

    struct PathTemplate {
        /// Literal text (slashes included) and parameters by wire name, in order.
        var components: [PathComponent] = []
        var parameterNames: [String] = []
    }

    /// Splits `/files/{name}.{ext}` into `/files/`, `name`, `.`, `ext`.
    func parsePathTemplate(_ path: String, origin: Origin) -> PathTemplate {
        var template = PathTemplate()
        var literal = ""
        var remaining = Substring(path)
        while let open = remaining.firstIndex(of: "{") {
            literal += remaining[..<open]
            let afterOpen = remaining.index(after: open)
            guard let close = remaining[afterOpen...].firstIndex(of: "}") else {
                warn("unclosed '{' in path template '\(path)' is kept as literal text", origin)
                literal += remaining[open...]
                remaining = ""
                break
            }
            if !literal.isEmpty { template.components.append(.literal(literal)) }
            literal = ""
            let name = String(remaining[afterOpen..<close])
            template.components.append(.parameter(name))
            if !template.parameterNames.contains(name) { template.parameterNames.append(name) }
            remaining = remaining[remaining.index(after: close)...]
        }
        literal += remaining
        if !literal.isEmpty { template.components.append(.literal(literal)) }
        return template
    }

    // MARK: - Parameters

    /// Path parameters in template order, then required, then optional query/header/cookie parameters in document
    /// order. Unsupported ones are dropped with a warning.
    private func buildParameters(_ operation: Operation, templateNames: [String], typeBase: String,
                                 scope: inout NameScope) -> [ParameterDecl] {
        var pathParameters: [String: Parameter] = [:]
        var others: [Parameter] = []
        var seen: Set<String> = []
        for parameter in operation.parameters {
            let lower = parameter.name.lowercased()
            let identity = parameter.location == .header ? lower : parameter.name
            guard seen.insert("\(parameter.location.rawValue):\(identity)").inserted else {
                warn("duplicate parameter '\(parameter.name)' is ignored", parameter.origin)
                continue
            }
            switch parameter.location {
            case .querystring:
                if queryStringEncoding(parameter) != nil { others.append(parameter) }
            case .header where !HTTPToken.isValid(parameter.name), .cookie where !HTTPToken.isValid(parameter.name):
                warn("\(parameter.location.rawValue) parameter '\(parameter.name)' is not a valid "
                     + "\(parameter.location == .header ? "header" : "cookie") name; it is not generated",
                     parameter.origin, hint: HTTPToken.hint)
            case .header where ["accept", "content-type", "authorization"].contains(lower):
                warn("header parameter '\(parameter.name)' is controlled by the client; it is not generated",
                     parameter.origin)
            case .path:
                if templateNames.contains(parameter.name) {
                    pathParameters[parameter.name] = parameter
                } else {
                    warn("path parameter '\(parameter.name)' is not in the path template; it is ignored",
                         parameter.origin)
                }
            case .query, .header, .cookie:
                others.append(parameter)
            }
        }
        var result: [ParameterDecl] = []
        for wire in templateNames {
            if let parameter = pathParameters[wire] {
                result.append(parameterDecl(parameter, typeBase: typeBase, scope: &scope))
            } else {
                warn("path template parameter '{\(wire)}' is not declared; generated as a required String",
                     operation.origin)
                let base = claimParameterName(wire, location: .path, scope: &scope)
                result.append(ParameterDecl(
                    identifier: NameSanitizer.identifier(wire: wire, claimed: base), location: .path,
                    type: .builtin(.string), isRequired: true,
                    style: "simple", explode: false, allowReserved: false, doc: [], deprecated: false,
                    sensitivity: .none, validation: []).located(at: operation.origin))
            }
        }
        for parameter in others where parameter.required {
            result.append(parameterDecl(parameter, typeBase: typeBase, scope: &scope))
        }
        for parameter in others where !parameter.required {
            result.append(parameterDecl(parameter, typeBase: typeBase, scope: &scope))
        }
        return result
    }

    /// A parameter's Swift name: lowerCamel of the wire name; on collision (with another parameter, `body` or
    /// `options`) the location is appended (`idQuery`), then a number.
    private func claimParameterName(_ wire: String, location: ParameterLocationDecl, scope: inout NameScope) -> String {
        var base = NameSanitizer.memberBase(wire, fallback: "parameter")
        if scope.contains(base) {
            base = NameSanitizer.memberBase("\(wire) \(location.rawValue)", fallback: "parameter")
        }
        return NameSanitizer.escaped(scope.claim(base))
    }

    /// OpenAPI 3.2 `in: querystring`: how the value becomes the whole query string. `content` names the media type
    /// of the query string: `application/x-www-form-urlencoded` (or a bare `schema`) for an object sent as
    /// `k=v&k2=v2`, JSON for the percent-encoded JSON text, `text/plain` for a percent-encoded scalar. Anything else
    /// is nil, with a warning saying why.
    func queryStringEncoding(_ parameter: Parameter, warns: Bool = true) -> BodyEncoding? {
        let resolved = parameter.schema.map(target(of:))
        let types = resolved?.nonNullTypes ?? []
        let prefix = "querystring parameter '\(parameter.name)'"
        let problem: String
        switch parameter.contentType.map(Self.essence) {
        case nil, "application/x-www-form-urlencoded"?:
            if let resolved, types == [.object] || (types.isEmpty && !resolved.properties.isEmpty) {
                return .formURLEncoded
            }
            problem = "\(prefix) is form-encoded (k=v&…) but its schema is not an object; it is not generated"
        case let essence? where essence != "*/*" && Self.isJSON(essence):
            return .json
        case "text/plain"?:
            if types.isEmpty || (types.count == 1 && ![.object, .array].contains(types[0])) { return .text }
            problem = "\(prefix) is text/plain but its schema is not a string, number or boolean; it is not generated"
        default:
            problem = "\(prefix) uses content '\(parameter.contentType ?? "")'; only "
                + "application/x-www-form-urlencoded (an object), JSON and text/plain are generated; it is not generated"
        }
        if warns { warn(problem, parameter.origin) }
        return nil
    }

    private func parameterDecl(_ parameter: Parameter, typeBase: String, scope: inout NameScope) -> ParameterDecl {
        let location: ParameterLocationDecl = switch parameter.location {
        case .path: .path
        case .header: .header
        case .cookie: .cookie
        case .query: .query
        case .querystring: .querystring
        }
        let name = claimParameterName(parameter.name, location: location, scope: &scope)
        let isRequired = parameter.location == .path || parameter.required
        var translated = Translated(type: .builtin(.string), nullable: false)
        let isQueryString = parameter.location == .querystring
        let sendsJSONText = (location == .query || location == .header)
            && parameter.contentType.map { Self.isJSON(Self.essence($0)) } == true
        let queryStringEncoding = isQueryString ? queryStringEncoding(parameter, warns: false) : nil
        if isQueryString {
            // JSON content without a schema is any JSON value; text/plain without one is a String.
            let fallback: TypeRef = queryStringEncoding == .json ? .builtin(.json) : .builtin(.string)
            translated = parameter.schema.map {
                translate($0, site: InlineSite(parent: nil, baseName: "\(typeBase) \(parameter.name)"))
            } ?? Translated(type: fallback, nullable: false)
        } else if let contentType = parameter.contentType {
            if sendsJSONText {
                translated = parameter.schema.map {
                    translate($0, site: InlineSite(parent: nil, baseName: "\(typeBase) \(parameter.name)"))
                } ?? Translated(type: .builtin(.json), nullable: false)
            } else {
                warn("parameter '\(parameter.name)' uses content '\(contentType)'; it is generated as a String the "
                     + "caller encodes (JSON content is supported on query and header parameters)", parameter.origin)
            }
        } else if let schema = parameter.schema {
            translated = translate(schema, site: InlineSite(parent: nil, baseName: "\(typeBase) \(parameter.name)"))
        }
        let style = isQueryString ? "form" : parameter.style ?? (location == .path || location == .header ? "simple" : "form")
        let validation = parameter.contentType == nil || isQueryString || sendsJSONText
            ? parameter.schema.map { validationRules(for: $0, type: translated.type) } ?? [] : []
        var decl = ParameterDecl(
            identifier: NameSanitizer.identifier(wire: parameter.name, claimed: name), location: location,
            type: isRequired && (location == .path || !translated.nullable) ? translated.type : translated.optional,
            isRequired: isRequired, style: style, explode: isQueryString || (parameter.explode ?? (style == "form")),
            allowReserved: parameter.allowReserved, doc: docLines(parameter.description),
            deprecated: parameter.deprecated,
            sensitivity: sensitivity(of: parameter.schema, extensions: parameter.extensions, name: parameter.name),
            validation: validation, queryStringEncoding: queryStringEncoding)
        decl.sendsJSONText = sendsJSONText
        return decl.located(at: parameter.origin)
    }
}
