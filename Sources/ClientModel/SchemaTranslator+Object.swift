import SpecParser

// MARK: - Objects and allOf: structs.

extension Builder {
    /// The properties of an object schema, with the parts of its `allOf` (and their `$ref` targets) merged in:
    /// parts first in order, then the schema's own properties; the first definition of a property wins; `required`
    /// is the union.
    struct ObjectShape {
        var properties: [SchemaProperty] = []
        var required: [String] = []
        var requiredSet: Set<String> = []
        var additionalProperties: AdditionalProperties?
        var propertyNames: Set<String> = []
        var minProperties: Int?
        var maxProperties: Int?
        /// `oneOf`/`anyOf` parts (or `$ref`s to them) of the `allOf`, in order: members of the combined type.
        var unions: [Schema] = []

        mutating func add(_ schema: Schema) {
            // Every part's bound applies: the largest minimum, the smallest maximum.
            if let value = schema.minProperties { minProperties = max(minProperties ?? value, value) }
            if let value = schema.maxProperties { maxProperties = min(maxProperties ?? value, value) }
            for property in schema.properties where propertyNames.insert(property.name).inserted {
                properties.append(property)
            }
            for key in schema.required where requiredSet.insert(key).inserted { required.append(key) }
            if additionalProperties == nil { additionalProperties = schema.additionalProperties }
        }
    }

    /// Collects the merged shape of `schema`. `visited` holds the `$ref` keys already merged (diamonds and cycles
    /// merge once). A part with `oneOf`/`anyOf` is recorded in `unions` as reached (the `$ref` when it is one, so
    /// the union keeps its component name); its own properties merge like any part's.
    func collectShape(_ schema: Schema, into shape: inout ObjectShape, visited: inout Set<String>, depth: Int = 0,
                      reachedBy reference: Schema? = nil) {
        guard depth < Self.maxSchemaDepth else { return }
        if let ref = schema.ref {
            if visited.insert(ref.key).inserted, let target = refIndex[ref.key]?.schema {
                collectShape(target, into: &shape, visited: &visited, depth: depth + 1,
                             reachedBy: reference ?? schema)
            }
        }
        for part in schema.allOf ?? [] {
            collectShape(part, into: &shape, visited: &visited, depth: depth + 1)
        }
        if depth > 0, schema.oneOf != nil || schema.anyOf != nil, schema.allOf == nil {
            shape.unions.append(reference ?? schema)
        }
        shape.add(schema)
    }

    /// `allOf`: one struct with every part's properties. A single part without sibling properties is that part
    /// (`allOf: [$ref]` with a description is an alias); parts without any properties (constraints on a primitive)
    /// are the first `$ref` part, or the first part with a type.
    func translateAllOf(_ schema: Schema, parts: [Schema], site: InlineSite, named: TypeName?, depth: Int) -> TypeRef {
        if parts.count == 1, schema.properties.isEmpty, schema.additionalProperties == nil {
            return translate(parts[0], site: site, named: named, depth: depth + 1).type
        }
        var shape = ObjectShape()
        var visited: Set<String> = []
        collectShape(schema, into: &shape, visited: &visited)
        if shape.properties.isEmpty, shape.additionalProperties == nil, shape.unions.isEmpty {
            let object = parts.contains { jsonType(of: target(of: $0)) == .object }
            if !object,
               let part = parts.first(where: { $0.ref != nil }) ?? parts.first(where: { jsonType(of: $0) != nil }) {
                return translate(part, site: site, named: named, depth: depth + 1).type
            }
            return object ? .dictionary(.builtin(.json)) : .builtin(.json)
        }
        let name = named ?? claim(site)
        store(structDecl(schema, shape: shape, name: name, depth: depth))
        return .named(name)
    }

