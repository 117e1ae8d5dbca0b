/// Typed access to `RawNode`s: each helper reports a type mismatch at the offending node and returns nil.
/// `null` counts as absent for optional fields.
extension ParserState {
    func mapping(_ node: RawNode, _ cursor: Cursor, _ name: String) -> [RawPair]? {
        if let pairs = node.pairs { return pairs }
        if node.scalar?.kind == .null { return [] }
        typeMismatch("a mapping", for: name, node, cursor)
        return nil
    }

    func sequence(_ node: RawNode, _ cursor: Cursor, _ name: String) -> [RawNode]? {
        if let items = node.items { return items }
        if node.scalar?.kind == .null { return [] }
        typeMismatch("a list", for: name, node, cursor)
        return nil
    }

    // MARK: - Fields of a mapping (the pointer is only built when something is wrong)

    func string(_ pair: RawPair, _ cursor: Cursor) -> String? {
        guard let scalar = pair.value.scalar else {
            typeMismatch("a string", for: pair.key, pair.value, cursor.child(pair.key))
            return nil
        }
        return scalar.kind == .null ? nil : scalar.text
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
        guard let items = sequence(pair.value, cursor.child(pair.key), pair.key) else { return nil }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let scalar = item.scalar, scalar.kind != .null else {
                typeMismatch("a string", for: "\(pair.key)[\(index)]", item, cursor.child(pair.key).child(index))
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
