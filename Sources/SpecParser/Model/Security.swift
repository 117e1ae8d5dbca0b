public enum SecuritySchemeType: String, Sendable, Hashable {
    case apiKey, http, oauth2, openIdConnect, mutualTLS
}

public struct OAuthFlow: Sendable {
    public var authorizationURL: String?
    public var tokenURL: String?
    public var refreshURL: String?
    /// Scope name → description, in document order.
    public var scopes: [JSONMember]
    public init(authorizationURL: String?, tokenURL: String?, refreshURL: String?, scopes: [JSONMember]) {
        self.authorizationURL = authorizationURL
        self.tokenURL = tokenURL
        self.refreshURL = refreshURL
        self.scopes = scopes
    }
}

public struct OAuthFlows: Sendable {
    public var implicit: OAuthFlow?
    public var password: OAuthFlow?
    public var clientCredentials: OAuthFlow?
    public var authorizationCode: OAuthFlow?
    public init(implicit: OAuthFlow? = nil, password: OAuthFlow? = nil, clientCredentials: OAuthFlow? = nil,
                authorizationCode: OAuthFlow? = nil) {
        self.implicit = implicit
        self.password = password
        self.clientCredentials = clientCredentials
        self.authorizationCode = authorizationCode
    }
}

/// A `components.securitySchemes` entry (Swagger 2.0 `securityDefinitions` are read into the same shape).
public struct SecurityScheme: Sendable {
    /// The key under `securitySchemes`.
    public var key: String
    public var type: SecuritySchemeType
    public var description: String?
    /// apiKey: the header/query/cookie name.
    public var name: String?
    /// apiKey: `header`, `query` or `cookie`.
    public var location: ParameterLocation?
    /// http: `bearer`, `basic`, … (lower-cased).
    public var scheme: String?
    public var bearerFormat: String?
    public var flows: OAuthFlows?
    public var openIDConnectURL: String?
    public var extensions: Extensions
    public var origin: Origin
    public init(key: String, type: SecuritySchemeType, description: String?, name: String?,
                location: ParameterLocation?, scheme: String?, bearerFormat: String?, flows: OAuthFlows?,
                openIDConnectURL: String?, extensions: Extensions, origin: Origin) {
        self.key = key
        self.type = type
        self.description = description
        self.name = name
        self.location = location
        self.scheme = scheme
        self.bearerFormat = bearerFormat
        self.flows = flows
        self.openIDConnectURL = openIDConnectURL
        self.extensions = extensions
        self.origin = origin
    }
}

/// One security requirement: every listed scheme is needed together (AND). A list of requirements is
/// alternatives (OR). An empty requirement (`{}`) means anonymous access is allowed.
public struct SecurityRequirement: Sendable {
    public var schemes: [(key: String, scopes: [String])]
    public var origin: Origin
    public init(schemes: [(key: String, scopes: [String])], origin: Origin) {
        self.schemes = schemes
        self.origin = origin
    }
}
