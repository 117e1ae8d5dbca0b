// MARK: - Which module-level helpers the generated models need

/// The helper declarations the first `Models.swift` carries, decided from the IR so the emitter only follows flags.
public struct ModelHelpers: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `DynamicCodingKey`: some struct keeps additional properties.
    public static let dynamicCodingKey = ModelHelpers(rawValue: 1 << 0)
    /// `Indirect<T>`: some struct property, or a case of an undiscriminated `anyOf` struct, is boxed (recursion).
    public static let indirectBox = ModelHelpers(rawValue: 1 << 1)
    /// `UnionBranch`: some union without a discriminator ranks its alternatives by the table.
    public static let unionBranch = ModelHelpers(rawValue: 1 << 2)

    /// What `types` (nested ones included) use.
    public static func required(types: [TypeDecl]) -> ModelHelpers {
        var helpers: ModelHelpers = []
        var declarations = types
        while let decl = declarations.popLast() {
            declarations += decl.nested
            switch decl.kind {
            case .struct(let s):
                if s.additionalProperties != nil { helpers.insert(.dynamicCodingKey) }
                if s.properties.contains(where: \.needsIndirection) { helpers.insert(.indirectBox) }
            case .union(let u):
                if u.keepsAllMatches && u.cases.contains(where: \.needsIndirection) { helpers.insert(.indirectBox) }
                if u.discriminator == nil { helpers.insert(.unionBranch) }
            case .enum, .alias:
                break
            }
        }
        return helpers
    }
}

extension APIDecl {
    /// The module-level helpers the models need (`ModelHelpers`).
    public var modelHelpers: ModelHelpers { .required(types: types) }
}
