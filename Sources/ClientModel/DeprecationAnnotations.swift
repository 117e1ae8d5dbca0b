// MARK: - Which deprecated types may carry `@available(*, deprecated)`

extension APIDecl {
    /// Deprecated types that may carry `@available(*, deprecated)`: nothing outside a deprecated context uses them,
    /// so the annotation cannot produce warnings in the generated module. The others say "Deprecated." in their
    /// documentation only.
    public var annotatableDeprecatedTypes: Set<TypeName> {
        var declarations: [TypeName: TypeDecl] = [:]
        var work = types
        while let decl = work.popLast() {
            declarations[decl.name] = decl
            work += decl.nested
        }
        return DeprecationAnnotations.annotatable(api: self, declarations: declarations)
    }
}

enum DeprecationAnnotations {
    /// The deprecated types that can carry the annotation, as a fixed point: a use inside a deprecated type counts
    /// as a deprecated context only if that type is itself annotated (a deprecated type that something else still
    /// uses stays unannotated, and so do the deprecated types it uses). Computed by a worklist: a type used from
    /// outside every annotated type loses its annotation, which puts what it contains outside too; each declaration
    /// is visited once.
    static func annotatable(api: APIDecl, declarations: [TypeName: TypeDecl]) -> Set<TypeName> {
        var annotated = Set(declarations.values.lazy.filter(\.deprecated).map(\.name))
        guard !annotated.isEmpty else { return [] }
        var used: Set<TypeName> = []
        var unannotated: [TypeName] = []
        func useName(_ name: TypeName) {
            if used.insert(name).inserted, annotated.remove(name) != nil { unannotated.append(name) }
        }
        func use(_ ref: TypeRef?) { ref?.forEachNamed(useName) }
        /// Uses what `decl` and its nested types name, down to nested types that are still annotated.
        func expose(_ decl: TypeDecl) {
            guard !annotated.contains(decl.name) else { return }
            switch decl.kind {
            case .struct(let s):
                s.properties.forEach { use($0.type) }
                use(s.additionalProperties?.valueType)
                s.flattenedUnions.forEach { use($0.type) }
            case .union(let u): u.cases.forEach { use($0.type) }
            case .alias(let target): use(target)
            case .enum: break
            }
            decl.nested.forEach(expose)
        }
        api.types.forEach(expose)
        for operation in api.operations where !operation.deprecated {
            operation.parameters.forEach { use($0.type) }
            use(operation.body?.type)
            operation.body?.contents.forEach { use($0.type) }
            operation.responses.forEach { use($0.type) }
            switch operation.success {
            case .void: break
            case .single(let ref): use(ref)
            case .perStatus(let name, let cases):
                useName(name)
                cases.forEach { use($0.type) }
            }
        }
        api.errorBodies.forEach { use($0.type) }
        while let name = unannotated.popLast() {
            // Inside a type that is still annotated, it stays in a deprecated context until that type is exposed.
            let enclosing = (1..<max(1, name.components.count)).map { TypeName(Array(name.components.prefix($0))) }
            guard let decl = declarations[name], !enclosing.contains(where: annotated.contains) else { continue }
            expose(decl)
        }
        return annotated
    }
}

extension TypeRef {
    /// The generated type at the bottom of optionals, arrays and dictionaries, if any.
    public var namedElement: TypeName? {
        switch self {
        case .named(let name): name
        case .array(let element), .dictionary(let element), .optional(let element), .stream(_, let element):
            element.namedElement
        case .builtin: nil
        }
    }

    /// Calls `body` with every generated type this reference names.
    public func forEachNamed(_ body: (TypeName) -> Void) {
        if let name = namedElement {
            // A nested type's parents are used too (`Parent.Child` names `Parent`).
            for count in 1...name.components.count { body(TypeName(Array(name.components.prefix(count)))) }
        }
    }
}
