// MARK: - Which types validate themselves, and how each value is validated.

/// The last decision the model makes, over the finished declarations: which structs and unions conform to
/// `Validatable` (`TypeDecl.isValidatable`) and, for every property, union case, parameter and request body, the
/// `ValidationShape` its rules are checked on and its recursion follows (aliases resolved). The emitter renders these;
/// it decides nothing. Public so that a hand-built IR (the emitter's tests) is completed the same way.
public enum ValidationPlanning {
    /// Deeper alias chains and nestings are not followed (they have nothing to check).
    static let maxDepth = 40

    public static func apply(types: inout [TypeDecl], operations: inout [OperationDecl]) {
        var declarations: [TypeName: TypeDecl] = [:]
        var order: [TypeName] = []
        func collect(_ decl: TypeDecl) {
            if declarations.updateValue(decl, forKey: decl.name) == nil { order.append(decl.name) }
            decl.nested.forEach(collect)
        }
        types.forEach(collect)
        let planner = Planner(declarations: declarations, order: order)

        func update(_ decl: inout TypeDecl) {
            switch decl.kind {
            case .struct(var value):
                for index in value.properties.indices {
                    value.properties[index].validationShape = planner.shape(value.properties[index].type)
                }
                for index in value.flattenedUnions.indices {
                    let member = value.flattenedUnions[index]
                    value.flattenedUnions[index].validationShape = planner.shape(member.type)
                }
                decl.kind = .struct(value)
            case .union(var value):
                for index in value.cases.indices {
                    value.cases[index].validationShape = planner.shape(value.cases[index].type)
                }
                decl.kind = .union(value)
            case .enum, .alias:
                break
            }
            decl.isValidatable = planner.conforms(decl)
            for index in decl.nested.indices { update(&decl.nested[index]) }
        }
        for index in types.indices { update(&types[index]) }
        for index in operations.indices {
            for offset in operations[index].parameters.indices {
                operations[index].parameters[offset].validationShape =
                    planner.shape(operations[index].parameters[offset].type)
            }
            if let body = operations[index].body { operations[index].body?.validationShape = planner.shape(body.type) }
        }
    }

    private struct Planner {
        let declarations: [TypeName: TypeDecl]
        /// Structs and unions that conform to `Validatable`, and the aliases of types that contain one.
        let validatable: Set<TypeName>

        init(declarations: [TypeName: TypeDecl], order: [TypeName]) {
            self.declarations = declarations
            self.validatable = Self.validatableTypes(declarations, order: order)
        }

        func conforms(_ decl: TypeDecl) -> Bool {
            switch decl.kind {
            case .struct, .union: validatable.contains(decl.name)
            case .enum, .alias: false
            }
        }

        /// `type` as validation sees it: aliases resolved to their targets (recursively, through optionals, arrays
        /// and dictionaries); a validatable struct or union checks itself; other generated types have nothing to
        /// check.
        func shape(_ type: TypeRef, depth: Int = 0) -> ValidationShape {
            guard depth < ValidationPlanning.maxDepth else { return .other }
            switch type {
            case .builtin(.string): return .string
            case .builtin(.int), .builtin(.int32), .builtin(.int64): return .integer
            case .builtin(.double), .builtin(.float): return .floating
            case .builtin, .stream: return .other
            case .named(let name):
                switch declarations[name]?.kind {
                case .alias(let target)?: return shape(target, depth: depth + 1)
                case .struct?, .union?: return validatable.contains(name) ? .validatable : .other
                case .enum?, nil: return .other
                }
            case .optional(let wrapped):
                let inner = shape(wrapped, depth: depth + 1)
                return inner.isOptional ? inner : .optional(inner)
            case .array(let element): return .array(shape(element, depth: depth + 1))
            case .dictionary(let value): return .dictionary(shape(value, depth: depth + 1))
            }
        }

        /// The structs with rules of their own, then everything that contains one of them (through properties, union
        /// cases and alias targets, transitively): a worklist over the reverse "contains" edges, so each type is
        /// visited once.
        private static func validatableTypes(_ declarations: [TypeName: TypeDecl], order: [TypeName])
            -> Set<TypeName> {
            var containers: [TypeName: [TypeName]] = [:]
            var work: [TypeName] = []
            for name in order {
                guard let decl = declarations[name] else { continue }
                let contained: [TypeRef]
                switch decl.kind {
                case .struct(let value):
                    if !value.validation.isEmpty || value.properties.contains(where: { !$0.validation.isEmpty }) {
                        work.append(name)
                    }
                    contained = value.properties.map(\.type) + value.flattenedUnions.map(\.type)
                case .union(let value): contained = value.cases.map(\.type)
                case .alias(let target): contained = [target]
                case .enum: contained = []
                }
                for element in contained.compactMap(namedElement) { containers[element, default: []].append(name) }
            }
            var result = Set(work)
            while let name = work.popLast() {
                for container in containers[name] ?? [] where result.insert(container).inserted {
                    work.append(container)
                }
            }
            return result
        }

        /// The generated type at the bottom of optionals, arrays and dictionaries, if any.
        private static func namedElement(_ type: TypeRef) -> TypeName? {
            switch type {
            case .named(let name): name
            case .array(let element), .dictionary(let element), .optional(let element), .stream(_, let element):
                namedElement(element)
            case .builtin: nil
            }
        }
    }
}
