import SpecParser

// MARK: - The intermediate representation: every decision made, nothing left for templates.
//
// ClientModel turns a parsed `Document` into an `APIDecl`. Every Swift identifier in here is final
// (sanitized, keyword-escaped, collision-free). Spec text (docs, raw values, wire names) is kept raw;
// the emitter escapes it through one function per context (doc comment, string literal).

/// The root of the IR: one generated module.
public struct APIDecl: Sendable {
    public var moduleName: String
    /// The client type, e.g. `AccuAuthClient`.
    public var clientName: String
    public var accessLevel: AccessLevel
    /// The spec path as given, for the file header.
    public var specPath: String
    /// The overlays applied to the spec, in order, as given (CLI `--overlay`, config `overlays:`), for the header.
    public var overlayPaths: [String] = []
    public var title: String
    public var version: String
    /// Doc text for the client type (raw, unescaped), one entry per line.
    public var doc: [String]
    public var servers: [ServerDecl]
    /// Top-level types in a deterministic order; nested types live in `TypeDecl.nested`.
    public var types: [TypeDecl]
    public var operations: [OperationDecl]
    public var securitySchemes: [SecuritySchemeDecl]
    /// Every distinct type used by a documented non-2xx response, for the module's `ErrorBody` enum.
    public var errorBodies: [ErrorBodyCaseDecl]
    /// JSON property names that carry the provider's request id (`x-openapi-swift-request-id`, or found
    /// by name: request_id, transaction_id, call_id, requestId …), searched in error and success bodies.
    public var requestIDFields: [String]
    public var diagnostics: [Diagnostic]
    /// The optional runtime parts the module uses (computed from the rest when the IR is built).
    public var runtimeFeatures: RuntimeFeatures
    /// The runtime module the generated files import (`OpenAPISwiftRuntime`), or nil when the runtime's files are
    /// emitted into the module itself (a self-contained folder).
    public var runtimeModule: String?

    public init(moduleName: String, clientName: String, accessLevel: AccessLevel, specPath: String, title: String,
                version: String, doc: [String], servers: [ServerDecl], types: [TypeDecl], operations: [OperationDecl],
                securitySchemes: [SecuritySchemeDecl], errorBodies: [ErrorBodyCaseDecl], requestIDFields: [String],
                diagnostics: [Diagnostic]) {
        self.moduleName = moduleName
        self.clientName = clientName
        self.accessLevel = accessLevel
        self.specPath = specPath
        self.title = title
        self.version = version
        self.doc = doc
        self.servers = servers
        self.types = types
        self.operations = operations
        self.securitySchemes = securitySchemes
        self.errorBodies = errorBodies
        self.requestIDFields = requestIDFields
        self.diagnostics = diagnostics
        self.runtimeFeatures = .required(types: types, operations: operations, securitySchemes: securitySchemes)
    }
}

public enum AccessLevel: String, Sendable, CaseIterable {
    case `public`, `package`, `internal`
}

/// Options the user chose for this module.
public struct ModelOptions: Sendable {
    public var moduleName: String
    public var accessLevel: AccessLevel
    /// The runtime module to import, or nil to emit the runtime into the module (self-contained output).
    public var runtimeModule: String?
    /// The part of the document to generate; empty keeps all of it.
    public var filter: DocumentFilter
    public init(moduleName: String, accessLevel: AccessLevel = .public, runtimeModule: String? = nil,
                filter: DocumentFilter = DocumentFilter()) {
        self.moduleName = moduleName
        self.accessLevel = accessLevel
        self.runtimeModule = runtimeModule
        self.filter = filter
    }
}

public struct ServerDecl: Sendable {
    /// The URL with variables replaced by their defaults.
    public var url: String
    public var description: String?
    public init(url: String, description: String? = nil) {
        self.url = url
        self.description = description
    }
}

// MARK: - Types

