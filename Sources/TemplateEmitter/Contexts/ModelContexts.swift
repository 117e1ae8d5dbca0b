// MARK: - Contexts of Struct.mustache, Enum.mustache, Union.mustache, Alias.mustache

/// Keys shared by every declaration template.
struct DeclarationHeader {
    var access: String
    /// The local (unqualified) Swift name.
    var name: String
    /// Complete `///` lines, escaped.
    var docLines: [String]
    /// Emit `@available(*, deprecated)`.
    var isDeprecated: Bool
    /// Nested declarations, rendered and indented one level, separated by blank lines; empty when none.
    var nested: String

    var templateObject: TemplateObject {
        ["access": .string(access), "name": .string(name), "docLines": .strings(docLines),
         "isDeprecated": .bool(isDeprecated), "nested": .string(nested), "hasNested": .bool(!nested.isEmpty)]
    }
}

/// One stored property of a generated struct.
struct PropertyContext: TemplateContext {
    var docLines: [String]
    /// Swift name (escaped if a keyword).
    var name: String
    /// The property's Swift type, e.g. `[Pet]?`.
    var type: String
    /// ` = nil` for optionals in the memberwise init, else empty.
    var initDefault: String
    /// The JSON name as a Swift string literal (e.g. `"first_name"`), the `named:` of the runtime's coding helpers.
    var keyLiteral: String
    /// The runtime's `decodeValue`, `decodeValueIfPresent` or `decodeOptionalValue`.
    var decodeMethod: String
    /// The runtime's `encodeValue`, `encodeValueIfPresent` or `encodeOptionalValue`.
    var encodeMethod: String
    /// The type to decode (`type` without optionality).
    var decodeType: String
    /// Stored behind an `Indirect` box (a recursive value): `storedName` holds `Indirect<type>`.
    var isIndirect: Bool
    var storedName: String
    /// Read-only in a request type: `encode(to:)` skips it when `isRequest` (`Encoder.isRequestBody`).
    var omittedFromRequests = false

    var templateObject: TemplateObject {
        ["docLines": .strings(docLines), "name": .string(name), "type": .string(type),
         "initDefault": .string(initDefault), "keyLiteral": .string(keyLiteral),
         "decodeMethod": .string(decodeMethod), "encodeMethod": .string(encodeMethod),
         "decodeType": .string(decodeType), "isIndirect": .bool(isIndirect), "storedName": .string(storedName),
         "omittedFromRequests": .bool(omittedFromRequests)]
    }
}

/// `Struct.mustache`.
struct StructContext: TemplateContext {
    var header: DeclarationHeader
    /// e.g. `Swift.Codable, Swift.Hashable, Swift.Sendable, Validatable`.
    var conformances: String
    var properties: [PropertyContext]
    /// The memberwise init's parameter list, e.g. `id: Swift.Int, name: Swift.String? = nil`.
    var initParameters: String
    /// Write `init(from:)` and `encode(to:)` out, keyed by the runtime's `JSONKey` (any property, or custom coding):
    /// the synthesized ones would need a `CodingKeys` enum, whose synthesized members cost more to compile than the
    /// whole struct.
    var hasCodingKeys: Bool
    /// Coding beyond one key per property (additional, boxed, null-aware, read-only or flattened properties).
    var hasCustomCoding: Bool
    /// The JSON names of the properties as a set literal, e.g. `["id", "first_name"]`: additional properties are
    /// the other keys.
    var declaredKeys = "[]"
    var hasAdditionalProperties: Bool
    var additionalPropertiesName: String
    var additionalPropertiesValueType: String
    /// Redacted `description`, `debugDescription` and `customMirror` (some property is sensitive).
    var isRedacted: Bool
    /// The body of `redactedFields` (each property appended to a `Redaction.Fields`), which `description` and
    /// `customMirror` read.
    var descriptionLines: [String]
    var isValidatable: Bool
    /// Statements of `validate(path:into:)`.
    var validationLines: [String]
    /// Some property is read-only in requests: `encode(to:)` reads `encoder.isRequestBody` first.
    var omitsInRequests = false
    /// `oneOf`/`anyOf` parts of an `allOf`: decoded from and encoded into the struct's own JSON object.
    var flattened: [FlattenedMemberContext] = []

    var templateObject: TemplateObject {
        header.templateObject.adding([
            "omitsInRequests": .bool(omitsInRequests),
            "flattened": flattened.templateList,
            "conformances": .string(conformances),
            "properties": properties.templateList,
            "initParameters": .string(initParameters),
            "hasProperties": .bool(!properties.isEmpty),
            "hasCodingKeys": .bool(hasCodingKeys),
            "hasCustomCoding": .bool(hasCustomCoding),
            "declaredKeys": .string(declaredKeys),
            "hasAdditionalProperties": .bool(hasAdditionalProperties),
            "additionalPropertiesName": .string(additionalPropertiesName),
            "additionalPropertiesValueType": .string(additionalPropertiesValueType),
            "isRedacted": .bool(isRedacted),
            "descriptionLines": .strings(descriptionLines),
            "isValidatable": .bool(isValidatable),
            "validationLines": .strings(validationLines),
        ])
    }
}

/// A union member of a struct that shares the struct's JSON object (`oneOf` inside `allOf`).
struct FlattenedMemberContext: TemplateContext {
    var name: String
    var type: String
    var templateObject: TemplateObject { ["name": .string(name), "type": .string(type)] }
}

