import ClientModel

// MARK: - Facts about the module's types that declarations need from each other

/// Lookups over every generated type (nested ones included), computed once per emit.
struct TypeIndex: Sendable {
    /// Every declaration by its full name.
    let declarations: [TypeName: TypeDecl]
    /// Deprecated types that may carry `@available(*, deprecated)` (`APIDecl.annotatableDeprecatedTypes`).
    let annotatableDeprecated: Set<TypeName>

    init(api: APIDecl) {
        var declarations: [TypeName: TypeDecl] = [:]
        func collect(_ decl: TypeDecl) {
            declarations[decl.name] = decl
            decl.nested.forEach(collect)
        }
        api.types.forEach(collect)
        self.declarations = declarations
        self.annotatableDeprecated = api.annotatableDeprecatedTypes
    }
}
