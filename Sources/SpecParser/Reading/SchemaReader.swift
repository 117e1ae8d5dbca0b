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
        var types: [JSONType]?, format: String?, title: String?, description: String?
        var properties: [SchemaProperty] = [], required: [String] = []
        var additionalProperties: AdditionalProperties?
        var minProperties: Int?, maxProperties: Int?, minItems: Int?, maxItems: Int?
        var minLength: Int?, maxLength: Int?
        var items: Schema?, prefixItems: [Schema]?, uniqueItems = false, itemsIsList = false
        var allOf: [Schema]?, oneOf: [Schema]?, anyOf: [Schema]?, not: Schema?, discriminator: Discriminator?
        var enumValues: [JSONValue]?, constValue: JSONValue?, defaultValue: JSONValue?, examples: [JSONValue] = []
        var pattern: String?, minimum: Double?, maximum: Double?, multipleOf: Double?
        var exclusiveMinimum: Double?, exclusiveMaximum: Double?
        var exclusiveMinimumFlag = false, exclusiveMaximumFlag = false
        var readOnly = false, writeOnly = false, deprecated = false, nullable = false
        var contentEncoding: String?, contentMediaType: String?, contentSchema: Schema?
        var extensions: Extensions = []

        for pair in pairs {
            switch pair.key {
            case "$ref": break
            case "type": (types, format) = readTypes(pair, cursor, format: format)
            case "format": format = string(pair, cursor) ?? format
            case "title": title = text(pair, cursor)
            case "description": description = text(pair, cursor)
            case "nullable": nullable = bool(pair, cursor) ?? false
            case "properties": properties = readProperties(pair, cursor)
            case "required":
                if pair.value.items != nil || pair.value.scalar?.kind == .null {
                    required = strings(pair, cursor) ?? []
                } else if !swaggerParameter {
                    warning("'required' in a schema must be a list of property names; this one is ignored",
                            at: pair.value, cursor.child("required"),
                            hint: "mark the property as required in the parent's 'required' list")
                }
            case "additionalProperties":
                if let flag = pair.value.scalar, flag.kind == .bool {
                    additionalProperties = .bool(flag.text.first == "t" || flag.text.first == "T")
                } else {
                    additionalProperties = .schema(readSchema(pair.value, cursor.child(pair.key)))
                }
            case "minProperties": minProperties = count(pair, cursor)
            case "maxProperties": maxProperties = count(pair, cursor)
            case "minItems": minItems = count(pair, cursor)
            case "maxItems": maxItems = count(pair, cursor)
            case "minLength": minLength = count(pair, cursor)
            case "maxLength": maxLength = count(pair, cursor)
            case "items":
                if pair.value.items != nil {
                    prefixItems = schemaList(pair, cursor)  // draft-4 tuple form
                    itemsIsList = true
                } else {
                    items = readSchema(pair.value, cursor.child(pair.key))
                }
            case "prefixItems":
                prefixItems = schemaList(pair, cursor)
                itemsIsList = false
            case "uniqueItems": uniqueItems = bool(pair, cursor) ?? false
            case "allOf": allOf = schemaList(pair, cursor)
            case "oneOf": oneOf = schemaList(pair, cursor)
            case "anyOf": anyOf = schemaList(pair, cursor)
            case "not": not = readSchema(pair.value, cursor.child(pair.key))
            case "discriminator": discriminator = readDiscriminator(pair, cursor)
            case "enum":
                if let values = sequence(pair.value, cursor.child(pair.key), pair.key)?.items {
                    enumValues = values.map(json)
                }
            case "const": constValue = json(pair.value)
            case "default": defaultValue = json(pair.value)
            case "example": examples.insert(json(pair.value), at: 0)
            case "examples":
                switch pair.value.content {
                case .sequence(let values): examples.append(contentsOf: values.map(json))
                case .mapping(let members): examples.append(contentsOf: members.map { json($0.value) })
                case .scalar: examples.append(json(pair.value))
                }
            case "pattern": pattern = string(pair, cursor)
            case "minimum": minimum = double(pair, cursor)
            case "maximum": maximum = double(pair, cursor)
            case "multipleOf": multipleOf = double(pair, cursor)
            case "exclusiveMinimum":
                if pair.value.scalar?.kind == .bool { exclusiveMinimumFlag = bool(pair, cursor) ?? false }
                else { exclusiveMinimum = double(pair, cursor) }
            case "exclusiveMaximum":
                if pair.value.scalar?.kind == .bool { exclusiveMaximumFlag = bool(pair, cursor) ?? false }
                else { exclusiveMaximum = double(pair, cursor) }
            case "readOnly": readOnly = bool(pair, cursor) ?? false
            case "writeOnly": writeOnly = bool(pair, cursor) ?? false
            case "deprecated": deprecated = bool(pair, cursor) ?? false
            case "contentEncoding": contentEncoding = string(pair, cursor)
            case "contentMediaType": contentMediaType = string(pair, cursor)
            case "contentSchema": contentSchema = readSchema(pair.value, cursor.child(pair.key))
            case "x-nullable":
                nullable = nullable || (bool(pair, cursor) ?? false)
                collectExtension(pair, into: &extensions)
            default:
                collectExtension(pair, into: &extensions)
            }
        }
        // 3.0 / Swagger 2.0 boolean exclusive bounds become the 3.1 numeric form.
        if exclusiveMinimumFlag, let bound = minimum { exclusiveMinimum = bound; minimum = nil }
        if exclusiveMaximumFlag, let bound = maximum { exclusiveMaximum = bound; maximum = nil }
        if nullable, let declared = types, !declared.contains(.null) { types = declared + [.null] }

        return Schema(
            origin: origin, ref: ref, types: types, format: format, title: title, description: description,
            properties: properties, required: required, additionalProperties: additionalProperties,
            minProperties: minProperties, maxProperties: maxProperties, items: items, prefixItems: prefixItems,
            minItems: minItems, maxItems: maxItems, uniqueItems: uniqueItems, itemsIsList: itemsIsList, allOf: allOf,
            oneOf: oneOf,
            anyOf: anyOf, not: not, discriminator: discriminator, enumValues: enumValues, constValue: constValue,
            defaultValue: defaultValue, examples: examples, minLength: minLength, maxLength: maxLength,
            pattern: pattern, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum,
            exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf, readOnly: readOnly, writeOnly: writeOnly,
            deprecated: deprecated, contentEncoding: contentEncoding, contentMediaType: contentMediaType,
            extensions: extensions, nullable: nullable, contentSchema: contentSchema)
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
