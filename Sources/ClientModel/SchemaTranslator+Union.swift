import SpecParser

// MARK: - oneOf / anyOf: unions.

extension Builder {
    /// `oneOf`/`anyOf` as a `UnionDecl`. `{type: null}` alternatives make the type optional instead of being a case;
    /// a single remaining alternative is that alternative's type; none is `JSONValue` with a warning.
    func translateUnion(_ schema: Schema, alternatives: [Schema], kind: UnionDecl.Kind, site: InlineSite,
                        named: TypeName?, depth: Int) -> TypeRef {
        let options = alternatives.filter { !isNullSchema($0) }
        guard let first = options.first else {
            warn("\(kind.rawValue) with 0 alternatives is generated as JSONValue", schema.origin)
            return .builtin(.json)
        }
        if options.count == 1 { return translate(first, site: site, named: named, depth: depth + 1).type }

        let name = named ?? claim(site)
        var scope = NameScope()
        var cases: [(decl: UnionCaseDecl, refKey: String?)] = []
        for (offset, option) in options.enumerated() {
            let caseSite = InlineSite(parent: name, baseName: option.title ?? "Case \(offset + 1)")
            let translated = translate(option, site: caseSite, depth: depth + 1)
            let base: String
            if case .named(let typeName) = translated.type { base = typeName.local } else {
                base = caseBaseName(translated.type)
            }
            let caseName = scope.claim(NameSanitizer.memberBase(base, reserved: NameSanitizer.reservedEnumCases))
            let decl = UnionCaseDecl(name: NameSanitizer.escaped(caseName), type: translated.nullableType,
                                     hint: decodeHint(option)).located(at: option.origin)
            cases.append((decl, option.ref?.key))
        }

        var discriminator: DiscriminatorDecl?
        if let spec = schema.discriminator {
            discriminator = discriminatorDecl(spec, cases: cases, origin: schema.origin)
        } else {
            // Most specific first: objects with more required keys, integers before numbers, anything last;
            // ties keep document order.
            cases = cases.enumerated().sorted { lhs, rhs in
                let left = specificity(lhs.element.decl.hint), right = specificity(rhs.element.decl.hint)
                return left != right ? left > right : lhs.offset < rhs.offset
            }.map(\.element)
        }
        store(TypeDecl(name: name, doc: docLines(schema.title, schema.description),
                       pointer: schema.origin.pointer.description, deprecated: schema.deprecated,
                       kind: .union(UnionDecl(kind: kind, discriminator: discriminator, cases: cases.map(\.decl))),
                       nested: []).located(at: schema.origin))
        return .named(name)
    }

    private func specificity(_ hint: DecodeHint) -> Int {
        switch hint.kind {
        case .object: hint.requiredKeys.count
        case .integer: 1
        case .any: -1
        default: 0
        }
    }

    /// Explicit mapping entries (document order) whose schema is an alternative, then the implicit mapping: each
    /// `$ref` alternative not mapped explicitly, by its schema name.
    private func discriminatorDecl(_ spec: Discriminator, cases: [(decl: UnionCaseDecl, refKey: String?)],
                                   origin: Origin) -> DiscriminatorDecl {
        var mapping: [(value: String, caseName: String)] = []
        var values: Set<String> = []
        var mapped: Set<String> = []
        for entry in spec.mapping {
            guard let match = cases.first(where: { $0.refKey == entry.reference.key }) else {
                warn("discriminator mapping '\(entry.value)' → '\(entry.reference.raw)' is not one of the "
                     + "alternatives; ignored", origin)
                continue
            }
            mapped.insert(entry.reference.key)
            if values.insert(entry.value).inserted { mapping.append((entry.value, match.decl.name)) }
        }
        for item in cases {
            guard let key = item.refKey, !mapped.contains(key), let target = refIndex[key] else { continue }
            if values.insert(target.suggestedName).inserted { mapping.append((target.suggestedName, item.decl.name)) }
        }
        return DiscriminatorDecl(propertyName: spec.propertyName, mapping: mapping)
    }

    /// A case name for an alternative that is not a named type: `string`, `int`, `stringArray`, `jsonValue`…
    private func caseBaseName(_ type: TypeRef) -> String {
        switch type {
        case .builtin(.binary): "binary"
        case .builtin(let builtin): builtin.rawValue
        case .named(let name): name.local
        case .array(let element): caseBaseName(element) + " Array"
        case .dictionary(let value): caseBaseName(value) + " Dictionary"
        case .optional(let wrapped): caseBaseName(wrapped)
        case .stream(_, let item): caseBaseName(item) + " Stream"
        }
    }

    /// What a JSON value must look like to be decoded as `schema` (following `$ref`s).
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
        var required: [String] = []
        if kind == .object {
            var shape = ObjectShape()
            var visited: Set<String> = []
            collectShape(schema, into: &shape, visited: &visited, warnings: false)
            required = shape.required
        }
        return DecodeHint(kind: kind, requiredKeys: required)
    }
}
