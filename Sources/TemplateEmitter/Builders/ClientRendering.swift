import ClientModel
import Foundation

// MARK: - Contexts of the client, its credentials and its error body (the first client file's preamble)

/// Builds the module-level contexts: the client, its credentials and the error body enum.
struct ClientRendering {
    let api: APIDecl
    let index: TypeIndex
    let file: FileContext

    // MARK: - Client

    func clientContext() -> ClientContext {
        var servers: [ServerContext] = []
        for server in api.servers {
            let (url, isRelative) = Self.absoluteURL(server.url)
            var doc = server.description.map { [$0] } ?? []
            if isRelative {
                doc += ["", "The spec gives the relative URL `\(server.url)`; pass the real host as `serverURL`."]
            }
            let comment = SwiftEscaping.lineComment(doc.filter { !$0.isEmpty }.joined(separator: " "))
            servers.append(ServerContext(comment: comment.isEmpty ? "" : " // " + comment,
                                         urlLiteral: SwiftEscaping.stringLiteral(url)))
        }
        var defaultDoc = ["The spec's first server."]
        var defaultLiteral = servers.first?.urlLiteral ?? ""
        if servers.isEmpty {
            defaultLiteral = SwiftEscaping.stringLiteral("http://localhost")
            defaultDoc = ["The spec declares no server: pass the real one as `serverURL`."]
        } else if Self.absoluteURL(api.servers[0].url).isRelative {
            defaultDoc += ["", "The spec gives the relative URL `\(api.servers[0].url)`; pass the real host as "
                           + "`serverURL`."]
        }
        var doc = api.doc.isEmpty ? ["A client for \(api.title) \(api.version)."] : api.doc
        doc += ["", "- Remark: Generated from the spec's `info` and `servers`."]
        let schemes = api.securitySchemes
        let apiKeyScheme = api.apiKeyInitScheme
        return ClientContext(
            file: file, docLines: SwiftEscaping.docComment(doc), servers: servers,
            defaultServerDocLines: SwiftEscaping.docComment(defaultDoc),
            defaultServerLiteral: defaultLiteral, hasCredentials: !schemes.isEmpty,
            hasAPIKeyInit: apiKeyScheme != nil, apiKeyProperty: apiKeyScheme?.identifier.swiftName ?? "",
            requestIDFieldsLiteral: SwiftEscaping.stringArrayLiteral(api.requestIDFields),
            tokenInits: tokenInitContext().map { [$0] } ?? []
        )
    }

    /// `init(clientID:clientSecret:…)` for the scheme with a token endpoint: a `CachingTokenProvider` calls the token
    /// operation through a client without credentials (the operation is unsecured), and apiKey schemes with
    /// `x-openapi-swift-value-from` take the named credential.
    func tokenInitContext() -> TokenInitContext? {
        guard let scheme = api.tokenInitScheme, let endpoint = scheme.tokenEndpoint else { return nil }
        let parameters = endpoint.credentials.map { "\($0.identifier.swiftName): Swift.String" }.joined(separator: ", ")
        let bodyArguments = endpoint.credentials.map { "\($0.identifier.swiftName): \($0.identifier.swiftName)" }
            .joined(separator: ", ")
        func access(_ steps: [TokenFieldStep]) -> (expression: String, isOptional: Bool) {
            var text = "response"
            var optional = false
            for step in steps {
                text += (optional ? "?." : ".") + step.identifier.swiftName
                if step.isOptional { optional = true }
            }
            return (text, optional)
        }
        let token = access(endpoint.tokenPath)
        let what = SwiftEscaping.stringLiteral("the \(endpoint.operationID) response has no token")
        var lines: [String] = []
        if token.isOptional {
            lines.append("guard let token = \(token.expression) else {")
            lines.append("    throw Error(kind: .authentication, operationID: "
                         + "\(SwiftEscaping.stringLiteral(endpoint.operationID)), underlying: \(what))")
            lines.append("}")
        } else {
            lines.append("let token = \(token.expression)")
        }
        var expiry = "nil"
        if let path = endpoint.expiryPath, let kind = endpoint.expiryKind {
            let value = access(path)
            switch (kind, value.isOptional) {
            case (.date, _): expiry = value.expression
            case (.seconds, false): expiry = "Date().addingTimeInterval(TimeInterval(\(value.expression)))"
            case (.seconds, true): expiry = "\(value.expression).map { Date().addingTimeInterval(TimeInterval($0)) }"
            case (.iso8601Text, false): expiry = "ISO8601DateFormatter().date(from: \(value.expression))"
            case (.iso8601Text, true): expiry = "\(value.expression).flatMap { ISO8601DateFormatter().date(from: $0) }"
            }
        }
        lines.append("return (token: token, expiresAt: \(expiry))")
        var arguments: [String] = []
        for other in api.securitySchemes {
            if other.key == scheme.key {
                arguments.append("\(other.identifier.swiftName): .provider(provider)")
            } else if let source = other.valueFrom,
                      let credential = endpoint.credentials.first(where: { $0.identifier.wireName == source }) {
                arguments.append("\(other.identifier.swiftName): \(credential.identifier.swiftName)")
            }
        }
        let labels = endpoint.credentials.map { "`\($0.identifier.unescapedName)`" }
            .joined(separator: ", ")
        let filled = api.securitySchemes.compactMap { other -> String? in
            guard let source = other.valueFrom else { return nil }
            return "`\(other.identifier.unescapedName)` is sent as the `\(source)` credential."
        }
        let doc = [
            "Creates a client that obtains its own bearer token: it calls `\(endpoint.operationName)` with \(labels), "
            + "caches the token until shortly before it expires, shares one fetch between concurrent calls, and "
            + "fetches a new token once after a 401.",
        ] + (filled.isEmpty ? [] : [""] + filled) + [
            "- Parameters:",
        ] + endpoint.credentials.map {
            "  - \($0.identifier.unescapedName): Sent as `\($0.identifier.wireName)`."
        } + [
            "  - serverURL: The server to call; `Servers.default` unless given.",
            "  - options: Timeouts, retries, validation, middlewares and logging (the token call uses them too).",
            "  - transport: How requests are sent; `URLSessionTransport` unless given (tests pass their own).",
        ]
        return TokenInitContext(
            docLines: SwiftEscaping.docComment(doc), parameters: parameters, operationName: endpoint.operationName,
            bodyExpression: "\(endpoint.bodyType.swift)(\(bodyArguments))", fetchLines: lines,
            credentialArguments: arguments.joined(separator: ", ")
        )
    }

