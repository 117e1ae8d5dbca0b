import SpecParser

/// Which part of a document to generate: `filter:` of a client in `openapi-swift.yaml`, or `--include-…` /
/// `--exclude-…` / `--skip-deprecated` on the command line. `DocumentFilter.apply` keeps the selected operations and
/// everything they reach (`DocumentFilter+Closure.swift`); the model is then built from what is left.
///
/// - With an include entry (operation, tag, path or schema), only what the include entries select is kept; with
///   none, every operation is.
/// - Exclude entries then drop operations, and `skipDeprecated` drops deprecated operations.
/// - An entry that selects nothing is a warning at the entry (with a "did you mean" when a name is close).
public struct DocumentFilter: Sendable, Hashable {
    /// What an entry names.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An `operationId` (of a path or webhook operation).
        case operation
        /// An operation tag.
        case tag
        /// A path template as written (`/repos/{owner}/{repo}`): every operation of the path.
        case path
        /// A component schema name (`#/components/schemas/<name>`, Swagger 2.0 `#/definitions/<name>`). Include only.
        case schema
    }

    /// One name to include or exclude.
    public struct Entry: Sendable, Hashable {
        public var kind: Kind
        public var value: String
        public var exclude: Bool
        /// How the user wrote the entry's key, for messages (`--include-tag`, `filter.tags`).
        public var label: String
        /// Where the entry is written (openapi-swift.yaml); nil for a command-line option.
        public var location: SourceLocation?

        public init(_ kind: Kind, _ value: String, exclude: Bool = false, label: String? = nil,
                    location: SourceLocation? = nil) {
            self.kind = kind
            self.value = value
            self.exclude = exclude
            self.label = label ?? "--\(exclude ? "exclude" : "include")-\(kind.rawValue)"
            self.location = location
        }
    }

    /// Entries in the order given.
    public var entries: [Entry]
    /// Leave out operations marked `deprecated: true` (unless something kept needs them, like a token operation).
    public var skipDeprecated: Bool

    public init(entries: [Entry] = [], skipDeprecated: Bool = false) {
        self.entries = entries
        self.skipDeprecated = skipDeprecated
    }

    /// True when the filter keeps the whole document.
    public var isEmpty: Bool { entries.isEmpty && !skipDeprecated }

    var includes: [Entry] { entries.filter { !$0.exclude } }
    var excludes: [Entry] { entries.filter(\.exclude) }

    /// The document cut down to the selected operations and their closure, and a warning for each entry that selects
    /// nothing. Document order is kept everywhere, so the output is as deterministic as without a filter.
    public func apply(to document: Document) -> (Document, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let operations = DocumentOperations(document)
        for entry in entries where !operations.matchesAnything(entry) {
            diagnostics.append(unmatched(entry, operations: operations, document: document))
        }
        var kept = Set(operations.all.indices.filter { selects(operations.all[$0]) })
        let closure = FilterClosure(document: document, operations: operations, kept: &kept,
                                    schemas: includes.filter { $0.kind == .schema }.map(\.value))
        let filtered = closure.filteredDocument(keeping: kept)
        if kept.isEmpty && closure.componentCount == 0 {
            diagnostics.append(.warning("the filter keeps no operation and no schema: the client is empty",
                                        at: entries.first?.location, hint: "check the filter's entries"))
        }
        return (filtered, diagnostics)
    }

    /// Whether the filter's own rules keep `operation` (before the closure adds what kept operations need).
    private func selects(_ operation: DocumentOperations.Located) -> Bool {
        let includes = includes
        if !includes.isEmpty && !includes.contains(where: { DocumentOperations.matches($0, operation) }) {
            return false
        }
        if excludes.contains(where: { DocumentOperations.matches($0, operation) }) { return false }
        return !(skipDeprecated && operation.operation.deprecated)
    }

    private func unmatched(_ entry: Entry, operations: DocumentOperations, document: Document) -> Diagnostic {
        let what: String
        let candidates: [String]
        switch entry.kind {
        case .operation:
            what = "no operation has this operationId"
            candidates = operations.all.compactMap(\.operation.operationID)
        case .tag:
            what = "no operation has this tag"
            candidates = operations.tags
        case .path:
            let exists = document.paths.contains { $0.path == entry.value }
            what = exists ? "the path has no operations" : "the document has no such path"
            candidates = exists ? [] : document.paths.map(\.path)
        case .schema:
            what = "the document has no component schema of this name"
            candidates = document.components.schemas.map(\.name)
        }
        let hint = Spelling.closest(to: entry.value, among: candidates).map { "did you mean '\($0)'?" }
        return .warning("\(entry.label) '\(entry.value)' selects nothing: \(what)", at: entry.location, hint: hint)
    }
}

/// Every operation of a document (paths, then webhooks), in document order, with where it lives.
struct DocumentOperations {
    struct Located {
        var operation: Operation
        /// The path template, or the webhook name.
        var path: String
        /// Index into `Document.paths`, or into `Document.webhooks` when `isWebhook`.
        var item: Int
        var isWebhook: Bool
    }

    let all: [Located]
    /// Every tag some operation has, in first-seen order.
    let tags: [String]

    init(_ document: Document) {
        var all: [Located] = []
        for (index, item) in document.paths.enumerated() {
            all += item.operations.map { Located(operation: $0, path: item.path, item: index, isWebhook: false) }
        }
        for (index, item) in document.webhooks.enumerated() {
            all += item.operations.map { Located(operation: $0, path: item.path, item: index, isWebhook: true) }
        }
        self.all = all
        var tags: [String] = [], seen: Set<String> = []
        for located in all {
            for tag in located.operation.tags where seen.insert(tag).inserted { tags.append(tag) }
        }
        self.tags = tags
        self.componentNames = Set(document.components.schemas.map(\.name))
    }

    private let componentNames: Set<String>

    /// Whether `entry` names `operation`. Paths match path operations only (a webhook's key is a name, not a path).
    static func matches(_ entry: DocumentFilter.Entry, _ located: Located) -> Bool {
        switch entry.kind {
        case .operation: located.operation.operationID == entry.value
        case .tag: located.operation.tags.contains(entry.value)
        case .path: !located.isWebhook && located.path == entry.value
        case .schema: false
        }
    }

    func matchesAnything(_ entry: DocumentFilter.Entry) -> Bool {
        entry.kind == .schema ? componentNames.contains(entry.value) : all.contains { Self.matches(entry, $0) }
    }
}
