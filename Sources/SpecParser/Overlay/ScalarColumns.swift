/// Maps a character offset inside a scalar's value back to the column where it is written, through YAML/JSON
/// quoting and escapes, so a JSONPath error points at the offending character of `target:`.
enum ScalarColumns {
    /// The 1-based column of the `offset`-th character (Unicode scalar) of the value of the scalar written at
    /// `line`:`column` in `text`, or nil when the value does not sit on that one line as written.
    static func column(ofOffset offset: Int, inScalarAt line: Int, column: Int, text: String) -> Int? {
        guard let lineText = Self.line(line, of: text) else { return nil }
        let chars = Array(lineText)
        var index = column - 1
        guard chars.indices.contains(index) else { return nil }
        var decoded = 0
        switch chars[index] {
        case "'":
            index += 1
            while index < chars.count {
                if decoded == offset { return index + 1 }
                if chars[index] == "'" {
                    guard index + 1 < chars.count, chars[index + 1] == "'" else { return nil }
                    index += 2
                } else {
                    index += 1
                }
                decoded += 1
            }
            return nil
        case "\"":
            index += 1
            while index < chars.count {
                if decoded == offset { return index + 1 }
                if chars[index] == "\"" { return nil }
                if chars[index] == "\\", index + 1 < chars.count {
                    switch chars[index + 1] {
                    case "x": index += 4
                    case "u": index += 6
                    case "U": index += 10
                    default: index += 2
                    }
                } else {
                    index += 1
                }
                decoded += 1
            }
            return nil
        case "|", ">":
            return nil  // a block scalar: the value starts on a later line
        default:
            return index + offset < chars.count + 1 ? column + offset : nil
        }
    }

    /// The 1-based `number`th line, without its line break (`\n`, `\r\n` or `\r`).
    private static func line(_ number: Int, of text: String) -> String.UnicodeScalarView.SubSequence? {
        let scalars = text.unicodeScalars
        var current = 1
        var start = scalars.startIndex
        while current < number {
            guard let newline = scalars[start...].firstIndex(where: { $0 == "\n" }) else { return nil }
            start = scalars.index(after: newline)
            current += 1
        }
        let end = scalars[start...].firstIndex(where: { $0 == "\n" || $0 == "\r" }) ?? scalars.endIndex
        return scalars[start..<end]
    }
}
