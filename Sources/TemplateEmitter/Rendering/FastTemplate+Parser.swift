import SpecParser

// MARK: - Reading an embedded template without swift-mustache

extension FastTemplate {
    /// Parses `source` into nodes the way swift-mustache 2.1.1's parser tokenises it (`MustacheTemplate.parse`:
    /// the same standalone-line rules, the same text splits), for the subset `render` reproduces. Nil when the
    /// template uses anything else (partials, blocks, delimiter changes, transforms, dotted names, another content
    /// type), is malformed, or contains a line break other than LF; such a template is left to swift-mustache.
    ///
    /// This is how the embedded templates are compiled: swift-mustache's parser measures `String.distance` for
    /// every token and FastTemplate then had to read its tokens through `Mirror`, together about half of all
    /// instructions of a run on a small document. `FastTemplateTests` checks, template by template, that both
    /// readings give the same nodes.
    init?(parsing source: String) {
        var source = source
        let nodes: [Node]? = source.withUTF8 { bytes in
            guard !LineBreaks.containsOtherThanLF(bytes) else { return nil }
            var parser = TemplateParser(bytes: bytes)
            guard let tokens = parser.parse(section: nil, newLine: true), case .textContentType? = tokens.first else {
                return nil
            }
            return Self.nodes(tokens.dropFirst())
        }
        guard let nodes else { return nil }
        self.nodes = nodes
    }

    fileprivate indirect enum Token {
        case text(String)
        case variable(String)
        case section(String, [Token])
        case invertedSection(String, [Token])
        case textContentType
    }

    private static func nodes(_ tokens: ArraySlice<Token>) -> [Node] {
        var nodes: [Node] = []
        for token in tokens {
            switch token {
            case .text(let text): nodes.append(.text(text))
            case .variable(let name): nodes.append(name == "." ? .current : .variable(name))
            case .section(let name, let children): nodes.append(.section(name, Self.nodes(children[...])))
            case .invertedSection(let name, let children): nodes.append(.invertedSection(name, Self.nodes(children[...])))
            case .textContentType: break  // switching to TEXT again changes nothing
            }
        }
        return nodes
    }
}

