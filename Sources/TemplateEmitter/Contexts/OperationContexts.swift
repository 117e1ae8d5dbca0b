// MARK: - Contexts of Operation.mustache, Client.mustache, Auth.mustache, Errors.mustache

/// One `case <pattern>: <expression>` arm of a switch over the response status.
struct StatusArmContext: TemplateContext {
    /// `200`, `201, 202`, `200...299` or `default`.
    var pattern: String
    var isDefault: Bool
    /// The arm's value, e.g. `try response.decodeJSON(Pet.self)`.
    var expression: String
    var templateValue: [String: Any] { ["pattern": pattern, "isDefault": isDefault, "expression": expression] }
}

/// `Operation.mustache`: the two methods of one operation, inside `extension <Client>`.
struct OperationContext: TemplateContext {
    var access: String
    var name: String
    var withResponseName: String
    var docLines: [String]
    var withResponseDocLines: [String]
    var isDeprecated: Bool
    /// The parameter list, e.g. `_ body: Pet, id: Swift.Int, options: RequestOptions = .init()`.
    var parameters: String
    /// Arguments forwarding every parameter, e.g. `body, id: id, options: options`.
    var arguments: String
    /// The plain method's return type; empty for `Void`.
    var successType: String
    /// The `Response<…>` value type (`Void` when nothing is returned).
    var responseValueType: String
    /// Local names, chosen not to collide with parameters.
    var requestName: String
    var responseName: String
    var optionsName: String
    /// `RequestBuilder(…)` arguments, each a literal.
    var operationIDLiteral: String
    var methodLiteral: String
    var pathLiteral: String
    /// Statements configuring the request builder (parameters, body, security, validation), in order.
    var requestLines: [String]
    var successArms: [StatusArmContext]
    var errorArms: [StatusArmContext]
    /// The 2xx body is a stream: `perform(…, streaming: true)`.
    var streams = false

    var templateValue: [String: Any] {
        [
            "access": access, "name": name, "withResponseName": withResponseName, "docLines": docLines,
            "withResponseDocLines": withResponseDocLines, "isDeprecated": isDeprecated, "parameters": parameters,
            "arguments": arguments, "successType": successType, "returnsValue": !successType.isEmpty,
            "responseValueType": responseValueType, "requestName": requestName, "responseName": responseName,
            "optionsName": optionsName, "operationIDLiteral": operationIDLiteral, "methodLiteral": methodLiteral,
            "pathLiteral": pathLiteral, "requestLines": requestLines, "mutatesRequest": !requestLines.isEmpty,
            "successArms": successArms.templateValue, "errorArms": errorArms.templateValue,
            "hasErrorArms": !errorArms.isEmpty, "streams": streams,
        ]
    }
}

/// One server in `Client.Servers`.
struct ServerContext: TemplateContext {
    /// ` // Production`: the description as a trailing line comment, or empty.
    var comment: String
    /// `URL(string: "…")!` argument, a literal.
    var urlLiteral: String
    var templateValue: [String: Any] { ["comment": comment, "urlLiteral": urlLiteral] }
}

/// `Client.mustache`.
struct ClientContext: TemplateContext {
    var file: FileContext
    var docLines: [String]
    var servers: [ServerContext]
    var defaultServerDocLines: [String]
    var defaultServerLiteral: String
    var hasCredentials: Bool
    /// `init(apiKey:…)` for a module whose only required credential is one API key.
    var hasAPIKeyInit: Bool
    /// The `Credentials` property that init fills.
    var apiKeyProperty: String
    /// `requestIDFields` as an array literal.
    var requestIDFieldsLiteral: String
    /// The `init(clientID:clientSecret:…)` of a module with an `x-openapi-swift-token` scheme (zero or one).
    var tokenInits: [TokenInitContext] = []

