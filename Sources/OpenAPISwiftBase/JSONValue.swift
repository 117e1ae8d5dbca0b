/// A JSON-compatible value as written in the spec (defaults, examples, enum values, extensions).
/// Object members keep document order.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// An integer that fits in `Int`.
    case integer(Int)
    /// Any other number; `text` is the literal as written (keeps integers wider than Int64 exact).
    case number(Double, text: String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var intValue: Int? { if case .integer(let i) = self { i } else { nil } }
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d, _): d
        default: nil
        }
    }
}

/// One member of a JSON object, in document order.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// `x-` specification extensions of a node, in document order.
public typealias Extensions = [JSONMember]

extension Array where Element == JSONMember {
    public subscript(key: String) -> JSONValue? { first { $0.key == key }?.value }
}