/// One case of a string or integer enum.
struct EnumCaseContext: TemplateContext {
    var docLines: [String]
    var name: String
    /// The raw value as a Swift literal (`"available"` or `42`).
    var rawLiteral: String
    var templateObject: TemplateObject {
        ["docLines": .strings(docLines), "name": .string(name), "rawLiteral": .string(rawLiteral)]
    }
}

/// `Enum.mustache`.
struct EnumContext: TemplateContext {
    var header: DeclarationHeader
    /// `Swift.String` or `Swift.Int`.
    var rawType: String
    var cases: [EnumCaseContext]
    var unknownCaseName: String

    var templateObject: TemplateObject {
        header.templateObject.adding([
            "rawType": .string(rawType),
            "cases": cases.templateList,
            "hasCases": .bool(!cases.isEmpty),
            "unknownCaseName": .string(unknownCaseName),
        ])
    }
}

/// One alternative of a union.
struct UnionCaseContext: TemplateContext {
    var name: String
    /// The case's payload type (an `anyOf` member's type without `?`).
    var type: String
    var isIndirect: Bool
    /// The position of the alternative in the `branches` table.
    var index: Int
    /// The alternative's row of the `branches` table: `UnionBranch(kind: .object, required: ["id"], …)`.
    var branch: String
    /// Encoded into the union's own encoder (`value.encode(to: encoder)`), so objects merge.
    var encodesObject: Bool
    /// An `anyOf` member's boxed storage (`_name`), when it contains the struct by value.
    var storedName: String
    var templateObject: TemplateObject {
        ["name": .string(name), "type": .string(type), "isIndirect": .bool(isIndirect), "index": .string(String(index)),
         "branch": .string(branch), "encodesObject": .bool(encodesObject), "storedName": .string(storedName)]
    }
}

/// One `case "a", "b":` arm of a discriminated decode.
struct DiscriminatorArmContext: TemplateContext {
    /// Comma-separated string literals.
    var values: String
    var caseName: String
    var type: String
    var templateObject: TemplateObject {
        ["values": .string(values), "caseName": .string(caseName), "type": .string(type)]
    }
}

/// `Union.mustache`.
struct UnionContext: TemplateContext {
    var header: DeclarationHeader
    var cases: [UnionCaseContext]
    var hasDiscriminator: Bool
    /// The discriminator property's JSON name, as a string literal.
    var discriminatorLiteral: String
    var discriminatorArms: [DiscriminatorArmContext]
    /// The case keeping values with an unknown discriminator (`unknown(JSONValue)`); empty when there is none.
    var unknownCaseName: String
    /// With a 3.2 `defaultMapping`: the case (and its type) of a missing or unmapped discriminator.
    var defaultCaseName: String
    var defaultCaseType: String
    /// `anyOf` (a struct): the memberwise initializer's parameters, and whether some member is an object.
    var initParameters: String
    var hasObjectCases: Bool
    /// The union's name as a string literal, for the decoding error.
    var nameLiteral: String
    var conformances: String
    var isValidatable: Bool
    var validationLines: [String]

    var templateObject: TemplateObject {
        header.templateObject.adding([
            "cases": cases.templateList,
            "hasDiscriminator": .bool(hasDiscriminator),
            "discriminatorLiteral": .string(discriminatorLiteral),
            "discriminatorArms": discriminatorArms.templateList,
            "unknownCaseName": .string(unknownCaseName),
            "hasUnknownCase": .bool(!unknownCaseName.isEmpty),
            "defaultCaseName": .string(defaultCaseName),
            "defaultCaseType": .string(defaultCaseType),
            "initParameters": .string(initParameters),
            "hasObjectCases": .bool(hasObjectCases),
            "nameLiteral": .string(nameLiteral),
            "conformances": .string(conformances),
            "isValidatable": .bool(isValidatable),
            "validationLines": .strings(validationLines),
        ])
    }
}

/// `Alias.mustache`.
struct AliasContext: TemplateContext {
    var header: DeclarationHeader
    var target: String
    var templateObject: TemplateObject { header.templateObject.adding(["target": .string(target)]) }
}

/// `PayloadEnum.mustache`: an enum of plain payload cases (per-status success values, per-content bodies).
struct PayloadEnumContext: TemplateContext {
    struct Case: TemplateContext {
        var docLines: [String]
        var name: String
        /// `(Pet)` or empty for a case without payload.
        var payload: String
        var templateObject: TemplateObject {
            ["docLines": .strings(docLines), "name": .string(name), "payload": .string(payload)]
        }
    }
    var header: DeclarationHeader
    var conformances: String
    var cases: [Case]
    var templateObject: TemplateObject {
        header.templateObject.adding(["conformances": .string(conformances), "cases": cases.templateList])
    }
}

/// `ResponseHeaders.mustache`: an operation's documented response headers as one struct read from `HTTPHeaders`.
struct ResponseHeadersContext: TemplateContext {
    struct Member: TemplateContext {
        var docLines: [String]
        var name: String
        /// The value type, without optionality (every member is optional).
        var type: String
        /// The header name, as a string literal.
        var wireLiteral: String
        var templateObject: TemplateObject {
            ["docLines": .strings(docLines), "name": .string(name), "type": .string(type),
             "wireLiteral": .string(wireLiteral)]
        }
    }
    var header: DeclarationHeader
    var members: [Member]
    /// The memberwise initializer's parameters, every one defaulting to nil.
    var initParameters: String
    var templateObject: TemplateObject {
        header.templateObject.adding(["members": members.templateList, "initParameters": .string(initParameters)])
    }
}
