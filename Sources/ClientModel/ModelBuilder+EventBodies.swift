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
            let wanted: Set<BuiltinType> = switch field {
            case "retry": integers
            case "id": integers.union([.string])
            default: [.string]
            }
            guard case .builtin(let builtin) = property.type.unwrapped, wanted.contains(builtin) else {
                let kind = switch field {
                case "retry": "an integer"
                case "id": "a string or an integer"
                default: "a string"
                }
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
        var current = type.unwrapped
        for _ in 0..<40 {
            switch current {
            case .builtin(.string): return .text
            case .builtin(.date), .builtin(.calendarDate), .builtin(.uuid), .builtin(.url), .builtin(.base64):
                return .stringValue
            case .named(let name):
                switch typeDecls[name]?.kind {
                case .enum(let decl)?: return decl.rawType == .string ? .stringValue : .json
                case .alias(let target)?: current = target.unwrapped
                default: return .json
                }
            default: return .json
            }
        }
        return .json
    }

    /// The property's member path as the optional value it holds (`OptionalValue` properties through `wrapped`).
    private static func memberPath(_ property: PropertyDecl) -> String {
        property.distinguishesNull ? property.identifier.swiftName + ".wrapped" : property.identifier.swiftName
    }

    /// The kind of the type `type` names, through aliases (nil for builtins, containers and unknown names).
    private func resolvedKind(_ type: TypeRef) -> TypeKind? {
        var current = type
        for _ in 0..<40 {
            guard case .named(let name) = current, let decl = typeDecls[name] else { return nil }
            guard case .alias(let target) = decl.kind else { return decl.kind }
            current = target
        }
        return nil
    }
}
