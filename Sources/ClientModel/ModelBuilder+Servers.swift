import Foundation
import SpecParser

// MARK: - Servers, error bodies and request-id fields: module-wide facts.

extension Builder {
    /// Every server whose URL (variables replaced by their defaults) parses; relative URLs stay relative. With none,
    /// `/` and a warning: callers must pass `serverURL`.
    func buildServers() -> [ServerDecl] {
        var result: [ServerDecl] = []
        for server in document.servers {
            var url = server.url
            for variable in server.variables {
                url = url.replacingOccurrences(of: "{\(variable.name)}", with: variable.defaultValue)
            }
            if url.contains("{") || url.contains("}") {
                warn("server URL '\(server.url)' has variables without a default; it is not generated", server.origin)
                continue
            }
            guard !url.isEmpty, URL(string: url) != nil else {
                warn("server URL '\(server.url)' is not a valid URL; it is not generated", server.origin)
                continue
            }
            let lower = url.lowercased()
            if lower.hasPrefix("http://"), !["http://localhost", "http://127.0.0.1", "http://[::1]"]
                .contains(where: { lower == $0 || lower.hasPrefix($0 + ":") || lower.hasPrefix($0 + "/") }) {
                warn("server '\(url)' uses http: credentials would be sent in clear text", server.origin)
            }
            result.append(ServerDecl(url: url, description: server.description))
        }
        if result.isEmpty {
            warn("no usable server URL; the default is '/' and callers must pass serverURL", document.origin)
            result = [ServerDecl(url: "/", description: nil)]
        }
        return result
    }

    /// Every distinct type of a documented non-2xx response body, first seen first; the case name is the lowerCamel
    /// type name (`ErrorResponse` → `errorResponse`).
    func collectErrorBodies(_ operations: [OperationDecl]) -> [ErrorBodyCaseDecl] {
        var result: [ErrorBodyCaseDecl] = []
        var scope = NameScope()
        for operation in operations {
            for response in operation.responses where !response.isSuccess {
                guard let type = response.type, !result.contains(where: { $0.type == type }) else { continue }
                let base = NameSanitizer.memberBase(Self.spelledWords(type), reserved: NameSanitizer.reservedEnumCases,
                                                    fallback: "body")
                var decl = ErrorBodyCaseDecl(caseName: NameSanitizer.escaped(scope.claim(base)), type: type)
                decl.sourceLocation = response.sourceLocation
                result.append(decl)
            }
        }
        return result
    }

    /// A type as words, for case names: `[Pet]` → `Pet List`, `Op.Result` → `Op Result`.
    static func spelledWords(_ type: TypeRef) -> String {
        switch type {
        case .builtin(.binary): "binary"
        case .builtin(let builtin): builtin.rawValue
        case .named(let name): name.components.joined(separator: " ")
        case .array(let element): spelledWords(element) + " List"
        case .dictionary(let value): spelledWords(value) + " Map"
        case .optional(let wrapped): spelledWords(wrapped)
        case .stream(_, let item): spelledWords(item) + " Stream"
        }
    }

    static let requestIDCandidates: Set<String> = [
        "request_id", "requestId", "requestID", "transaction_id", "transactionId", "call_id", "callId", "trace_id",
    ]

    /// `x-openapi-swift-request-id` at the document root (a string or a list), else the well-known request-id
    /// properties of JSON response bodies, at the top level or one object level down (`error.call_id`), first seen
    /// first.
    func findRequestIDFields() -> [String] {
        if let value = document.extensions["x-openapi-swift-request-id"] {
            switch value {
            case .string(let field): return [field]
            case .array(let items) where items.allSatisfy({ $0.stringValue != nil }):
                return items.compactMap(\.stringValue)
            default: warn("x-openapi-swift-request-id must be a string or a list of strings; ignored", document.origin)
            }
        }
        var found: [String] = []
        func scan(_ schema: Schema, prefix: String, depth: Int) {
            var shape = ObjectShape()
            var visited: Set<String> = []
            collectShape(schema, into: &shape, visited: &visited)
            for property in shape.properties {
                if Self.requestIDCandidates.contains(property.name) {
                    let path = prefix + property.name
                    if !found.contains(path) { found.append(path) }
                } else if depth == 0 {
                    scan(property.schema, prefix: property.name + ".", depth: 1)
                }
            }
        }
        for item in document.paths {
            for operation in item.operations {
                for response in operation.responses {
                    for content in response.content where Self.isJSON(Self.essence(content.mediaType)) {
                        if let schema = content.schema { scan(schema, prefix: "", depth: 0) }
                    }
                }
            }
        }
        return found
    }
}
