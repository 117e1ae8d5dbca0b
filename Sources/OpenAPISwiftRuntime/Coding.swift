import Foundation

// MARK: - Request bodies: read-only properties are left out

extension CodingUserInfoKey {
    /// `true` in the encoders of request bodies and parameters: generated types leave read-only properties out.
    public static let openAPIRequest = CodingUserInfoKey(rawValue: "openapi-swift.request")!
}

extension Encoder {
    /// Whether this encoding is a request's (read-only properties are left out) rather than, say, a cache's.
    public var isRequestBody: Bool {
        let flag: Bool? = userInfo[CodingUserInfoKey.openAPIRequest] as? Bool
        return flag ?? false
    }
}

extension JSONCoding {
    /// The encoder of request bodies and parameters: `makeEncoder()` with `isRequestBody` set.
    public static func makeRequestEncoder() -> JSONEncoder {
        let encoder = makeEncoder()
        encoder.userInfo[.openAPIRequest] = true
        return encoder
    }
}

// MARK: - JSON keys of generated types

/// The coding key of generated structs and discriminated unions: one type for every generated type, compiled once
/// with the runtime, instead of a `CodingKeys` enum per type whose dozens of synthesized members each client would
/// compile again. Generated code names keys by `StaticString` literals through the `named:` helpers below: such a
/// literal is a constant the caller neither builds nor releases.
public struct JSONKey: CodingKey, Hashable, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }

    public init(_ stringValue: String) { self.stringValue = stringValue }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where K == JSONKey {
    /// The value at the JSON name `name` (see `JSONKey`); one overload, quick to type-check.
    public func decodeValue<T: Decodable>(_ type: T.Type, named name: StaticString) throws -> T {
        try decode(type, forKey: JSONKey(name.description))
    }

    /// The value at `name`, nil when the key is missing or `null`.
    public func decodeValueIfPresent<T: Decodable>(_ type: T.Type, named name: StaticString) throws -> T? {
        try decodeIfPresent(type, forKey: JSONKey(name.description))
    }
}

extension KeyedEncodingContainer where K == JSONKey {
    /// Writes `value` at the JSON name `name` (see `JSONKey`).
    public mutating func encodeValue<T: Encodable>(_ value: T, named name: StaticString) throws {
        try encode(value, forKey: JSONKey(name.description))
    }

    /// Writes `value` at `name` unless it is nil.
    public mutating func encodeValueIfPresent<T: Encodable>(_ value: T?, named name: StaticString) throws {
        try encodeIfPresent(value, forKey: JSONKey(name.description))
    }
}

// MARK: - Tuples (prefixItems): JSON arrays coded element by element

extension UnkeyedDecodingContainer {
    /// `decode(_:)` under a name of its own: one overload, quick to type-check. Throws at the end of the array.
    public mutating func decodeElement<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(type)
    }

    /// An optional element: nil at the end of the array or for `null`.
    public mutating func decodeElementIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
        if isAtEnd { return nil }
        if try decodeNil() { return nil }
        return try decode(type)
    }
}

extension UnkeyedEncodingContainer {
    /// `encode(_:)` under a name of its own (see `decodeElement`). A nil optional is written as `null`.
    public mutating func encodeElement<T: Encodable>(_ value: T) throws {
        try encode(value)
    }
}