    /// What the type does not carry, in the property's docs: `default` (not applied by the client), `readOnly`
    /// (not encoded into request bodies; see `markNullableRequestProperties`), `writeOnly`.
    static func metadataNote(_ schema: Schema) -> String? {
        var parts: [String] = []
        switch schema.defaultValue {
        case .string(let text)?: parts.append("Default: `\"\(text)\"`.")
        case .integer(let value)?: parts.append("Default: `\(value)`.")
        case .number(_, let text)?: parts.append("Default: `\(text)`.")
        case .bool(let value)?: parts.append("Default: `\(value)`.")
        default: break
        }
        if schema.readOnly { parts.append("Read-only: set by the server; left out of request bodies.") }
        if schema.writeOnly { parts.append("Write-only: sent in requests, not returned.") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// An object schema with properties (no allOf) as a struct.
    func structDecl(_ schema: Schema, name: TypeName, depth: Int) -> TypeDecl {
        var shape = ObjectShape()
        shape.add(schema)
        return structDecl(schema, shape: shape, name: name, depth: depth)
    }

    /// A struct declaration: required properties non-optional, optional or nullable ones `T?`; inline property
    /// schemas nested inside it, named after the property.
    func structDecl(_ schema: Schema, shape: ObjectShape, name: TypeName, depth: Int) -> TypeDecl {
        var properties: [PropertyDecl] = []
        for property in shape.properties {
            let identifier = NameSanitizer.identifier(
                wire: property.name, claimed: claimMember(NameSanitizer.memberBase(property.name), in: name))
            let site = InlineSite(parent: name, baseName: property.name)
            let translated = translate(property.schema, site: site, depth: depth + 1)
            let isRequired = shape.requiredSet.contains(property.name)
            let type = isRequired && !translated.nullable ? translated.type : translated.optional
            let source = property.schema
            var doc = docLines(source.title, source.description)
            if let note = Self.metadataNote(source) { doc += (doc.isEmpty ? [] : [""]) + [note] }
            properties.append(PropertyDecl(
                identifier: identifier, type: type, isRequired: isRequired,
                isNullable: translated.nullable, doc: doc,
                deprecated: source.deprecated, sensitivity: sensitivity(of: source, name: property.name),
                validation: validationRules(for: source, type: translated.type), readOnly: source.readOnly,
                writeOnly: source.writeOnly).located(at: source.origin))
        }
        var additional: AdditionalPropertiesDecl?
        switch shape.additionalProperties {
        case .schema(let values):
            let site = InlineSite(parent: name, baseName: "Additional Property")
            let valueType = translate(values, site: site, depth: depth + 1).nullableType
            additional = AdditionalPropertiesDecl(name: claimMember("additionalProperties", in: name),
                                                  valueType: valueType)
        case .bool(true):
            additional = AdditionalPropertiesDecl(name: claimMember("additionalProperties", in: name),
                                                  valueType: .builtin(.json))
        case .bool(false), nil:
            break
        }
        var rules: [ValidationRule] = []
        if let value = shape.minProperties { rules.append(.minProperties(value)) }
        if let value = shape.maxProperties { rules.append(.maxProperties(value)) }
        let flattened = flattenedUnions(shape.unions, parent: name, depth: depth)
        return TypeDecl(name: name, doc: docLines(schema.title, schema.description),
                        pointer: schema.origin.pointer.description, deprecated: schema.deprecated,
                        kind: .struct(StructDecl(properties: properties, additionalProperties: additional,
                                                 validation: rules, flattenedUnions: flattened)),
                        nested: []).located(at: schema.origin)
    }

    /// The `oneOf`/`anyOf` parts of an `allOf` as members of the combined struct: a `$ref` keeps its type, an inline
    /// part is a nested `OneOf`/`AnyOf` (or its title). A part that is not a generated type (a lone primitive
    /// alternative) cannot share the struct's JSON object and is left out with a warning.
    private func flattenedUnions(_ parts: [Schema], parent: TypeName, depth: Int)
        -> [FlattenedUnionDecl] {
        parts.compactMap { part in
            let base = part.title ?? (target(of: part).oneOf != nil ? "One Of" : "Any Of")
            let translated = translate(part, site: InlineSite(parent: parent, baseName: base), depth: depth + 1)
            guard case .named(let typeName) = translated.type else {
                warn("this oneOf/anyOf inside allOf is not an object type, so it cannot be merged into the "
                     + "combined type; it is not generated", part.origin)
                return nil
            }
            let memberBase = NameSanitizer.memberBase(part.ref == nil ? base : typeName.local)
            let memberName = claimMember(memberBase, in: parent)
            return FlattenedUnionDecl(name: memberName, type: .named(typeName))
        }
    }
}
