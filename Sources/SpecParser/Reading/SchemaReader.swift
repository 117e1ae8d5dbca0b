/// Reads Schema Objects in one pass over each mapping, normalising 3.0 / Swagger 2.0 forms to 3.1:
/// `nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`, `example` → `examples`, `type: file`.
extension ParserState {
    func readSchema(_ node: RawNode, _ cursor: Cursor) -> Schema {
        switch node.content {
        case .mapping(let pairs):
            return readSchemaObject(pairs, node, cursor)
        case .scalar(let scalar) where scalar.kind == .bool:
            let value = scalar.text.first == "t" || scalar.text.first == "T"
            return Schema(origin: cursor.origin(node), booleanSchema: value)
        default:
            typeMismatch("a schema (a mapping)", for: cursor.pointer.lastComponent ?? "schema", node, cursor)
            return Schema(origin: cursor.origin(node))
        }
    }

    /// - Parameter swaggerParameter: the node is a Swagger 2.0 non-body parameter or header, read as a schema
    ///   (so `required: true`, `name`, `in` belong to the parameter and are skipped).
    func readSchemaObject(_ pairs: [RawPair], _ node: RawNode, _ cursor: Cursor,
                          swaggerParameter: Bool = false) -> Schema {
        let origin = cursor.origin(node)
        var ref: SchemaReference?
        if let refPair = pairs.last(where: { $0.key == "$ref" }) {
            if let raw = string(refPair, cursor) {
                ref = schemaReference(raw, at: refPair.value, cursor)
            }
            if ignoresRefSiblings { return Schema(origin: origin, ref: ref) }
        } else if let dynamicPair = pairs.last(where: { $0.key == "$dynamicRef" }), let raw = string(dynamicPair, cursor) {
            warning("$dynamicRef '\(raw)' is resolved like $ref to its anchor; dynamic scoping is not applied",
                    at: dynamicPair.value, cursor.child("$dynamicRef"))
            ref = schemaReference(raw, at: dynamicPair.value, cursor)
        }
        var fields = SchemaFields()
        for pair in pairs { readSchemaKeyword(pair, cursor, into: &fields, swaggerParameter: swaggerParameter) }
        return fields.schema(origin: origin, ref: ref)
    }

    /// Reads one keyword of a Schema Object into `f`; an unknown key is kept as an extension when it is one.
    private func readSchemaKeyword(_ pair: RawPair, _ cursor: Cursor, into f: inout SchemaFields,
                                   swaggerParameter: Bool) {
        switch pair.key {
            case "$ref": break
            case "type": (f.types, f.format) = readTypes(pair, cursor, format: f.format)
            case "format": f.format = string(pair, cursor) ?? f.format
            case "title": f.title = text(pair, cursor)
            case "description": f.description = text(pair, cursor)
            case "nullable": f.nullable = bool(pair, cursor) ?? false
            case "minLength": f.minLength = count(pair, cursor)
            case "maxLength": f.maxLength = count(pair, cursor)
            case "enum":
                if let values = sequence(pair.value, cursor.child(pair.key), pair.key)?.items {
                    f.enumValues = values.map(json)
                }
            case "const": f.constValue = json(pair.value)
            case "default": f.defaultValue = json(pair.value)
            case "example": f.examples.insert(json(pair.value), at: 0)
            case "examples":
                switch pair.value.content {
                case .sequence(let values): f.examples.append(contentsOf: values.map(json))
                case .mapping(let members): f.examples.append(contentsOf: members.map { json($0.value) })
                case .scalar: f.examples.append(json(pair.value))
                }
            case "pattern": f.pattern = string(pair, cursor)
            case "minimum": f.minimum = double(pair, cursor)
            case "maximum": f.maximum = double(pair, cursor)
            case "multipleOf": f.multipleOf = double(pair, cursor)
            case "exclusiveMinimum":
                if pair.value.scalar?.kind == .bool { f.exclusiveMinimumFlag = bool(pair, cursor) ?? false }
                else { f.exclusiveMinimum = double(pair, cursor) }
            case "exclusiveMaximum":
                if pair.value.scalar?.kind == .bool { f.exclusiveMaximumFlag = bool(pair, cursor) ?? false }
                else { f.exclusiveMaximum = double(pair, cursor) }
            case "readOnly": f.readOnly = bool(pair, cursor) ?? false
            case "writeOnly": f.writeOnly = bool(pair, cursor) ?? false
            case "deprecated": f.deprecated = bool(pair, cursor) ?? false
            case "contentEncoding": f.contentEncoding = string(pair, cursor)
            case "contentMediaType": f.contentMediaType = string(pair, cursor)
            case "contentSchema": f.contentSchema = readSchema(pair.value, cursor.child(pair.key))
            case "x-nullable":
                f.nullable = f.nullable || (bool(pair, cursor) ?? false)
                collectExtension(pair, into: &f.extensions)
        default:
            if !readStructureKeyword(pair, cursor, into: &f, swaggerParameter: swaggerParameter) {
                collectExtension(pair, into: &f.extensions)
            }
        }
    }

