import OpenAPISwiftBase

// MARK: - text/event-stream request bodies

extension Builder {
    /// Decides, for every `text/event-stream` `itemSchema` request body, how an item becomes an event: an item whose
    /// type is a struct with a `data` property is the event itself (OpenAPI 3.2), its `event` and `id` (strings) and
    /// `retry` (an integer) becoming those fields; any other item is the event's data. Runs once property types are
    /// final (`OptionalValue` wrapping is known). A field of another type is not sent as a field: a warning says so.
    func planEventBodies(_ operations: inout [OperationDecl]) {
        for index in operations.indices {
            guard var body = operations[index].body else { continue }
            for offset in body.contents.indices where body.contents[offset].itemFraming == .serverSentEvents {
                guard case .array(let item) = body.contents[offset].type else { continue }
                var fields = eventFields(of: item.unwrapped, at: body.contents[offset].sourceLocation)
                // A nullable item schema (`[Item?]`): the fields are read through optional chaining.
                fields.optionalItem = item.isOptional && fields.data != nil
                body.contents[offset].eventFields = fields
            }
            operations[index].body = body
        }
    }

    private func eventFields(of item: TypeRef, at location: SourceLocation?) -> EventFieldsDecl {
        var whole = EventFieldsDecl()
        whole.dataEncoding = dataEncoding(of: item)
        guard case .struct(let value) = resolvedKind(item), value.tuple == nil else { return whole }
        let sent = value.properties.filter { !$0.omittedFromRequests }
        guard let data = sent.first(where: { $0.identifier.wireName == "data" }) else { return whole }
        var fields = EventFieldsDecl(data: Self.memberPath(data))
        fields.dataEncoding = dataEncoding(of: data.type.unwrapped)
        let integers: Set<BuiltinType> = [.int, .int32, .int64]
        for property in sent where ["event", "id", "retry"].contains(property.identifier.wireName) {
            let field = property.identifier.wireName
            let (wanted, kind): (Set<BuiltinType>, String) = switch field {
            case "retry": (integers, "an integer")
            case "id": (integers.union([.string]), "a string or an integer")
            default: ([.string], "a string")
            }
            guard case .builtin(let builtin) = property.type.unwrapped, wanted.contains(builtin) else {
                diagnostics.append(.warning(
                    "the event property '\(field)' of this text/event-stream item is not \(kind); it is not sent as "
                        + "the event's '\(field)' field", at: property.sourceLocation ?? location,
                    hint: "declare '\(field)' as \(kind) (OpenAPI 3.2 server-sent event items)"))
                continue
            }
            switch field {
            case "event": fields.event = Self.memberPath(property)
            case "id":
                fields.id = Self.memberPath(property)
                fields.integerID = builtin != .string
            default: fields.retry = Self.memberPath(property)
            }
        }
        return fields
    }

    /// `.text` for a `String`, `.stringValue` for another type whose JSON is a string, `.json` otherwise.
    private func dataEncoding(of type: TypeRef) -> EventDataEncoding {
        switch resolved(type, unwrappingOptionals: true) {
        case .builtin(.string): .text
        case .builtin(.date), .builtin(.calendarDate), .builtin(.uuid), .builtin(.url), .builtin(.base64): .stringValue
        case .named(let name):
            if case .enum(let decl)? = typeDecls[name]?.kind, decl.rawType == .string { .stringValue } else { .json }
        default: .json
        }
    }

    /// The property's member path as the optional value it holds (`OptionalValue` properties through `wrapped`).
    private static func memberPath(_ property: PropertyDecl) -> String {
        property.distinguishesNull ? property.identifier.swiftName + ".wrapped" : property.identifier.swiftName
    }

    /// The kind of the type `type` names, through aliases (nil for builtins, containers and unknown names).
    private func resolvedKind(_ type: TypeRef) -> TypeKind? {
        guard case .named(let name) = resolved(type) else { return nil }
        return typeDecls[name]?.kind
    }

    /// `type` through aliases (and their optionals, with `unwrappingOptionals`): a builtin, a container, or a name
    /// that is not an alias (at most 40 steps deep).
    private func resolved(_ type: TypeRef, unwrappingOptionals: Bool = false) -> TypeRef {
        var current = unwrappingOptionals ? type.unwrapped : type
        for _ in 0..<40 {
            guard case .named(let name) = current, case .alias(let target)? = typeDecls[name]?.kind else { break }
            current = unwrappingOptionals ? target.unwrapped : target
        }
        return current
    }
}
