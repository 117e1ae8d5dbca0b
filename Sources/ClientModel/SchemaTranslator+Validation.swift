import SpecParser

// MARK: - Validation rules and sensitivity of properties and parameters.

extension Builder {
    /// The schema and the targets of its `$ref` chain: constraints written on a referenced primitive schema
    /// (`Aadhaar: {type: string, pattern: …}`) apply wherever it is used.
    private func constraintSources(_ schema: Schema) -> [Schema] {
        var sources = [schema]
        var seen: Set<String> = []
        var current = schema
        while let ref = current.ref, sources.count < 16, seen.insert(ref.key).inserted,
              let next = refIndex[ref.key]?.schema {
            sources.append(next)
            current = next
        }
        return sources
    }

    /// Rules checked before a request is sent, for a value of Swift type `type` (without optionality). String rules
    /// apply only when the value is a `String` (or an alias of one), number rules to numbers, item counts to arrays.
    func validationRules(for schema: Schema, type: TypeRef) -> [ValidationRule] {
        let sources = constraintSources(schema)
        let final = sources.last ?? schema
        // A named type that is a struct, enum or union validates itself; only aliases of primitives take rules here.
        if case .named = type.unwrapped {
            let isPrimitiveAlias = final.ref == nil && final.enumValues == nil && final.allOf == nil
                && final.oneOf == nil && final.anyOf == nil && final.properties.isEmpty && final.prefixItems == nil
            if !isPrimitiveAlias { return [] }
        }
        let kind = jsonType(of: final)
        let isString = kind == .string && (final.format.flatMap { Self.stringFormats[$0] } == nil)
        var rules: [ValidationRule] = []
        func add(_ rule: ValidationRule) { if !rules.contains(rule) { rules.append(rule) } }
        for source in sources {
            if isString {
                if let pattern = source.pattern { add(.pattern(pattern)) }
                if let value = source.minLength { add(.minLength(value)) }
                if let value = source.maxLength { add(.maxLength(value)) }
                if case .string(let value)? = source.constValue { add(.allowedValues([value])) }
                if let values = source.enumValues, values.allSatisfy({ $0.stringValue != nil || $0 == .null }),
                   case .builtin(.string) = type.unwrapped {
                    add(.allowedValues(values.compactMap(\.stringValue)))
                }
                if let format = source.format, ["uuid", "date-time", "date"].contains(format),
                   case .builtin(.string) = type.unwrapped {
                    add(.format(format))
                }
            }
            if kind == .integer || kind == .number {
                if let value = source.minimum { add(.minimum(value, exclusive: false)) }
                if let value = source.exclusiveMinimum { add(.minimum(value, exclusive: true)) }
                if let value = source.maximum { add(.maximum(value, exclusive: false)) }
                if let value = source.exclusiveMaximum { add(.maximum(value, exclusive: true)) }
                if let value = source.multipleOf, value > 0, value.isFinite { add(.multipleOf(value)) }
            }
            if kind == .array {
                if let value = source.minItems { add(.minItems(value)) }
                if let value = source.maxItems { add(.maxItems(value)) }
                if source.uniqueItems { add(.uniqueItems) }
            }
            if kind == .object {
                if let value = source.minProperties { add(.minProperties(value)) }
                if let value = source.maxProperties { add(.maxProperties(value)) }
            }
        }
        return rules
    }

    /// `.sensitive` for `x-sensitive: true`, `format: password` or `writeOnly: true` on the schema, its `$ref`
    /// targets, or the parameter's own `extensions`; and, as a safety net for vendor specs that mark nothing,
    /// for string values whose JSON name reads as a secret (`SensitiveNames`). `x-sensitive: false` opts out.
    func sensitivity(of schema: Schema?, extensions: Extensions = [], name: String? = nil) -> Sensitivity {
        if let flag = extensions["x-sensitive"]?.boolValue { return flag ? .sensitive : .none }
        guard let schema else { return name.map(SensitiveNames.matches) == true ? .sensitive : .none }
        let sources = constraintSources(schema)
        for source in sources {
            if let flag = source.extensions["x-sensitive"]?.boolValue { return flag ? .sensitive : .none }
            if source.format == "password" || source.writeOnly { return .sensitive }
        }
        let isString = sources.allSatisfy { $0.types == nil || $0.types?.contains(.string) == true }
        if isString, let name, SensitiveNames.matches(name) { return .sensitive }
        return .none
    }
}
