import SpecParser

// MARK: - oneOf / anyOf: unions.

extension Builder {
    /// `oneOf`/`anyOf` as a `UnionDecl`. `{type: null}` alternatives make the type optional instead of being a case;
    /// a single remaining alternative is that alternative's type; none is `JSONValue` with a warning. An `anyOf`
    /// without a discriminator keeps every alternative the value matches; a `oneOf` without one keeps the best
    /// match, or the JSON in `unknown` when none matches.
    func translateUnion(_ schema: Schema, alternatives: [Schema], kind: UnionDecl.Kind, site: InlineSite,
                        named: TypeName?, depth: Int) -> TypeRef {
        let options = alternatives.filter { !isNullSchema($0) }
        guard let first = options.first else {
            warn("\(kind.rawValue) with 0 alternatives is generated as JSONValue", schema.origin)
            return .builtin(.json)
        }
        if options.count == 1 { return translate(first, site: site, named: named, depth: depth + 1).type }

        let name = named ?? claim(site)
        var cases: [(decl: UnionCaseDecl, refKey: String?)] = []
        for (offset, option) in options.enumerated() {
            let caseSite = InlineSite(parent: name, baseName: option.title ?? "Case \(offset + 1)")
            let translated = translate(option, site: caseSite, depth: depth + 1)
            cases.append((unionCase(translated.type, nullableType: translated.nullableType, schema: option,
                                    parent: name).located(at: option.origin), option.ref?.key))
        }

        var discriminator: DiscriminatorDecl?
        if let spec = schema.discriminator {
            discriminator = discriminatorDecl(spec, cases: &cases, parent: name, origin: schema.origin)
        } else {
            // Ties of the decoder's score (declared keys present) keep this order: objects with more required keys,
            // integers before numbers, anything last; then document order.
            cases = cases.enumerated().sorted { lhs, rhs in
                let left = specificity(lhs.element.decl.hint), right = specificity(rhs.element.decl.hint)
                return left != right ? left > right : lhs.offset < rhs.offset
            }.map(\.element)
        }
        let keepsAll = discriminator == nil && kind == .anyOf
        store(TypeDecl(name: name, doc: docLines(schema.title, schema.description),
                       pointer: schema.origin.pointer.description, deprecated: schema.deprecated,
                       kind: .union(UnionDecl(kind: kind, discriminator: discriminator, cases: cases.map(\.decl),
                                              keepsAllMatches: keepsAll)),
                       nested: []).located(at: schema.origin))
        return .named(name)
    }

    /// One alternative: named after its type, with the checks its decoder makes.
    private func unionCase(_ type: TypeRef, nullableType: TypeRef, schema: Schema, parent: TypeName)
        -> UnionCaseDecl {
        let base: String
        if case .named(let typeName) = type { base = typeName.local } else { base = caseBaseName(type) }
        let caseBase = NameSanitizer.memberBase(base, reserved: NameSanitizer.reservedEnumCases)
        let caseName = claimMember(caseBase, in: parent)
        let hint = decodeHint(schema)
        var isNamed = false
        if case .named = type { isNamed = true }
        return UnionCaseDecl(name: caseName, type: nullableType, hint: hint,
                             encodesObject: isNamed && hint.kind == .object)
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
    /// `$ref` alternative not mapped explicitly, by its schema name. A 3.2 `defaultMapping` names the case of a value
    /// whose discriminator is missing or unmapped; a schema that is not an alternative becomes one more case.
    private func discriminatorDecl(_ spec: Discriminator, cases: inout [(decl: UnionCaseDecl, refKey: String?)],
                                   parent: TypeName, origin: Origin) -> DiscriminatorDecl {
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
        var defaultCase: String?
        if let reference = spec.defaultMapping {
            if let match = cases.first(where: { $0.refKey == reference.key }) {
                defaultCase = match.decl.name
            } else if let typeName = typeName(of: reference, at: origin), let target = refIndex[reference.key] {
                let decl = unionCase(.named(typeName), nullableType: .named(typeName), schema: target.schema,
                                     parent: parent)
                cases.append((decl, reference.key))
                defaultCase = decl.name
            }
        }
        return DiscriminatorDecl(propertyName: spec.propertyName, mapping: mapping, defaultCaseName: defaultCase)
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
}
