import Foundation

// MARK: - OptionalValue

/// A request-body property that is optional *and* nullable, where leaving it out and sending `null` differ (a PATCH
/// that clears a field): `.absent` is not sent, `.null` is sent as JSON `null`, `.value` as the value. Properties
/// that are only optional or only nullable stay `T?`.
public enum OptionalValue<Wrapped> {
    case absent
    case null
    case value(Wrapped)

    /// `.value` for a value, `.null` for nil.
    public init(_ value: Wrapped?) {
        if let value: Wrapped = value { self = .value(value) } else { self = .null }
    }

    /// The value, or nil when absent or null.
    public var wrapped: Wrapped? {
        if case .value(let value) = self { value } else { nil }
    }

    public var isAbsent: Bool {
        if case .absent = self { true } else { false }
    }
}

extension OptionalValue: Sendable where Wrapped: Sendable {}
extension OptionalValue: Equatable where Wrapped: Equatable {}
extension OptionalValue: Hashable where Wrapped: Hashable {}

extension KeyedDecodingContainer {
    /// A missing key is `.absent`, `null` is `.null`.
    public func decodeOptionalValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> OptionalValue<T> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        let value: T = try decode(T.self, forKey: key)
        return .value(value)
    }
}

extension KeyedEncodingContainer {
    /// `.absent` writes nothing, `.null` writes `null`.
    public mutating func encodeOptionalValue<T: Encodable>(_ value: OptionalValue<T>, forKey key: Key) throws {
        switch value {
        case .absent: break
        case .null: try encodeNil(forKey: key)
        case .value(let value): try encode(value, forKey: key)
        }
    }
}

extension KeyedDecodingContainer where K == JSONKey {
    /// `decodeOptionalValue(_:forKey:)` at the JSON name `name` (see `JSONKey`).
    public func decodeOptionalValue<T: Decodable>(_ type: T.Type, named name: StaticString) throws
        -> OptionalValue<T> {
        try decodeOptionalValue(type, forKey: JSONKey(name.description))
    }
}

extension KeyedEncodingContainer where K == JSONKey {
    /// `encodeOptionalValue(_:forKey:)` at the JSON name `name` (see `JSONKey`).
    public mutating func encodeOptionalValue<T: Encodable>(_ value: OptionalValue<T>, named name: StaticString)
        throws {
        try encodeOptionalValue(value, forKey: JSONKey(name.description))
    }
}
