/// YAML 1.2 core-schema resolution for plain scalars (the JSON-compatible subset plus `~`, `0x…`, `.inf`):
/// `yes`/`no`/`on`/`off` stay strings, quoted scalars are always strings.
enum ScalarResolution {
    /// The type of a plain (unquoted, untagged) scalar.
    static func kind(ofPlain text: String) -> RawScalar.Kind {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .null }
        // Fast path: most scalars are words that start with a letter that cannot begin a typed scalar.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return numericKind(utf8)
        case UInt8(ascii: "~"):
            return utf8.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return text == "null" || text == "Null" || text == "NULL" ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return text == "true" || text == "True" || text == "TRUE" ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return text == "false" || text == "False" || text == "FALSE" ? .bool : .string
        default:
            return .string
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func numericKind(_ utf8: String.UTF8View) -> RawScalar.Kind {
        let bytes = Array(utf8)
        var index = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { index = 1 }
        let rest = bytes[index...]
        if rest.elementsEqual(".inf".utf8) || rest.elementsEqual(".Inf".utf8) || rest.elementsEqual(".INF".utf8) {
            return .float
        }
        if index == 0, rest.elementsEqual(".nan".utf8) || rest.elementsEqual(".NaN".utf8)
            || rest.elementsEqual(".NAN".utf8) {
            return .float
        }
        if index == 0, bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let body = bytes[2...]
            if bytes[1] == UInt8(ascii: "x"), body.allSatisfy({ $0 < 128 && Character(UnicodeScalar($0)).isHexDigit }) {
                return .integer
            }
            if bytes[1] == UInt8(ascii: "o"), body.allSatisfy({ $0 >= 48 && $0 <= 55 }) { return .integer }
        }
        // [0-9]+ (\. [0-9]*)? | \. [0-9]+ ; then ([eE][-+]?[0-9]+)?
        var intDigits = 0
        while index < bytes.count, isDigit(bytes[index]) { index += 1; intDigits += 1 }
        var isFloat = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isFloat = true
            index += 1
            var fractionDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { index += 1; fractionDigits += 1 }
            if intDigits == 0 && fractionDigits == 0 { return .string }
        } else if intDigits == 0 {
            return .string
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isFloat = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            var exponentDigits = 0
            while index < bytes.count, isDigit(bytes[index]) { index += 1; exponentDigits += 1 }
            if exponentDigits == 0 { return .string }
        }
        guard index == bytes.count else { return .string }
        return isFloat ? .float : .integer
    }

    /// The JSON value of a typed scalar. Integers that do not fit in `Int` become `.number` with their text.
    static func jsonValue(_ scalar: RawScalar) -> JSONValue {
        switch scalar.kind {
        case .string: return .string(scalar.text)
        case .null: return .null
        case .bool: return .bool(scalar.text.first == "t" || scalar.text.first == "T")
        case .integer:
            if let value = integerValue(scalar.text) { return .integer(value) }
            return .number(Double(scalar.text) ?? .nan, text: scalar.text)
        case .float:
            return .number(doubleValue(scalar.text) ?? .nan, text: scalar.text)
        }
    }

    /// `Int` for a core-schema integer literal (decimal, `0x`, `0o`), nil when it does not fit.
    static func integerValue(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        return Int(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    /// `Double` for a core-schema number literal, including `.inf` and `.nan`.
    static func doubleValue(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default:
            if let int = integerValue(text) { return Double(int) }
            return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
        }
    }
}