/// A type as used in a declaration. `swift` renders it.
public indirect enum TypeRef: Hashable, Sendable {
    case builtin(BuiltinType)
    /// A generated type, by its full (possibly nested) name.
    case named(TypeName)
    case array(TypeRef)
    /// `[String: T]`.
    case dictionary(TypeRef)
    case optional(TypeRef)
    /// A streamed response body: an `AsyncSequence` of decoded items (`ServerSentEvents<T>`, `JSONStream<T>`).
    case stream(StreamFormat, TypeRef)

    /// The Swift spelling, e.g. `[String: Pet]?`, `SendAadhaarOTPResponse.Result`.
    public var swift: String {
        switch self {
        case .builtin(let b): b.rawValue
        case .named(let n): n.swift
        case .array(let e): "[\(e.swift)]"
        case .dictionary(let v): "[String: \(v.swift)]"
        case .optional(let w):
            if case .optional = w { w.swift } else { "\(w.swift)?" }
        case .stream(let format, let item): "\(format.sequenceType)<\(item.swift)>"
        }
    }

    public var isOptional: Bool { if case .optional = self { true } else { false } }
    /// The type without one level of optionality.
    public var unwrapped: TypeRef { if case .optional(let w) = self { w } else { self } }
}

/// Builtin and runtime types. Raw values are the Swift spelling in generated code. Spec types whose names
/// would shadow these are renamed by the sanitizer, so short names are safe.
public enum BuiltinType: String, Hashable, Sendable {
    case string = "String"
    case int = "Int"
    case int32 = "Int32"
    case int64 = "Int64"
    case double = "Double"
    case float = "Float"
    case bool = "Bool"
    /// `format: date-time` (RFC 3339, fractional seconds accepted).
    case date = "Date"
    /// `format: date` (`YYYY-MM-DD`): the runtime's `CalendarDate`.
    case calendarDate = "CalendarDate"
    case uuid = "UUID"
    /// `format: byte`: base64 in JSON, `Data` in Swift.
    case base64 = "Data"
    /// `format: binary` / octet-stream bodies: raw bytes. Spelled `Data` too; kept distinct for encoding.
    case binary = "Foundation.Data"
    case url = "URL"
    /// Free-form JSON: the runtime's `JSONValue`.
    case json = "JSONValue"
    /// A `Retry-After` response header (delay-seconds or an HTTP-date): the runtime's `RetryAfter`.
    case retryAfter = "RetryAfter"
    /// A body with no schema in a JSON response, or 204: nothing.
    case void = "Void"
}

/// How a streamed response body is framed (`TypeRef.stream`), by media type.
public enum StreamFormat: String, Hashable, Sendable {
    /// `text/event-stream`: events whose `data` decodes as the item type (`String` data is kept as text).
    case serverSentEvents
    /// `application/jsonl`, `application/x-ndjson`: one JSON item per line.
    case jsonLines
    /// `application/json-seq` (RFC 7464): JSON items each introduced by a record separator (0x1E).
    case jsonSequence

    /// The runtime's generic sequence type.
    public var sequenceType: String {
        switch self {
        case .serverSentEvents: "ServerSentEvents"
        case .jsonLines, .jsonSequence: "JSONStream"
        }
    }
}

/// A generated type's name: its path of nesting, e.g. `["SendAadhaarOTPResponse", "Result"]`.
public struct TypeName: Hashable, Sendable, Comparable {
    public var components: [String]
    public init(_ components: [String]) { self.components = components }
    public init(_ name: String) { self.components = [name] }
    public var swift: String { components.joined(separator: ".") }
    public var local: String { components.last ?? "" }
    public func nested(_ child: String) -> TypeName { TypeName(components + [child]) }
    public static func < (lhs: TypeName, rhs: TypeName) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}

/// A generated declaration.
public struct TypeDecl: Sendable {
    public var name: TypeName
    public var doc: [String]
    /// JSON pointer this type was generated from, e.g. `#/components/schemas/Pet`.
    public var pointer: String
    public var deprecated: Bool
    public var kind: TypeKind
    /// Types declared inside this one (inline schemas of its properties), in property order.
    public var nested: [TypeDecl]
    /// A struct or union that conforms to `Validatable`: it has rules of its own, or contains (through properties,
    /// cases, aliases, optionals, arrays and dictionaries) a type that does. Set once every type is declared.
    public var isValidatable = false

    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(name: TypeName, doc: [String], pointer: String, deprecated: Bool, kind: TypeKind, nested: [TypeDecl]) {
        self.name = name
        self.doc = doc
        self.pointer = pointer
        self.deprecated = deprecated
        self.kind = kind
        self.nested = nested
    }
}

