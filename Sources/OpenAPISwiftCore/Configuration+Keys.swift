import ClientModel
import SpecParser
import Yams

// MARK: - Known keys and `filter:`

extension ConfigurationParser {
    static let rootKeys = ["runtime", "clients"]
    static let runtimeKeys = ["module", "output"]
    static let clientKeys = ["spec", "output", "module", "access", "templates", "overlays", "filter"]
    static let filterKeys = ["operations", "tags", "paths", "schemas", "exclude", "deprecated"]
    static let excludeKeys = ["operations", "tags", "paths"]

    /// A warning at each key of `mapping` that is not one of `known` (the key is ignored), with a "did you mean" when a
    /// known key is close. `context` says where the key is (`a client`, `filter:`).
    static func unknownKeys(in mapping: Node.Mapping, known: [String], context: String,
                            at location: (Node) -> SourceLocation) -> [Diagnostic] {
        mapping.compactMap { pair -> Diagnostic? in
            let key = pair.key.scalar?.string ?? "?"
            guard !known.contains(key) else { return nil }
            let hint = Spelling.closest(to: key, among: known).map { "did you mean `\($0):`?" }
                ?? "the keys of \(context) are " + known.map { "`\($0):`" }.joined(separator: ", ")
            return .warning("`\(key):` is not a key of \(context); it is ignored", at: location(pair.key), hint: hint)
        }
    }

    /// Reads a client's `filter:` mapping: `operations`, `tags`, `paths`, `schemas` (lists of names to include),
    /// `exclude:` (`operations`, `tags`, `paths`) and `deprecated: keep | skip`.
    static func filter(_ node: Node, diagnostics: inout [Diagnostic],
                       at location: (Node) -> SourceLocation) -> DocumentFilter {
        guard let mapping = node.mapping else {
            diagnostics.append(.error("`filter:` must be a mapping of operations, tags, paths, schemas, exclude and "
                + "deprecated", at: location(node)))
            return DocumentFilter()
        }
        diagnostics += unknownKeys(in: mapping, known: filterKeys, context: "`filter:`", at: location)
        var filter = DocumentFilter()
        let kinds: [(key: String, kind: DocumentFilter.Kind)] =
            [("operations", .operation), ("tags", .tag), ("paths", .path), ("schemas", .schema)]
        func read(_ mapping: Node.Mapping, prefix: String, exclude: Bool) {
            for (key, kind) in kinds where !exclude || kind != .schema {
                guard let value = mapping[key] else { continue }
                let label = "\(prefix).\(key)"
                for item in names(value, label: label, diagnostics: &diagnostics, at: location) {
                    filter.entries.append(DocumentFilter.Entry(kind, item.name, exclude: exclude, label: label,
                                                               location: item.location))
                }
            }
        }
        read(mapping, prefix: "filter", exclude: false)
        if let excludeNode = mapping["exclude"] {
            if let exclude = excludeNode.mapping {
                diagnostics += unknownKeys(in: exclude, known: excludeKeys, context: "`filter: exclude:`", at: location)
                read(exclude, prefix: "filter.exclude", exclude: true)
            } else {
                diagnostics.append(.error("`exclude:` must be a mapping of operations, tags and paths",
                                          at: location(excludeNode)))
            }
        }
        if let deprecated = mapping["deprecated"] {
            switch deprecated.scalar?.string {
            case "skip": filter.skipDeprecated = true
            case "keep": filter.skipDeprecated = false
            default:
                diagnostics.append(.error("`deprecated:` must be keep or skip", at: location(deprecated)))
            }
        }
        return filter
    }

    /// A list of non-empty strings (a single string is accepted too), each with its location.
    private static func names(_ node: Node, label: String, diagnostics: inout [Diagnostic],
                              at location: (Node) -> SourceLocation) -> [(name: String, location: SourceLocation)] {
        let items = node.sequence.map(Array.init) ?? (node.scalar != nil ? [node] : [])
        if items.isEmpty, node.sequence == nil {
            diagnostics.append(.error("`\(label)` must be a list of names", at: location(node)))
        }
        return items.compactMap { item in
            guard let name = item.scalar?.string, !name.isEmpty else {
                diagnostics.append(.error("each `\(label)` entry must be a non-empty string", at: location(item)))
                return nil
            }
            return (name, location(item))
        }
    }
}
