import SpecParser

// MARK: - Named schemas: component schemas and `$ref` targets become top-level types.

extension Builder {
    /// A schema waiting for translation under a name claimed in `registerSchemas`.
    struct PendingSchema {
        var schema: Schema
        var name: TypeName
    }

    /// Phase 1: claims a top-level name for every component schema (document order), then for every other `$ref`
    /// target (first-seen order), so that every reference can be named before any schema is translated.
    func registerSchemas() -> [PendingSchema] {
        var pending: [PendingSchema] = []
        var byIdentity: [ObjectIdentifier: TypeName] = [:]
        var byPointer: [String: TypeName] = [:]
        for named in document.components.schemas {
            let name = claimTopLevel(named.name)
            byIdentity[ObjectIdentifier(named.schema)] = name
            byPointer[pointerKey(named.schema.origin)] = name
            pending.append(PendingSchema(schema: named.schema, name: name))
        }
        for referenced in document.referencedSchemas {
            if refIndex[referenced.key] != nil { continue }
            refIndex[referenced.key] = referenced
            if let name = byIdentity[ObjectIdentifier(referenced.schema)]
                ?? (referenced.isComponent ? byPointer[pointerKey(referenced.schema.origin)] : nil) {
                refTypeNames[referenced.key] = name
                continue
            }
            let name = claimTopLevel(referenced.suggestedName)
            byIdentity[ObjectIdentifier(referenced.schema)] = name
            refTypeNames[referenced.key] = name
            pending.append(PendingSchema(schema: referenced.schema, name: name))
        }
        return pending
    }

    /// Phase 2: translates every registered schema into its declaration.
    func translateRegisteredSchemas(_ pending: [PendingSchema]) {
        for item in pending {
            _ = translate(item.schema, site: InlineSite(parent: nil, baseName: item.name.local), named: item.name)
        }
    }

    private func pointerKey(_ origin: Origin) -> String { "\(origin.location.file)\(origin.pointer)" }

    // MARK: - References

    /// The schema a reference points at, following `$ref` chains (at most 32 hops; cycles stop).
    func target(of schema: Schema) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while let ref = current.ref, seen.count < 32, seen.insert(ref.key).inserted,
              let next = refIndex[ref.key]?.schema {
            current = next
        }
        return current
    }

    /// The generated type of a reference, or nil (with a warning) when the target is unknown.
    func typeName(of ref: SchemaReference, at origin: Origin) -> TypeName? {
        if let name = refTypeNames[ref.key] { return name }
        warn("unresolved $ref '\(ref.raw)' is generated as JSONValue", origin)
        return nil
    }

    /// Whether values of `schema` may be null: `.null` in `types` (3.0 `nullable` too), `null` among enum values, a
    /// `{type: null}` alternative of oneOf/anyOf, a nullable `$ref` target, or a pass-through to a nullable schema:
    /// a oneOf/anyOf with one other alternative that is nullable, an allOf whose parts all accept null (each is
    /// nullable or constrains no type, like `{description: …}`) and one of which says so. So every use of a nullable
    /// alias (`Ended: {type: string, format: date-time, nullable: true}`, however it is reached) is `Ended?`.
    func isNullable(_ schema: Schema, depth: Int = 0) -> Bool {
        if schema.isNullable { return true }
        if schema.enumValues?.contains(.null) == true { return true }
        guard depth < 32 else { return false }
        if let alternatives = schema.oneOf ?? schema.anyOf {
            if alternatives.contains(where: isNullSchema) { return true }
            let options = alternatives.filter { !isNullSchema($0) }
            if options.count == 1, isNullable(options[0], depth: depth + 1) { return true }
        }
        if let parts = schema.allOf, !parts.isEmpty, schema.properties.isEmpty, schema.additionalProperties == nil {
            let nullable = parts.map { isNullable($0, depth: depth + 1) }
            if nullable.contains(true),
               zip(parts, nullable).allSatisfy({ $0.1 || Self.constrainsNoType($0.0) }) { return true }
        }
        if let ref = schema.ref { return isNullable(key: ref.key, depth: depth + 1) }
        return false
    }

    /// A schema that accepts values of every JSON type, null included: no `type`, `$ref`, members, items, values or
    /// composition (only annotations and constraints of other types, e.g. `{description: …}`, `{maxLength: 3}`).
    private static func constrainsNoType(_ schema: Schema) -> Bool {
        schema.ref == nil && schema.types == nil && schema.booleanSchema != false && schema.properties.isEmpty
            && schema.additionalProperties == nil && schema.items == nil && schema.prefixItems == nil
            && schema.enumValues == nil && schema.constValue == nil && schema.allOf == nil && schema.oneOf == nil
            && schema.anyOf == nil && schema.not == nil
    }

    private func isNullable(key: String, depth: Int) -> Bool {
        if let known = refNullability[key] { return known }
        refNullability[key] = false  // Breaks cycles.
        let result = refIndex[key].map { isNullable($0.schema, depth: depth) } ?? false
        refNullability[key] = result
        return result
    }

    /// `{type: null}` or `{enum: [null]}`: the "may be null" alternative of a oneOf/anyOf.
    func isNullSchema(_ schema: Schema) -> Bool {
        if schema.ref != nil { return false }
        if let types = schema.types, !types.isEmpty, types.allSatisfy({ $0 == .null }) { return true }
        if let values = schema.enumValues, !values.isEmpty, values.allSatisfy({ $0 == .null }) { return true }
        return false
    }

    // MARK: - Webhooks

    /// Generates the request body types of webhooks (`<WebhookName>WebhookPayload`) and notes that no receiver
    /// is generated.
    func buildWebhookPayloads() {
        for item in document.webhooks {
            for operation in item.operations {
                note("webhook '\(item.path)' (\(operation.method.uppercased())): only its payload types are generated",
                     operation.origin)
                for content in operation.requestBody?.content ?? [] {
                    guard let schema = content.schema, schema.ref == nil else { continue }
                    let site = InlineSite(parent: nil, baseName: "\(item.path) Webhook Payload")
                    _ = translate(schema, site: site, named: claimTopLevel(site.baseName))
                }
            }
        }
    }
}