    /// Reads one keyword that shapes objects, arrays or compositions (`properties`, `items`, `allOf`…) into `f`;
    /// false when `pair` is not one.
    private func readStructureKeyword(_ pair: RawPair, _ cursor: Cursor, into f: inout SchemaFields,
                                      swaggerParameter: Bool) -> Bool {
        switch pair.key {
            case "properties": f.properties = readProperties(pair, cursor)
            case "required":
                if pair.value.items != nil || pair.value.scalar?.kind == .null {
                    f.required = strings(pair, cursor) ?? []
                } else if !swaggerParameter {
                    warning("'required' in a schema must be a list of property names; this one is ignored",
                            at: pair.value, cursor.child("required"),
                            hint: "mark the property as required in the parent's 'required' list")
                }
            case "additionalProperties":
                if let flag = pair.value.scalar, flag.kind == .bool {
                    f.additionalProperties = .bool(flag.text.first == "t" || flag.text.first == "T")
                } else {
                    f.additionalProperties = .schema(readSchema(pair.value, cursor.child(pair.key)))
                }
            case "minProperties": f.minProperties = count(pair, cursor)
            case "maxProperties": f.maxProperties = count(pair, cursor)
            case "minItems": f.minItems = count(pair, cursor)
            case "maxItems": f.maxItems = count(pair, cursor)
            case "items":
                if pair.value.items != nil {
                    f.prefixItems = schemaList(pair, cursor)  // draft-4 tuple form
                    f.itemsIsList = true
                } else {
                    f.items = readSchema(pair.value, cursor.child(pair.key))
                }
            case "prefixItems":
                f.prefixItems = schemaList(pair, cursor)
                f.itemsIsList = false
            case "uniqueItems": f.uniqueItems = bool(pair, cursor) ?? false
            case "allOf": f.allOf = schemaList(pair, cursor)
            case "oneOf": f.oneOf = schemaList(pair, cursor)
            case "anyOf": f.anyOf = schemaList(pair, cursor)
            case "not": f.not = readSchema(pair.value, cursor.child(pair.key))
            case "discriminator": f.discriminator = readDiscriminator(pair, cursor)
        default:
            return false
        }
        return true
    }

    // MARK: - Keyword helpers

    /// `type: string` or `type: [string, "null"]`; Swagger 2.0 `type: file` is a binary string. In a list, YAML's
    /// `null` (`type: [string, null]`, unquoted) is the `"null"` type.
    private func readTypes(_ pair: RawPair, _ cursor: Cursor, format: String?) -> ([JSONType]?, String?) {
        var format = format
        var names: [String] = []
        if pair.value.scalar != nil {
            guard let name = string(pair, cursor) else { return (nil, format) }
            names = [name]
        } else {
            guard let (items, _, here) = sequence(pair.value, cursor.child(pair.key), pair.key) else {
                return (nil, format)
            }
            for (index, item) in items.enumerated() {
                guard let scalar = item.scalar else {
                    typeMismatch("a string", for: "type[\(index)]", item, here.child(index))
                    continue
                }
                names.append(scalar.kind == .null ? "null" : scalar.text)
            }
        }
        var types: [JSONType] = []
        for name in names {
            if let type = JSONType(rawValue: name) {
                if !types.contains(type) { types.append(type) }
            } else if name == "file" {
                types.append(.string)
                format = format ?? "binary"
            } else {
                warning("unknown schema type '\(name)' is ignored", at: pair.value, cursor.child("type"),
                        hint: "expected string, integer, number, boolean, object, array or null")
            }
        }
        return (types.isEmpty && !names.isEmpty ? nil : types, format)
    }

    private func readProperties(_ pair: RawPair, _ cursor: Cursor) -> [SchemaProperty] {
        guard let (entries, _, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return [] }
        return entries.map { SchemaProperty(name: $0.key, schema: readSchema($0.value, here.child($0.key))) }
    }

    private func schemaList(_ pair: RawPair, _ cursor: Cursor) -> [Schema]? {
        guard let (items, _, here) = sequence(pair.value, cursor.child(pair.key), pair.key) else { return nil }
        return items.enumerated().map { readSchema($0.element, here.child($0.offset)) }
    }

    /// Mapping values are refs (`#/components/schemas/Dog`, `other.yaml#/X`) or bare component names (`Dog`).
    private func readDiscriminator(_ pair: RawPair, _ cursor: Cursor) -> Discriminator? {
        guard let (entries, node, here) = mapping(pair.value, cursor.child(pair.key), pair.key) else { return nil }
        var propertyName: String?
        var entriesByValue: [(value: String, reference: SchemaReference)] = []
        var defaultMapping: SchemaReference?
        for entry in entries {
            switch entry.key {
            case "propertyName": propertyName = string(entry, here)
            case "mapping":
                guard let (targets, _, mappingCursor) = mapping(entry.value, here.child("mapping"), "mapping") else {
                    continue
                }
                for target in targets {
                    // One mapping that does not resolve leaves out that value, not the document.
                    guard let text = string(target, mappingCursor),
                          let reference = softly("the discriminator mapping '\(target.key)' is left out", {
                              mappingReference(text, at: target.value, mappingCursor.child(target.key))
                          })
                    else { continue }
                    entriesByValue.append((target.key, reference))
                }
            case "defaultMapping":
                if let text = string(entry, here) {
                    defaultMapping = softly("the discriminator's defaultMapping is left out") {
                        mappingReference(text, at: entry.value, here.child(entry.key))
                    }
                }
            default: break
            }
        }
        guard let propertyName else {
            error("a discriminator needs a 'propertyName'", at: node, here)
            return nil
        }
        return Discriminator(propertyName: propertyName, mapping: entriesByValue, defaultMapping: defaultMapping)
    }

    /// A `mapping` or `defaultMapping` value: a ref (`#/components/schemas/Dog`, `other.yaml#/X`) or a bare
    /// component name (`Dog`). `raw` keeps the text as written.
    private func mappingReference(_ text: String, at node: RawNode, _ cursor: Cursor) -> SchemaReference? {
        let looksLikeRef = text.contains("#") || text.contains("/") || text.hasSuffix(".yaml")
            || text.hasSuffix(".yml") || text.hasSuffix(".json")
        let raw = looksLikeRef ? text : (isSwagger2 ? "#/definitions/" : "#/components/schemas/") + text
        return schemaReference(raw, at: node, cursor).map { SchemaReference(raw: text, key: $0.key) }
    }
}
