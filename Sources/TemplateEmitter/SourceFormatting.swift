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
        let width = 4 * levels
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 6)
        var atLineStart = true
        for byte in text.utf8 {
            if byte == newline {
                atLineStart = true
            } else if atLineStart {
                out.append(contentsOf: repeatElement(space, count: width))
                atLineStart = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The final pass over a whole file: strips trailing whitespace, keeps at most one blank line in a row, drops
    /// blank lines at the start and end, removes a blank line directly after an opening `{` or before a closing `}`,
    /// and ends with exactly one newline.
    static func finalize(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 1)
        var lastLineEmpty = true          // at the start, treat as after a blank line: drops leading blanks
        var lastLineEndsWithBrace = false
        var pendingBlank = false
        var line: [UInt8] = []
        line.reserveCapacity(256)

        func flush() {
            var end = line.count
            while end > 0, line[end - 1] == space || line[end - 1] == UInt8(ascii: "\t") || line[end - 1] == UInt8(ascii: "\r") {
                end -= 1
            }
            if end == 0 {
                if !lastLineEmpty && !lastLineEndsWithBrace { pendingBlank = true }
                line.removeAll(keepingCapacity: true)
                return
            }
            let firstCode = line[..<end].first { $0 != space }
            if pendingBlank, firstCode != UInt8(ascii: "}") { out.append(newline) }
            pendingBlank = false
            out.append(contentsOf: line[..<end])
            out.append(newline)
            lastLineEmpty = false
            lastLineEndsWithBrace = line[end - 1] == UInt8(ascii: "{")
            line.removeAll(keepingCapacity: true)
        }

        for byte in text.utf8 {
            if byte == newline { flush() } else { line.append(byte) }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }

    /// Counts lines (newlines) in `text`.
    static func lineCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == newline { count += 1 }
        return count
    }
}
