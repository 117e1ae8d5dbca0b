// MARK: - A stable, readable text form of the IR, for determinism tests and context goldens.

extension APIDecl {
    /// Every decision in the IR as indented text, one fact per line. Two builds of the same document give the same
    /// text (the determinism test compares them).
    public var dump: String {
        var out: [String] = []
        out.append("module \(moduleName) client \(clientName) access \(accessLevel.rawValue) spec \(specPath)")
        out.append("title \(title) version \(version)")
        for line in doc { out.append("doc \(line)") }
        for server in servers { out.append("server \(server.url) \(server.description ?? "")") }
        for scheme in securitySchemes {
            out.append("security \(scheme.key) → \(scheme.identifier.swiftName): \(scheme.kind)")
        }
        for type in types { Self.dump(type, indent: "", into: &out) }
        for operation in operations { Self.dump(operation, into: &out) }
        for body in errorBodies { out.append("errorBody \(body.caseName): \(body.type.swift)") }
        out.append("requestIDFields \(requestIDFields.joined(separator: ", "))")
        out.append("runtimeFeatures \(runtimeFeatures.featureNames.joined(separator: ", "))")
        for diagnostic in diagnostics { out.append("diagnostic \(diagnostic)") }
        return out.joined(separator: "\n") + "\n"
    }

    private static func dump(_ type: TypeDecl, indent: String, into out: inout [String]) {
        let flags = type.deprecated ? " deprecated" : ""
        switch type.kind {
        case .struct(let value):
            out.append("\(indent)struct \(type.name.swift) [\(type.pointer)]\(flags)")
            for property in value.properties {
                var facts = ["\(property.identifier.swiftName) \"\(property.identifier.wireName)\": "
                             + property.type.swift]
                if property.identifier.isUnlabeled { facts.append("unlabeled") }
                if property.isRequired { facts.append("required") }
                if property.isNullable { facts.append("nullable") }
                if property.sensitivity == .sensitive { facts.append("sensitive") }
                if property.needsIndirection { facts.append("indirect") }
                if property.readOnly { facts.append("readOnly") }
                if property.writeOnly { facts.append("writeOnly") }
                if property.deprecated { facts.append("deprecated") }
                if !property.validation.isEmpty { facts.append("rules \(property.validation)") }
                out.append("\(indent)  let " + facts.joined(separator: " "))
            }
            if let additional = value.additionalProperties {
                out.append("\(indent)  additional \(additional.name): [String: \(additional.valueType.swift)]")
            }
        case .enum(let value):
            out.append("\(indent)enum \(type.name.swift): \(value.rawType.rawValue) [\(type.pointer)]\(flags)")
            for item in value.cases {
                out.append("\(indent)  case \(item.identifier.swiftName) = \"\(item.identifier.wireName)\"")
            }
            out.append("\(indent)  unknown \(value.unknownCaseName)")
        case .union(let value):
            out.append("\(indent)union(\(value.kind.rawValue)) \(type.name.swift) [\(type.pointer)]\(flags)")
            if let discriminator = value.discriminator {
                let mapping = discriminator.mapping.map { "\($0.value)→\($0.caseName)" }.joined(separator: ", ")
                out.append("\(indent)  discriminator \(discriminator.propertyName): \(mapping)")
            }
            for item in value.cases {
                let keys = item.hint.requiredKeys.joined(separator: ",")
                out.append("\(indent)  case \(item.name)(\(item.type.swift)) hint \(item.hint.kind.rawValue)[\(keys)]"
                           + (item.needsIndirection ? " indirect" : ""))
            }
        case .alias(let target):
            out.append("\(indent)typealias \(type.name.swift) = \(target.swift) [\(type.pointer)]\(flags)")
        }
        for nested in type.nested { dump(nested, indent: indent + "  ", into: &out) }
    }

    private static func dump(_ operation: OperationDecl, into out: inout [String]) {
        out.append("operation \(operation.name) \"\(operation.operationID)\" \(operation.method) \(operation.path) "
                   + "[\(operation.pointer)]" + (operation.deprecated ? " deprecated" : ""))
        out.append("  path \(operation.pathComponents)")
        for parameter in operation.parameters {
            let id = parameter.identifier
            out.append("  param \(id.swiftName) \(parameter.location.rawValue) \"\(id.wireName)\": "
                       + "\(parameter.type.swift) style \(parameter.style) explode \(parameter.explode)"
                       + (parameter.sensitivity == .sensitive ? " sensitive" : "")
                       + (parameter.validation.isEmpty ? "" : " rules \(parameter.validation)"))
        }
        if let body = operation.body {
            out.append("  body \(body.type.swift) required \(body.isRequired) perContent \(body.isPerContentEnum)")
            for content in body.contents {
                out.append("    content \(content.mediaType) \(content.encoding.rawValue) \(content.type.swift) "
                           + "case \(content.caseName)")
            }
        }
        for response in operation.responses {
            out.append("  response \(response.status) \(response.type?.swift ?? "-") \(response.mediaType ?? "-") "
                       + "success \(response.isSuccess) retryable \(response.isRetryable)")
            for header in response.headers {
                out.append("    header \(header.identifier.swiftName) \"\(header.identifier.wireName)\": "
                           + header.type.swift)
            }
        }
        switch operation.success {
        case .void: out.append("  success void")
        case .single(let type): out.append("  success \(type.swift)")
        case .perStatus(let name, let cases):
            let list = cases.map { "\($0.name)(\($0.status)): \($0.type?.swift ?? "-")" }.joined(separator: ", ")
            out.append("  success \(name.swift) { \(list) }")
        }
        out.append("  security \(operation.security.alternatives) optional \(operation.security.optional)")
        if let key = operation.idempotencyKeyParameter { out.append("  idempotencyKey \(key)") }
        if !operation.retryableStatuses.isEmpty { out.append("  retryable \(operation.retryableStatuses)") }
    }
}
