import OpenAPISwiftBase

// MARK: - Operations

public struct OperationDecl: Sendable {
    /// Method name, e.g. `sendAadhaarOTP`.
    public var name: String
    /// The spec's operationId, or `METHOD /path` when missing.
    public var operationID: String
    /// Upper-case HTTP method.
    public var method: String
    /// The path template as written.
    public var path: String
    public var pathComponents: [PathComponent]
    public var doc: [String]
    public var pointer: String
    public var deprecated: Bool
    /// Parameters in signature order (required first, then optional), excluding the body.
    public var parameters: [ParameterDecl]
    public var body: RequestBodyDecl?
    public var responses: [ResponseDecl]
    /// What a successful call returns.
    public var success: SuccessDecl
    public var security: SecurityDecl
    /// Swift name of the header parameter that carries `Idempotency-Key`, if declared.
    public var idempotencyKeyParameter: String?
    /// Extra statuses the spec marks retryable (`x-openapi-swift-retryable` on a response).
    public var retryableStatuses: [Int]
    /// Every header the responses document, typed, in one struct; nil when no response documents a header.
    public var responseHeaders: ResponseHeadersDecl?
    /// Every successful body is a stream: the transport delivers a 2xx body incrementally (`HTTPTransport.stream`).
    public var streamsResponse: Bool
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    /// Which response each received status selects, in matching order (exact, range, `default`).
    public var statusMatchers: [StatusMatcherDecl]
    public init(name: String, operationID: String, method: String, path: String, pathComponents: [PathComponent],
                doc: [String], pointer: String, deprecated: Bool, parameters: [ParameterDecl], body: RequestBodyDecl?,
                responses: [ResponseDecl], success: SuccessDecl, security: SecurityDecl,
                idempotencyKeyParameter: String?, retryableStatuses: [Int],
                responseHeaders: ResponseHeadersDecl? = nil, streamsResponse: Bool = false,
                statusMatchers: [StatusMatcherDecl]? = nil) {
        self.statusMatchers = statusMatchers ?? StatusMatcherDecl.ordered(responses)
        self.responseHeaders = responseHeaders
        self.streamsResponse = streamsResponse
        self.name = name
        self.operationID = operationID
        self.method = method
        self.path = path
        self.pathComponents = pathComponents
        self.doc = doc
        self.pointer = pointer
        self.deprecated = deprecated
        self.parameters = parameters
        self.body = body
        self.responses = responses
        self.success = success
        self.security = security
        self.idempotencyKeyParameter = idempotencyKeyParameter
        self.retryableStatuses = retryableStatuses
    }
}

public enum PathComponent: Sendable, Hashable {
    case literal(String)
    /// A path parameter, by the Swift name of its `ParameterDecl`.
    case parameter(String)
}

public enum ParameterLocationDecl: String, Sendable {
    /// `querystring` (OpenAPI 3.2): the value is the whole query string, encoded as `queryStringEncoding`.
    case path, query, header, cookie, querystring
}

public struct ParameterDecl: Sendable {
    /// The wire name, and the argument label and local name (collision-free with other parameters and generated
    /// locals).
    public var identifier: Identifier
    public var location: ParameterLocationDecl
    /// Full type; `.optional` when not required.
    public var type: TypeRef
    public var isRequired: Bool
    /// Serialization style (`form`, `simple`, `deepObject`, …), resolved to the location's default.
    public var style: String
    public var explode: Bool
    public var allowReserved: Bool
    public var doc: [String]
    public var deprecated: Bool
    public var sensitivity: Sensitivity
    public var validation: [ValidationRule]
    /// The type `validation` is checked on and recursion follows, aliases resolved.
    public var validationShape: ValidationShape = .other
    /// For `querystring`: how the value becomes the query string: `.formURLEncoded` (`k=v&k2=v2`), `.json`
    /// (percent-encoded JSON text) or `.text` (the percent-encoded string). Nil for other locations.
    public var queryStringEncoding: BodyEncoding?
    /// A query or header parameter with `content: application/json` (or another JSON type): its value is sent as
    /// its JSON text.
    public var sendsJSONText = false
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(identifier: Identifier, location: ParameterLocationDecl, type: TypeRef, isRequired: Bool,
                style: String, explode: Bool, allowReserved: Bool, doc: [String], deprecated: Bool,
                sensitivity: Sensitivity, validation: [ValidationRule], queryStringEncoding: BodyEncoding? = nil) {
        self.queryStringEncoding = queryStringEncoding
        self.identifier = identifier
        self.location = location
        self.type = type
        self.isRequired = isRequired
        self.style = style
        self.explode = explode
        self.allowReserved = allowReserved
        self.doc = doc
        self.deprecated = deprecated
        self.sensitivity = sensitivity
        self.validation = validation
    }
}

