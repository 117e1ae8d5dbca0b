/// Which specification a document was written against. Every version is read into the same model;
/// differences are normalised at the edge (see `Schema.types`, `Parameter`, `RequestBody`).
public enum SpecVersion: Hashable, Sendable, CustomStringConvertible {
    case swagger2
    case openAPI30(String)
    case openAPI31(String)
    case openAPI32(String)

    public var description: String {
        switch self {
        case .swagger2: "Swagger 2.0"
        case .openAPI30(let v), .openAPI31(let v), .openAPI32(let v): "OpenAPI \(v)"
        }
    }
}

/// Where a node came from: its position and its JSON pointer in its file.
public struct Origin: Hashable, Sendable {
    public var location: SourceLocation
    public var pointer: JSONPointer
    public init(location: SourceLocation, pointer: JSONPointer) {
        self.location = location
        self.pointer = pointer
    }
}

/// The root of a parsed OpenAPI document, with every `$ref` resolved.
public struct Document: Sendable {
    public var version: SpecVersion
    public var info: Info
    public var servers: [Server]
    /// Path items in document order.
    public var paths: [PathItem]
    /// OpenAPI 3.1 webhooks in document order (the `path` of each item is the webhook name).
    public var webhooks: [PathItem]
    public var components: Components
    /// The top-level `security`; `nil` when the document does not say.
    public var security: [SecurityRequirement]?
    public var tags: [Tag]
    public var extensions: Extensions
    public var origin: Origin
    /// Every schema that some `$ref` points at, by `SchemaReference.key`, in first-seen order.
    /// Component schemas are here too (key `<file>#/components/schemas/<Name>`).
    public var referencedSchemas: [ReferencedSchema] {
        didSet { schemaIndex = Self.index(referencedSchemas) }
    }
    /// `SchemaReference.key` → position in `referencedSchemas`, built once.
    private var schemaIndex: [String: Int]

    public init(
        version: SpecVersion, info: Info, servers: [Server], paths: [PathItem], webhooks: [PathItem],
        components: Components, security: [SecurityRequirement]?, tags: [Tag], extensions: Extensions,
        origin: Origin, referencedSchemas: [ReferencedSchema]
    ) {
        self.version = version
        self.info = info
        self.servers = servers
        self.paths = paths
        self.webhooks = webhooks
        self.components = components
        self.security = security
        self.tags = tags
        self.extensions = extensions
        self.origin = origin
        self.referencedSchemas = referencedSchemas
        self.schemaIndex = Self.index(referencedSchemas)
    }

    /// The schema a reference points at (every reference the parser produced has one).
    public func schema(for reference: SchemaReference) -> Schema? {
        referencedSchema(for: reference)?.schema
    }

    /// The referenced-schema entry (with its suggested name) a reference points at.
    public func referencedSchema(for reference: SchemaReference) -> ReferencedSchema? {
        schemaIndex[reference.key].map { referencedSchemas[$0] }
    }

    private static func index(_ schemas: [ReferencedSchema]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: schemas.count)
        for (offset, entry) in schemas.enumerated() where index[entry.key] == nil { index[entry.key] = offset }
        return index
    }
}

public struct Info: Sendable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
    public var extensions: Extensions
    public init(title: String, version: String, summary: String? = nil, description: String? = nil,
                extensions: Extensions = []) {
        self.title = title
        self.version = version
        self.summary = summary
        self.description = description
        self.extensions = extensions
    }
}

public struct Server: Sendable {
    /// The URL template, e.g. `https://{region}.example.com/v1`.
    public var url: String
    public var description: String?
    public var variables: [ServerVariable]
    public var origin: Origin
    public init(url: String, description: String?, variables: [ServerVariable], origin: Origin) {
        self.url = url
        self.description = description
        self.variables = variables
        self.origin = origin
    }
}

public struct ServerVariable: Sendable {
    public var name: String
    public var defaultValue: String
    public var enumValues: [String]?
    public var description: String?
    public init(name: String, defaultValue: String, enumValues: [String]?, description: String?) {
        self.name = name
        self.defaultValue = defaultValue
        self.enumValues = enumValues
        self.description = description
    }
}

public struct Tag: Sendable {
    public var name: String
    public var description: String?
    public init(name: String, description: String?) {
        self.name = name
        self.description = description
    }
}

/// `components`, with component order kept. Parameters, responses, request bodies, headers and
/// examples are resolved into their uses, so only schemas and security schemes are listed here.
public struct Components: Sendable {
    public var schemas: [NamedSchema]
    public var securitySchemes: [SecurityScheme]
    public init(schemas: [NamedSchema] = [], securitySchemes: [SecurityScheme] = []) {
        self.schemas = schemas
        self.securitySchemes = securitySchemes
    }
}

public struct NamedSchema: Sendable {
    public var name: String
    public var schema: Schema
    public init(name: String, schema: Schema) {
        self.name = name
        self.schema = schema
    }
}

/// A schema that a `$ref` points at, with the name its location suggests
/// (the component name, the last pointer component, or the file's base name).
public struct ReferencedSchema: Sendable {
    public var key: String
    public var suggestedName: String
    public var schema: Schema
    /// True for `#/components/schemas/*` (and Swagger 2.0 `#/definitions/*`) of any file.
    public var isComponent: Bool
    public init(key: String, suggestedName: String, schema: Schema, isComponent: Bool) {
        self.key = key
        self.suggestedName = suggestedName
        self.schema = schema
        self.isComponent = isComponent
    }
}
