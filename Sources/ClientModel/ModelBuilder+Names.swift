import SpecParser

// MARK: - Type and member names: one scope per declaration.
//
// Inside a generated type, Swift looks a simple name up among the type's members (stored properties, enum cases,
// nested types) before the enclosing types and the module's top-level types. So the names inside one type share one
// scope (`Builder.memberScopes`): a property or case never takes the name of a nested type of the same type, of the
// type itself or one enclosing it, or of a top-level type; and a later top-level type never takes a name declared
// inside some type (`Builder.innerNames`). Members are lowerCamel and types UpperCamel, so these only meet on names
// without case, such as `_3` (from the JSON name `3`): a union gets the nested type `_3` and the case `_3_2`.

extension Builder {
    /// Claims a top-level type name for `raw` (sanitized, reserved names suffixed with `Model`, collisions numbered).
    /// `declares` is false for names the emitter declares itself from other IR (per-content bodies, success enums).
    func claimTopLevel(_ raw: String, declares: Bool = true) -> TypeName {
        let base = NameSanitizer.typeName(raw, extraReserved: moduleNames)
        let local = topLevelScope.claim(base) { [innerNames] in !innerNames.contains($0) }
        let name = TypeName(local)
        if declares { typeOrder.append(name) }
        return name
    }

    /// Claims a nested type name inside `parent`: distinct from its siblings and from `parent`'s members, from every
    /// enclosing type and from every top-level type (so that references to top-level types are never shadowed inside
    /// `parent`).
    func claimNested(_ raw: String, in parent: TypeName) -> TypeName {
        let base = NameSanitizer.typeName(raw, nested: true, extraReserved: moduleNames)
        let name = parent.nested(claimInside(parent, base))
        typeOrder.append(name)
        return name
    }

    func claim(_ site: InlineSite) -> TypeName {
        if let parent = site.parent { claimNested(site.baseName, in: parent) } else { claimTopLevel(site.baseName) }
    }

    /// Claims a member name (a property, an enum or union case; `base` unescaped, from `NameSanitizer.memberBase`)
    /// of `parent`, by the same rule as its nested types. Returns the name ready to print (keywords quoted).
    func claimMember(_ base: String, in parent: TypeName) -> String {
        NameSanitizer.escaped(claimInside(parent, base))
    }

    /// Marks `name` as taken among `parent`'s members (a member the emitter declares, e.g. a tuple's `arrayCount`).
    func reserveMember(_ name: String, in parent: TypeName) {
        memberScopes[parent, default: NameScope()].reserve(name)
    }

    /// `base` or its first free numbered form in `parent`'s scope, also free of `parent`'s own name, its enclosing
    /// types' names and the top-level names.
    private func claimInside(_ parent: TypeName, _ base: String) -> String {
        var scope = memberScopes[parent] ?? NameScope()
        let enclosing = Set(parent.components)
        let local = scope.claim(base) { [topLevelScope] in !enclosing.contains($0) && !topLevelScope.contains($0) }
        memberScopes[parent] = scope
        innerNames.insert(local)
        return local
    }
}
