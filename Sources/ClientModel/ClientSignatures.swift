import SpecParser

// MARK: - The client's initializers and its `Credentials`, decided once (rendered by the emitter, compared by diff)

/// `Credentials.clientCredentials(clientID:clientSecret:scopes:transport:)`: credentials whose bearer token comes
/// from an OAuth 2.0 client-credentials grant.
public struct ClientCredentialsFactoryDecl: Sendable {
    /// `clientCredentials`, or `<credential>ClientCredentials` when several schemes have the flow.
    public var name: String
    public var scheme: SecuritySchemeDecl
}

extension SecuritySchemeDecl {
    /// The credential's type in `Credentials`, before optionality.
    public var credentialType: String {
        switch kind {
        case .apiKey: "Swift.String"
        case .bearer, .externalBearer, .oauth2ClientCredentials: "BearerCredential"
        case .basic: "(username: Swift.String, password: Swift.String)"
        }
    }
}

extension APIDecl {
    /// Scheme keys every operation needs (each alternative of each secured operation contains it, and no
    /// operation is unsecured or optional): those credentials are not optional.
    public var requiredSchemeKeys: Set<String> {
        guard !operations.isEmpty else { return [] }
        var required = Set(securitySchemes.map(\.key))
        for op in operations {
            if op.security.alternatives.isEmpty || op.security.optional { return [] }
            for alternative in op.security.alternatives { required.formIntersection(alternative) }
        }
        return required
    }

    /// `Credentials`' properties and memberwise initializer, one per scheme in document order: `T` for a credential
    /// every operation needs, else `T? = nil`.
    public var credentialArguments: [ArgumentDecl] {
        let required = requiredSchemeKeys
        return securitySchemes.map { scheme in
            let isOptional = !required.contains(scheme.key)
            return ArgumentDecl(label: scheme.identifier.label, name: scheme.identifier.swiftName,
                                type: scheme.credentialType + (isOptional ? "?" : ""),
                                defaultValue: isOptional ? "nil" : nil, sourceLocation: scheme.sourceLocation)
        }
    }

    /// The scheme behind `init(apiKey:…)`: the module's only apiKey scheme, when no other credential is required.
    public var apiKeyInitScheme: SecuritySchemeDecl? {
        let apiKeys = securitySchemes.filter { if case .apiKey = $0.kind { true } else { false } }
        guard apiKeys.count == 1 else { return nil }
        let required = requiredSchemeKeys
        let others = securitySchemes.filter { $0.key != apiKeys[0].key }
        return others.allSatisfy { !required.contains($0.key) } ? apiKeys[0] : nil
    }

    /// The scheme behind `init(<token credentials>…)` (`x-openapi-swift-token`): the scheme with a token endpoint,
    /// unless `tokenInitOmission` says why it gets none.
    public var tokenInitScheme: SecuritySchemeDecl? {
        tokenInitOmission == nil ? securitySchemes.first { $0.tokenEndpoint != nil } : nil
    }

    /// The labels `init(<token credentials>…)` declares itself, which a token credential may not take.
    static let tokenInitLabels: Set<String> = ["serverURL", "options", "transport", "credentials", "apiKey"]

    /// Why the scheme with a token endpoint gets no `init(<token credentials>…)`; nil when there is such an
    /// initializer or no scheme has a token endpoint.
    public var tokenInitOmission: TokenInitOmission? {
        guard let scheme = securitySchemes.first(where: { $0.tokenEndpoint != nil }),
              let endpoint = scheme.tokenEndpoint else { return nil }
        // No credential is required by every operation: the token operation itself is unsecured
        // (`resolveVendorAuthExtensions` rejects it otherwise), so the initializer never has to fill one.
        let clashes = endpoint.credentials.map(\.identifier.unescapedName)
            .filter(Self.tokenInitLabels.contains)
        return clashes.isEmpty ? nil : .labelClash(clashes)
    }

    /// One factory per OAuth 2.0 client-credentials scheme whose token is enough on its own (no other credential is
    /// required).
    public var clientCredentialsFactories: [ClientCredentialsFactoryDecl] {
        let required = requiredSchemeKeys
        let flows = securitySchemes.filter {
            if case .oauth2ClientCredentials = $0.kind { true } else { false }
        }
        return flows.compactMap { scheme in
            let others = securitySchemes.filter { $0.key != scheme.key }
            guard others.allSatisfy({ !required.contains($0.key) }) else { return nil }
            let name = flows.count == 1 ? "clientCredentials"
                : scheme.identifier.unescapedName + "ClientCredentials"
            return ClientCredentialsFactoryDecl(name: name, scheme: scheme)
        }
    }
}

/// Why a token endpoint (`x-openapi-swift-token`) gets no `init(<token credentials>…)`.
public enum TokenInitOmission: Sendable, Hashable {
    /// These token credential labels are the initializer's own (`serverURL`, `options`, …).
    case labelClash([String])

    public var reason: String {
        switch self {
        case .labelClash(let labels):
            "the credential label '" + labels.joined(separator: "', '") + "' is one of the initializer's own ("
                + APIDecl.tokenInitLabels.sorted().joined(separator: ", ") + ")"
        }
    }

    public var hint: String {
        switch self {
        case .labelClash:
            "rename the credential under the scheme's x-openapi-swift-token `credentials`"
        }
    }
}
