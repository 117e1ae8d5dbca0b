import ClientModel
import Foundation
import SpecParser
import Yams

/// `openapi-swift.yaml`: which spec goes to which output.
public struct Configuration: Sendable {
    public var clients: [ClientEntry]
    /// The config file as the user named it.
    public var path: String
}

/// One `clients:` entry. Paths are relative to the configuration file's folder.
public struct ClientEntry: Sendable {
    public var spec: String
    public var output: String
    public var module: String
    public var access: AccessLevel
    /// A folder of template overrides.
    public var templates: String?
    /// OpenAPI Overlay files applied to the spec before parsing.
    public var overlays: [String]
    /// `filter:`: the operations to generate, with what they reach (empty: all).
    public var filter: DocumentFilter
    public var location: SourceLocation
}

/// Reads `openapi-swift.yaml`; every problem is a diagnostic with file:line:column.
public enum ConfigurationParser {
    public static func parse(_ data: Data, path: String) -> (Configuration?, [Diagnostic]) {
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [.error("the configuration is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return (nil, [.error("the configuration is not valid YAML: \(error)", at: SourceLocation(file: path, line: 1, column: 1))])
        }
        var diagnostics: [Diagnostic] = []
        func at(_ node: Node) -> SourceLocation {
            SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }
        guard let root, let mapping = root.mapping else {
            let location = root.map(at) ?? SourceLocation(file: path, line: 1, column: 1)
            return (nil, [.error("the configuration must be a mapping with a `clients:` list", at: location,
                                 hint: "see README.md, section Configuration")])
        }
        guard let clientsNode = mapping["clients"], let list = clientsNode.sequence else {
            return (nil, [.error("`clients:` must be a list of {spec, output, module}", at: at(mapping["clients"] ?? root))])
        }
        diagnostics += unknownKeys(in: mapping, known: rootKeys, context: "the configuration", at: at)
        var clients: [ClientEntry] = []
        var seenOutputs: [String: SourceLocation] = [:]
        for item in list {
            guard let entry = item.mapping else {
                diagnostics.append(.error("each client must be a mapping with spec, output and module", at: at(item)))
                continue
            }
            diagnostics += unknownKeys(in: entry, known: clientKeys, context: "a client", at: at)
            func string(_ key: String, required: Bool) -> String? {
                guard let node = entry[key] else {
                    if required { diagnostics.append(.error("client is missing `\(key):`", at: at(item))) }
                    return nil
                }
                guard let value = node.scalar?.string, !value.isEmpty else {
                    diagnostics.append(.error("`\(key):` must be a non-empty string", at: at(node)))
                    return nil
                }
                return value
            }
            let spec = string("spec", required: true)
            let output = string("output", required: true)
            let module = string("module", required: true)
            var access = AccessLevel.public
            if let text = string("access", required: false) {
                if let value = AccessLevel(rawValue: text) {
                    access = value
                } else if let node = entry["access"] {
                    diagnostics.append(.error("`access:` must be public, package or internal, not '\(text)'", at: at(node)))
                }
            }
            var overlays: [String] = []
            if let node = entry["overlays"] {
                // A list of paths, applied in order; a single path is accepted too.
                let items = node.sequence.map(Array.init) ?? (node.scalar != nil ? [node] : [])
                if items.isEmpty, node.sequence == nil {
                    diagnostics.append(.error("`overlays:` must be a list of overlay file paths", at: at(node)))
                }
                for item in items {
                    if let path = item.scalar?.string, !path.isEmpty {
                        overlays.append(path)
                    } else {
                        diagnostics.append(.error("each `overlays:` entry must be a file path", at: at(item)))
                    }
                }
            }
            let templates = string("templates", required: false)
            let filter = entry["filter"].map { Self.filter($0, diagnostics: &diagnostics, at: at) } ?? DocumentFilter()
            if let module, let problem = PathSafety.moduleNameProblem(module), let node = entry["module"] {
                diagnostics.append(.error(problem, at: at(node)))
            }
            if let output, let problem = PathSafety.relativePathProblem(output), let node = entry["output"] {
                diagnostics.append(.error("`output:` \(problem)", at: at(node)))
            }
            if let output, let node = entry["output"] {
                let key = PathSafety.normalize(output)
                if let first = seenOutputs[key] {
                    diagnostics.append(.error("two clients write to '\(output)' (first at \(first))", at: at(node)))
                }
                seenOutputs[key] = at(node)
            }
            if let spec, let output, let module {
                clients.append(ClientEntry(spec: spec, output: output, module: module, access: access,
                                           templates: templates, overlays: overlays, filter: filter,
                                           location: at(item)))
            }
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Configuration(clients: clients, path: path), diagnostics)
    }
}
