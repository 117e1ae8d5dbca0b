import SpecParser

/// A schema's Swift type without optionality, and whether values may be null. Callers decide optionality from
/// `nullable` and `required`, so a type is never optional twice.
struct Translated {
    var type: TypeRef
    var nullable: Bool

    /// The type as a value that may be absent or null: `T?`.
    var optional: TypeRef { .optional(type) }
    /// `T?` when nullable, else `T`.
    var nullableType: TypeRef { nullable ? .optional(type) : type }
}

// MARK: - Schema → TypeRef: dispatch and primitives.

extension Builder {
    /// Deeper schemas are generated as `JSONValue` (with a warning), so fuzzed input cannot exhaust the stack.
    static let maxSchemaDepth = 40

    /// Translates a schema used at `site`. Schemas that need a declaration (objects with properties, enums, unions,
    /// allOf merges) are declared at `site` and referenced by name. With `named`, the schema is declared under that
    /// (already claimed) name whatever it is: a schema that needs no declaration becomes a `typealias`.
    func translate(_ schema: Schema, site: InlineSite, named: TypeName? = nil, depth: Int = 0) -> Translated {
        let nullable = isNullable(schema)
        var type: TypeRef
        translationBudget -= 1
        let identity = ObjectIdentifier(schema)
        if translationBudget < 0 {
            if !reportedBudget {
                reportedBudget = true
                warn("the document needs too much work to translate; remaining schemas are generated as JSONValue",
                     schema.origin)
            }
            type = .builtin(.json)
        } else if inProgress.contains(identity) {
            warn("schema contains itself through an allOf merge; the inner use is generated as JSONValue",
                 schema.origin)
            type = .builtin(.json)
        } else {
            inProgress.insert(identity)
            type = translateBody(schema, site: site, named: named, depth: depth)
            inProgress.remove(identity)
        }
        if let named {
            if var inner = typeDecls[named], inner.pointer != schema.origin.pointer.description {
                // Declared by a pass-through (`allOf: [X]`, a one-alternative oneOf): the outer schema's docs win.
                let doc = docLines(schema.title, schema.description)
                if !doc.isEmpty { inner.doc = doc }
                inner.pointer = schema.origin.pointer.description
                inner.sourceLocation = schema.origin.location
                inner.deprecated = inner.deprecated || schema.deprecated
                store(inner)
            }
            if typeDecls[named] == nil {
                if type == .named(named) {
                    warn("schema '\(named.swift)' is defined as itself; generated as JSONValue", schema.origin)
                    type = .builtin(.json)
                }
                store(TypeDecl(name: named, doc: docLines(schema.title, schema.description),
                               pointer: schema.origin.pointer.description, deprecated: schema.deprecated,
                               kind: .alias(type), nested: []).located(at: schema.origin))
            }
            type = .named(named)
        }
        return Translated(type: type, nullable: nullable)
    }

    private func translateBody(_ schema: Schema, site: InlineSite, named: TypeName?, depth: Int) -> TypeRef {
        guard depth < Self.maxSchemaDepth else {
            warn("schema nested deeper than \(Self.maxSchemaDepth) levels is generated as JSONValue", schema.origin)
            return .builtin(.json)
        }
        if let boolean = schema.booleanSchema {
            if !boolean { warn("the `false` schema (no valid value) is generated as JSONValue", schema.origin) }
            return .builtin(.json)
        }
        if let ref = schema.ref {
            return typeName(of: ref, at: schema.origin).map(TypeRef.named) ?? .builtin(.json)
        }
        if schema.not != nil { warn("`not` is not generated; its constraint is ignored", schema.origin) }
        if let parts = schema.allOf, !parts.isEmpty {
            if schema.oneOf != nil || schema.anyOf != nil {
                warn("oneOf/anyOf next to allOf is not generated; only the allOf is", schema.origin)
            }
            return translateAllOf(schema, parts: parts, site: site, named: named, depth: depth)
        }
        if let alternatives = schema.oneOf ?? schema.anyOf {
            if schema.oneOf != nil, schema.anyOf != nil {
                warn("anyOf next to oneOf is not generated; only the oneOf is", schema.origin)
            }
            return translateUnion(schema, alternatives: alternatives, kind: schema.oneOf != nil ? .oneOf : .anyOf,
                                  site: site, named: named, depth: depth)
        }
        if schema.discriminator != nil {
            warn("discriminator without oneOf/anyOf is ignored", schema.origin)
        }
        if schema.enumValues != nil, let type = translateEnum(schema, site: site, named: named) {
            return type
        }
        return translatePlain(schema, site: site, named: named, depth: depth)
    }