public struct RequestBodyDecl: Sendable {
    public var isRequired: Bool
    /// Content types in document order; the first is the default.
    public var contents: [BodyContentDecl]
    /// The body argument's type. When every content entry has the same type, that type; otherwise a
    /// generated enum with one case per content entry.
    public var type: TypeRef
    /// True when `type` is a generated per-content enum.
    public var isPerContentEnum: Bool
    /// How the body is validated before it is sent (aliases resolved).
    public var validationShape: ValidationShape = .other
    /// The body schema's own rules (a string body's `maxLength`, an array body's `maxItems`…), checked on the body
    /// value before it is sent; a named struct, enum or union checks its rules itself. Empty for per-content enums.
    public var validation: [ValidationRule] = []
    /// Several content types share one body type: the caller picks one with an extra argument.
    public var contentTypeChoice: ContentTypeChoiceDecl?
    public var doc: [String]
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(isRequired: Bool, contents: [BodyContentDecl], type: TypeRef, isPerContentEnum: Bool, doc: [String],
                contentTypeChoice: ContentTypeChoiceDecl? = nil) {
        self.contentTypeChoice = contentTypeChoice
        self.isRequired = isRequired
        self.contents = contents
        self.type = type
        self.isPerContentEnum = isPerContentEnum
        self.doc = doc
    }
}

/// How the caller chooses among a body's content types: `contentType: <Op>ContentType = .<first case>`, an enum
/// (declared by the emitter) with one case per `BodyContentDecl` (`caseName`, raw value the media type).
public struct ContentTypeChoiceDecl: Sendable {
    /// The enum, e.g. `SendAadhaarOTPContentType`.
    public var typeName: TypeName
    /// The argument's label and local name (reserved among the operation's parameters).
    public var parameterName: String
    public init(typeName: TypeName, parameterName: String) {
        self.typeName = typeName
        self.parameterName = parameterName
    }
}

public enum BodyEncoding: String, Sendable {
    case json, formURLEncoded, multipart, binary, text
}

public struct BodyContentDecl: Sendable {
    public var mediaType: String
    public var encoding: BodyEncoding
    public var type: TypeRef
    /// For `isPerContentEnum` bodies: the enum case name.
    public var caseName: String
    /// For multipart bodies: the parts whose `encoding.contentType` names a concrete media type, in document order.
    public var partContentTypes: [PartContentTypeDecl]
    /// For form-urlencoded bodies: the properties whose `encoding` entry changes how they are written, in document
    /// order. Properties not listed are flattened (`a[b]=c`, arrays as repeated keys).
    public var formFields: [FormFieldDecl]
    /// The `Content-Type` the body is sent with: `mediaType`, or a concrete type for a range (`*/*` →
    /// `application/octet-stream` for bytes).
    public var contentTypeHeader: String
    /// An OpenAPI 3.2 `itemSchema` body (`type` is `[Item]`): how the items are framed on the wire (JSON Lines or
    /// a JSON text sequence). Nil for every other body.
    public var itemFraming: StreamFormat? = nil
    /// A `text/event-stream` `itemSchema` body: which members of each item become the event's fields.
    public var eventFields: EventFieldsDecl? = nil
    /// The rules of this entry's schema on the body value itself (see `RequestBodyDecl.validation`).
    public var validation: [ValidationRule] = []
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(mediaType: String, encoding: BodyEncoding, type: TypeRef, caseName: String,
                partContentTypes: [PartContentTypeDecl] = [], formFields: [FormFieldDecl] = []) {
        self.mediaType = mediaType
        self.contentTypeHeader = mediaType
        self.encoding = encoding
        self.type = type
        self.caseName = caseName
        self.partContentTypes = partContentTypes
        self.formFields = formFields
    }
}

/// The Content-Type of one multipart part, from its `encoding.contentType`: the first concrete media type of the
/// list (`image/png, image/*` → `image/png`; a list of wildcards only gives none, and the runtime's default for the
/// part applies).
public struct PartContentTypeDecl: Sendable, Hashable {
    /// The JSON property name of the part.
    public var property: String
    public var contentType: String
    public init(property: String, contentType: String) {
        self.property = property
        self.contentType = contentType
    }
}

