import SpecParser

// MARK: - The generated API's signatures, decided once: the emitter renders them, `openapi-swift diff` compares them

/// One argument of a generated method or initializer, as call sites see it.
public struct ArgumentDecl: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        /// An operation's request body (`_ body: T`).
        case body
        /// Anything else: a parameter, a content-type choice, a memberwise initializer's property, a credential.
        case value
    }

    public var role: Role
    /// The argument label: `_` when calls pass the value without one.
    public var label: String
    /// The parameter's name inside the declaration (escaped if needed).
    public var name: String
    /// The declared type, spelled as in the generated code (`Swift.Int?`, `OptionalValue<Pet>`).
    public var type: String
    /// The default value (`nil`, `.absent`, `[]`, `.json`); nil when every call must pass the argument.
    public var defaultValue: String?
    /// Where the spec declares what the argument comes from.
    public var sourceLocation: SourceLocation?

    public init(role: Role = .value, label: String, name: String, type: String, defaultValue: String?,
                sourceLocation: SourceLocation?) {
        self.role = role
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.sourceLocation = sourceLocation
    }

    /// `label name: Type = default`, as written in the declaration (`name: Type` when the label is the name).
    public var declaration: String {
        (label == name ? "" : label + " ") + name + ": " + type + (defaultValue.map { " = " + $0 } ?? "")
    }
}

extension OperationDecl {
    /// The spec-driven arguments of the operation's two methods, in order: the body, the parameters (required
    /// first; optional ones default to nil), the content-type choice. Both methods end with
    /// `options: RequestOptions = .init()`, which is not listed.
    public var arguments: [ArgumentDecl] {
        var result: [ArgumentDecl] = []
        if let body {
            // An optional body is `Body? = nil`.
            result.append(ArgumentDecl(role: .body, label: "_", name: locals.body, type: body.type.swift,
                                       defaultValue: body.isRequired ? nil : "nil",
                                       sourceLocation: body.sourceLocation))
        }
        for p in parameters {
            result.append(ArgumentDecl(label: p.identifier.label, name: p.identifier.swiftName, type: p.type.swift,
                                       defaultValue: p.type.isOptional ? "nil" : nil, sourceLocation: p.sourceLocation))
        }
        if let body, let choice = body.contentTypeChoice, let first = body.contents.first {
            result.append(ArgumentDecl(label: choice.parameterName, name: choice.parameterName,
                                       type: choice.typeName.swift, defaultValue: "." + first.caseName,
                                       sourceLocation: body.sourceLocation))
        }
        return result
    }

    /// What the plain method returns: `Void`, the body type, or the per-status enum.
    public var returnType: String {
        switch success {
        case .void: "Void"
        case .single(let type): type.swift
        case .perStatus(let name, _): name.swift
        }
    }
}

extension StructDecl {
    /// The memberwise initializer's arguments: one per property (tuple elements named `_0`… unlabeled, the rest
    /// elements defaulting to `[]`), then the additional properties (defaulting to `[:]`).
    public var initArguments: [ArgumentDecl] {
        var result = properties.enumerated().map { offset, p in
            let isRest = tuple?.rest != nil && offset == properties.count - 1
            return ArgumentDecl(label: p.identifier.label, name: p.identifier.swiftName, type: p.initType,
                                defaultValue: isRest ? "[]" : p.initDefaultValue, sourceLocation: p.sourceLocation)
        }
        if let extra = additionalProperties {
            result.append(ArgumentDecl(label: extra.name, name: extra.name, type: extra.swiftType,
                                       defaultValue: "[:]", sourceLocation: nil))
        }
        result += flattenedUnions.map {
            ArgumentDecl(label: $0.name, name: $0.name, type: $0.type.swift, defaultValue: nil, sourceLocation: nil)
        }
        return result
    }
}

extension AdditionalPropertiesDecl {
    /// The declared type of the property holding unknown keys.
    public var swiftType: String { "[Swift.String: \(valueType.swift)]" }
}

extension PropertyDecl {
    /// The declared Swift type: `OptionalValue<T>` for a property that tells null from absent, else `type`.
    public var swiftType: String { distinguishesNull ? "OptionalValue<\(type.unwrapped.swift)>" : type.swift }

    /// Required but nullable: `nil` is encoded as `null`, since the key must be present.
    public var writesNull: Bool { isRequired && type.isOptional && !distinguishesNull }

    /// The memberwise initializer's parameter type: `T` for a write-only property stored as `T?`.
    public var initType: String { requiredInInit ? type.unwrapped.swift : swiftType }

    /// The memberwise initializer's default: `.absent`, `nil` for optionals, none for required properties.
    public var initDefaultValue: String? {
        distinguishesNull ? ".absent" : type.isOptional && !requiredInInit ? "nil" : nil
    }

    /// `initDefaultValue` as written after the parameter: ` = nil`, or nothing.
    public var initDefault: String { initDefaultValue.map { " = " + $0 } ?? "" }
}

extension UnionDecl {
    /// For an `anyOf` that keeps every match (`keepsAllMatches`, a struct): its memberwise initializer, one optional
    /// argument per alternative (defaulting to nil), typed like the member `var <case>: T?`.
    public var initArguments: [ArgumentDecl] {
        cases.map {
            ArgumentDecl(label: $0.name, name: $0.name, type: $0.type.unwrapped.swift + "?", defaultValue: "nil",
                         sourceLocation: $0.sourceLocation)
        }
    }

    /// The case that keeps a value no case claims (`unknown(JSONValue)`: an unknown discriminator value, or no
    /// alternative matching), named apart from the other cases; nil when the union has none (`hasUnknownCase`).
    public var unknownCaseName: String? {
        guard hasUnknownCase else { return nil }
        let names = Set(cases.map(\.name))
        var candidate = "unknown"
        var suffix = 1
        while names.contains(candidate) {
            suffix += 1
            candidate = "unknown\(suffix)"
        }
        return candidate
    }
}
