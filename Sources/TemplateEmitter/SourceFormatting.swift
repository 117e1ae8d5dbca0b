// MARK: - Whitespace: the emitter owns indentation and the final pass
//
// Both passes work on UTF-8 bytes: Character iteration (grapheme breaking) would dominate the emit time of big
// modules. Only ASCII bytes (space, tab, CR, LF, `{`, `}`) are inspected, so multi-byte text passes through intact.

/// Text utilities applied to rendered templates.
enum SourceFormatting {
    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    /// Indents every non-empty line of `text` by `levels` × 4 spaces. Empty lines stay empty.
    static func indent(_ text: String, levels: Int = 1) -> String {
        guard levels > 0, !text.isEmpty else { return text }
        var text = text
        return text.withUTF8 { bytes in
            let width = 4 * levels
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 6)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != newline { end += 1 }
                if end > start {
                    out.append(contentsOf: repeatElement(space, count: width))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                if end < bytes.count { out.append(newline) }
                start = end + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The final pass over a whole file: strips trailing whitespace, keeps at most one blank line in a row, drops
    /// blank lines at the start and end, removes a blank line directly after an opening `{` or before a closing `}`,
    /// and ends with exactly one newline.
    static func finalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 1)
            var lastLineEmpty = true          // at the start, treat as after a blank line: drops leading blanks
            var lastLineEndsWithBrace = false
            var pendingBlank = false
            var start = 0
            while true {
                var lineEnd = start
                while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
                var end = lineEnd
                while end > start, bytes[end - 1] == space || bytes[end - 1] == tab || bytes[end - 1] == cr { end -= 1 }
                if end == start {
                    if !lastLineEmpty && !lastLineEndsWithBrace { pendingBlank = true }
                } else {
                    var firstCode = start
                    while bytes[firstCode] == space { firstCode += 1 }
                    if pendingBlank, bytes[firstCode] != UInt8(ascii: "}") { out.append(newline) }
                    pendingBlank = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    out.append(newline)
                    lastLineEmpty = false
                    lastLineEndsWithBrace = bytes[end - 1] == UInt8(ascii: "{")
                }
                if lineEnd >= bytes.count { break }
                start = lineEnd + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Counts lines (newlines) in `text`.
    static func lineCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte == newline { count += 1 }
            return count
        }
    }
}
