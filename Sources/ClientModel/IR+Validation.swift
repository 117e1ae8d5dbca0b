// MARK: - How a value is validated: decided in ClientModel (`ValidationPlanning.swift`), rendered by the emitter.

/// A value's type as validation sees it: generated aliases replaced by their targets, recursively, so an alias of an
/// array is checked as an array and its elements one by one, and an alias of a primitive takes that primitive's
/// rules. Set on every `PropertyDecl`, `UnionCaseDecl`, `FlattenedUnionDecl`, `ParameterDecl` and
/// `RequestBodyDecl`.
public indirect enum ValidationShape: Hashable, Sendable {
    /// `String`: string rules apply (pattern, length, format, allowed values).
    case string
    /// `Int`, `Int32`, `Int64`: number rules, checked on integers.
    case integer
    /// `Double`, `Float`: number rules, checked on floating values.
    case floating
    /// A generated struct or union that conforms to `Validatable` (`TypeDecl.isValidatable`): it checks itself.
    case validatable
    /// Anything with nothing to check: booleans, dates, enums, `JSONValue`, generated types without rules.
    case other
    /// A value that may be absent: checked when present. Never wraps another `.optional`.
    case optional(ValidationShape)
    case array(ValidationShape)
    /// `[String: T]`.
    case dictionary(ValidationShape)

    /// True when some generated type inside the value validates itself (the value must be recursed into).
    public var containsValidatable: Bool {
        switch self {
        case .validatable: true
        case .optional(let inner), .array(let inner), .dictionary(let inner): inner.containsValidatable
        case .string, .integer, .floating, .other: false
        }
    }

    /// The shape without one level of optionality.
    public var unwrapped: ValidationShape { if case .optional(let inner) = self { inner } else { self } }
    public var isOptional: Bool { if case .optional = self { true } else { false } }
}
