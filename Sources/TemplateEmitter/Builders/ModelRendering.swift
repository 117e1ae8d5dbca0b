import ClientModel

// MARK: - TypeDecl → context → Swift, recursively (nested declarations are rendered at column 0 and indented here)

/// Builds and renders the declarations of `Models.swift`.
struct ModelRendering {
    let api: APIDecl
    let index: TypeIndex
    let templates: CompiledTemplates
    var access: String { api.accessLevel.rawValue }

    /// The Swift source of `decl` and everything nested in it, at column 0.
    func render(_ decl: TypeDecl) -> String {
        let nested = decl.nested.map { SourceFormatting.indent(render($0)) }.joined(separator: "\n\n")
        let header = DeclarationHeader(
            access: access, name: decl.name.local, docLines: docLines(for: decl), isDeprecated: isAnnotated(decl),
            nested: nested
        )
        switch decl.kind {
        case .struct(let s) where s.tuple != nil: return templates.render("Tuple", tupleContext(decl, s, header))
        case .struct(let s): return templates.render("Struct", structContext(decl, s, header))
        case .enum(let e): return templates.render("Enum", enumContext(e, header))
        case .union(let u) where u.keepsAllMatches:
            return templates.render("AnyOf", unionContext(decl, u, header))
        case .union(let u): return templates.render("Union", unionContext(decl, u, header))
        case .alias(let target): return templates.render("Alias", AliasContext(header: header, target: target.swift))
        }
    }

    func isAnnotated(_ decl: TypeDecl) -> Bool { decl.deprecated && index.annotatableDeprecated.contains(decl.name) }

    func docLines(for decl: TypeDecl) -> [String] {
        var doc = decl.doc
        if decl.deprecated && !isAnnotated(decl) { doc += ["", "- Warning: Deprecated."] }
        doc += ["", "- Remark: Generated from `\(decl.pointer)`."]
        return SwiftEscaping.docComment(doc)
    }

    // MARK: - Struct

    func structContext(_ decl: TypeDecl, _ s: StructDecl, _ header: DeclarationHeader) -> StructContext {
        let properties = s.properties.map(propertyContext)
        let hasIndirect = s.properties.contains(where: \.needsIndirection)
        // Synthesized coding drops nil optionals; a required nullable property must write `null`, and an
        // `OptionalValue` must tell a missing key from `null`.
        let omitsInRequests = s.properties.contains(where: \.omittedFromRequests)
        let hasCustomCoding = hasIndirect || s.additionalProperties != nil || omitsInRequests
            || s.properties.contains { $0.distinguishesNull || $0.writesNull } || !s.flattenedUnions.isEmpty
        let isRedacted = s.properties.contains { $0.sensitivity == .sensitive }
        let isValidatable = decl.isValidatable

        var conformances = ["Swift.Codable", "Swift.Hashable", "Swift.Sendable"]
        if isValidatable { conformances.append("Validatable") }
        if isRedacted {
            conformances += ["Swift.CustomStringConvertible", "Swift.CustomDebugStringConvertible",
                             "Swift.CustomReflectable"]
        }

        let parameters = s.initArguments.map(\.declaration)

        var validation: [String] = []
        if isValidatable {
            // Read-only properties are not sent, so requests do not check them; tuple elements are `path[i]`.
            for (offset, property) in s.properties.enumerated() where !property.omittedFromRequests {
                if let tuple = s.tuple, offset >= tuple.elementCount { continue }
                let step = s.tuple == nil ? "." + property.identifier.wireName : "[\(offset)]"
                validation += ValidationStatements.statements(
                    value: "self.\(property.identifier.swiftName)\(property.distinguishesNull ? ".wrapped" : "")",
                    shape: property.validationShape, rules: property.validation,
                    path: "path + \(SwiftEscaping.stringLiteral(step))"
                )
            }
            for member in s.flattenedUnions {
                validation += ValidationStatements.statements(value: "self.\(member.name)",
                                                              shape: member.validationShape, rules: [], path: "path")
            }
            validation += s.tuple == nil ? objectRuleLines(s) : tupleRuleLines(s)
        }

        // `description` and `customMirror` read one `Redaction.Fields`, which takes one property per call of a
        // one-overload runtime helper: an interpolated literal of every property type-checks ~9× slower, and a
        // `[String: Any]` literal of `x.map { … } ?? "nil"` values grows exponentially (seconds for six properties).
        var description: [String] = []
        if isRedacted {
            let typeName = SwiftEscaping.stringLiteral(NameSanitizer.unescaped(decl.name.local))
            description.append("var text = Redaction.Fields(\(typeName))")
            for property in s.properties {
                description.append(descriptionStatement(property))
            }
            if let extra = s.additionalProperties {
                let label = SwiftEscaping.stringLiteral(NameSanitizer.unescaped(extra.name))
                description.append("text.add(\(label), self.\(extra.name))")
            }
            description.append("return text")
        }

        return StructContext(
            header: header, conformances: conformances.joined(separator: ", "), properties: properties,
            initParameters: parameters.joined(separator: ", "),
            // `init(from:)` and `encode(to:)` are written out for every struct with properties, keyed by `JSONKey`:
            // a synthesized `init(from:)` takes 3× longer to type-check (it resolves `decode` overloads), and
            // synthesized coding needs a `CodingKeys` enum, ~30 functions per struct to compile.
            hasCodingKeys: !s.properties.isEmpty || hasCustomCoding, hasCustomCoding: hasCustomCoding,
            declaredKeys: "[" + s.properties.map { SwiftEscaping.stringLiteral($0.identifier.wireName) }
                .joined(separator: ", ") + "]",
            hasAdditionalProperties: s.additionalProperties != nil,
            additionalPropertiesName: s.additionalProperties?.name ?? "",
            additionalPropertiesValueType: s.additionalProperties?.valueType.swift ?? "",
            isRedacted: isRedacted, descriptionLines: description,
            isValidatable: isValidatable, validationLines: validation, omitsInRequests: omitsInRequests,
            flattened: s.flattenedUnions.map { FlattenedMemberContext(name: $0.name, type: $0.type.swift) }
        )
    }

