/// Reads a JSON text (RFC 8259) into `RawNode`s in one pass over its UTF-8 bytes.
///
/// Every node gets the line and column libyaml gives the same text: 1-based, columns counted in Unicode scalars, the
/// position of a node's first character (`{`, `[`, the opening quote, the first character of a number or literal).
/// Lines break at LF, CR and CRLF, the only line breaks JSON allows outside strings.
///
/// Strict: comments, trailing commas, single quotes, leading zeros, `NaN`/`Infinity`, unescaped control characters
/// in strings and anything after the document are errors at their line and column; so is a repeated key, as in YAML.
/// Numbers keep their text exactly, typed `.integer` or `.float` as the YAML path types them. A `\u` escape of a lone
/// UTF-16 surrogate (valid RFC 8259 grammar that no Unicode string can hold, §8.2) is read as U+FFFD with a warning.
/// The same limits as the YAML path apply: `maxDepth` (and libyaml's 1000 levels) and `maxNodeVisits`.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let limits: ParserLimits
    /// Warnings found so far (lone surrogates).
    var warnings: [Diagnostic] = []

    /// The next byte to read.
    var index = 0
    /// The current line, where it starts, and the UTF-8 continuation bytes read on it (for columns in scalars).
    var line = 1
    var lineStart = 0
    var continuations = 0
    private var visits = 0
    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []

    /// Nesting libyaml refuses beyond, whatever `maxDepth` says; the YAML path reports it the same way.
    static let hardDepthLimit = 1000

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: ParserLimits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
    }

    /// Whether a text is read as JSON: its first character that is not white space is `{` or `[`.
    static func looksLikeJSON(_ bytes: some Sequence<UInt8>) -> Bool {
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    /// Reads the whole text: the root node and any warnings, or the first error.
    static func read(_ text: String, file: String, limits: ParserLimits)
        -> Result<(root: RawNode, warnings: [Diagnostic]), Diagnostic> {
        var text = text
        return text.withUTF8 { bytes in
            var reader = JSONReader(bytes: bytes, file: file, limits: limits)
            do throws(Diagnostic) {
                let root = try reader.document()
                return .success((root, reader.warnings))
            } catch {
                return .failure(error)
            }
        }
    }

    // MARK: - Structure

    /// An object or array whose members are being read.
    struct Open {
        let isObject: Bool
        let line: Int
        let column: Int
        var items: [RawNode] = []
        var pairs: [RawPair] = []
        /// The key whose value is being read.
        var key: (text: String, line: Int, column: Int) = ("", 0, 0)
        /// Key → index in `pairs`, built once an object has many members (duplicate keys are looked up in it).
        var keyIndex: [String: Int]?

        /// Adds a member: `node` is the value of `key` in an object.
        mutating func append(_ node: RawNode) {
            guard isObject else {
                items.append(node)
                return
            }
            if keyIndex != nil { keyIndex?[key.text] = pairs.count }
            pairs.append(RawPair(key: key.text, keyLine: key.line, keyColumn: key.column, value: node))
            if pairs.count == 16 { keyIndex = JSONReader.index(pairs) }
        }

        var node: RawNode {
            RawNode(isObject ? .mapping(pairs) : .sequence(items), line: line, column: column)
        }

        var description: String { "the \(isObject ? "object" : "array") started at line \(line), column \(column)" }
    }

    /// Reads one value and checks that only white space follows it. Containers are kept on a stack of their own,
    /// so nesting costs no native stack.
    mutating func document() throws(Diagnostic) -> RawNode {
        skipWhitespace()
        var stack: [Open] = []
        var node: RawNode
        value: while true {
            try enter(depth: stack.count + 1)
            guard index < bytes.count else { throw unexpected(expecting: "a value", in: stack.last) }
            let nodeLine = line, nodeColumn = column(of: index)
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    node = RawNode(.mapping([]), line: nodeLine, column: nodeColumn)
                } else {
                    var open = Open(isObject: true, line: nodeLine, column: nodeColumn)
                    try readKey(into: &open)
                    stack.append(open)
                    continue value
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    node = RawNode(.sequence([]), line: nodeLine, column: nodeColumn)
                } else {
                    stack.append(Open(isObject: false, line: nodeLine, column: nodeColumn))
                    continue value
                }
            default:
                node = RawNode(.scalar(try scalar(in: stack.last)), line: nodeLine, column: nodeColumn)
            }
            // The value is complete: add it to its container, and close every container it completes.
            while !stack.isEmpty {
                let top = stack.count - 1
                stack[top].append(node)
                skipWhitespace()
                let close = stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") || bytes[index] == close else {
                    throw unexpected(expecting: "',' or '\(Character(UnicodeScalar(close)))'", in: stack[top])
                }
                if bytes[index] == close {
                    index += 1
                    node = stack.removeLast().node
                    continue
                }
                let commaLine = line, commaColumn = column(of: index)
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") || bytes[index] == UInt8(ascii: "]") {
                    let comma = SourceLocation(file: file, line: commaLine, column: commaColumn)
                    throw Diagnostic.error("malformed JSON: a trailing comma is not allowed", at: comma,
                                           hint: "remove the ',' before '\(Character(UnicodeScalar(bytes[index])))'")
                }
                if stack[top].isObject { try readKey(into: &stack[top]) }
                continue value
            }
            break
        }
        skipWhitespace()
        guard index == bytes.count else {
            throw error("malformed JSON: \(found()) after the end of the document",
                        hint: "a JSON file holds exactly one value")
        }
        return node
    }

    /// Counts a node against `maxNodeVisits` and checks its depth (root: 1).
    private mutating func enter(depth: Int) throws(Diagnostic) {
        visits += 1
        if visits > limits.maxNodeVisits {
            throw error("the document has more than \(limits.maxNodeVisits) nodes",
                        hint: "a document too large to generate from")
        }
        if depth > limits.maxDepth { throw error("the document nests more than \(limits.maxDepth) levels deep") }
        if depth > Self.hardDepthLimit {
            throw error("the document nests more than \(Self.hardDepthLimit) levels deep")
        }
    }

    /// Reads `"key"` and the `:` after it (and the white space around), checking the key is new in `open`.
    private mutating func readKey(into open: inout Open) throws(Diagnostic) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw unexpected(expecting: "a key in double quotes", in: open)
        }
        visits += 1
        let keyLine = line, keyColumn = column(of: index)
        let key = try string()
        if let first = Self.firstPair(withKey: key, in: open) {
            throw Diagnostic.error(
                "duplicate mapping key '\(key)' (first at line \(first.keyLine), column \(first.keyColumn))",
                at: SourceLocation(file: file, line: keyLine, column: keyColumn),
                hint: "a key may appear once in an object")
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw unexpected(expecting: "':' after the key '\(key)'", in: open)
        }
        index += 1
        skipWhitespace()
        open.key = (key, keyLine, keyColumn)
    }

    private static func firstPair(withKey key: String, in open: Open) -> RawPair? {
        if let keyIndex = open.keyIndex { return keyIndex[key].map { open.pairs[$0] } }
        return open.pairs.first { $0.key == key }
    }

    fileprivate static func index(_ pairs: [RawPair]) -> [String: Int] {
        var index = [String: Int](minimumCapacity: 64)
        for (offset, pair) in pairs.enumerated() { index[pair.key] = offset }
        return index
    }

    // MARK: - White space and positions

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09:
                index += 1
            case 0x0A:
                index += 1
                startLine()
            case 0x0D:
                index += 1
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                startLine()
            default:
                return
            }
        }
    }

    private mutating func startLine() {
        line += 1
        lineStart = index
        continuations = 0
    }

    /// The column of `offset`, on the current line, every byte before which has been read.
    func column(of offset: Int) -> Int { offset - lineStart - continuations + 1 }

    func location(of offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column(of: offset))
    }

    func error(_ message: String, hint: String? = nil) -> Diagnostic {
        .error(message, at: location(of: index), hint: hint)
    }

    /// `malformed JSON: expected …, found …`, naming comments and single quotes for what they are.
    func unexpected(expecting expected: String, in open: Open?) -> Diagnostic {
        let context = open.map { " (\($0.description))" } ?? ""
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "/"), UInt8(ascii: "#"):
                return error("malformed JSON: comments are not allowed\(context)")
            case UInt8(ascii: "'"):
                return error("malformed JSON: strings must be in double quotes, found '\\''\(context)")
            default:
                break
            }
        }
        return error("malformed JSON: expected \(expected), found \(found())\(context)")
    }

    /// What is at `index`, for messages: `'x'`, `a line break`, `U+00A0`, `the end of the file`.
    func found() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        switch byte {
        case 0x0A, 0x0D: return "a line break"
        case 0x21...0x7E: return "'\(Character(UnicodeScalar(byte)))'"
        case 0x00...0x7F: return "U+" + Self.hex(UInt32(byte))
        default:
            var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
            var decoder = Unicode.UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) { return "U+" + Self.hex(scalar.value) }
            return "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
