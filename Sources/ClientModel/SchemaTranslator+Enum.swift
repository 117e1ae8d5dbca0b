import SpecParser

// MARK: - enum: string and integer enums with an unknown case.

extension Builder {
    /// A string or integer `enum` as an `EnumDecl` declared at `site`. Returns nil (the caller falls back to the
    /// plain type) for boolean or number enums, for mixed value types (with a warning) and for enums without values.
    /// `null` among the values makes the type optional (see `isNullable`), it is not a case.
    func translateEnum(_ schema: Schema, site: InlineSite, named: TypeName?) -> TypeRef? {
        let values = (schema.enumValues ?? []).filter { $0 != .null }
        guard !values.isEmpty else {
            if schema.enumValues?.isEmpty == true {
                warn("enum with no values is generated as its base type", schema.origin)
            }
            return nil
        }
        let declared = schema.nonNullTypes
        let rawType: EnumDecl.RawType
        var raws: [String] = []
        if values.allSatisfy({ $0.stringValue != nil }), declared.isEmpty || declared == [.string] {
            rawType = .string
            raws = values.compactMap(\.stringValue)
        } else if values.allSatisfy({ $0.intValue != nil }), declared.isEmpty || declared == [.integer] {
            rawType = .int
            raws = values.compactMap(\.intValue).map { String($0) }
        } else {
            var kinds = Set(values.map(kindName))
            if kinds.contains("number") { kinds.remove("integer") }  // 1 and 1.5 are both numbers.
            if kinds.count > 1 {
                let list = kinds.sorted().joined(separator: ", ")
                warn("enum with mixed value types (\(list)) is generated as its base type", schema.origin)
            }
            return nil
        }

        let names = caseNameSources(schema, raws: raws, rawType: rawType)
        let name = named ?? claim(site)
        var seenRaw: Set<String> = []
        var cases: [EnumCaseDecl] = []
        for (raw, source) in zip(raws, names) {
            guard seenRaw.insert(raw).inserted else {
                warn("duplicate enum value '\(raw)' is generated once", schema.origin)
                continue
            }
            let fallback = raw.isEmpty ? "empty" : "value"
            let base = NameSanitizer.memberBase(source, reserved: NameSanitizer.reservedEnumCases, fallback: fallback)
            let identifier = NameSanitizer.identifier(wire: raw, claimed: claimMember(base, in: name))
            cases.append(EnumCaseDecl(identifier: identifier, doc: [])
                .located(at: schema.origin))
        }
        let unknown = claimMember("unknown", in: name)
        store(TypeDecl(name: name, doc: docLines(schema.title, schema.description),
                       pointer: schema.origin.pointer.description, deprecated: schema.deprecated,
                       kind: .enum(EnumDecl(rawType: rawType, cases: cases, unknownCaseName: unknown)), nested: [])
                .located(at: schema.origin))
        return .named(name)
    }

    /// The text each case name is made from: `x-enum-varnames` when it lists one name per value, else the value
    /// itself (`-1` → `minus1`, so it does not collide with `1`).
    private func caseNameSources(_ schema: Schema, raws: [String], rawType: EnumDecl.RawType) -> [String] {
        if case .array(let items)? = schema.extensions["x-enum-varnames"], items.count == raws.count,
           items.allSatisfy({ $0.stringValue != nil }) {
            return items.compactMap(\.stringValue)
        }
        guard rawType == .int else { return raws }
        return raws.map { $0.hasPrefix("-") ? "minus" + $0.dropFirst() : $0 }
    }

    private func kindName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
