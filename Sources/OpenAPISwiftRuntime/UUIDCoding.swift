import Foundation

// MARK: - UUIDs go on the wire in lower case (RFC 9562 §4)

extension JSONEncoder {
    /// Encodes `value` with every `UUID` inside it in lower case (`UUIDLowering`).
    func encodeLoweringUUIDs<T: Encodable>(_ value: T) throws -> Data {
        try encode(UUIDLowering.Root(value: value))
    }
}

/// `UUID.encode(to:)` writes `uuidString`, which is upper case. A request value is encoded through an encoder that
/// forwards everything to the real one except `UUID`s, which it writes as lower-case text: in JSON bodies,
/// parameters, form and multipart fields alike, at any depth.
enum UUIDLowering {
    struct Root<Value: Encodable>: Encodable {
        let value: Value

        func encode(to encoder: any Encoder) throws {
            var container = Forwarder(base: encoder).singleValueContainer()
            try container.encode(value)
        }
    }

    /// What a forwarding container hands the real one: a UUID as its lower-case text; the types `JSONEncoder` treats
    /// specially (dates, data, URLs, decimals) and scalars as they are, so its strategies still apply; anything else
    /// wrapped, so that its own `encode(to:)` runs through the forwarding encoder too.
    static func forwarded<T: Encodable>(_ value: T) -> any Encodable {
        switch value {
        case let uuid as UUID: uuid.uuidString.lowercased()
        case is Date, is Data, is URL, is Decimal, is String, is Bool, is Double, is Float: value
        case is Int, is Int8, is Int16, is Int32, is Int64, is UInt, is UInt8, is UInt16, is UInt32, is UInt64: value
        default: Nested(value: value)
        }
    }

    struct Nested<Value: Encodable>: Encodable {
        let value: Value
        func encode(to encoder: any Encoder) throws { try value.encode(to: Forwarder(base: encoder)) }
    }

    struct Forwarder: Encoder {
        let base: any Encoder
        var codingPath: [any CodingKey] { base.codingPath }
        var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed(base: base.container(keyedBy: type)))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(base: base.unkeyedContainer()) }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(base: base.singleValueContainer()) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var base: KeyedEncodingContainer<Key>
        var codingPath: [any CodingKey] { base.codingPath }

        mutating func encodeNil(forKey key: Key) throws { try base.encodeNil(forKey: key) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try base.encode(forwarded(value), forKey: key)
        }

        // Scalars go straight to the real container (the protocol's defaults would come back to `encode<T>`).
        mutating func encode(_ value: Bool, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try base.encode(value, forKey: key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try base.encode(value, forKey: key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(base: base.nestedContainer(keyedBy: keyType, forKey: key)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(base: base.nestedUnkeyedContainer(forKey: key))
        }

        mutating func superEncoder() -> any Encoder { Forwarder(base: base.superEncoder()) }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            Forwarder(base: base.superEncoder(forKey: key))
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        var base: any UnkeyedEncodingContainer
        var codingPath: [any CodingKey] { base.codingPath }
        var count: Int { base.count }

        mutating func encodeNil() throws { try base.encodeNil() }

        mutating func encode<T: Encodable>(_ value: T) throws { try base.encode(forwarded(value)) }

        // Scalars go straight to the real container (the protocol's defaults would come back to `encode<T>`).
        mutating func encode(_ value: Bool) throws { try base.encode(value) }
        mutating func encode(_ value: String) throws { try base.encode(value) }
        mutating func encode(_ value: Double) throws { try base.encode(value) }
        mutating func encode(_ value: Float) throws { try base.encode(value) }
        mutating func encode(_ value: Int) throws { try base.encode(value) }
        mutating func encode(_ value: Int8) throws { try base.encode(value) }
        mutating func encode(_ value: Int16) throws { try base.encode(value) }
        mutating func encode(_ value: Int32) throws { try base.encode(value) }
        mutating func encode(_ value: Int64) throws { try base.encode(value) }
        mutating func encode(_ value: UInt) throws { try base.encode(value) }
        mutating func encode(_ value: UInt8) throws { try base.encode(value) }
        mutating func encode(_ value: UInt16) throws { try base.encode(value) }
        mutating func encode(_ value: UInt32) throws { try base.encode(value) }
        mutating func encode(_ value: UInt64) throws { try base.encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(base: base.nestedContainer(keyedBy: keyType)))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            Unkeyed(base: base.nestedUnkeyedContainer())
        }

        mutating func superEncoder() -> any Encoder { Forwarder(base: base.superEncoder()) }
    }

    struct Single: SingleValueEncodingContainer {
        var base: any SingleValueEncodingContainer
        var codingPath: [any CodingKey] { base.codingPath }

        mutating func encodeNil() throws { try base.encodeNil() }

        mutating func encode<T: Encodable>(_ value: T) throws { try base.encode(forwarded(value)) }

        // Scalars go straight to the real container (the protocol's defaults would come back to `encode<T>`).
        mutating func encode(_ value: Bool) throws { try base.encode(value) }
        mutating func encode(_ value: String) throws { try base.encode(value) }
        mutating func encode(_ value: Double) throws { try base.encode(value) }
        mutating func encode(_ value: Float) throws { try base.encode(value) }
        mutating func encode(_ value: Int) throws { try base.encode(value) }
        mutating func encode(_ value: Int8) throws { try base.encode(value) }
        mutating func encode(_ value: Int16) throws { try base.encode(value) }
        mutating func encode(_ value: Int32) throws { try base.encode(value) }
        mutating func encode(_ value: Int64) throws { try base.encode(value) }
        mutating func encode(_ value: UInt) throws { try base.encode(value) }
        mutating func encode(_ value: UInt8) throws { try base.encode(value) }
        mutating func encode(_ value: UInt16) throws { try base.encode(value) }
        mutating func encode(_ value: UInt32) throws { try base.encode(value) }
        mutating func encode(_ value: UInt64) throws { try base.encode(value) }
    }
}
