/// Typed access to `RawNode`s: each helper reports a type mismatch at the offending node and returns nil.
/// `null` counts as absent for optional fields. A `$ref` where OpenAPI does not allow one is followed, with a warning
/// (`MisplacedRefs.swift`): the mapping and list helpers return the node and cursor to read the value under, which
/// are the target's when a `$ref` was followed.
extension ParserState {
    func mapping(_ node: RawNode, _ cursor: Cursor,
                 _ name: String) -> (pairs: [RawPair], node: RawNode, cursor: Cursor)? {
        if let pairs = node.pairs {
            switch misplacedRef(node, cursor, name) {
            case .notAReference: return (pairs, node, cursor)
            case .resolved(let target, let targetCursor): return mapping(target, targetCursor, name)
            case .dropped, .text: return nil  // text only comes where a string is expected
            }
        }
        if node.scalar?.kind == .null { return ([], node, cursor) }
        typeMismatch("a mapping", for: name, node, cursor)
        return nil
    }

    func sequence(_ node: RawNode, _ cursor: Cursor,
                  _ name: String) -> (items: [RawNode], node: RawNode, cursor: Cursor)? {
        if let items = node.items { return (items, node, cursor) }
        if node.scalar?.kind == .null { return ([], node, cursor) }
        switch misplacedRef(node, cursor, name) {
        case .resolved(let target, let targetCursor): return sequence(target, targetCursor, name)
        case .dropped, .text: return nil  // text only comes where a string is expected
        case .notAReference:
            typeMismatch("a list", for: name, node, cursor)
            return nil
        }
    }

    // MARK: - Fields of a mapping (the pointer is only built when something is wrong)

    func string(_ pair: RawPair, _ cursor: Cursor) -> String? {
        if let scalar = pair.value.scalar { return scalar.kind == .null ? nil : scalar.text }
        return referencedString(pair, cursor, mismatch: .error)
    }

    /// A field that is only documentation (`description`, `summary`, `title`): a value that is not a string is a
    /// warning and the field is left out, so text never stops generation.
    func text(_ pair: RawPair, _ cursor: Cursor) -> String? {
        if let scalar = pair.value.scalar { return scalar.kind == .null ? nil : scalar.text }
        return referencedString(pair, cursor, mismatch: .warning)
    }

    func bool(_ pair: RawPair, _ cursor: Cursor) -> Bool? {
        guard let scalar = pair.value.scalar, scalar.kind == .bool || scalar.kind == .null else {
            typeMismatch("a boolean", for: pair.key, pair.value, cursor.child(pair.key))
            return nil
        }
        return scalar.kind == .null ? nil : (scalar.text.first == "t" || scalar.text.first == "T")
    }

    func double(_ pair: RawPair, _ cursor: Cursor) -> Double? {
        guard let scalar = pair.value.scalar, scalar.kind == .integer || scalar.kind == .float
            || scalar.kind == .null else {
            typeMismatch("a number", for: pair.key, pair.value, cursor.child(pair.key))
            return nil
        }
        return scalar.kind == .null ? nil : ScalarResolution.doubleValue(scalar.text)
    }

    /// A non-negative integer (`minLength`, `maxItems`, …); huge values saturate instead of trapping.
    func count(_ pair: RawPair, _ cursor: Cursor) -> Int? {
        guard let value = double(pair, cursor) else { return nil }
        guard value >= 0, value.rounded() == value else {
            typeMismatch("a non-negative integer", for: pair.key, pair.value, cursor.child(pair.key))
            return nil
        }
        return Int(exactly: value) ?? Int.max
    }

    func strings(_ pair: RawPair, _ cursor: Cursor) -> [String]? {
        guard let (items, _, here) = sequence(pair.value, cursor.child(pair.key), pair.key) else { return nil }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let scalar = item.scalar, scalar.kind != .null else {
                typeMismatch("a string", for: "\(pair.key)[\(index)]", item, here.child(index))
                continue
            }
            result.append(scalar.text)
        }
        return result
    }

    // MARK: - JSON values and extensions

    /// The node as a JSON value (defaults, examples, enum values, extensions), object members in order.
    func json(_ node: RawNode) -> JSONValue {
        switch node.content {
        case .scalar(let scalar):
            return ScalarResolution.jsonValue(scalar)
        case .sequence(let items):
            return .array(items.map(json))
        case .mapping(let pairs):
            return .object(pairs.map { JSONMember(key: $0.key, value: json($0.value)) })
        }
    }

    /// Appends `x-…` members; returns false for any other key, so callers can use it in a `default:` branch.
    @discardableResult
    func collectExtension(_ pair: RawPair, into extensions: inout Extensions) -> Bool {
        guard pair.key.hasPrefix("x-") else { return false }
        extensions.append(JSONMember(key: pair.key, value: json(pair.value)))
        return true
    }
}
