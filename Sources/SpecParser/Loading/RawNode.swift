/// The parser's own tree of a YAML/JSON file: scalars already typed (JSON-compatible core schema),
/// merge keys (`<<`) applied, aliases expanded, every node with its 1-based line and column.
///
/// Built once per file by `RawTreeBuilder`; every reader and the `$ref` resolver walk this tree.
/// Not `Sendable`: it lives inside one `DocumentParser.parse` call.
final class RawNode {
    enum Content {
        case scalar(RawScalar)
        case sequence([RawNode])
        case mapping([RawPair])
    }

    let content: Content
    let line: Int
    let column: Int
    /// Key → index of the last pair with that key; built on first lookup in a large mapping.
    private var keyIndex: [String: Int]?

    init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    var pairs: [RawPair]? { if case .mapping(let pairs) = content { pairs } else { nil } }
    var items: [RawNode]? { if case .sequence(let items) = content { items } else { nil } }
    var scalar: RawScalar? { if case .scalar(let scalar) = content { scalar } else { nil } }

    /// A non-null scalar's text (numbers and booleans as written).
    var text: String? {
        guard case .scalar(let scalar) = content, scalar.kind != .null else { return nil }
        return scalar.text
    }

    /// What kind of node this is, for messages: "a mapping", "a sequence", "a string", …
    var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: "a string"
            case .null: "null"
            case .bool: "a boolean"
            case .integer, .float: "a number"
            }
        }
    }

    /// The value for `key` in a mapping (the last one, if repeated); nil for other nodes.
    func value(forKey key: String) -> RawNode? {
        guard case .mapping(let pairs) = content else { return nil }
        if pairs.count <= 12 {
            return pairs.last { $0.key == key }?.value
        }
        if keyIndex == nil {
            var index = [String: Int](minimumCapacity: pairs.count)
            for (offset, pair) in pairs.enumerated() { index[pair.key] = offset }
            keyIndex = index
        }
        return keyIndex?[key].map { pairs[$0].value }
    }
}

/// One `key: value` entry of a mapping, keeping the key's position for diagnostics.
struct RawPair {
    let key: String
    let keyLine: Int
    let keyColumn: Int
    let value: RawNode
}

/// A scalar's text and its resolved type.
struct RawScalar {
    enum Kind: UInt8 { case string, null, bool, integer, float }
    let text: String
    let kind: Kind
}
