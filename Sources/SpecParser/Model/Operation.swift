/// A path (or webhook) with its operations in document order.
public struct PathItem: Sendable {
    /// The path template (`/pets/{id}`), or the webhook name for webhooks.
    public var path: String
    public var summary: String?
    public var description: String?
    /// Parameters shared by every operation of this path (already merged into each `Operation`).
    public var parameters: [Parameter]
    public var operations: [Operation]
    public var servers: [Server]
    public var extensions: Extensions
    public var origin: Origin
    public init(path: String, summary: String?, description: String?, parameters: [Parameter],
                operations: [Operation], servers: [Server], extensions: Extensions, origin: Origin) {
        self.path = path
        self.summary = summary
        self.description = description
        self.parameters = parameters
        self.operations = operations
        self.servers = servers
        self.extensions = extensions
        self.origin = origin
    }
}

/// One operation. `parameters` already contains the path-level parameters it does not override.
public struct Operation: Sendable {
    /// Lower-case method as written: `get`, `post`, … `query` (3.2), or an `additionalOperations` key.
    public var method: String
    public var path: String
    public var operationID: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    /// Responses in document order.
    public var responses: [Response]
    /// Nil when the operation does not say (the document's `security` applies); `[]` means no auth.
    public var security: [SecurityRequirement]?
    public var deprecated: Bool
    public var servers: [Server]
    public var extensions: Extensions
    public var origin: Origin
    /// Names of the operation's `callbacks`, in document order. Callbacks are not read further.
    public var callbacks: [String]
    public init(method: String, path: String, operationID: String?, summary: String?, description: String?,
                tags: [String], parameters: [Parameter], requestBody: RequestBody?, responses: [Response],
                security: [SecurityRequirement]?, deprecated: Bool, servers: [Server], extensions: Extensions,
                origin: Origin, callbacks: [String] = []) {
        self.callbacks = callbacks
        self.method = method
        self.path = path
        self.operationID = operationID
        self.summary = summary
        self.description = description
        self.tags = tags
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.deprecated = deprecated
        self.servers = servers
        self.extensions = extensions
        self.origin = origin
    }
}

public enum ParameterLocation: String, Sendable, Hashable {
    case path, query, header, cookie
    /// OpenAPI 3.2 `in: querystring`: the whole query string from one schema.
    case querystring
}

public struct Parameter: Sendable {
    public var name: String
    public var location: ParameterLocation
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    /// The schema, or the schema of the single `content` entry.
    public var schema: Schema?
    /// Media type when the parameter used `content` instead of `schema`.
    public var contentType: String?
    /// The style as written, or nil for the location's default.
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool
    public var example: JSONValue?
    public var extensions: Extensions
    public var origin: Origin
    public init(name: String, location: ParameterLocation, description: String?, required: Bool, deprecated: Bool,
                schema: Schema?, contentType: String?, style: String?, explode: Bool?, allowReserved: Bool,
                example: JSONValue?, extensions: Extensions, origin: Origin) {
        self.name = name
        self.location = location
        self.description = description
        self.required = required
        self.deprecated = deprecated
        self.schema = schema
        self.contentType = contentType
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.example = example
        self.extensions = extensions
        self.origin = origin
    }
}

/// One entry of a `content` map.
public struct MediaType: Sendable {
    /// The media type as written (`application/json`, `multipart/form-data`, `*/*`, …).
    public var mediaType: String
    public var schema: Schema?
    /// OpenAPI 3.2 `itemSchema` (streamed items).
    public var itemSchema: Schema?
    /// Per-property encoding for form and multipart bodies, in document order.
    public var encoding: [PropertyEncoding]
    public var example: JSONValue?
    public var extensions: Extensions
    public var origin: Origin
    public init(mediaType: String, schema: Schema?, itemSchema: Schema?, encoding: [PropertyEncoding],
                example: JSONValue?, extensions: Extensions, origin: Origin) {
        self.mediaType = mediaType
        self.schema = schema
        self.itemSchema = itemSchema
        self.encoding = encoding
        self.example = example
        self.extensions = extensions
        self.origin = origin
    }
}

public struct PropertyEncoding: Sendable {
    public var property: String
    public var contentType: String?
    public var style: String?
    public var explode: Bool?
    public var allowReserved: Bool
    /// The names of the part headers the entry declares (multipart only), in document order.
    public var headers: [String]
    public var origin: Origin?
    public init(property: String, contentType: String?, style: String?, explode: Bool?, allowReserved: Bool,
                headers: [String] = [], origin: Origin? = nil) {
        self.property = property
        self.contentType = contentType
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.headers = headers
        self.origin = origin
    }
}

public struct RequestBody: Sendable {
    public var description: String?
    public var required: Bool
    /// Content entries in document order.
    public var content: [MediaType]
    public var extensions: Extensions
    public var origin: Origin
    public init(description: String?, required: Bool, content: [MediaType], extensions: Extensions, origin: Origin) {
        self.description = description
        self.required = required
        self.content = content
        self.extensions = extensions
        self.origin = origin
    }
}

/// A response status key: `200`, `4XX`, or `default`.
public enum ResponseStatus: Hashable, Sendable, CustomStringConvertible {
    case code(Int)
    /// `4XX` is `.range(4)`.
    case range(Int)
    case `default`

    public var description: String {
        switch self {
        case .code(let c): String(c)
        case .range(let r): "\(r)XX"
        case .default: "default"
        }
    }
}

public struct Response: Sendable {
    public var status: ResponseStatus
    public var description: String?
    public var headers: [Header]
    public var content: [MediaType]
    public var extensions: Extensions
    public var origin: Origin
    /// Names of the response's `links`, in document order. Links are not read further.
    public var links: [String]
    public init(status: ResponseStatus, description: String?, headers: [Header], content: [MediaType],
                extensions: Extensions, origin: Origin, links: [String] = []) {
        self.links = links
        self.status = status
        self.description = description
        self.headers = headers
        self.content = content
        self.extensions = extensions
        self.origin = origin
    }
}

public struct Header: Sendable {
    public var name: String
    public var description: String?
    public var required: Bool
    public var schema: Schema?
    public var origin: Origin
    public init(name: String, description: String?, required: Bool, schema: Schema?, origin: Origin) {
        self.name = name
        self.description = description
        self.required = required
        self.schema = schema
        self.origin = origin
    }
}
