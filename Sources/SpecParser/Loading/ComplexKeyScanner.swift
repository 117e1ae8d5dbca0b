/// A byte pre-scan that finds a collection or an alias used as a mapping key, before Yams sees the text.
///
/// Yams hashes every mapping key to detect duplicates; an alias key that expands to a billion-laughs
/// structure makes that hash exponential (7 levels of 9 take seconds, 9 levels take hours). OpenAPI keys
/// are always strings, so such documents are refused up front. The scan is a tokenizer approximation:
/// it skips comments, quoted scalars and block scalars, and reports `]`/`}`/`*alias` followed by `:`
/// and an explicit `? ` key. It runs only when the text may define an anchor and contains a `*` (see
/// `mayDefineAnchor`).
enum ComplexKeyScanner {
    static func firstComplexKey(in text: String) -> (line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(UInt8(ascii: "*")), mayDefineAnchor(bytes) else { return nil }
            var scan = Scan(bytes)
            return scan.run()
        }
    }

    /// Whether some `&` could start an anchor: libyaml reads `&` as an anchor only where a token starts (so not
    /// right after a letter or digit, which would be inside a plain scalar or a tag) and only when an anchor
    /// character (letter, digit, `_`, `-`) follows. Prose such as `A & B` or `R&D` defines none, and without an
    /// anchor no alias can expand.
    static func mayDefineAnchor(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: UInt8(ascii: "&")) {
            index = found + 1
            guard index < bytes.endIndex, isAnchorCharacter(bytes[index]) else { continue }
            if found == bytes.startIndex || !isAlphanumeric(bytes[found - 1]) { return true }
        }
        return false
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        var lineStart = 0
        /// Positions of open `[`/`{`, for reporting a collection key where it starts.
        var openers: [(line: Int, offset: Int, lineStart: Int, indent: Int)] = []
        /// Indentation of the line that opened a block scalar; deeper lines are its content.
        var blockScalarIndent: Int?
        /// Set after a line break: the next iteration measures the new line's indentation.
        var atLineBeginning = true

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Only called when reporting, so the scan stays linear on single-line (minified) JSON.
        func column(of position: Int, lineStart: Int? = nil) -> Int {
            // Count Unicode scalars (skip UTF-8 continuation bytes), as libyaml does.
            var column = 1
            var cursor = lineStart ?? self.lineStart
            while cursor < position {
                if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
                cursor += 1
            }
            return column
        }

        func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }

        static func isSpace(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }
        static func isBreak(_ byte: UInt8?) -> Bool { byte == nil || byte == 0x0A || byte == 0x0D }
        static func isAnchorChar(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }

        /// True when the next non-blank byte after `position` on this line is a `:` that makes a key.
        func colonFollows(_ position: Int) -> Bool {
            var cursor = position
            while Self.isSpace(byte(cursor)) { cursor += 1 }
            guard byte(cursor) == UInt8(ascii: ":") else { return false }
            let next = byte(cursor + 1)
            return !openers.isEmpty || Self.isSpace(next) || Self.isBreak(next)
        }

        mutating func run() -> (line: Int, column: Int)? {
            var tokenStart = true
            var lineContentStart = true
            var lineIndent = 0
            while index < bytes.count {
                let current = bytes[index]
                if atLineBeginning {
                    atLineBeginning = false
                    var cursor = index
                    while byte(cursor) == 0x20 { cursor += 1 }
                    lineIndent = cursor - index
                    if let parent = blockScalarIndent {
                        if Self.isBreak(byte(cursor)) || lineIndent > parent {
                            skipToLineEnd()
                            continue
                        }
                        blockScalarIndent = nil
                    }
                    index = cursor
                    // A line indented less than the line that opened a flow collection cannot continue it:
                    // the bracket was text in a plain scalar.
                    while let last = openers.last, lineIndent < last.indent, !Self.isBreak(byte(cursor)) {
                        openers.removeLast()
                    }
                    tokenStart = true
                    lineContentStart = openers.isEmpty
                    continue
                }
                switch current {
                case 0x0A:
                    newLine()
                    atLineBeginning = true
                    continue
                case 0x20, 0x09, 0x0D:
                    tokenStart = true
                    index += 1
                    continue
                case UInt8(ascii: "#") where tokenStart:
                    skipToLineEnd()
                    continue
                case UInt8(ascii: "\"") where tokenStart || lastSignificantIsIndicator:
                    skipQuoted(UInt8(ascii: "\""))
                case UInt8(ascii: "'") where tokenStart || lastSignificantIsIndicator:
                    skipQuoted(UInt8(ascii: "'"))
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if tokenStart { openers.append((line, index, lineStart, lineIndent)) }
                    index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    index += 1
                    // Implicit keys fit on one line, so only a collection opened on this line can be a key.
                    if let opener = openers.popLast(), opener.line == line, colonFollows(index) {
                        return (opener.line, column(of: opener.offset, lineStart: opener.lineStart))
                    }
                case UInt8(ascii: "*") where tokenStart || lastSignificantIsIndicator:
                    let start = index
                    index += 1
                    while index < bytes.count, Self.isAnchorChar(bytes[index]) { index += 1 }
                    if index > start + 1, colonFollows(index) { return (line, column(of: start)) }
                case UInt8(ascii: "?") where (lineContentStart && tokenStart) || lastSignificantIsFlowOpener:
                    if Self.isSpace(byte(index + 1)) || Self.isBreak(byte(index + 1)) {
                        return (line, column(of: index))
                    }
                    index += 1
                case UInt8(ascii: "-") where lineContentStart && tokenStart:
                    // A sequence entry keeps the line in "content start" position (`- ? key`).
                    index += 1
                    if Self.isSpace(byte(index)) { tokenStart = true; continue }
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if tokenStart, openers.isEmpty, restOfLineIsBlockHeader(index + 1) {
                        blockScalarIndent = lineIndent
                    }
                    index += 1
                default:
                    index += 1
                }
                tokenStart = current == UInt8(ascii: ",") || current == UInt8(ascii: "[")
                    || current == UInt8(ascii: "{") || (current == UInt8(ascii: ":") && !openers.isEmpty)
                lineContentStart = false
            }
            return nil
        }

        /// True when the previous byte was `:` `,` `[` or `{` (JSON writes `"a":"b"` without spaces).
        var lastSignificantIsIndicator: Bool {
            guard index > 0 else { return true }
            let previous = bytes[index - 1]
            return previous == UInt8(ascii: ":") || previous == UInt8(ascii: ",")
                || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
        }

        var lastSignificantIsFlowOpener: Bool {
            var cursor = index - 1
            while cursor >= 0, Self.isSpace(bytes[cursor]) { cursor -= 1 }
            guard cursor >= 0, !openers.isEmpty else { return false }
            return bytes[cursor] == UInt8(ascii: "{") || bytes[cursor] == UInt8(ascii: "[")
                || bytes[cursor] == UInt8(ascii: ",")
        }

        mutating func newLine() {
            index += 1
            line += 1
            lineStart = index
        }

        mutating func skipToLineEnd() {
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            if index < bytes.count { newLine() }
            atLineBeginning = true
        }

        mutating func skipQuoted(_ quote: UInt8) {
            index += 1
            while index < bytes.count {
                let current = bytes[index]
                if current == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                    index += 2
                    continue
                }
                if current == quote {
                    if quote == UInt8(ascii: "'"), byte(index + 1) == quote { index += 2; continue }
                    index += 1
                    return
                }
                if current == 0x0A { newLine(); continue }
                index += 1
            }
        }

        /// `|`, `>`, optionally `-`/`+`/digit indicators, then only blanks or a comment up to the line end.
        func restOfLineIsBlockHeader(_ position: Int) -> Bool {
            var cursor = position
            while let next = byte(cursor), next == UInt8(ascii: "-") || next == UInt8(ascii: "+")
                || (next >= 48 && next <= 57) { cursor += 1 }
            while Self.isSpace(byte(cursor)) { cursor += 1 }
            return Self.isBreak(byte(cursor)) || byte(cursor) == UInt8(ascii: "#")
        }
    }
}
