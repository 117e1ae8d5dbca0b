import SpecParser

// MARK: - prefixItems: tuple structs coded as JSON arrays.

extension Builder {
    /// A `prefixItems` schema as a struct whose properties are the positional elements, coded through an unkeyed
    /// container (`TupleDecl`). Elements below `minItems` are required (`T`), later ones optional (`T?`: a shorter
    /// array decodes, trailing nils are not written). Elements after the prefix go to `rest` (`[T]` from `items`,
    /// `[JSONValue]` when `items` is absent); `items: false`, or a `maxItems` the prefix reaches, closes the tuple.
    /// An element is named from its `title` when that is at most three words, else `_0`, `_1`…
    func tupleDecl(_ schema: Schema, prefix: [Schema], name: TypeName, depth: Int) -> TypeDecl {
        reserveMember("arrayCount", in: name)  // The generated element count.
        let minItems = schema.minItems ?? 0
        var properties: [PropertyDecl] = []
        for (offset, element) in prefix.enumerated() {
            let title = element.title ?? (element.ref.flatMap { refIndex[$0.key]?.schema.title })
            let titled = title.map { !NameSanitizer.words($0).isEmpty && NameSanitizer.words($0).count <= 3 } ?? false
            let base = titled ? NameSanitizer.memberBase(title!) : "_\(offset)"
            let identifier = NameSanitizer.identifier(wire: "[\(offset)]", claimed: claimMember(base, in: name),
                                                      unlabeled: !titled)
            let site = InlineSite(parent: name, baseName: titled ? title! : "Element \(offset)")
            let translated = translate(element, site: site, depth: depth + 1)
            let isRequired = offset < minItems
            let type = isRequired && !translated.nullable ? translated.type : translated.optional
            var doc = docLines(element.description)
            if doc.isEmpty { doc = ["Element \(offset) of the array."] }
            if let note = Self.metadataNote(element) { doc += ["", note] }
            properties.append(PropertyDecl(
                identifier: identifier, type: type, isRequired: isRequired,
                isNullable: translated.nullable, doc: doc, deprecated: element.deprecated,
                sensitivity: sensitivity(of: element), validation: validationRules(for: element, type: translated.type),
                readOnly: false, writeOnly: false).located(at: element.origin))
        }
        var rest: TypeRef?
        let reachedMax = schema.maxItems.map { $0 <= prefix.count } ?? false
        if !reachedMax, schema.items?.booleanSchema != false {
            if let items = schema.items {
                rest = translate(items, site: InlineSite(parent: name, baseName: "Rest Item"), depth: depth + 1)
                    .nullableType
            } else {
                rest = .builtin(.json)
            }
        }
        if let rest {
            let identifier = NameSanitizer.identifier(wire: "[\(prefix.count)...]",
                                                      claimed: claimMember("rest", in: name))
            properties.append(PropertyDecl(
                identifier: identifier, type: .array(rest), isRequired: false,
                isNullable: false, doc: ["The elements after the first \(prefix.count)."], deprecated: false,
                sensitivity: .none, validation: [], readOnly: false, writeOnly: false)
                .located(at: schema.items?.origin ?? schema.origin))
        }
        var rules: [ValidationRule] = []
        if minItems > prefix.count, rest != nil { rules.append(.minItems(minItems)) }
        if let maxItems = schema.maxItems, rest != nil || maxItems < prefix.count {
            rules.append(.maxItems(maxItems))
        }
        if schema.uniqueItems {
            warn("uniqueItems on a tuple (prefixItems) is not checked", schema.origin)
        }
        if minItems > prefix.count, rest == nil {
            warn("minItems \(minItems) exceeds the \(prefix.count) elements of a closed tuple; no value is valid",
                 schema.origin)
        }
        return TypeDecl(name: name, doc: docLines(schema.title, schema.description),
                        pointer: schema.origin.pointer.description, deprecated: schema.deprecated,
                        kind: .struct(StructDecl(properties: properties, additionalProperties: nil, validation: rules,
                                                 tuple: TupleDecl(elementCount: prefix.count, rest: rest))),
                        nested: []).located(at: schema.origin)
    }
}
