import Foundation

// MARK: - Path parameters

/// Encodes path parameters inside the generated path literal.
public enum PathEncoder {
    /// `style`: simple, label or matrix (`name` is needed for matrix). Reserved characters are percent-encoded.
    public static func encode<T: Encodable>(
        _ value: T, name: String = "", style: String = "simple", explode: Bool = false
    ) -> String {
        let json = (try? JSONValue(encoding: value)) ?? .string(String(describing: value))
        let escape = { (text: String) in Percent.encode(text) }
        switch style {
        case "label":
            return "." + ParameterStyle.simple(json, explode: explode, escape: escape, separator: explode ? "." : ",")
        case "matrix":
            return ParameterStyle.form(json, name: name, explode: explode, escape: escape)
                .map { ";" + $0 }.joined()
        default:
            return ParameterStyle.simple(json, explode: explode, escape: escape)
        }
    }
}

// MARK: - Styles

/// OpenAPI parameter serialization over a `JSONValue`. Object keys are sorted, so output is deterministic.
public enum ParameterStyle {
    /// simple / label: `a,b,c`; objects `k,v,k2,v2`, or `k=v,k2=v2` when exploded.
    public static func simple(
        _ value: JSONValue, explode: Bool, escape: (String) -> String, separator: String = ","
    ) -> String {
        switch value {
        case .array(let items):
            return items.compactMap(\.scalarText).map(escape).joined(separator: separator)
        case .object(let object):
            return object.sorted { $0.key < $1.key }.compactMap { key, item in
                item.scalarText.map { explode ? escape(key) + "=" + escape($0) : escape(key) + "," + escape($0) }
            }.joined(separator: separator)
        default:
            return value.scalarText.map(escape) ?? ""
        }
    }

    /// form (query, cookie, matrix): `name=a&name=b` exploded, `name=a,b` not; objects `k=v` exploded,
    /// `name=k,v` not. Returns the encoded `name=value` items.
    public static func form(
        _ value: JSONValue, name: String, explode: Bool, escape: (String) -> String, delimiter: String = ","
    ) -> [String] {
        let key = escape(name)
        switch value {
        case .null:
            return []
        case .array(let items):
            let texts = items.compactMap(\.scalarText).map(escape)
            return explode ? texts.map { key + "=" + $0 } : [key + "=" + texts.joined(separator: delimiter)]
        case .object(let object):
            let entries = object.sorted { $0.key < $1.key }.compactMap { k, v in v.scalarText.map { (k, $0) } }
            return explode ? entries.map { escape($0.0) + "=" + escape($0.1) }
                : [key + "=" + entries.map { escape($0.0) + delimiter + escape($0.1) }.joined(separator: delimiter)]
        default:
            return value.scalarText.map { [key + "=" + escape($0)] } ?? []
        }
    }

    public static func query(_ value: JSONValue, name: String, style: String, explode: Bool, allowReserved: Bool) -> [String] {
        let escape = { (text: String) in Percent.encode(text, keepingReserved: allowReserved) }
        switch style {
        case "deepObject":
            return flatten(value, prefix: name).map { Percent.encode($0.0) + "=" + escape($0.1) }
        case "spaceDelimited" where !explode:
            return form(value, name: name, explode: false, escape: escape, delimiter: "%20")
        case "pipeDelimited" where !explode:
            return form(value, name: name, explode: false, escape: escape, delimiter: "%7C")
        default:
            return form(value, name: name, explode: explode, escape: escape)
        }
    }

    /// The encoded `name=value` items of a form (body or whole query string), properties in key order: those
    /// named in `fields` as their entry says, the others flattened (`a[b]=c`, repeated keys for arrays).
    public static func formPairs(_ value: JSONValue, fields: [String: RequestBuilder.FormField]) -> [String] {
        guard !fields.isEmpty, case .object(let object) = value else {
            return flatten(value, prefix: nil).map(encodedPair)
        }
        var items: [String] = []
        for (key, item) in object.sorted(by: { $0.key < $1.key }) {
            switch fields[key] {
            case .style(let style, let explode, let allowReserved)?:
                items += query(item, name: key, style: style, explode: explode, allowReserved: allowReserved)
            case .json?:
                guard item != .null, let text = try? jsonText(item) else { continue }
                items.append(Percent.encode(key) + "=" + Percent.encode(text))
            case nil:
                items += flatten(item, prefix: key).map(encodedPair)
            }
        }
        return items
    }

    /// `key=value`, both percent-encoded.
    public static func encodedPair(_ pair: (String, String)) -> String {
        Percent.encode(pair.0) + "=" + Percent.encode(pair.1)
    }

    /// Compact JSON text with sorted keys and unescaped `/`, so the same value always gives the same text. It is
    /// request JSON: read-only properties are left out, as in a request body.
    public static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder: JSONEncoder = JSONCoding.makeRequestEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encodeLoweringUUIDs(value), as: UTF8.self)
    }

    /// Unencoded `(key, value)` pairs: `prefix[a][b]` for nested objects, repeated keys for arrays.
    public static func flatten(_ value: JSONValue, prefix: String?) -> [(String, String)] {
        switch value {
        case .null:
            return []
        case .object(let object):
            return object.sorted { $0.key < $1.key }.flatMap { key, item in
                flatten(item, prefix: prefix.map { "\($0)[\(key)]" } ?? key)
            }
        case .array(let items):
            return items.flatMap { flatten($0, prefix: prefix) }
        default:
            return value.scalarText.map { [(prefix ?? "", $0)] } ?? []
        }
    }
}

// MARK: - Percent-encoding

/// RFC 3986 percent-encoding of UTF-8: unreserved characters are kept; with `keepingReserved`
/// (`allowReserved: true`) the reserved ones except `#` are kept too.
public enum Percent {
    public static func encode(_ text: String, keepingReserved: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingReserved && isReserved(byte)) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte >> 4, radix: 16, uppercase: true)
                    + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func isReserved(_ byte: UInt8) -> Bool {
        ":/?[]@!$&'()*+,;=".utf8.contains(byte)
    }
}
