import SpecParser

// MARK: - The rules: every kind of change `openapi-swift diff` reports, and whether it breaks user code

/// Whether a change can stop code written against the old client from compiling (or from meaning the same).
public enum ChangeSeverity: String, Sendable, Comparable, Codable {
    case breaking, additive

    public static func < (lhs: ChangeSeverity, rhs: ChangeSeverity) -> Bool {
        lhs == .breaking && rhs == .additive
    }
}

/// One kind of change. `severity` is the only place that decides what breaks; README's table mirrors it.
public enum ChangeRule: String, CaseIterable, Sendable, Codable {
    /// A type, property, initializer, operation or case is gone (renamed ones are removed and added).
    case removed
    /// A new type, property, operation or initializer.
    case added
    /// A new case in an existing enum or union: an exhaustive `switch` without `default` stops compiling.
    case caseAdded
    /// A struct became an enum, an enum a typealias…
    case kindChanged
    /// A property's, alias's, raw or payload type changed (other than optionality).
    case typeChanged
    /// A property became optional: code that reads it without unwrapping stops compiling.
    case becameOptional
    /// A property became non-optional: `if let`, `?.` and assigning nil stop compiling.
    case becameNonOptional
    /// An operation returns another type.
    case returnTypeChanged
    /// A new argument without a default: every call must pass it.
    case argumentAdded
    /// A new argument with a default: existing calls still compile.
    case optionalArgumentAdded
    case argumentRemoved
    /// An argument lost its default: calls that left it out stop compiling.
    case argumentBecameRequired
    /// An argument gained a default (optional arguments default to nil).
    case argumentBecameOptional
    /// An argument's type changed in any other way.
    case argumentTypeChanged
    /// Arguments that both versions have come in another order: calls must pass them in the new order.
    case argumentsReordered

    public var severity: ChangeSeverity {
        switch self {
        case .added, .optionalArgumentAdded, .argumentBecameOptional:
            .additive
        case .removed, .caseAdded, .kindChanged, .typeChanged, .becameOptional, .becameNonOptional,
             .returnTypeChanged, .argumentAdded, .argumentRemoved, .argumentBecameRequired, .argumentTypeChanged,
             .argumentsReordered:
            .breaking
        }
    }
}

/// One change between the two APIs: `breaking: PetsClient.listPets(limit:) — parameter 'limit' became required`.
public struct APIChange: Sendable, Hashable {
    public var rule: ChangeRule
    /// The declaration's Swift path (with argument labels for methods and initializers).
    public var declaration: String
    public var message: String
    /// Where the spec causes it: the old spec for a removal, the new spec otherwise.
    public var location: SourceLocation?
    /// The argument a change of an argument list is about (`ArgumentDecl.matchKey`).
    var argument: String?

    public var severity: ChangeSeverity { rule.severity }

    /// `breaking: Pet.name — became optional (String → String?) [new.yaml:12:15]`.
    public var line: String {
        "\(severity.rawValue): \(declaration) — \(message)" + (location.map { " [\($0)]" } ?? "")
    }
}