/// A byte-level transcription of swift-mustache's `MustacheTemplate.parse(_:state:)` for the tags FastTemplate
/// renders. Each function names the swift-mustache function it follows.
private struct TemplateParser {
    typealias Token = FastTemplate.Token

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A
    private static let open: UInt8 = 0x7B, close: UInt8 = 0x7D

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { atEnd ? 0 : bytes[position] }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// `parse(_:state:)`: the tokens up to the end of `section` (or of the template when nil).
    mutating func parse(section: String?, newLine startsOnNewLine: Bool) -> [Token]? {
        var tokens: [Token] = []
        var newLine = startsOnNewLine
        var whiteSpace = ""
        while !atEnd {
            if newLine {
                let start = position
                while current == Self.space || current == Self.tab { position += 1 }
                whiteSpace = text(start..<position)
            }
            guard let read = readUntilDelimiterOrNewline() else { return nil }
            if !atEnd, current == Self.newline {
                tokens.append(.text(whiteSpace + read + "\n"))
                newLine = true
                position += 1
                continue
            }
            if !read.isEmpty {
                tokens.append(.text(whiteSpace + read))
                whiteSpace = ""
                newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpace.isEmpty {
                    tokens.append(.text(whiteSpace))
                    whiteSpace = ""
                }
            }
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                guard let name = parseName(), Self.isPlainName(name) else { return nil }
                if newLine && hasLineFinished() {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                guard let children = parse(section: name, newLine: newLine && setNewLine) else { return nil }
                tokens.append(inverted ? .invertedSection(name, children) : .section(name, children))
            case UInt8(ascii: "/"):
                position += 1
                guard let name = parseName(), let section, name == section else { return nil }
                if !(newLine && hasLineFinished()) { flushWhiteSpace() }
                return tokens
            case UInt8(ascii: "!"):
                position += 1
                guard skipComment() else { return nil }
                setNewLine = newLine && hasLineFinished()
            case Self.open:
                flushWhiteSpace()
                position += 1
                guard let name = parseName(), Self.isVariableName(name), current == Self.close else { return nil }
                position += 1
                tokens.append(.variable(name))
            case UInt8(ascii: "&"):
                flushWhiteSpace()
                position += 1
                guard let name = parseName(), Self.isVariableName(name) else { return nil }
                tokens.append(.variable(name))
            case UInt8(ascii: "%"):
                position += 1
                guard readTextContentType() else { return nil }
                tokens.append(.textContentType)
                setNewLine = newLine && hasLineFinished()
            case UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "="):
                return nil
            default:
                flushWhiteSpace()
                guard let name = parseName(), Self.isVariableName(name) else { return nil }
                tokens.append(.variable(name))
            }
            newLine = setNewLine
        }
        return section == nil ? tokens : nil
    }

    /// `readUntilDelimiterOrNewline`: the text before the next LF (not consumed) or `{{` (consumed). Nil where
    /// swift-mustache throws: a `{` as the template's last character.
    private mutating func readUntilDelimiterOrNewline() -> String? {
        let start = position
        var end = position
        while !atEnd {
            let byte = bytes[position]
            if byte == Self.newline {
                end = position
                return text(start..<end)
            }
            if byte == Self.open {
                guard position + 1 < bytes.count else { return nil }
                if bytes[position + 1] == Self.open {
                    end = position
                    position += 2
                    return text(start..<end)
                }
            }
            position += 1
        }
        return text(start..<position)
    }

    /// `parseName`: whitespace, the name, whitespace, `}}`. Nil for a malformed tag or a transform.
    private mutating func parseName() -> String? {
        skipWhiteSpace()
        let start = position
        while !atEnd, Self.isNameByte(bytes[position]) { position += 1 }
        let name = text(start..<position)
        skipWhiteSpace()
        guard readEndDelimiter(), !name.utf8.contains(UInt8(ascii: "(")), !name.utf8.contains(UInt8(ascii: ")")) else {
            return nil
        }
        return name
    }

    /// `parseComment`: everything up to and including the next `}}`.
    private mutating func skipComment() -> Bool {
        while position + 1 < bytes.count {
            if bytes[position] == Self.close, bytes[position + 1] == Self.close {
                position += 2
                return true
            }
            position += 1
        }
        return false
    }

    /// `readConfigVariable`, accepting only `CONTENT_TYPE:TEXT`.
    private mutating func readTextContentType() -> Bool {
        let variable = readConfigWord()
        guard current == UInt8(ascii: ":") else { return false }
        position += 1
        let value = readConfigWord()
        return readEndDelimiter() && variable == "CONTENT_TYPE" && value == "TEXT"
    }

    /// One side of a config tag: whitespace, the name characters without brackets, whitespace.
    private mutating func readConfigWord() -> String {
        skipWhiteSpace()
        let start = position
        while !atEnd, Self.isNameByte(bytes[position]), bytes[position] != UInt8(ascii: "("),
              bytes[position] != UInt8(ascii: ")") { position += 1 }
        let word = text(start..<position)
        skipWhiteSpace()
        return word
    }

    /// `hasLineFinished`: at the end, or only spaces and tabs before the next LF (which is then consumed).
    private mutating func hasLineFinished() -> Bool {
        if atEnd { return true }
        var probe = position
        while probe < bytes.count, bytes[probe] == Self.space || bytes[probe] == Self.tab { probe += 1 }
        guard probe < bytes.count, bytes[probe] == Self.newline else { return false }
        position = probe + 1
        return true
    }

    private mutating func readEndDelimiter() -> Bool {
        guard position + 1 < bytes.count, bytes[position] == Self.close, bytes[position + 1] == Self.close else {
            return false
        }
        position += 2
        return true
    }

    private mutating func skipWhiteSpace() {
        while !atEnd, bytes[position] == Self.space || bytes[position] == Self.tab || bytes[position] == Self.newline {
            position += 1
        }
    }

    /// swift-mustache's `sectionNameChars`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
             UInt8(ascii: "("), UInt8(ascii: ")"):
            true
        default:
            false
        }
    }

    /// A name FastTemplate looks up as one key (see `FastTemplate.isPlainName`).
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.utf8.contains(UInt8(ascii: "."))
    }

    /// A plain name, or `.` (the current element).
    private static func isVariableName(_ name: String) -> Bool {
        name == "." || isPlainName(name)
    }
}
