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
            let name = NameSanitizer.escaped(scope.claim(base))
            result.append(SecuritySchemeDecl(key: scheme.key, name: name, kind: kind,
                                             doc: docLines(scheme.description)))
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
