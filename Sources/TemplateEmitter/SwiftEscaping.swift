import Foundation

// MARK: - The only way spec text reaches generated Swift
//
// One function per output context. Identifiers come pre-escaped from ClientModel; everything else that came from
// the spec (descriptions, enum raw values, wire names, patterns, server URLs, paths, the spec path) goes through
// exactly one of these.

/// Escapes spec text for the contexts it can appear in within generated Swift.
public enum SwiftEscaping {
    /// Doc-comment lines: each result starts with `///`.
    ///
    /// Input lines that themselves contain line breaks are split. Control characters (including NUL) are dropped,
    /// tabs become spaces, `/*` and `*/` are neutralised (they could open or close a block comment around the
    /// following code), and trailing whitespace is trimmed. Unicode text is kept. Leading and trailing blank lines
    /// are removed and runs of blank lines are folded into one.
    public static func docComment(_ lines: [String]) -> [String] {
        var out: [String] = []
        for line in lines {
            for piece in splitLines(line) {
                let text = commentSafe(piece)
                if text.isEmpty {
                    if let last = out.last, last != "///" { out.append("///") }
                } else {
                    out.append("/// " + text)
                }
            }
        }
        while out.last == "///" { out.removeLast() }
        return out
    }

    /// The text of one `//` comment line (for the file header): line breaks become spaces, control characters are
    /// dropped, and block-comment delimiters are neutralised.
    public static func lineComment(_ text: String) -> String {
        commentSafe(splitLines(text).joined(separator: " "))
    }

    /// A double-quoted Swift string literal whose value is exactly `text`.
    ///
    /// Escapes `\`, `"`, `\n`, `\r`, `\t`, writes other control characters (and NUL, DEL, line/paragraph
    /// separators) as `\u{…}`. Because every backslash is escaped, `\(` cannot start an interpolation, and a
    /// leading `#` or `"""` is just text inside the quotes.
    public static func stringLiteral(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsUnicodeEscape(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// A Swift array literal of string literals, e.g. `["a", "b"]`.
    public static func stringArrayLiteral(_ values: [String]) -> String {
        "[" + values.map(stringLiteral).joined(separator: ", ") + "]"
    }

    // MARK: - Helpers

    /// Splits on every Unicode line break (`\n`, `\r\n`, `\r`, VT, FF, NEL, LS, PS).
    static func splitLines(_ text: String) -> [String] {
        // Fast path: no byte that can start a line break (VT…CR; 0xC2 starts NEL, 0xE2 starts LS and PS).
        if !text.utf8.contains(where: { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) { return [text] }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where previousWasCR:
                previousWasCR = false
                continue
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousWasCR = scalar.value == 0x0D
                continue
            default:
                previousWasCR = false
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    /// One line of comment text: no control characters, no block-comment delimiters, no trailing whitespace.
    ///
    /// `/*` opens a (nesting) block comment that would swallow the code after the doc comment; `*/` is harmless in
    /// a line comment but is neutralised too so generated docs stay copyable into block comments. Both become
    /// `/ *` and `* /`: a space goes between every adjacent `/` and `*`, byte by byte as the Swift lexer reads them.
    static func commentSafe(_ line: String) -> String {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), space = UInt8(ascii: " ")
        // Fast path: printable ASCII without a `/*` or `*/` and without a trailing space is already safe.
        var clean = true
        var previous: UInt8 = 0
        for byte in line.utf8 {
            if byte < 0x20 || byte >= 0x7F
                || (previous == slash && byte == star) || (previous == star && byte == slash) {
                clean = false
                break
            }
            previous = byte
        }
        if clean, previous != space { return line }

        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + 8)
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                out.append(space)
            } else if !needsUnicodeEscape(scalar) {
                if let last = out.last, (last == slash && scalar == "*") || (last == star && scalar == "/") {
                    out.append(space)
                }
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        while out.last == space { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Control characters (C0, DEL, C1), line/paragraph separators, BOM, and bidi overrides that could make the
    /// source read differently from how it compiles.
    static func needsUnicodeEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
