import ClientModel
import SpecParser

// MARK: - The public declarations of a generated module, as user code sees them

/// One public declaration of a generated module: a type, property, initializer, method or case.
public struct SurfaceDeclaration: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case `struct`, `enum`, `typealias`, property, initializer, operation, method, `case`

        /// How messages name it (`property removed`).
        var noun: String { rawValue }
    }

    /// What identifies the declaration across two versions: `Pet.name`, `PetsClient.listPets`, `Pet.init`. Methods
    /// and initializers are keyed without their labels, so a changed argument list is a change, not a rename.
    public var key: String
    /// The key of the enclosing type; nil at the top level.
    public var parent: String?
    public var kind: Kind
    /// The type that matters for a change: a property's declared type, an alias's target, an enum's raw type, a
    /// case's payload, an operation's return type. Nil where there is none (a struct, a case without payload).
    public var type: String?
    /// A method's or initializer's arguments, in order (the constant trailing ones, such as `options:`, left out).
    public var arguments: [ArgumentDecl]?
    /// Where the spec declares it.
    public var sourceLocation: SourceLocation?
    /// Where the spec decides `type`, when elsewhere (an operation's return type: its first successful response).
    public var typeLocation: SourceLocation?

    /// The Swift path as a user writes it: `PetsClient.listPets(_:limit:)`, `Pet.name`, `PetKind.dog`.
    public var path: String {
        guard let arguments else { return key }
        let base = key.hasSuffix(")") ? String(key[..<(key.lastIndex(of: "(") ?? key.endIndex)]) : key
        return base + "(" + arguments.map { NameSanitizer.unescaped($0.label) + ":" }.joined() + ")"
    }
}

/// The public API of one generated module: every declaration user code can name, by key.
public struct APISurface: Sendable {
    public private(set) var declarations: [String: SurfaceDeclaration] = [:]

    /// Adds `declaration` unless one with its key is there already (the first wins, as in the generated code).
    mutating func add(_ declaration: SurfaceDeclaration) {
        if declarations[declaration.key] == nil { declarations[declaration.key] = declaration }
    }

    /// The declarations enclosing `declaration`, innermost first.
    func ancestors(of declaration: SurfaceDeclaration) -> [SurfaceDeclaration] {
        var result: [SurfaceDeclaration] = []
        var next = declaration.parent
        while let key = next, let parent = declarations[key], result.count < 1_000 {
            result.append(parent)
            next = parent.parent
        }
        return result
    }
}

extension ArgumentDecl {
    /// What matches an argument across versions: its label, or `_ name` when it has none.
    var matchKey: String { label == "_" ? "_ " + NameSanitizer.unescaped(name) : NameSanitizer.unescaped(label) }
    /// How messages name it: `'limit'`, `'body'`.
    var displayName: String { "'\(NameSanitizer.unescaped(name))'" }
}

/// A Swift type spelling taken apart: optional (`T?`) or not, and `T`.
struct TypeSpelling: Equatable {
    var base: String
    var isOptional: Bool

    init(_ spelling: String) {
        isOptional = spelling.hasSuffix("?")
        base = isOptional ? String(spelling.dropLast()) : spelling
    }
}
