import SpecParser

// MARK: - Security schemes and requirements.

extension Builder {
    /// One `SecuritySchemeDecl` per usable scheme, in document order. The credential property name is the lowerCamel
    /// scheme key with a trailing `Auth` word dropped when something of at least two letters remains and it does not
    /// collide (`ApiKeyAuth` → `apiKey`, `bearerAuth` → `bearer`, `ApiId` → `apiID`, `OAuth` stays `oAuth`).
    func buildSecuritySchemes() -> [SecuritySchemeDecl] {
        var result: [SecuritySchemeDecl] = []
        var scope = NameScope()
        var seenKeys: Set<String> = []
        for scheme in document.components.securitySchemes {
            guard seenKeys.insert(scheme.key).inserted else {
                warn("duplicate security scheme '\(scheme.key)' is ignored", scheme.origin)
                continue
            }
            guard let kind = securityKind(scheme) else { continue }
            usableSchemeKeys.insert(scheme.key)
            var base = credentialBase(scheme.key)
            if scope.contains(base) { base = NameSanitizer.memberBase(scheme.key, fallback: "credential") }
            let identifier = NameSanitizer.identifier(wire: scheme.key, claimed: scope.claim(base))
            result.append(SecuritySchemeDecl(identifier: identifier, kind: kind,
                                             doc: docLines(scheme.description)).located(at: scheme.origin))
        }
        return result
    }

    /// The credential name before collision handling: see `buildSecuritySchemes`.
    private func credentialBase(_ key: String) -> String {
        let full = NameSanitizer.memberBase(key, fallback: "credential")
        var words = NameSanitizer.words(key)
        guard words.count > 1, words.last?.lowercased() == "auth" else { return full }
        words.removeLast()
        guard words.joined().count >= 2 else { return full }
        return NameSanitizer.memberBase(words.joined(separator: " "), fallback: "credential")
    }

    private func securityKind(_ scheme: SecurityScheme) -> SecurityKind? {
        switch scheme.type {
        case .apiKey:
            guard let name = scheme.name, !name.isEmpty else {
                warn("apiKey security scheme '\(scheme.key)' has no `name`; it is not generated", scheme.origin)
                return nil
            }
            if scheme.location == .header || scheme.location == .cookie, !HTTPToken.isValid(name) {
                warn("apiKey security scheme '\(scheme.key)' has \(scheme.location == .header ? "header" : "cookie") "
                     + "name '\(name)', which is not a valid \(scheme.location == .header ? "header" : "cookie") name; "
                     + "it is not generated", scheme.origin, hint: HTTPToken.hint)
                return nil
            }
            switch scheme.location {
            case .header: return .apiKey(.header(name))
            case .query: return .apiKey(.query(name))
            case .cookie: return .apiKey(.cookie(name))
            case .path, .querystring, nil:
                warn("apiKey security scheme '\(scheme.key)' has an unsupported location; it is not generated",
                     scheme.origin)
                return nil
            }
        case .http:
            switch scheme.scheme?.lowercased() {
            case "bearer": return .bearer(format: scheme.bearerFormat)
            case "basic": return .basic
            default:
                warn("http security scheme '\(scheme.scheme ?? "")' ('\(scheme.key)') is not supported; it is not "
                     + "generated", scheme.origin)
                return nil
            }
        case .oauth2:
            if let flow = scheme.flows?.clientCredentials, let tokenURL = flow.tokenURL, !tokenURL.isEmpty {
                return .oauth2ClientCredentials(tokenURL: tokenURL, scopes: flow.scopes.map(\.key))
            }
            let reason = "OAuth2 flows other than clientCredentials are not driven by the client"
            warn("security scheme '\(scheme.key)': \(reason); the caller supplies a bearer token", scheme.origin)
            return .externalBearer(reason: reason)
        case .openIdConnect:
            let reason = "OpenID Connect is not driven by the client"
            warn("security scheme '\(scheme.key)': \(reason); the caller supplies a bearer token", scheme.origin)
            return .externalBearer(reason: reason)
        case .mutualTLS:
            warn("mutualTLS security scheme '\(scheme.key)' is not generated; configure TLS in the transport",
                 scheme.origin)
            return nil
        }
    }

