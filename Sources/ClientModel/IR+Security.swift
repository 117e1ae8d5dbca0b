import OpenAPISwiftBase

// MARK: - Security

public struct SecuritySchemeDecl: Sendable {
    /// The key under `securitySchemes` (`wireName`) and the credential's property name in `Credentials`, e.g.
    /// `apiID` (`swiftName`).
    public var identifier: Identifier
    /// The key under `securitySchemes`, which `SecurityDecl` lists.
    public var key: String { identifier.wireName }
    public var kind: SecurityKind
    public var doc: [String]
    /// `x-openapi-swift-token` on a bearer scheme: how the client obtains the token itself.
    public var tokenEndpoint: TokenEndpointDecl?
    /// `x-openapi-swift-value-from` on an apiKey scheme: the wire name of the token credential (e.g. `client_secret`)
    /// whose value the key takes.
    public var valueFrom: String?
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(identifier: Identifier, kind: SecurityKind, doc: [String], tokenEndpoint: TokenEndpointDecl? = nil,
                valueFrom: String? = nil) {
        self.identifier = identifier
        self.kind = kind
        self.doc = doc
        self.tokenEndpoint = tokenEndpoint
        self.valueFrom = valueFrom
    }
}

/// A bearer token the client fetches by calling one of the API's own operations (`x-openapi-swift-token`):
/// `{operation, token, expiry, credentials}`. The operation is unsecured, takes one body of a generated struct
/// type whose required properties are all credentials, and returns a struct holding the token (and expiry).
public struct TokenEndpointDecl: Sendable, Hashable {
    /// The spec's operationId, and the generated method name (e.g. `authorize`).
    public var operationID: String
    public var operationName: String
    /// The request body struct (e.g. `AuthorizeRequest`).
    public var bodyType: TypeName
    /// The caller's credentials, in the extension's order; each fills the body property of the same wire name.
    public var credentials: [TokenCredentialDecl]
    /// Where the token is in the success body (a string), as property steps from the root.
    public var tokenPath: [TokenFieldStep]
    /// Where the expiry is, when given and usable.
    public var expiryPath: [TokenFieldStep]?
    public var expiryKind: TokenExpiryKind?
    public init(operationID: String, operationName: String, bodyType: TypeName, credentials: [TokenCredentialDecl],
                tokenPath: [TokenFieldStep], expiryPath: [TokenFieldStep]?, expiryKind: TokenExpiryKind?) {
        self.operationID = operationID
        self.operationName = operationName
        self.bodyType = bodyType
        self.credentials = credentials
        self.tokenPath = tokenPath
        self.expiryPath = expiryPath
        self.expiryKind = expiryKind
    }
}

/// One credential of a token endpoint: `client_id` → parameter `clientID`, body property `clientID`.
public struct TokenCredentialDecl: Sendable, Hashable {
    /// The wire (JSON / form) name, as listed in the extension, and the convenience initializer's argument label
    /// and parameter name (the body property's Swift name).
    public var identifier: Identifier
    public init(identifier: Identifier) {
        self.identifier = identifier
    }
}

/// One property step of a dotted path into a response struct (`data.access_token`).
public struct TokenFieldStep: Sendable, Hashable {
    /// The property's JSON key (the path's part) and Swift name.
    public var identifier: Identifier
    /// The property is optional: later steps chain with `?.`.
    public var isOptional: Bool
    public init(identifier: Identifier, isOptional: Bool) {
        self.identifier = identifier
        self.isOptional = isOptional
    }
}

/// How a token endpoint's expiry is written.
public enum TokenExpiryKind: String, Sendable, Hashable {
    /// A `date-time` property (decoded as `Date`): the token expires at that instant.
    case date
    /// ISO-8601 text in a plain string property.
    case iso8601Text
    /// A number of seconds from now (`expires_in`).
    case seconds
}

public enum CredentialLocation: Sendable, Hashable {
    case header(String)
    case query(String)
    case cookie(String)
}

public enum SecurityKind: Sendable {
    case apiKey(CredentialLocation)
    /// `Authorization: Bearer …`, fed by a token provider.
    case bearer(format: String?)
    case basic
    /// OAuth2 client credentials: token endpoint and scopes. Sent as a bearer token.
    case oauth2ClientCredentials(tokenURL: String, scopes: [String])
    /// A scheme the generator cannot drive (e.g. OAuth2 authorization code, OpenID Connect): the caller
    /// supplies a bearer token. `reason` is for the warning and docs.
    case externalBearer(reason: String)
}

/// Which credentials an operation needs: any one of `alternatives` (OR); each alternative needs all of its
/// scheme keys (AND). Empty `alternatives` means no auth. `optional` is true when `{}` is one alternative.
public struct SecurityDecl: Sendable, Hashable {
    public var alternatives: [[String]]
    public var optional: Bool
    public init(alternatives: [[String]], optional: Bool) {
        self.alternatives = alternatives
        self.optional = optional
    }
    public static let none = SecurityDecl(alternatives: [], optional: true)
}