/// How one property of a form-urlencoded body is written, decided from its `encoding` entry.
public struct FormFieldDecl: Sendable, Hashable {
    public enum Serialization: Sendable, Hashable {
        /// Like a query parameter: `style` is form, spaceDelimited, pipeDelimited or deepObject.
        case style(String, explode: Bool, allowReserved: Bool)
        /// As JSON text inside the field (`contentType: application/json`).
        case json
    }

    /// The JSON property name.
    public var property: String
    public var serialization: Serialization
    public init(property: String, serialization: Serialization) {
        self.property = property
        self.serialization = serialization
    }
}

public struct ResponseDecl: Sendable {
    public var status: ResponseStatusDecl
    public var description: String?
    /// Decoded body type; nil when the response has no content.
    public var type: TypeRef?
    public var mediaType: String?
    public var encoding: BodyEncoding?
    public var headers: [ResponseHeaderDecl]
    public var isSuccess: Bool
    public var isRetryable: Bool
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(status: ResponseStatusDecl, description: String? = nil, type: TypeRef? = nil, mediaType: String? = nil,
                encoding: BodyEncoding? = nil, headers: [ResponseHeaderDecl], isSuccess: Bool, isRetryable: Bool) {
        self.status = status
        self.description = description
        self.type = type
        self.mediaType = mediaType
        self.encoding = encoding
        self.headers = headers
        self.isSuccess = isSuccess
        self.isRetryable = isRetryable
    }
}

/// The headers an operation's responses document, merged by name (first declaration wins), as one struct
/// `<Op>ResponseHeaders` (declared by the emitter) that reads them from `HTTPHeaders`.
public struct ResponseHeadersDecl: Sendable {
    public var typeName: TypeName
    /// Unique names; each `type` is the non-optional value type (every member is optional in the struct: a header
    /// may be missing or malformed whatever the spec says).
    public var headers: [ResponseHeaderDecl]
    public init(typeName: TypeName, headers: [ResponseHeaderDecl]) {
        self.typeName = typeName
        self.headers = headers
    }
}

public struct ResponseHeaderDecl: Sendable {
    /// The header name (`wireName`) and the member's Swift name in the operation's response headers struct.
    public var identifier: Identifier
    public var type: TypeRef
    public var doc: [String]
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(identifier: Identifier, type: TypeRef, doc: [String]) {
        self.identifier = identifier
        self.type = type
        self.doc = doc
    }
}

/// The return type of an operation.
public enum SuccessDecl: Sendable {
    /// No 2xx body: returns nothing.
    case void
    /// One body type for every 2xx response.
    case single(TypeRef)
    /// Different 2xx bodies: a generated enum `name` with one case per status.
    case perStatus(TypeName, [SuccessCaseDecl])
}

public struct SuccessCaseDecl: Sendable {
    public var name: String
    public var status: ResponseStatusDecl
    public var type: TypeRef?
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(name: String, status: ResponseStatusDecl, type: TypeRef? = nil) {
        self.name = name
        self.status = status
        self.type = type
    }
}

/// How a `text/event-stream` request item's data becomes text.
public enum EventDataEncoding: Sendable, Hashable {
    /// A `String`, sent as it is.
    case text
    /// A value whose JSON is a string (a date, a UUID, a URL, bytes, an enum of strings): that string, unquoted.
    case stringValue
    /// Anything else: compact JSON. A nil whole item is `null`; a nil `data` property sends no `data:` line.
    case json
}

/// How each item of a `text/event-stream` request body (an OpenAPI 3.2 `itemSchema`) becomes an event. Each member is
/// the Swift member path on the item (`data`, `id.wrapped` for an `OptionalValue`), already escaped.
public struct EventFieldsDecl: Sendable, Hashable {
    /// The item's `data` property; nil when the item is not an event object, and the whole item is the data.
    public var data: String?
    /// The item's `event` and `id` properties, when they are strings; `retry`, when it is an integer.
    public var event: String?
    public var id: String?
    public var retry: String?
    /// The items are optional (a nullable item schema): members are read through `?.`, and a nil item is an event
    /// without fields.
    public var optionalItem = false
    /// How the data (the `data` property, or the whole item) becomes the event's text.
    public var dataEncoding: EventDataEncoding = .json
    /// The `id` property is an integer, sent as its decimal text.
    public var integerID = false
    public init(data: String? = nil, event: String? = nil, id: String? = nil, retry: String? = nil) {
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry
    }
}
