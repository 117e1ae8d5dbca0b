// MARK: - Contexts of Operation.mustache, Client.mustache, Auth.mustache, Errors.mustache

/// One `case <pattern>: <expression>` arm of a switch over the response status.
struct StatusArmContext: TemplateContext {
    /// `200`, `201, 202`, `200...299` or `default`.
    var pattern: String
    var isDefault: Bool
    /// The arm's value, e.g. `try response.decodeJSON(Pet.self)`.
    var expression: String
    var templateObject: TemplateObject {
        ["pattern": .string(pattern), "isDefault": .bool(isDefault), "expression": .string(expression)]
    }
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

    var templateObject: TemplateObject {
        [
            "access": .string(access), "name": .string(name), "withResponseName": .string(withResponseName),
            "docLines": .strings(docLines), "withResponseDocLines": .strings(withResponseDocLines),
            "isDeprecated": .bool(isDeprecated), "parameters": .string(parameters), "arguments": .string(arguments),
            "successType": .string(successType), "returnsValue": .bool(!successType.isEmpty),
            "responseValueType": .string(responseValueType), "requestName": .string(requestName),
            "responseName": .string(responseName), "optionsName": .string(optionsName),
            "operationIDLiteral": .string(operationIDLiteral), "methodLiteral": .string(methodLiteral),
            "pathLiteral": .string(pathLiteral), "requestLines": .strings(requestLines),
            "mutatesRequest": .bool(!requestLines.isEmpty), "successArms": successArms.templateList,
            "errorArms": errorArms.templateList, "hasErrorArms": .bool(!errorArms.isEmpty), "streams": .bool(streams),
        ]
    }
}

/// One server in `Client.Servers`.
struct ServerContext: TemplateContext {
    /// ` // Production`: the description as a trailing line comment, or empty.
    var comment: String
    /// `URL(string: "…")!` argument, a literal.
    var urlLiteral: String
    var templateObject: TemplateObject { ["comment": .string(comment), "urlLiteral": .string(urlLiteral)] }
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
    /// The runtime version this client needs, as a type (`EmbeddedRuntime.versionType`).
    var runtimeVersionType: String = EmbeddedRuntime.versionType

    var templateObject: TemplateObject {
        file.templateObject.adding([
            "runtimeVersionType": .string(runtimeVersionType),
            "tokenInits": tokenInits.templateList,
            "docLines": .strings(docLines),
            "servers": servers.templateList,
            "defaultServerDocLines": .strings(defaultServerDocLines),
            "defaultServerLiteral": .string(defaultServerLiteral),
            "hasCredentials": .bool(hasCredentials),
            "hasAPIKeyInit": .bool(hasAPIKeyInit),
            "apiKeyProperty": .string(apiKeyProperty),
            "requestIDFieldsLiteral": .string(requestIDFieldsLiteral),
        ])
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
    var templateObject: TemplateObject {
        ["docLines": .strings(docLines), "parameters": .string(parameters), "operationName": .string(operationName),
         "bodyExpression": .string(bodyExpression), "fetchLines": .strings(fetchLines),
         "credentialArguments": .string(credentialArguments)]
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
    var templateObject: TemplateObject {
        ["docLines": .strings(docLines), "name": .string(name), "type": .string(type),
         "initDefault": .string(initDefault), "isOptional": .bool(isOptional),
         "schemeLiteral": .string(schemeLiteral), "applyLines": .strings(applyLines)]
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
    var templateObject: TemplateObject {
        ["docLines": .strings(docLines), "name": .string(name), "property": .string(property),
         "tokenURLLiteral": .string(tokenURLLiteral), "scopesLiteral": .string(scopesLiteral)]
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
    var templateObject: TemplateObject {
        file.templateObject.adding([
            "hasCredentials": .bool(hasCredentials),
            "credentials": credentials.templateList,
            "initParameters": .string(initParameters),
            "headerNamesLiteral": .string(headerNamesLiteral),
            "factories": factories.templateList,
        ])
    }
}

/// One case of `ErrorBody`.
struct ErrorCaseContext: TemplateContext {
    var name: String
    var type: String
    /// The case name as a literal, for `description`.
    var nameLiteral: String
    var templateObject: TemplateObject {
        ["name": .string(name), "type": .string(type), "nameLiteral": .string(nameLiteral)]
    }
}

/// `Errors.mustache`.
struct ErrorsContext: TemplateContext {
    var file: FileContext
    var cases: [ErrorCaseContext]
    /// Every payload is `Hashable`.
    var conformances: String
    var templateObject: TemplateObject {
        file.templateObject.adding([
            "cases": cases.templateList,
            "hasCases": .bool(!cases.isEmpty),
            "conformances": .string(conformances),
        ])
    }
}
