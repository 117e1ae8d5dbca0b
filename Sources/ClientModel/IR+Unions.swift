import OpenAPISwiftBase

// MARK: - What an undiscriminated union checks before trying an alternative

/// What a JSON value must look like to be one alternative of an undiscriminated union. The emitter writes one row
/// per alternative into a table that the generated decoder scores: a value of another kind, a missing required key,
/// a value outside a closed `enum`/`const`, or a key the alternative forbids (`additionalProperties: false`) is a
/// mismatch; among the alternatives that match, the one with the most declared keys present is tried first.
public struct DecodeHint: Sendable, Hashable {
    public enum JSONKind: String, Sendable { case object, array, string, number, integer, boolean, null, any }
    public var kind: JSONKind
    /// For objects: keys that must be present.
    public var requiredKeys: [String]
    /// For objects: every property the schema declares (its `allOf` parts and `$ref` targets included), in order.
    public var declaredKeys: [String]
    /// For objects: properties whose value is closed (`enum` or `const` of scalars), with the allowed values.
    public var closedProperties: [ClosedValues]
    /// The allowed values of the value itself (an `enum` or `const` of scalars); empty when open.
    public var closedValues: [JSONValue]
    /// For objects: `additionalProperties: false`, so a key outside `declaredKeys` is a mismatch.
    public var forbidsOtherKeys: Bool

    public init(kind: JSONKind, requiredKeys: [String], declaredKeys: [String] = [],
                closedProperties: [ClosedValues] = [], closedValues: [JSONValue] = [], forbidsOtherKeys: Bool = false) {
        self.kind = kind
        self.requiredKeys = requiredKeys
        self.declaredKeys = declaredKeys
        self.closedProperties = closedProperties
        self.closedValues = closedValues
        self.forbidsOtherKeys = forbidsOtherKeys
    }
}

/// A property whose JSON value must be one of `values` (strings, numbers, booleans; `null` is always accepted).
public struct ClosedValues: Sendable, Hashable {
    public var key: String
    public var values: [JSONValue]
    public init(key: String, values: [JSONValue]) {
        self.key = key
        self.values = values
    }
}

/// A `oneOf`/`anyOf` part of an `allOf`, kept as a member of the combined struct: decoded from the same JSON object
/// as the struct's properties and encoded into it.
public struct FlattenedUnionDecl: Sendable {
    /// The Swift property name.
    public var name: String
    /// The union (a named type).
    public var type: TypeRef
    /// How the member is validated (set by `ValidationPlanning`).
    public var validationShape: ValidationShape = .other
    public init(name: String, type: TypeRef) {
        self.name = name
        self.type = type
    }
}