    /// `minProperties`/`maxProperties` of a struct: the members a request would encode (required ones always, optional
    /// ones when set, read-only ones never) plus its additional properties.
    func objectRuleLines(_ s: StructDecl) -> [String] {
        let bounds: [(String, Int)] = s.validation.compactMap {
            switch $0 {
            case .minProperties(let n): ("minProperties", n)
            case .maxProperties(let n): ("maxProperties", n)
            default: nil
            }
        }
        guard !bounds.isEmpty else { return [] }
        let sent = s.properties.filter { !$0.omittedFromRequests }
        let always = sent.filter { !$0.type.isOptional || $0.writesNull }.count
        var lines = ["var propertyCount: Swift.Int = \(always)"]
        for property in sent where property.type.isOptional && !property.writesNull {
            let name = property.identifier.swiftName
            let isSet = property.distinguishesNull ? "!self.\(name).isAbsent" : "self.\(name) != nil"
            lines.append("if \(isSet) { propertyCount += 1 }")
        }
        if let extra = s.additionalProperties { lines.append("propertyCount += self.\(extra.name).count") }
        for (name, limit) in bounds {
            lines.append("Validation.\(name)(propertyCount, \(limit), path: path, into: &failures)")
        }
        return lines
    }

    func propertyContext(_ p: PropertyDecl) -> PropertyContext {
        var doc = p.doc
        if p.deprecated { doc += ["", "- Warning: Deprecated."] }
        if p.distinguishesNull {
            doc += (doc.isEmpty ? [] : [""]) + ["`.absent` leaves it out of the JSON, `.null` sends `null`."]
        }
        return PropertyContext(
            docLines: SwiftEscaping.docComment(doc), name: p.identifier.swiftName, type: p.swiftType,
            initDefault: p.initDefault, keyLiteral: SwiftEscaping.stringLiteral(p.identifier.wireName),
            // The runtime's one-overload helpers: `decode(_:forKey:)`'s overloads are slow to type-check.
            decodeMethod: p.distinguishesNull ? "decodeOptionalValue"
                : p.type.isOptional ? "decodeValueIfPresent" : "decodeValue",
            encodeMethod: p.distinguishesNull ? "encodeOptionalValue"
                : p.type.isOptional && !p.writesNull ? "encodeValueIfPresent" : "encodeValue",
            decodeType: p.type.unwrapped.swift, isIndirect: p.needsIndirection,
            storedName: p.needsIndirection ? "_" + p.identifier.unescapedName : p.identifier.swiftName,
            omittedFromRequests: p.omittedFromRequests
        )
    }

    /// The statement of `description` that appends `property` (masked when sensitive) to `text`.
    func descriptionStatement(_ property: PropertyDecl) -> String {
        let label = SwiftEscaping.stringLiteral(property.identifier.unescapedName)
        let stored = "self.\(property.identifier.swiftName)"
        guard property.sensitivity == .sensitive else { return "text.add(\(label), \(stored))" }
        if property.type.isOptional {
            let access = property.distinguishesNull ? stored + ".wrapped" : stored
            return "text.addMaskedOptional(\(label), \(access))"
        }
        return "text.addMasked(\(label), \(property.distinguishesNull ? stored + ".wrapped" : stored))"
    }

    // MARK: - Enum

    /// The raw type and distinct raw values are decided by the model (`SchemaTranslator+Enum.swift`).
    func enumContext(_ e: EnumDecl, _ header: DeclarationHeader) -> EnumContext {
        let cases = e.cases.map { c in
            let raw = c.identifier.wireName
            return EnumCaseContext(docLines: SwiftEscaping.docComment(c.doc), name: c.identifier.swiftName,
                                   rawLiteral: e.rawType == .int ? raw : SwiftEscaping.stringLiteral(raw))
        }
        return EnumContext(header: header, rawType: e.rawType == .int ? "Swift.Int" : "Swift.String", cases: cases,
                           unknownCaseName: e.unknownCaseName)
    }
}

extension String {
    var trimmingSpaces: String {
        // Fast path (most lines): nothing to trim, no Character (grapheme) walk over a long description.
        if utf8.first != UInt8(ascii: " "), utf8.last != UInt8(ascii: " ") { return self }
        return String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