    var templateValue: [String: Any] {
        var value = file.templateValue
        value["tokenInits"] = tokenInits.templateValue
        value["docLines"] = docLines
        value["servers"] = servers.templateValue
        value["defaultServerDocLines"] = defaultServerDocLines
        value["defaultServerLiteral"] = defaultServerLiteral
        value["hasCredentials"] = hasCredentials
        value["hasAPIKeyInit"] = hasAPIKeyInit
        value["apiKeyProperty"] = apiKeyProperty
        value["requestIDFieldsLiteral"] = requestIDFieldsLiteral
        return value
    }
}

/// The convenience initializer that fetches its own bearer token (`x-openapi-swift-token`).
struct TokenInitContext: TemplateContext {
    var docLines: [String]
    /// `clientID: Swift.String, clientSecret: Swift.String`.
    var parameters: String
    /// The token operation's method name.
    var operationName: String
    /// The request body expression, e.g. `AuthorizeRequest(clientID: clientID, clientSecret: clientSecret)`.
    var bodyExpression: String
    /// Statements after `let response = …` that return `(token, expiresAt)`.
    var fetchLines: [String]
    /// The `Credentials(…)` arguments.
    var credentialArguments: String
    var templateValue: [String: Any] {
        ["docLines": docLines, "parameters": parameters, "operationName": operationName,
         "bodyExpression": bodyExpression, "fetchLines": fetchLines, "credentialArguments": credentialArguments]
    }
}

/// One property of `Credentials` and how it is applied.
struct CredentialContext: TemplateContext {
    var docLines: [String]
    var name: String
    /// The property type, e.g. `Swift.String?`, `BearerCredential`.
    var type: String
    /// ` = nil` when optional.
    var initDefault: String
    var isOptional: Bool
    /// The scheme key, a literal.
    var schemeLiteral: String
    /// Statements applying the (unwrapped) credential to `request`.
    var applyLines: [String]
    var templateValue: [String: Any] {
        ["docLines": docLines, "name": name, "type": type, "initDefault": initDefault, "isOptional": isOptional,
         "schemeLiteral": schemeLiteral, "applyLines": applyLines]
    }
}

/// A static factory on `Credentials` for an OAuth2 client-credentials scheme.
struct ClientCredentialsFactoryContext: TemplateContext {
    var docLines: [String]
    /// The factory's name (`clientCredentials`).
    var name: String
    /// The credential property it fills.
    var property: String
    var tokenURLLiteral: String
    var scopesLiteral: String
    var templateValue: [String: Any] {
        ["docLines": docLines, "name": name, "property": property, "tokenURLLiteral": tokenURLLiteral, "scopesLiteral": scopesLiteral]
    }
}

/// `Auth.mustache`.
struct AuthContext: TemplateContext {
    var file: FileContext
    var hasCredentials: Bool
    var credentials: [CredentialContext]
    /// The init's parameter list.
    var initParameters: String
    /// `credentialHeaderNames` as a set literal.
    var headerNamesLiteral: String
    var factories: [ClientCredentialsFactoryContext]
    /// Factories fill one property; the others are passed as nil. Empty when every other property is optional.
    var templateValue: [String: Any] {
        var value = file.templateValue
        value["hasCredentials"] = hasCredentials
        value["credentials"] = credentials.templateValue
        value["initParameters"] = initParameters
        value["headerNamesLiteral"] = headerNamesLiteral
        value["factories"] = factories.templateValue
        return value
    }
}

/// One case of `ErrorBody`.
struct ErrorCaseContext: TemplateContext {
    var name: String
    var type: String
    /// The case name as a literal, for `description`.
    var nameLiteral: String
    var templateValue: [String: Any] { ["name": name, "type": type, "nameLiteral": nameLiteral] }
}

/// `Errors.mustache`.
struct ErrorsContext: TemplateContext {
    var file: FileContext
    var cases: [ErrorCaseContext]
    /// Every payload is `Hashable`.
    var conformances: String
    var templateValue: [String: Any] {
        var value = file.templateValue
        value["cases"] = cases.templateValue
        value["hasCases"] = !cases.isEmpty
        value["conformances"] = conformances
        return value
    }
}
