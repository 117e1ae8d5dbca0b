/// A JSON Schema primitive type.
public enum JSONType: String, Hashable, Sendable {
    case string, integer, number, boolean, object, array, null
}

/// A resolved `$ref` to a schema. Schema references are kept as references (not inlined), so recursive
/// types stay finite; `Document.schema(for:)` finds the target.
public struct SchemaReference: Hashable, Sendable {
    /// The `$ref` text as written.
    public var raw: String
    /// The canonical target: `<file path>#<json pointer>`, the same for every spelling of the same target.
    public var key: String
    public init(raw: String, key: String) {
        self.raw = raw
        self.key = key
    }
}

public enum AdditionalProperties: Sendable {
    case bool(Bool)
    case schema(Schema)
}

public struct Discriminator: Sendable {
    public var propertyName: String
    /// Explicit mapping, value → resolved schema reference, in document order.
    public var mapping: [(value: String, reference: SchemaReference)]
    /// OpenAPI 3.2 `defaultMapping`: the schema of a value whose discriminator is missing or not mapped.
    public var defaultMapping: SchemaReference?
    public init(propertyName: String, mapping: [(value: String, reference: SchemaReference)],
                defaultMapping: SchemaReference? = nil) {
        self.propertyName = propertyName
        self.mapping = mapping
        self.defaultMapping = defaultMapping
    }
}

public struct SchemaProperty: Sendable {
    public var name: String
    public var schema: Schema
    public init(name: String, schema: Schema) {
        self.name = name
        self.schema = schema
    }
}

/// A JSON Schema / OpenAPI Schema Object, normalised across versions:
/// - 3.0 `nullable: true` becomes `.null` in `types`;
/// - boolean `exclusiveMinimum`/`exclusiveMaximum` (3.0, Swagger 2.0) become the numeric forms;
/// - a boolean schema (`true`/`false`, 3.1) sets `booleanSchema`.
public final class Schema: Sendable {
    public let origin: Origin
    /// Set when the node is (or contains) a `$ref`. In 3.1, sibling keywords are kept too.
    public let ref: SchemaReference?
    /// `true` / `false` schema (3.1), or nil for an object schema.
    public let booleanSchema: Bool?
    /// Declared types in document order, `.null` included when nullable. Nil when `type` is absent.
    public let types: [JSONType]?
    public let format: String?
    public let title: String?
    public let description: String?

    // Object
    public let properties: [SchemaProperty]
    public let required: [String]
    public let additionalProperties: AdditionalProperties?
    public let minProperties: Int?
    public let maxProperties: Int?

    // Array
    public let items: Schema?
    public let prefixItems: [Schema]?
    /// `prefixItems` was written as a list under `items` (the draft-4 tuple form), not as `prefixItems`.
    public let itemsIsList: Bool
    public let minItems: Int?
    public let maxItems: Int?
    public let uniqueItems: Bool

    // Composition
    public let allOf: [Schema]?
    public let oneOf: [Schema]?
    public let anyOf: [Schema]?
    public let not: Schema?
    public let discriminator: Discriminator?

    // Values
    public let enumValues: [JSONValue]?
    public let constValue: JSONValue?
    public let defaultValue: JSONValue?
    public let examples: [JSONValue]

    // String / number constraints
    public let minLength: Int?
    public let maxLength: Int?
    public let pattern: String?
    public let minimum: Double?
    public let maximum: Double?
    public let exclusiveMinimum: Double?
    public let exclusiveMaximum: Double?
    public let multipleOf: Double?

    // Metadata
    public let readOnly: Bool
    public let writeOnly: Bool
    public let deprecated: Bool
    public let contentEncoding: String?
    public let contentMediaType: String?
    /// `contentSchema` (2019-09+): the schema of a string's decoded content, e.g. the JSON in an SSE `data` field.
    public let contentSchema: Schema?
    public let extensions: Extensions
    /// True when the schema said it may be null (3.0 `nullable: true`, Swagger 2.0 `x-nullable: true`, or
    /// `null` among the 3.1 `type`s), even when `type` is absent and `types` is therefore nil.
    public let nullable: Bool

    public init(
        origin: Origin, ref: SchemaReference? = nil, booleanSchema: Bool? = nil, types: [JSONType]? = nil,
        format: String? = nil, title: String? = nil, description: String? = nil,
        properties: [SchemaProperty] = [], required: [String] = [], additionalProperties: AdditionalProperties? = nil,
        minProperties: Int? = nil, maxProperties: Int? = nil,
        items: Schema? = nil, prefixItems: [Schema]? = nil, minItems: Int? = nil, maxItems: Int? = nil,
        uniqueItems: Bool = false, itemsIsList: Bool = false,
        allOf: [Schema]? = nil, oneOf: [Schema]? = nil, anyOf: [Schema]? = nil, not: Schema? = nil,
        discriminator: Discriminator? = nil,
        enumValues: [JSONValue]? = nil, constValue: JSONValue? = nil, defaultValue: JSONValue? = nil,
        examples: [JSONValue] = [],
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Double? = nil,
        exclusiveMaximum: Double? = nil, multipleOf: Double? = nil,
        readOnly: Bool = false, writeOnly: Bool = false, deprecated: Bool = false,
        contentEncoding: String? = nil, contentMediaType: String? = nil, extensions: Extensions = [],
        nullable: Bool = false, contentSchema: Schema? = nil
    ) {
        self.origin = origin
        self.ref = ref
        self.booleanSchema = booleanSchema
        self.types = types
        self.format = format
        self.title = title
        self.description = description
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
        self.minProperties = minProperties
        self.maxProperties = maxProperties
        self.items = items
        self.prefixItems = prefixItems
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
        self.itemsIsList = itemsIsList
        self.allOf = allOf
        self.oneOf = oneOf
        self.anyOf = anyOf
        self.not = not
        self.discriminator = discriminator
        self.enumValues = enumValues
        self.constValue = constValue
        self.defaultValue = defaultValue
        self.examples = examples
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.multipleOf = multipleOf
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.deprecated = deprecated
        self.contentEncoding = contentEncoding
        self.contentMediaType = contentMediaType
        self.contentSchema = contentSchema
        self.extensions = extensions
        self.nullable = nullable || (types?.contains(.null) ?? false)
    }

    /// True when `types` contains `.null`, or the schema was marked nullable without a `type`.
    public var isNullable: Bool { nullable || (types?.contains(.null) ?? false) }
    /// `types` without `.null`.
    public var nonNullTypes: [JSONType] { types?.filter { $0 != .null } ?? [] }
}
