/// Security schemes (`components.securitySchemes`) and security requirements (`security`).
extension ParserState {
    /// A `security` list: alternatives in order, each with its schemes and scopes in order.
    /// Nil when the field is absent; `[]` when it says "no authentication".
    func readSecurityRequirements(_ pair: RawPair, _ cursor: Cursor) -> [SecurityRequirement]? {
        guard let (items, _, here) = sequence(pair.value, cursor.child(pair.key), pair.key) else { return nil }
        var requirements: [SecurityRequirement] = []
        for (index, item) in items.enumerated() {
            guard let (entries, node, itemCursor) = mapping(item, here.child(index), "security[\(index)]") else {
                continue
            }
            var schemes: [(key: String, scopes: [String])] = []
            for entry in entries {
                schemes.append((entry.key, strings(entry, itemCursor) ?? []))
            }
            requirements.append(SecurityRequirement(schemes: schemes, origin: itemCursor.origin(node)))
        }
        return requirements
    }

    func readSecuritySchemes(_ pair: RawPair, _ cursor: Cursor) -> [SecurityScheme] {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        var schemes: [SecurityScheme] = []
        for entry in entries {
            guard let (node, target, _) = dereference(entry.value, here.child(entry.key), "security scheme"),
                  let (fields, _, _) = mapping(node, target, entry.key) else { continue }
            let scheme = isSwagger2 ? readSwagger2SecurityScheme(entry.key, fields, node, target)
                : readSecurityScheme(entry.key, fields, node, target)
            if let scheme { schemes.append(scheme) }
        }
        return schemes
    }

    private func readSecurityScheme(_ key: String, _ pairs: [RawPair], _ node: RawNode,
                                    _ cursor: Cursor) -> SecurityScheme? {
        var type: String?, description: String?, name: String?, location: String?, scheme: String?
        var bearerFormat: String?, flows: OAuthFlows?, openIDConnectURL: String?, extensions: Extensions = []
        for pair in pairs {
            switch pair.key {
            case "type": type = string(pair, cursor)
            case "description": description = text(pair, cursor)
            case "name": name = string(pair, cursor)
            case "in": location = string(pair, cursor)
            case "scheme": scheme = string(pair, cursor)?.lowercased()
            case "bearerFormat": bearerFormat = string(pair, cursor)
            case "flows": flows = readFlows(pair, cursor)
            case "openIdConnectUrl": openIDConnectURL = string(pair, cursor)
            default: collectExtension(pair, into: &extensions)
            }
        }
        guard let type, let schemeType = SecuritySchemeType(rawValue: type) else {
            warning("security scheme '\(key)' has an unknown type '\(type ?? "")'; it is skipped", at: node, cursor,
                    hint: "expected apiKey, http, oauth2, openIdConnect or mutualTLS")
            return nil
        }
        var parameterLocation: ParameterLocation?
        if schemeType == .apiKey {
            guard let location, let parsed = ParameterLocation(rawValue: location), parsed != .path,
                  parsed != .querystring, name != nil else {
                error("apiKey security scheme '\(key)' needs 'name' and 'in' (header, query or cookie)",
                      at: node, cursor)
                return nil
            }
            parameterLocation = parsed
        }
        return SecurityScheme(key: key, type: schemeType, description: description, name: name,
                              location: parameterLocation, scheme: scheme, bearerFormat: bearerFormat, flows: flows,
                              openIDConnectURL: openIDConnectURL, extensions: extensions,
                              origin: cursor.origin(node))
    }

    private func readFlows(_ pair: RawPair, _ cursor: Cursor) -> OAuthFlows? {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return nil }
        var flows = OAuthFlows()
        for entry in entries {
            guard let (fields, node, flowCursor) = mapping(entry.value, here.child(entry.key), entry.key) else {
                continue
            }
            var authorizationURL: String?, tokenURL: String?, refreshURL: String?, scopes: [JSONMember] = []
            for field in fields {
                switch field.key {
                case "authorizationUrl": authorizationURL = string(field, flowCursor)
                case "tokenUrl": tokenURL = string(field, flowCursor)
                case "refreshUrl": refreshURL = string(field, flowCursor)
                case "scopes":
                    scopes = (mapping(field.value, flowCursor.child("scopes"), "scopes")?.pairs ?? [])
                        .map { JSONMember(key: $0.key, value: json($0.value)) }
                default: break
                }
            }
            let flow = OAuthFlow(authorizationURL: authorizationURL, tokenURL: tokenURL, refreshURL: refreshURL,
                                 scopes: scopes)
            switch entry.key {
            case "implicit": flows.implicit = flow
            case "password": flows.password = flow
            case "clientCredentials": flows.clientCredentials = flow
            case "authorizationCode": flows.authorizationCode = flow
            default:
                if !entry.key.hasPrefix("x-") {
                    warning("unknown OAuth flow '\(entry.key)' is ignored", at: node, flowCursor)
                }
            }
        }
        return flows
    }
}