public enum TypeKind: Sendable {
    case `struct`(StructDecl)
    case `enum`(EnumDecl)
    case union(UnionDecl)
    /// `typealias Name = target`.
    case alias(TypeRef)
}

public struct StructDecl: Sendable {
    public var properties: [PropertyDecl]
    /// When set, unknown JSON keys are kept in a property of this name, of type `[String: T]`.
    public var additionalProperties: AdditionalPropertiesDecl?
    /// Rules on the whole value: `minProperties`/`maxProperties` (objects), `minItems`/`maxItems` (tuples).
    public var validation: [ValidationRule]
    /// Set for a `prefixItems` tuple: the value is a JSON array, `properties` are its elements in order.
    public var tuple: TupleDecl?
    /// `oneOf`/`anyOf` parts of an `allOf`: members decoded from and encoded into the same JSON object.
    public var flattenedUnions: [FlattenedUnionDecl]
    public init(properties: [PropertyDecl], additionalProperties: AdditionalPropertiesDecl?,
                validation: [ValidationRule] = [], tuple: TupleDecl? = nil,
                flattenedUnions: [FlattenedUnionDecl] = []) {
        self.properties = properties
        self.additionalProperties = additionalProperties
        self.validation = validation
        self.tuple = tuple
        self.flattenedUnions = flattenedUnions
    }
}

/// A `prefixItems` tuple, coded through an unkeyed container: the struct's properties are the positional elements
/// (required ones first: elements below `minItems` are non-optional), then, when `rest` is set, the last property
/// holds the elements after them (`items`, or `JSONValue` when `items` is absent).
public struct TupleDecl: Sendable, Hashable {
    /// How many leading properties are positional elements (the rest property, if any, follows them).
    public var elementCount: Int
    /// The rest property's element type; nil for a closed tuple (`items: false`, or `maxItems` reached).
    public var rest: TypeRef?
    /// Elements named `_0`, `_1`… take no argument label in the initializer.
    public var unlabeled: [Bool]
    public init(elementCount: Int, rest: TypeRef?, unlabeled: [Bool]) {
        self.elementCount = elementCount
        self.rest = rest
        self.unlabeled = unlabeled
    }
}

public struct AdditionalPropertiesDecl: Sendable {
    /// The Swift property name (usually `additionalProperties`, renamed on collision).
    public var name: String
    public var valueType: TypeRef
    public init(name: String, valueType: TypeRef) {
        self.name = name
        self.valueType = valueType
    }
}

public struct PropertyDecl: Sendable {
    /// Swift identifier, escaped if needed (e.g. `` `default` ``).
    public var name: String
    /// The JSON key.
    public var jsonName: String
    /// Full type, `.optional(…)` when not required or nullable.
    public var type: TypeRef
    public var isRequired: Bool
    public var isNullable: Bool
    public var doc: [String]
    public var deprecated: Bool
    public var sensitivity: Sensitivity
    public var validation: [ValidationRule]
    /// The type `validation` is checked on and recursion follows, aliases resolved.
    public var validationShape: ValidationShape = .other
    public var readOnly: Bool
    public var writeOnly: Bool
    /// True when the property's type contains the enclosing struct by value (directly or through other structs,
    /// unions or optionals, not through arrays or dictionaries): the emitter must box it (`indirect` storage).
    public var needsIndirection: Bool
    /// Optional *and* nullable in a type sent in a request body: absent and `null` mean different things (a PATCH
    /// clears a field with `null`), so the emitter spells the type `OptionalValue<T>` (`.absent`, `.null`,
    /// `.value(T)`) instead of `T?`. `type` stays `.optional(T)`.
    public var distinguishesNull: Bool
    /// Read-only in a type a request body can contain: left out when encoding a request (`Encoder.isRequestBody`).
    /// A required one is `T?` (requests leave it out); `isRequired` is then false.
    public var omittedFromRequests: Bool
    /// Required and write-only in a type responses contain: stored as `T?` (responses leave it out) but required by
    /// the memberwise initializer, whose parameter is `type.unwrapped`.
    public var requiredInInit: Bool
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(name: String, jsonName: String, type: TypeRef, isRequired: Bool, isNullable: Bool, doc: [String],
                deprecated: Bool, sensitivity: Sensitivity, validation: [ValidationRule], readOnly: Bool,
                writeOnly: Bool, needsIndirection: Bool = false, distinguishesNull: Bool = false,
                omittedFromRequests: Bool = false, requiredInInit: Bool = false) {
        self.omittedFromRequests = omittedFromRequests
        self.requiredInInit = requiredInInit
        self.needsIndirection = needsIndirection
        self.distinguishesNull = distinguishesNull
        self.name = name
        self.jsonName = jsonName
        self.type = type
        self.isRequired = isRequired
        self.isNullable = isNullable
        self.doc = doc
        self.deprecated = deprecated
        self.sensitivity = sensitivity
        self.validation = validation
        self.readOnly = readOnly
        self.writeOnly = writeOnly
    }
}