    /// The JSON type a schema describes, inferred from its keywords when `type` is absent. Nil when unknown or when
    /// several non-null types are declared (other than integer + number, which is a number). A list under `items`
    /// (the draft-4 tuple form) does not make an untyped schema an array: it constrains arrays only, and real
    /// documents put it on objects (`items: [Message, {type: null}]`); `prefixItems` and `items: {…}` do.
    func jsonType(of schema: Schema) -> JSONType? {
        let types = schema.nonNullTypes
        if types.count == 1 { return types[0] }
        if types.count == 2, Set(types) == [.integer, .number] { return .number }
        if types.count > 1 { return nil }
        if !schema.properties.isEmpty || schema.additionalProperties != nil { return .object }
        if schema.items != nil || (schema.prefixItems != nil && !schema.itemsIsList) { return .array }
        if let format = schema.format, Self.stringFormats[format] != nil { return .string }
        if schema.pattern != nil || schema.minLength != nil || schema.maxLength != nil { return .string }
        switch schema.constValue ?? (schema.enumValues?.count == 1 ? schema.enumValues?.first : nil) {
        case .string?: return .string
        case .integer?: return .integer
        case .number?: return .number
        case .bool?: return .boolean
        default: break
        }
        if let types = schema.types, types == [.null] { return .null }
        return nil
    }

    /// String formats with a dedicated Swift type. `uri`/`url` stay `String` (decoding a malformed URL must not fail
    /// a whole response); `password` stays `String` and is marked sensitive.
    static let stringFormats: [String: BuiltinType] = [
        "date-time": .date, "date": .calendarDate, "uuid": .uuid, "byte": .base64, "binary": .binary,
    ]

    /// Primitives, arrays, dictionaries and objects with properties.
    private func translatePlain(_ schema: Schema, site: InlineSite, named: TypeName?, depth: Int) -> TypeRef {
        guard let type = jsonType(of: schema) else {
            if schema.itemsIsList, schema.nonNullTypes.isEmpty {
                warn("`items` is a list (a tuple) but the schema has no `type: array`; it constrains arrays only, so "
                     + "any JSON value is valid: generated as JSONValue", schema.origin,
                     hint: "add `type: array` (or write `prefixItems`) if the value is always a tuple")
            } else if schema.nonNullTypes.count > 1 {
                let list = schema.nonNullTypes.map(\.rawValue).joined(separator: ", ")
                warn("a schema with several types [\(list)] is generated as JSONValue", schema.origin)
            }
            return .builtin(.json)
        }
        switch type {
        case .string:
            if let format = schema.format, let builtin = Self.stringFormats[format] { return .builtin(builtin) }
            if schema.contentEncoding?.lowercased() == "base64" { return .builtin(.base64) }
            return .builtin(.string)
        case .integer:
            switch schema.format {
            case "int32": return .builtin(.int32)
            case "int64": return .builtin(.int64)
            default: return .builtin(.int)
            }
        case .number:
            return .builtin(schema.format == "float" ? .float : .double)
        case .boolean:
            return .builtin(.bool)
        case .null:
            return .builtin(.json)
        case .array:
            if let prefix = schema.prefixItems, !prefix.isEmpty {
                let name = named ?? claim(site)
                store(tupleDecl(schema, prefix: prefix, name: name, depth: depth))
                return .named(name)
            }
            guard let items = schema.items else { return .array(.builtin(.json)) }
            return .array(translate(items, site: site.child("Item"), depth: depth + 1).nullableType)
        case .object:
            if !schema.properties.isEmpty {
                let name = named ?? claim(site)
                store(structDecl(schema, name: name, depth: depth))
                return .named(name)
            }
            switch schema.additionalProperties {
            case .schema(let values):
                return .dictionary(translate(values, site: site.child("Value"), depth: depth + 1).nullableType)
            case .bool, nil:
                // Free-form object: `[String: JSONValue]` (an object is guaranteed; its members are not described).
                return .dictionary(.builtin(.json))
            }
        }
    }
}