    /// An operation's requirement: its own `security`, else the document's, else none. `[]` is none; `{}` among the
    /// alternatives makes auth optional; an alternative naming an unknown or unsupported scheme is dropped.
    func securityDecl(for operation: Operation) -> SecurityDecl {
        guard let requirements = operation.security ?? document.security, !requirements.isEmpty else { return .none }
        var alternatives: [[String]] = []
        var optional = false
        for requirement in requirements {
            if requirement.schemes.isEmpty {
                optional = true
                continue
            }
            let keys = requirement.schemes.map(\.key)
            if let missing = keys.first(where: { !usableSchemeKeys.contains($0) }) {
                warn("security requirement names unknown or unsupported scheme '\(missing)'; this alternative is "
                     + "dropped", requirement.origin)
                continue
            }
            var unique: [String] = []
            for key in keys where !unique.contains(key) { unique.append(key) }
            if !alternatives.contains(unique) { alternatives.append(unique) }
        }
        if alternatives.isEmpty {
            if !optional { warn("no usable security requirement: the operation is sent without credentials",
                                operation.origin) }
            return .none
        }
        return SecurityDecl(alternatives: alternatives, optional: optional)
    }
}

// MARK: - Vendor extensions: x-openapi-swift-token, x-openapi-swift-value-from

extension Builder {
    /// Reads `x-openapi-swift-token` on bearer schemes and `x-openapi-swift-value-from` on apiKey schemes, once the
    /// operations are built. A bad extension is a warning and is ignored (the scheme still takes a caller's token).
    func resolveVendorAuthExtensions(_ schemes: inout [SecuritySchemeDecl], operations: [OperationDecl]) {
        var tokenCredentials: Set<String> = []
        for index in schemes.indices {
            guard let raw = document.components.securitySchemes.first(where: { $0.key == schemes[index].key }),
                  let value = raw.extensions["x-openapi-swift-token"] else { continue }
            guard case .bearer = schemes[index].kind else {
                warn("x-openapi-swift-token applies to an http bearer scheme only; ignored on '\(raw.key)'", raw.origin)
                continue
            }
            if let endpoint = tokenEndpoint(value, scheme: raw, operations: operations) {
                schemes[index].tokenEndpoint = endpoint
                tokenCredentials.formUnion(endpoint.credentials.map(\.identifier.wireName))
            }
        }
        if schemes.filter({ $0.tokenEndpoint != nil }).count > 1 {
            for index in schemes.indices where schemes[index].tokenEndpoint != nil {
                if let raw = document.components.securitySchemes.first(where: { $0.key == schemes[index].key }) {
                    warn("several schemes have x-openapi-swift-token; only one is supported, all are ignored",
                         raw.origin)
                }
                schemes[index].tokenEndpoint = nil
            }
            tokenCredentials = []
        }
        for index in schemes.indices {
            guard let raw = document.components.securitySchemes.first(where: { $0.key == schemes[index].key }),
                  let value = raw.extensions["x-openapi-swift-value-from"] else { continue }
            guard case .apiKey = schemes[index].kind else {
                warn("x-openapi-swift-value-from applies to an apiKey scheme only; ignored on '\(raw.key)'", raw.origin)
                continue
            }
            guard let name = value.stringValue, !name.isEmpty else {
                warn("x-openapi-swift-value-from must be a credential name (a string); ignored", raw.origin)
                continue
            }
            guard tokenCredentials.contains(name) else {
                warn("x-openapi-swift-value-from: '\(name)' is not a credential of an x-openapi-swift-token scheme; "
                     + "ignored", raw.origin,
                     hint: "list it under `credentials` of the bearer scheme's x-openapi-swift-token")
                continue
            }
            schemes[index].valueFrom = name
        }
    }
}

// MARK: - What the client's initializers leave out

extension Builder {
    /// Warns at the scheme when its `x-openapi-swift-token` gets no `init(<token credentials>…)`
    /// (`APIDecl.tokenInitOmission`); the scheme still takes a caller's token or `TokenProvider`.
    func warnAboutOmittedTokenInit(_ api: APIDecl) -> [Diagnostic] {
        guard let omission = api.tokenInitOmission,
              let scheme = api.securitySchemes.first(where: { $0.tokenEndpoint != nil }),
              let raw = document.components.securitySchemes.first(where: { $0.key == scheme.key }) else { return [] }
        return [.warning("x-openapi-swift-token on '\(scheme.key)' generates no token initializer: \(omission.reason)",
                         at: raw.origin.location, pointer: raw.origin.pointer, hint: omission.hint)]
    }
}