/// Whether a value may be shown in `description`, `dump`, logs and errors.
public enum Sensitivity: String, Sendable {
    case none
    /// `x-sensitive: true`, `format: password`, `writeOnly: true`: masked (long digit strings keep their last 4).
    case sensitive
}

/// A constraint checked before a request is sent.
public enum ValidationRule: Hashable, Sendable {
    case pattern(String)
    case minLength(Int)
    case maxLength(Int)
    case minimum(Double, exclusive: Bool)
    case maximum(Double, exclusive: Bool)
    case minItems(Int)
    case maxItems(Int)
    /// No two items equal (arrays of `Hashable` values: every generated type and `JSONValue` is).
    case uniqueItems
    /// Integers: exact remainder; floating values: a tolerant check (decimal steps like 0.01 pass).
    case multipleOf(Double)
    /// Members of an object: dictionary entries, or a struct's encoded properties plus its additional properties.
    case minProperties(Int)
    case maxProperties(Int)
    /// Allowed raw values (string enums used as plain strings, or const).
    case allowedValues([String])
    case format(String)
}

/// A string or integer enum. The model decides everything the declaration needs: the raw values are distinct, and
/// those of an `.int` enum are decimal integer literals (`SchemaTranslator+Enum.swift`).
public struct EnumDecl: Sendable {
    public enum RawType: String, Sendable { case string = "String", int = "Int" }
    public var rawType: RawType
    public var cases: [EnumCaseDecl]
    /// The case that keeps an unknown raw value from the server (`unknown(String)`), collision-free.
    public var unknownCaseName: String
    public init(rawType: RawType, cases: [EnumCaseDecl], unknownCaseName: String) {
        self.rawType = rawType
        self.cases = cases
        self.unknownCaseName = unknownCaseName
    }
}

public struct EnumCaseDecl: Sendable {
    /// Swift case name, escaped if needed.
    public var name: String
    /// The raw value as text (the string, or the integer's digits).
    public var rawValue: String
    public var doc: [String]
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(name: String, rawValue: String, doc: [String]) {
        self.name = name
        self.rawValue = rawValue
        self.doc = doc
    }
}

/// `oneOf`/`anyOf`: an enum with one case per alternative, or (`keepsAllMatches`) a struct with one optional
/// member per alternative.
public struct UnionDecl: Sendable {
    public enum Kind: String, Sendable { case oneOf, anyOf }
    public var kind: Kind
    public var discriminator: DiscriminatorDecl?
    /// Alternatives in the order decoding tries them (most specific first), deterministic.
    public var cases: [UnionCaseDecl]
    /// An `anyOf` without a discriminator: every alternative the value matches is kept (a struct with one optional
    /// member per alternative; objects are merged when encoding), not only the first.
    public var keepsAllMatches: Bool
    /// An enum whose decoding may find no alternative keeps the value in an `unknown(JSONValue)` case: a
    /// discriminator without `defaultMapping`, or an undiscriminated `oneOf`.
    public var hasUnknownCase: Bool
    public init(kind: Kind, discriminator: DiscriminatorDecl? = nil, cases: [UnionCaseDecl],
                keepsAllMatches: Bool = false) {
        self.kind = kind
        self.discriminator = discriminator
        self.cases = cases
        self.keepsAllMatches = keepsAllMatches
        self.hasUnknownCase = discriminator.map { $0.defaultCaseName == nil } ?? !keepsAllMatches
    }
}

