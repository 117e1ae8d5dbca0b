/// One file of the document, converted once and cached by normalised path.
final class LoadedFile {
    /// The normalised, `/`-separated path: the file part of every `SchemaReference.key`.
    let path: String
    /// The path used in `SourceLocation`s (the user's spelling for the root file).
    let displayPath: String
    let root: RawNode
    /// OpenAPI 3.2 `$self`, the base URI relative refs are resolved against (nil when absent or local).
    var selfURI: String?
    /// For a root file changed by overlays: which nodes came from which overlay file.
    var provenance: NodeProvenance?

    init(path: String, displayPath: String, root: RawNode) {
        self.path = path
        self.displayPath = displayPath
        self.root = root
    }

    /// The folder relative refs resolve against (`""` for a file in the working directory).
    var directory: String { RefPath.directory(of: path) }
}

/// Where a reader is: a file and the JSON pointer of the node being read.
struct Cursor {
    let file: LoadedFile
    let pointer: JSONPointer

    func child(_ key: String) -> Cursor { Cursor(file: file, pointer: pointer.appending(key)) }
    func child(_ index: Int) -> Cursor { Cursor(file: file, pointer: pointer.appending(index)) }

    func location(_ node: RawNode) -> SourceLocation {
        SourceLocation(file: file.provenance?.file(of: node) ?? file.displayPath, line: node.line, column: node.column)
    }

    func location(key pair: RawPair) -> SourceLocation {
        SourceLocation(file: file.provenance?.keyFile(of: pair) ?? file.displayPath, line: pair.keyLine,
                       column: pair.keyColumn)
    }

    func origin(_ node: RawNode) -> Origin { Origin(location: location(node), pointer: pointer) }

    /// The canonical identity of the node at this cursor: `<file>#<pointer>`.
    var key: String { file.path + pointer.description }
}

/// A schema reached through a `$ref` (or a root component), read once and listed in `referencedSchemas`.
struct SchemaEntry {
    let key: String
    let suggestedName: String
    let isComponent: Bool
    let node: RawNode
    let cursor: Cursor
    var schema: Schema?
}

/// The mutable state of one `DocumentParser.parse` call: diagnostics, loaded files, the schema registry and
/// the caches of inlined objects. Readers are extensions of this class, one file per concern.
final class ParserState {
    let loader: any SpecLoader
    let limits: ParserLimits
    var diagnostics: [Diagnostic] = []
    var version: SpecVersion = .openAPI31("3.1.0")

    var files: [String: LoadedFile] = [:]
    /// Files that failed to load, with the reason, so each failure is reported once per ref.
    var failedFiles: [String: String] = [:]

    var schemaEntries: [SchemaEntry] = []
    var schemaIndex: [String: Int] = [:]

    /// JSON Schema 2020-12 identifiers of the loaded files: an absolute `$id` URI, or `<base>#<anchor>` for
    /// `$anchor`/`$dynamicAnchor`, → the schema's canonical location (see SchemaIDIndex.swift).
    var uriIndex: [String: RefTarget] = [:]
    /// Files whose `$id`s and anchors are in `uriIndex`.
    var indexedFiles: Set<String> = []

    /// Inlined objects reached by `$ref`, by the key of their target, so each target is read once.
    var parameterCache: [String: Parameter] = [:]
    var responseCache: [String: Response] = [:]
    var requestBodyCache: [String: RequestBody] = [:]
    var pathItemCache: [String: PathItem] = [:]
    /// Texts of non-document files (`$ref`ed Markdown descriptions), by normalised path.
    var textFiles: [String: String] = [:]
    /// What the misplaced `$ref` at each place (`<file>#<pointer>`) gave, so each is followed and reported once.
    var misplacedRefs: [String: MisplacedRef] = [:]
    /// `$ref` nodes that a JSON pointer was followed through, so each is reported once.
    var passedThroughRefs: Set<String> = []
    /// Where each operationId was first declared, to report duplicates (ids must be unique in the document).
    var operationIDLocations: [String: SourceLocation] = [:]

    /// Swagger 2.0 document-level `consumes` / `produces`.
    var globalConsumes: [String] = []
    var globalProduces: [String] = []
    /// The `produces` in force for the Swagger 2.0 operation being read.
    var currentProduces: [String] = []

    init(loader: any SpecLoader, limits: ParserLimits) {
        self.loader = loader
        self.limits = limits
    }

    var isSwagger2: Bool { if case .swagger2 = version { true } else { false } }
    /// In 3.0 and Swagger 2.0 keywords next to a schema `$ref` are ignored.
    var ignoresRefSiblings: Bool {
        switch version {
        case .swagger2, .openAPI30: true
        case .openAPI31, .openAPI32: false
        }
    }
    var is32: Bool { if case .openAPI32 = version { true } else { false } }

    // MARK: - Diagnostics

    func error(_ message: String, at node: RawNode, _ cursor: Cursor, hint: String? = nil) {
        diagnostics.append(.error(message, at: cursor.location(node), pointer: cursor.pointer, hint: hint))
    }

    func warning(_ message: String, at node: RawNode, _ cursor: Cursor, hint: String? = nil) {
        diagnostics.append(.warning(message, at: cursor.location(node), pointer: cursor.pointer, hint: hint))
    }

    /// `expected a mapping for 'paths', found a sequence`, at the offending node.
    func typeMismatch(_ expected: String, for name: String, _ node: RawNode, _ cursor: Cursor) {
        error("expected \(expected) for '\(name)', found \(node.kindDescription)", at: node, cursor)
    }
}
