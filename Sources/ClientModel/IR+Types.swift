import OpenAPISwiftBase

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
    public init(elementCount: Int, rest: TypeRef?) {
        self.elementCount = elementCount
        self.rest = rest
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
    /// The JSON key (`wireName`), the Swift property name and the memberwise initializer's label (`_` for an
    /// untitled tuple element).
    public var identifier: Identifier
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
    public init(identifier: Identifier, type: TypeRef, isRequired: Bool, isNullable: Bool, doc: [String],
                deprecated: Bool, sensitivity: Sensitivity, validation: [ValidationRule], readOnly: Bool,
                writeOnly: Bool, needsIndirection: Bool = false, distinguishesNull: Bool = false,
                omittedFromRequests: Bool = false, requiredInInit: Bool = false) {
        self.omittedFromRequests = omittedFromRequests
        self.requiredInInit = requiredInInit
        self.needsIndirection = needsIndirection
        self.distinguishesNull = distinguishesNull
        self.identifier = identifier
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
    /// The raw value as text (`wireName`: the string, or the integer's digits) and the Swift case name.
    public var identifier: Identifier
    public var doc: [String]
    /// Where the spec declares it (reports such as `openapi-swift diff` cite it); nil when synthesized.
    public var sourceLocation: SourceLocation? = nil
    public init(identifier: Identifier, doc: [String]) {
        self.identifier = identifier
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
