// MARK: - The keywords of one Schema Object, as read, before they become a `Schema`

/// The keywords `ParserState.readSchemaObject` reads from one Schema Object's mapping, each as written (3.0 and
/// Swagger 2.0 forms included); `schema` normalises them to 3.1.
struct SchemaFields {
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

    /// The `Schema`: 3.0 / Swagger 2.0 boolean exclusive bounds become the 3.1 numeric form, and `nullable` adds
    /// `null` to the declared types.
    func schema(origin: Origin, ref: SchemaReference?) -> Schema {
        var minimum = minimum, maximum = maximum, exclusiveMinimum = exclusiveMinimum
        var exclusiveMaximum = exclusiveMaximum, types = types
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
}
