// MARK: - Strings, numbers and literals

extension JSONReader {
    /// A string, number, `true`, `false` or `null` at `index`.
    mutating func scalar(in open: Open?) throws(Diagnostic) -> RawScalar {
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return RawScalar(text: try string(), kind: .string)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        default:
            let start = index
            while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            switch word {
            case "true": return RawScalar(text: word, kind: .bool)
            case "false": return RawScalar(text: word, kind: .bool)
            case "null": return RawScalar(text: word, kind: .null)
            default:
                index = start
                guard !word.isEmpty else { throw unexpected(expecting: "a value", in: open) }
                let context = open.map { " (\($0.description))" } ?? ""
                throw error("malformed JSON: expected a value, found '\(word)'\(context)",
                            hint: "JSON strings are in double quotes; its literals are true, false and null")
            }
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"),
             UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    private mutating func number() throws(Diagnostic) -> RawScalar {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        try digits(after: "'-'")
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, Self.isDigit(bytes[index]) {
                index = start
                throw error("malformed JSON: a number cannot start with a leading zero",
                            hint: "write it without the zeros, or as a string if they matter")
            }
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        var isFloat = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            try digits(after: "the decimal point")
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            isFloat = true
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            try digits(after: "the exponent")
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            isFloat = true
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return RawScalar(text: text, kind: isFloat ? .float : .integer)
    }

    private func digits(after what: String) throws(Diagnostic) {
        guard index < bytes.count, Self.isDigit(bytes[index]) else {
            throw error("malformed JSON: expected a digit after \(what), found \(found())")
        }
    }

    /// The string whose opening quote is at `index`; `index` ends after the closing quote.
    mutating func string() throws(Diagnostic) -> String {
        let quote = (line: line, column: column(of: index))
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start, quote: quote) }
            if byte < 0x20 { throw controlCharacter(byte) }
            if byte & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        throw unclosedString(quote)
    }

    private func unclosedString(_ quote: (line: Int, column: Int)) -> Diagnostic {
        .error("malformed JSON: the string is not closed",
               at: SourceLocation(file: file, line: quote.line, column: quote.column), hint: "end it with '\"'")
    }

    /// The rest of a string from its first `\` on (`start` is the first byte of its value).
    private mutating func escapedString(from start: Int, quote: (line: Int, column: Int)) throws(Diagnostic)
        -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape()
            case 0x00..<0x20:
                throw controlCharacter(byte)
            default:
                // Copy the run of plain bytes up to the next quote, escape or control character at once.
                let run = index
                while index < bytes.count, bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\""),
                      bytes[index] != UInt8(ascii: "\\") {
                    if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
                    index += 1
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            }
        }
        throw unclosedString(quote)
    }

    /// Appends the character of the escape at `index` (a `\`) to `scratch`.
    private mutating func escape() throws(Diagnostic) {
        let backslash = index
        guard index + 1 < bytes.count else {
            throw error("malformed JSON: the string is not closed", hint: "end it with '\"'")
        }
        let code = bytes[index + 1]
        let simple: UInt8?
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = code
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            index += 1
            let escaped = found()
            index = backslash
            throw error("malformed JSON: invalid escape in a string: '\\' followed by \(escaped)",
                        hint: "JSON escapes are \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX")
        }
        if let simple {
            scratch.append(simple)
            index += 2
            return
        }
        let first = try hexQuad(at: backslash)
        var scalar = Unicode.Scalar(first)
        if (0xD800..<0xDC00).contains(first), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
           bytes[index + 1] == UInt8(ascii: "u") {
            let afterHigh = index
            let second = try hexQuad(at: index)
            if (0xDC00..<0xE000).contains(second) {
                scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            } else {
                index = afterHigh  // the next escape is read on its own
            }
        }
        guard let scalar else {
            warnings.append(.warning(
                "the string escape '\\u\(Self.hex(first).lowercased())' is a lone UTF-16 surrogate; it is read as "
                    + "U+FFFD (\u{FFFD})", at: location(of: backslash),
                hint: "a character outside the Basic Multilingual Plane is escaped as a pair, e.g. \\ud83d\\ude00"))
            index = backslash + 6
            appendUTF8(0xFFFD)
            return
        }
        appendUTF8(scalar.value)
    }

    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case ..<0x80:
            scratch.append(UInt8(value))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | value >> 6))
            scratch.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | value >> 12))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | value >> 18))
            scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// The value of `\uXXXX` at `offset`; `index` ends after it.
    private mutating func hexQuad(at offset: Int) throws(Diagnostic) -> UInt32 {
        var value: UInt32 = 0
        for position in (offset + 2)..<(offset + 6) {
            guard position < bytes.count, let digit = Self.hexValue(bytes[position]) else {
                index = offset
                throw error("malformed JSON: '\\u' must be followed by four hexadecimal digits")
            }
            value = value << 4 | digit
        }
        index = offset + 6
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func controlCharacter(_ byte: UInt8) -> Diagnostic {
        let name: String
        switch byte {
        case 0x0A: name = "a line break (write \\n)"
        case 0x0D: name = "a carriage return (write \\r)"
        case 0x09: name = "a tab (write \\t)"
        default: name = "the control character U+\(Self.hex(UInt32(byte))) (write \\u\(Self.hex(UInt32(byte))))"
        }
        return error("malformed JSON: a string cannot contain \(name)",
                     hint: "control characters in JSON strings must be escaped")
    }
}
