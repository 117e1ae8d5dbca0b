import SpecParser

// MARK: - Request and response roles of shared types: null versus absent, readOnly, writeOnly.

extension Builder {
    /// Decides what request bodies and responses need from the structs they share (one type serves both):
    /// - optional *and* nullable properties of structs a request body can contain get `distinguishesNull`, so callers
    ///   can send `null` (clear a field in a PATCH) as well as leave it out. Types reached only from responses keep
    ///   `T?`: there, absent and null read the same.
    /// - `readOnly` properties of structs a request body can contain are left out when encoding a request
    ///   (`omittedFromRequests`); a required one becomes `T?` with an initializer default of `nil`.
    /// - required `writeOnly` properties of structs a response can contain become `T?` (responses leave them out);
    ///   when a request body can contain the struct too, the initializer still requires them (`requiredInInit`).
    /// A struct reached from neither keeps the schema's shape.
    func markNullableRequestProperties(_ operations: [OperationDecl]) {
        var requestRoots: [TypeRef] = []
        var responseRoots: [TypeRef] = []
        for operation in operations {
            if let body = operation.body {
                requestRoots.append(body.type)
                requestRoots += body.contents.map(\.type)
            }
            responseRoots += operation.responses.compactMap(\.type)
        }
        let requests = reachable(from: requestRoots)
        let responses = reachable(from: responseRoots)
        // Sorted: the marks do not depend on the order types were reached in.
        for name in requests.union(responses).sorted() {
            guard var decl = typeDecls[name], case .struct(var value) = decl.kind, value.tuple == nil else { continue }
            let inRequests = requests.contains(name)
            let inResponses = responses.contains(name)
            var changed = false
            for index in value.properties.indices {
                var property = value.properties[index]
                if inRequests, property.readOnly {
                    property.omittedFromRequests = true
                    if property.isRequired, !property.type.isOptional {
                        property.type = .optional(property.type)
                        property.isRequired = false
                        property.doc += (property.doc.isEmpty ? [] : [""])
                            + ["Optional in Swift: requests leave it out, responses carry it."]
                    }
                } else if inResponses, property.writeOnly, property.isRequired, !property.type.isOptional {
                    property.type = .optional(property.type)
                    property.isRequired = false
                    property.requiredInInit = inRequests
                    property.doc += (property.doc.isEmpty ? [] : [""])
                        + [inRequests ? "Optional in Swift because responses leave it out; `init` requires it."
                            : "Optional in Swift: responses leave it out."]
                } else if inRequests, !property.isRequired, property.isNullable {
                    property.distinguishesNull = true
                } else {
                    continue
                }
                value.properties[index] = property
                changed = true
            }
            guard changed else { continue }
            decl.kind = .struct(value)
            store(decl)
        }
    }

    /// Every generated type `roots` contain, through properties, union cases and aliases.
    private func reachable(from roots: [TypeRef]) -> Set<TypeName> {
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
        roots.forEach(visit)
        while let name = pending.popLast() {
            guard let decl = typeDecls[name] else { continue }
            switch decl.kind {
            case .struct(let value):
                value.properties.forEach { visit($0.type) }
                if let extra = value.additionalProperties { visit(extra.valueType) }
                value.flattenedUnions.forEach { visit($0.type) }
            case .union(let value):
                value.cases.forEach { visit($0.type) }
            case .alias(let target):
                visit(target)
            case .enum:
                break
            }
        }
        return reached
    }
}