    /// An absolute URL for a server entry: relative ones (`/v1`) are resolved against `http://localhost`.
    static func absoluteURL(_ text: String) -> (url: String, isRelative: Bool) {
        if let url = URL(string: text), url.scheme != nil, url.host != nil { return (text, false) }
        let path = text.hasPrefix("/") ? text : "/" + text
        let candidate = "http://localhost" + path
        return URL(string: candidate) != nil ? (candidate, true) : ("http://localhost", true)
    }

    // MARK: - Auth

    func authContext() -> AuthContext {
        var credentials: [CredentialContext] = []
        var headerNames: Set<String> = []
        let factorySchemes = Dictionary(api.clientCredentialsFactories.map { ($0.scheme.key, $0.name) },
                                        uniquingKeysWith: { first, _ in first })
        var factories: [ClientCredentialsFactoryContext] = []
        for (scheme, argument) in zip(api.securitySchemes, api.credentialArguments) {
            var doc = scheme.doc
            var apply: [String]
            switch scheme.kind {
            case .apiKey(let location):
                switch location {
                case .header(let name):
                    headerNames.insert(name)
                    doc += ["", "Sent in the `\(name)` header."]
                    apply = ["request.headers[\(SwiftEscaping.stringLiteral(name))] = value"]
                case .query(let name):
                    headerNames.insert(name)
                    doc += ["", "Sent as the `\(name)` query parameter."]
                    apply = ["request.appendQuery(\(SwiftEscaping.stringLiteral(name)), value)"]
                case .cookie(let name):
                    doc += ["", "Sent as the `\(name)` cookie."]
                    apply = ["request.appendCookie(\(SwiftEscaping.stringLiteral(name)), value)"]
                }
            case .bearer, .externalBearer, .oauth2ClientCredentials:
                headerNames.insert("Authorization")
                doc += ["", "Sent as `Authorization: Bearer …`: a fixed token or a `TokenProvider`."]
                apply = ["request.headers[\"Authorization\"] = \"Bearer \" + (try await value.token(forceRefresh: "
                         + "forceRefresh))"]
                if case .oauth2ClientCredentials(let tokenURL, let scopes) = scheme.kind,
                   let name = factorySchemes[scheme.key] {
                    factories.append(ClientCredentialsFactoryContext(
                        docLines: SwiftEscaping.docComment([
                            "Credentials whose `\(scheme.identifier.unescapedName)` token comes from the "
                            + "OAuth 2.0 client-credentials grant at `\(tokenURL)`, cached until it expires.",
                        ]),
                        name: name, property: scheme.identifier.swiftName,
                        tokenURLLiteral: SwiftEscaping.stringLiteral(tokenURL),
                        scopesLiteral: SwiftEscaping.stringArrayLiteral(scopes)
                    ))
                }
            case .basic:
                headerNames.insert("Authorization")
                doc += ["", "Sent as `Authorization: Basic …`."]
                apply = ["request.headers[\"Authorization\"] = BasicAuth.header(value.username, value.password)"]
            }
            let isOptional = argument.defaultValue != nil
            credentials.append(CredentialContext(
                docLines: SwiftEscaping.docComment(doc), name: scheme.identifier.swiftName, type: argument.type,
                initDefault: argument.defaultValue.map { " = " + $0 } ?? "", isOptional: isOptional,
                schemeLiteral: SwiftEscaping.stringLiteral(scheme.key), applyLines: apply
            ))
        }
        let parameters = credentials.map { "\($0.name): \($0.type)\($0.initDefault)" }.joined(separator: ", ")
        return AuthContext(
            file: file, hasCredentials: !credentials.isEmpty, credentials: credentials, initParameters: parameters,
            headerNamesLiteral: SwiftEscaping.stringArrayLiteral(headerNames.sorted()),
            factories: factories
        )
    }

    // MARK: - Errors

    func errorsContext() -> ErrorsContext {
        let cases = api.errorBodies.map {
            ErrorCaseContext(name: $0.caseName, type: $0.type.swift,
                             nameLiteral: SwiftEscaping.stringLiteral(NameSanitizer.unescaped($0.caseName)))
        }
        return ErrorsContext(file: file, cases: cases, conformances: "Swift.Hashable, Swift.Sendable")
    }
}