public struct DiscriminatorDecl: Sendable {
    public var propertyName: String
    /// Discriminator value → case name, explicit and implicit mappings, document order.
    public var mapping: [(value: String, caseName: String)]
    /// The case a value decodes as when the discriminator is missing or has no mapping (3.2 `defaultMapping`).
    public var defaultCaseName: String?
    public init(propertyName: String, mapping: [(value: String, caseName: String)], defaultCaseName: String? = nil) {
        self.propertyName = propertyName
        self.mapping = mapping
        self.defaultCaseName = defaultCaseName
    }
}

public struct UnionCaseDecl: Sendable {
    public var name: String
    public var type: TypeRef
    /// What a JSON value must look like to be tried as this case.
    public var hint: DecodeHint
    /// True when the case's value contains the union itself by value: the emitter marks the case `indirect`.
    public var needsIndirection: Bool = false
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    /// The value is a generated object type (a struct, coded through a keyed container): encoding writes it into
    /// the union's own encoder, so several such values (an `anyOf`, a `oneOf` inside `allOf`) merge into one object.
    public var encodesObject: Bool
    /// How the case's value is validated (aliases resolved).
    public var validationShape: ValidationShape = .other
    public init(name: String, type: TypeRef, hint: DecodeHint, needsIndirection: Bool = false,
                encodesObject: Bool = false) {
        self.name = name
        self.type = type
        self.hint = hint
        self.needsIndirection = needsIndirection
        self.encodesObject = encodesObject
    }
}

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
    /// Argument label and local name (collision-free with other parameters and generated locals).
    public var name: String
    /// The wire name.
    public var wireName: String
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
    public init(name: String, wireName: String, location: ParameterLocationDecl, type: TypeRef, isRequired: Bool,
                style: String, explode: Bool, allowReserved: Bool, doc: [String], deprecated: Bool,
                sensitivity: Sensitivity, validation: [ValidationRule], queryStringEncoding: BodyEncoding? = nil) {
        self.queryStringEncoding = queryStringEncoding
        self.name = name
        self.wireName = wireName
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
    public var status: ResponseStatus
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
    public init(status: ResponseStatus, description: String? = nil, type: TypeRef? = nil, mediaType: String? = nil,
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
    public var name: String
    public var wireName: String
    public var type: TypeRef
    public var doc: [String]
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(name: String, wireName: String, type: TypeRef, doc: [String]) {
        self.name = name
        self.wireName = wireName
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
    public var status: ResponseStatus
    public var type: TypeRef?
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(name: String, status: ResponseStatus, type: TypeRef? = nil) {
        self.name = name
        self.status = status
        self.type = type
    }
}

// MARK: - Security

public struct SecuritySchemeDecl: Sendable {
    /// The key under `securitySchemes`.
    public var key: String
    /// The credential's property name in `Credentials`, e.g. `apiID`.
    public var name: String
    public var kind: SecurityKind
    public var doc: [String]
    /// `x-openapi-swift-token` on a bearer scheme: how the client obtains the token itself.
    public var tokenEndpoint: TokenEndpointDecl?
    /// `x-openapi-swift-value-from` on an apiKey scheme: the wire name of the token credential (e.g. `client_secret`)
    /// whose value the key takes.
    public var valueFrom: String?
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(key: String, name: String, kind: SecurityKind, doc: [String], tokenEndpoint: TokenEndpointDecl? = nil,
                valueFrom: String? = nil) {
        self.key = key
        self.name = name
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
    /// The wire (JSON / form) name, as listed in the extension.
    public var jsonName: String
    /// The convenience initializer's argument label (the body property's Swift name).
    public var parameterName: String
    public init(jsonName: String, parameterName: String) {
        self.jsonName = jsonName
        self.parameterName = parameterName
    }
}

/// One property step of a dotted path into a response struct (`data.access_token`).
public struct TokenFieldStep: Sendable, Hashable {
    public var name: String
    public var jsonName: String
    /// The property is optional: later steps chain with `?.`.
    public var isOptional: Bool
    public init(name: String, jsonName: String, isOptional: Bool) {
        self.name = name
        self.jsonName = jsonName
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

/// One case of the module's `ErrorBody` enum.
public struct ErrorBodyCaseDecl: Sendable {
    public var caseName: String
    public var type: TypeRef
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(caseName: String, type: TypeRef) {
        self.caseName = caseName
        self.type = type
    }
}
