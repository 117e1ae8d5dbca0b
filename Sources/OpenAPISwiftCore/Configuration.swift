import ClientModel
import Foundation
import SpecParser
import Yams

/// `openapi-swift.yaml`: which spec goes to which output.
public struct Configuration: Sendable {
    public var clients: [ClientEntry]
    /// The config file as the user named it.
    public var path: String
    /// The shared runtime every listed client imports; nil: each client folder carries its own copy.
    public var runtime: RuntimeEntry?

    /// The runtime module's name unless `runtime: module:` names another.
    public static let defaultRuntimeModule = "OpenAPISwiftRuntime"
}

/// `runtime:`: the one runtime module that every client of the configuration imports.
public struct RuntimeEntry: Sendable {
    /// The module name the clients import (default `OpenAPISwiftRuntime`).
    public var module: String
    /// Where openapi-swift writes the runtime's files, relative to the configuration file; nil when the module
    /// comes from elsewhere (this package's `OpenAPISwiftRuntime` product, or a target of your own).
    public var output: String?
    public var location: SourceLocation
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
            if let client = parseClient(item, at: at, seenOutputs: &seenOutputs, diagnostics: &diagnostics) {
                clients.append(client)
            }
        }
        let runtime = mapping["runtime"].flatMap { parseRuntime($0, at: at, seenOutputs: seenOutputs,
                                                                  clients: clients, diagnostics: &diagnostics) }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Configuration(clients: clients, path: path, runtime: runtime), diagnostics)
    }

    /// One entry of `clients:`; nil when a required key is missing or the entry is not a mapping.
    private static func parseClient(
        _ item: Node, at: (Node) -> SourceLocation, seenOutputs: inout [String: SourceLocation],
        diagnostics: inout [Diagnostic]
    ) -> ClientEntry? {
        guard let entry = item.mapping else {
            diagnostics.append(.error("each client must be a mapping with spec, output and module", at: at(item)))
            return nil
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
        let overlays = entry["overlays"].map { Self.overlays($0, at: at, diagnostics: &diagnostics) } ?? []
        let templates = string("templates", required: false)
        let filter = entry["filter"].map { Self.filter($0, diagnostics: &diagnostics, at: at) } ?? DocumentFilter()
        if let module, let problem = PathSafety.moduleNameProblem(module), let node = entry["module"] {
            diagnostics.append(.error(problem, at: at(node)))
        }
        if let output, let node = entry["output"] {
            if let problem = PathSafety.relativePathProblem(output) {
                diagnostics.append(.error("`output:` \(problem)", at: at(node)))
            }
            let key = PathSafety.normalize(output)
            if let first = seenOutputs[key] {
                diagnostics.append(.error("two clients write to '\(output)' (first at \(first))", at: at(node)))
            }
            seenOutputs[key] = at(node)
        }
        guard let spec, let output, let module else { return nil }
        return ClientEntry(spec: spec, output: output, module: module, access: access, templates: templates,
                           overlays: overlays, filter: filter, location: at(item))
    }

    /// `overlays:`: a list of paths, applied in order; a single path is accepted too.
    private static func overlays(_ node: Node, at: (Node) -> SourceLocation, diagnostics: inout [Diagnostic])
        -> [String] {
        let items = node.sequence.map(Array.init) ?? (node.scalar != nil ? [node] : [])
        if items.isEmpty, node.sequence == nil {
            diagnostics.append(.error("`overlays:` must be a list of overlay file paths", at: at(node)))
        }
        var overlays: [String] = []
        for item in items {
            if let path = item.scalar?.string, !path.isEmpty {
                overlays.append(path)
            } else {
                diagnostics.append(.error("each `overlays:` entry must be a file path", at: at(item)))
            }
        }
        return overlays
    }

    /// `runtime: {module: Name, output: Folder}` (both optional; `runtime: {}` imports `OpenAPISwiftRuntime`).
    private static func parseRuntime(
        _ node: Node, at: (Node) -> SourceLocation, seenOutputs: [String: SourceLocation], clients: [ClientEntry],
        diagnostics: inout [Diagnostic]
    ) -> RuntimeEntry? {
        guard let mapping = node.mapping else {
            diagnostics.append(.error("`runtime:` must be a mapping with `module:` and/or `output:`", at: at(node),
                                      hint: "e.g. runtime: {module: OpenAPISwiftRuntime, output: Sources/OpenAPISwiftRuntime}"))
            return nil
        }
        func string(_ key: String) -> String? {
            guard let value = mapping[key] else { return nil }
            guard let text = value.scalar?.string, !text.isEmpty else {
                diagnostics.append(.error("`runtime: \(key):` must be a non-empty string", at: at(value)))
                return nil
            }
            return text
        }
        let module = string("module") ?? Configuration.defaultRuntimeModule
        if let problem = PathSafety.moduleNameProblem(module), let value = mapping["module"] {
            diagnostics.append(.error("`runtime: module:` \(problem)", at: at(value)))
        }
        if let client = clients.first(where: { $0.module == module }), let value = mapping["module"] {
            diagnostics.append(.error("the runtime module '\(module)' has the name of a client (at \(client.location))",
                                      at: at(value)))
        }
        let output = string("output")
        if let output, let value = mapping["output"] {
            if let problem = PathSafety.relativePathProblem(output) {
                diagnostics.append(.error("`runtime: output:` \(problem)", at: at(value)))
            } else if let first = seenOutputs[PathSafety.normalize(output)] {
                diagnostics.append(.error("the runtime and a client both write to '\(output)' (first at \(first))",
                                          at: at(value)))
            }
        }
        diagnostics += unknownKeys(in: mapping, known: runtimeKeys, context: "`runtime:`", at: at)
        return RuntimeEntry(module: module, output: output, location: at(node))
    }
}
