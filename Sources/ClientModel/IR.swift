import OpenAPISwiftBase

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
