import ClientModel

// MARK: - Facts about the module's types that declarations need from each other

/// Lookups over every generated type (nested ones included), computed once per emit.
struct TypeIndex: Sendable {
    /// Every declaration by its full name.
    let declarations: [TypeName: TypeDecl]
    /// Types that conform to `Validatable` (they have rules, or contain a type that does).
    let validatable: Set<TypeName>
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
        self.validatable = Self.validatableTypes(declarations)
        self.annotatableDeprecated = api.annotatableDeprecatedTypes
    }

    func isValidatable(_ ref: TypeRef) -> Bool {
        guard let name = ref.namedElement else { return false }
        return validatable.contains(name)
    }

    // MARK: - Validatable, by propagation

    /// The types with rules of their own, and every type that contains one of them (through properties, union
    /// cases and alias targets, transitively): a worklist over the reverse of the "contains" edges, so each type is
    /// visited once.
    private static func validatableTypes(_ declarations: [TypeName: TypeDecl]) -> Set<TypeName> {
        var containers: [TypeName: [TypeName]] = [:]
        var work: [TypeName] = []
        for (name, decl) in declarations {
            let contained: [TypeRef]
            switch decl.kind {
            case .struct(let s):
                let hasRules = !s.validation.isEmpty || s.properties.contains { !$0.validation.isEmpty }
                if hasRules { work.append(name) }
                contained = s.properties.map(\.type) + s.flattenedUnions.map(\.type)
            case .union(let u): contained = u.cases.map(\.type)
            case .alias(let target): contained = [target]
            case .enum: contained = []
            }
            for element in contained.compactMap(\.namedElement) { containers[element, default: []].append(name) }
        }
        var result = Set(work)
        while let name = work.popLast() {
            for container in containers[name] ?? [] where result.insert(container).inserted { work.append(container) }
        }
        return result
    }
}
