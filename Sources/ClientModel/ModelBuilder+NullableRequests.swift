import SpecParser

// MARK: - Null versus absent in request bodies.

extension Builder {
    /// Marks every property that is optional and nullable in a struct a request body can contain with
    /// `distinguishesNull`, so callers can send `null` (clear a field in a PATCH) as well as leave it out. Types
    /// reached only from responses keep `T?`: there, absent and null read the same.
    func markNullableRequestProperties(_ operations: [OperationDecl]) {
        var pending: [TypeName] = []
        var reached: Set<TypeName> = []
        func visit(_ type: TypeRef) {
            switch type {
            case .named(let name):
                if reached.insert(name).inserted { pending.append(name) }
            case .optional(let wrapped), .array(let wrapped), .dictionary(let wrapped), .stream(_, let wrapped):
                visit(wrapped)
            case .builtin:
                break
            }
        }
        for operation in operations {
            guard let body = operation.body else { continue }
            visit(body.type)
            body.contents.forEach { visit($0.type) }
        }
        while let name = pending.popLast() {
            guard let decl = typeDecls[name] else { continue }
            switch decl.kind {
            case .struct(let value):
                value.properties.forEach { visit($0.type) }
                if let extra = value.additionalProperties { visit(extra.valueType) }
            case .union(let value):
                value.cases.forEach { visit($0.type) }
            case .alias(let target):
                visit(target)
            case .enum:
                break
            }
        }
        // Sorted: the marks do not depend on the order types were reached in.
        for name in reached.sorted() {
            guard var decl = typeDecls[name], case .struct(var value) = decl.kind else { continue }
            var changed = false
            for index in value.properties.indices
            where !value.properties[index].isRequired && value.properties[index].isNullable {
                value.properties[index].distinguishesNull = true
                changed = true
            }
            guard changed else { continue }
            decl.kind = .struct(value)
            store(decl)
        }
    }
}
