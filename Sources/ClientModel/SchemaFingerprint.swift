import SpecParser

// MARK: - Structural identity of inline schemas.

extension Builder {
    /// A text that is equal for two schemas exactly when they are written the same (every keyword, docs included;
    /// only the position differs). Used to share one type between identical inline error bodies of an operation,
    /// the one place where repeating a schema per status is common and merging is trivially safe.
    func fingerprint(_ schema: Schema, depth: Int = 0) -> String {
        guard depth < Self.maxSchemaDepth else { return "…" }
        func sub(_ child: Schema?) -> String { child.map { fingerprint($0, depth: depth + 1) } ?? "-" }
        func list(_ children: [Schema]?) -> String {
            children.map { "[" + $0.map { fingerprint($0, depth: depth + 1) }.joined(separator: ",") + "]" } ?? "-"
        }
        var parts: [String] = [
            schema.ref?.key ?? "-", schema.booleanSchema.map(String.init) ?? "-",
            schema.types.map { $0.map(\.rawValue).joined(separator: "|") } ?? "-", schema.format ?? "-",
            schema.title ?? "-", schema.description ?? "-",
            "{" + schema.properties.map { "\($0.name.debugDescription):\(sub($0.schema))" }
                .joined(separator: ",") + "}",
            schema.required.debugDescription,
        ]
        switch schema.additionalProperties {
        case .bool(let value): parts.append("ap:\(value)")
        case .schema(let value): parts.append("ap:" + sub(value))
        case nil: parts.append("ap:-")
        }
        parts += [
            sub(schema.items), list(schema.prefixItems), list(schema.allOf), list(schema.oneOf), list(schema.anyOf),
            sub(schema.not),
            schema.discriminator.map { "\($0.propertyName)\($0.mapping.map { "\($0.value)=\($0.reference.key)" })" }
                ?? "-",
            "\(String(describing: schema.enumValues))", "\(String(describing: schema.constValue))",
            "\(String(describing: schema.minLength)),\(String(describing: schema.maxLength)),\(schema.pattern ?? "-")",
            "\(String(describing: schema.minimum)),\(String(describing: schema.maximum))",
            "\(String(describing: schema.exclusiveMinimum)),\(String(describing: schema.exclusiveMaximum))",
            "\(String(describing: schema.minItems)),\(String(describing: schema.maxItems))",
            "\(schema.readOnly),\(schema.writeOnly),\(schema.deprecated)", "\(schema.extensions)",
        ]
        return "(" + parts.joined(separator: ";") + ")"
    }
}
