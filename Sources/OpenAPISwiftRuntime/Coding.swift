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
