import Foundation

// MARK: - JSONValue

/// Any JSON value: free-form schemas, `additionalProperties`, and the runtime's parameter encoding.
/// Integers beyond `Int` decode as `.double`.
public enum JSONValue: Codable, Hashable, Sendable, ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
                          ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
                          ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container: any SingleValueDecodingContainer = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value: Bool = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value: Int = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value: Double = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value: String = try? container.decode(String.self) {
            self = .string(value)
        } else if let value: [JSONValue] = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            let value: [String: JSONValue] = try container.decode([String: JSONValue].self)
            self = .object(value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container: any SingleValueEncodingContainer = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object: [String: JSONValue] = [:]
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index` of an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let array) = self, index >= 0, index < array.count else { return nil }
        return array[index]
    }

    /// The value at a dotted path (`error.call_id`, `items.0.id`).
    public func value(atPath path: String) -> JSONValue? {
        var value: JSONValue? = self
        for part: Substring in path.split(separator: ".") {
            guard let current: JSONValue = value else { return nil }
            if let member: JSONValue = current[String(part)] {
                value = member
            } else if let index: Int = Int(part) {
                value = current[index]
            } else {
                value = nil
            }
        }
        return value
    }

    /// A string, number or boolean as text; nil for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let value):
            return value
        case .int(let value):
            return String(value)
        case .double(let value):
            if value.rounded() == value, value.magnitude < 1e15 { return String(Int(value)) }
            return String(value)
        case .bool(let value):
            return value ? "true" : "false"
        case .null, .array, .object:
            return nil
        }
    }

    /// Encodes a request value through `JSONCoding.makeRequestEncoder()` (RFC 3339 dates, lower-case UUIDs,
    /// read-only properties left out). With `markingData`, `Data` becomes a marked string that `markedData` turns
    /// back into bytes (for multipart file parts).
    public init<T: Encodable>(encoding value: T, markingData: Bool = false) throws {
        switch value {
        case let value as JSONValue: self = value
        case let value as String: self = .string(value)
        case let value as Int: self = .int(value)
        case let value as Bool: self = .bool(value)
        default:
            let encoder: JSONEncoder = JSONCoding.makeRequestEncoder()
            if markingData {
                encoder.dataEncodingStrategy = .custom { (data: Data, encoder: any Encoder) throws -> Void in
                    var container: any SingleValueEncodingContainer = encoder.singleValueContainer()
                    let marked: String = JSONValue.dataMark + data.base64EncodedString()
                    try container.encode(marked)
                }
            }
            let encoded: Data = try encoder.encodeLoweringUUIDs(value)
            self = try JSONDecoder().decode(JSONValue.self, from: encoded)
        }
    }

    private static let dataMark: String = "\u{0}openapi-swift-data:"

    public var markedData: Data? {
        guard case .string(let text) = self, text.hasPrefix(Self.dataMark) else { return nil }
        let encoded: String = String(text.dropFirst(Self.dataMark.count))
        return Data(base64Encoded: encoded)
    }
}

// MARK: - Coding helpers

extension KeyedDecodingContainer {
    /// `decode(_:forKey:)` under a name of its own. Generated `init(from:)`s call these: the standard library's
    /// overloads (one per primitive type) make the type checker search every call, 4–5× slower to compile.
    public func decodeValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decode(type, forKey: key)
    }

    /// `decodeIfPresent(_:forKey:)` under a name of its own (see `decodeValue`).
    public func decodeValueIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeIfPresent(type, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// `encode(_:forKey:)` under a name of its own (see `KeyedDecodingContainer.decodeValue`).
    public mutating func encodeValue<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encode(value, forKey: key)
    }

    /// `encodeIfPresent(_:forKey:)` under a name of its own (see `KeyedDecodingContainer.decodeValue`).
    public mutating func encodeValueIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try encodeIfPresent(value, forKey: key)
    }
}
