import SpecParser

// MARK: - What an alternative of an undiscriminated union accepts

extension Builder {
    /// What a JSON value must look like to be decoded as `schema` (following `$ref`s): its kind, and for objects the
    /// required and declared keys, the properties with closed values and whether other keys are forbidden.
    func decodeHint(_ schema: Schema) -> DecodeHint {
        let resolved = target(of: schema)
        var kind: DecodeHint.JSONKind
        if let parts = resolved.allOf, !parts.isEmpty {
            kind = parts.contains { jsonType(of: target(of: $0)) == .object || !$0.properties.isEmpty } ? .object : .any
        } else if resolved.oneOf != nil || resolved.anyOf != nil || resolved.booleanSchema != nil {
            kind = .any
        } else if let values = resolved.enumValues?.filter({ $0 != .null }), !values.isEmpty {
            kind = values.allSatisfy { $0.stringValue != nil } ? .string
                : values.allSatisfy { $0.intValue != nil } ? .integer : .any
        } else {
            switch jsonType(of: resolved) {
            case .string: kind = .string
            case .integer: kind = .integer
            case .number: kind = .number
            case .boolean: kind = .boolean
            case .array: kind = .array
            case .object: kind = .object
            case .null: kind = .null
            case nil: kind = .any
            }
        }
        guard kind == .object else {
            return DecodeHint(kind: kind, requiredKeys: [], closedValues: kind == .any ? [] : closedValues(of: resolved))
        }
        var shape = ObjectShape()
        var visited: Set<String> = []
        collectShape(schema, into: &shape, visited: &visited)
        let closed = shape.properties.compactMap { property -> ClosedValues? in
            let values = closedValues(of: target(of: property.schema))
            return values.isEmpty ? nil : ClosedValues(key: property.name, values: values)
        }
        var forbids = false
        if case .bool(false)? = shape.additionalProperties, shape.unions.isEmpty { forbids = true }
        return DecodeHint(kind: .object, requiredKeys: shape.required, declaredKeys: shape.properties.map(\.name),
                          closedProperties: closed, closedValues: [], forbidsOtherKeys: forbids)
    }

    /// The scalar values a schema allows, from `const` or `enum` (`null` left out: it is always accepted); empty when
    /// the schema is open or lists objects or arrays.
    private func closedValues(of schema: Schema) -> [JSONValue] {
        let values = schema.constValue.map { [$0] } ?? schema.enumValues ?? []
        let scalars = values.filter { $0 != .null }
        let allScalar = scalars.allSatisfy { value in
            switch value {
            case .string, .integer, .number, .bool: true
            case .null, .array, .object: false
            }
        }
        return allScalar ? scalars : []
    }
}
