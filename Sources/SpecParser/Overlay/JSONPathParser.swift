/// A JSONPath syntax error and where in the query it is (0-based, in Unicode scalars).
struct JSONPathSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    var message: String
    var offset: Int
    var description: String { "\(message) (at character \(offset + 1))" }
}

/// A recursive-descent parser for the `JSONPath` subset; every error names the offending character's offset.
struct JSONPathParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    /// Filters nest through parentheses and sub-queries; deeper than this is refused rather than overflowing the stack.
    private var depth = 0
    private static let maxDepth = 64

    private init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Parses a whole query, which must start with `$`.
    static func parse(_ text: String) -> Result<JSONPath, JSONPathSyntaxError> {
        var parser = JSONPathParser(text)
        do {
            guard parser.peek == "$" else {
                throw parser.error(parser.peek == nil ? "the query is empty; it starts with '$'"
                                                      : "a JSONPath query starts with '$' (the document root)")
            }
            let query = try parser.query()
            parser.skipBlanks()
            if let next = parser.peek {
                throw parser.error(next == "=" ? "'=' is not an operator outside a filter; use [?@.key == 'value']"
                                               : "unexpected '\(next)'")
            }
            return .success(query)
        } catch let error as JSONPathSyntaxError {
            return .failure(error)
        } catch {
            return .failure(JSONPathSyntaxError(message: "\(error)", offset: 0))
        }
    }

    // MARK: - Queries and segments

    /// `$` or `@`, then segments (blank space is allowed between segments).
    private mutating func query() throws -> JSONPath {
        let root: JSONPath.Root = scalars[position] == "$" ? .document : .current
        position += 1
        var segments: [JSONPath.Segment] = []
        while true {
            let save = position
            skipBlanks()
            guard let next = peek, next == "." || next == "[" else { position = save; break }
            segments.append(try segment())
        }
        return JSONPath(root: root, segments: segments)
    }

    private mutating func segment() throws -> JSONPath.Segment {
        if peek == "[" { return JSONPath.Segment(isDescendant: false, selectors: try bracketed()) }
        position += 1  // "."
        if peek == "." {
            position += 1
            if peek == "[" { return JSONPath.Segment(isDescendant: true, selectors: try bracketed()) }
            if peek == "*" { position += 1; return JSONPath.Segment(isDescendant: true, selectors: [.wildcard]) }
            guard let name = shorthandName() else { throw error("expected a name, '*' or '[' after '..'") }
            return JSONPath.Segment(isDescendant: true, selectors: [.name(name)])
        }
        if peek == "*" { position += 1; return JSONPath.Segment(isDescendant: false, selectors: [.wildcard]) }
        guard let name = shorthandName() else {
            if peek == "'" || peek == "\"" { throw error("a quoted name goes in brackets: ['name']") }
            guard let next = peek else { throw error("expected a name or '*' after '.'") }
            throw error("expected a name or '*' after '.', found '\(next)'")
        }
        return JSONPath.Segment(isDescendant: false, selectors: [.name(name)])
    }

    /// `name` after `.`: letters, digits, `_`, `-`, `$` and any non-ASCII character.
    private mutating func shorthandName() -> String? {
        var name = String.UnicodeScalarView()
        while let next = peek, Self.isNameCharacter(next) {
            name.append(next)
            position += 1
        }
        return name.isEmpty ? nil : String(name)
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "$": true
        default: scalar.value >= 0x80
        }
    }

    // MARK: - Bracketed selectors

    /// `[` selector (`,` selector)* `]`
    private mutating func bracketed() throws -> [JSONPath.Selector] {
        let open = position
        position += 1
        var selectors: [JSONPath.Selector] = []
        while true {
            skipBlanks()
            selectors.append(try selector())
            skipBlanks()
            switch peek {
            case ",": position += 1
            case "]": position += 1; return selectors
            case nil: throw JSONPathSyntaxError(message: "'[' is never closed; expected ']'", offset: open)
            case "=": throw error("'=' is not a comparison; use '=='")
            case let other?: throw error("expected ',' or ']', found '\(other)'")
            }
        }
    }

    private mutating func selector() throws -> JSONPath.Selector {
        guard let next = peek else { throw error("expected a selector: a name in quotes, an index, '*' or '?'") }
        switch next {
        case "'", "\"": return .name(try stringLiteral())
        case "*": position += 1; return .wildcard
        case "?":
            position += 1
            skipBlanks()
            return .filter(try logicalOr())
        case "-", "0"..."9", ":": return try indexOrSlice()
        case "]": throw error("empty brackets; expected a name in quotes, an index, '*' or '?'")
        default:
            if Self.isNameCharacter(next) { throw error("a name in brackets must be quoted: ['name']") }
            throw error("unexpected '\(next)' in brackets")
        }
    }

    /// `3`, `-1`, `1:3`, `::-1`, …
    private mutating func indexOrSlice() throws -> JSONPath.Selector {
        let start = peek == ":" ? nil : try integer()
        skipBlanks()
        guard peek == ":" else {
            guard let start else { throw error("expected an index") }
            return .index(start)
        }
        position += 1
        skipBlanks()
        let end = (peek == "-" || peek.map { ("0"..."9").contains($0) } == true) ? try integer() : nil
        skipBlanks()
        var step: Int?
        if peek == ":" {
            position += 1
            skipBlanks()
            step = (peek == "-" || peek.map { ("0"..."9").contains($0) } == true) ? try integer() : nil
        }
        return .slice(start: start, end: end, step: step)
    }

    /// An RFC 9535 integer: no leading zeros, no `-0`, within ±(2^53 − 1).
    private mutating func integer() throws -> Int {
        let start = position
        var text = ""
        if peek == "-" { text = "-"; position += 1 }
        while let next = peek, ("0"..."9").contains(next) {
            text.unicodeScalars.append(next)
            position += 1
        }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty else { throw error("expected digits after '-'") }
        if digits.count > 1 && digits.hasPrefix("0") || text == "-0" {
            throw JSONPathSyntaxError(message: "an index is written without leading zeros or '-0'", offset: start)
        }
        guard let value = Int(text), abs(value) <= (1 << 53) - 1 else {
            throw JSONPathSyntaxError(message: "the index \(text) is out of range", offset: start)
        }
        return value
    }

    // MARK: - Filters

    private mutating func logicalOr() throws -> JSONPath.Filter {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw error("the filter nests too deeply") }
        var result = try logicalAnd()
        while true {
            let save = position
            skipBlanks()
            guard match("||") else { position = save; return result }
            skipBlanks()
            result = .or(result, try logicalAnd())
        }
    }

    private mutating func logicalAnd() throws -> JSONPath.Filter {
        var result = try basic()
        while true {
            let save = position
            skipBlanks()
            guard match("&&") else { position = save; return result }
            skipBlanks()
            result = .and(result, try basic())
        }
    }

    /// `( … )`, `!( … )`, `!@.x`, a comparison or an existence test.
    private mutating func basic() throws -> JSONPath.Filter {
        switch peek {
        case "(":
            return try parenthesised()
        case "!":
            position += 1
            skipBlanks()
            if peek == "(" { return .not(try parenthesised()) }
            guard peek == "@" || peek == "$" else { throw error("expected '(' or a query after '!'") }
            let query = try query()
            try refuseComparison(afterNegated: query)
            return .not(.exists(query))
        default:
            let start = position
            let left = try comparable()
            let save = position
            skipBlanks()
            guard let op = comparisonOperator() else {
                position = save
                guard case .query(let query) = left else {
                    throw JSONPathSyntaxError(message: "a literal alone is not a filter; compare it with a query "
                                              + "(@.key == \(left))", offset: start)
                }
                return .exists(query)
            }
            skipBlanks()
            let rightStart = position
            let right = try comparable()
            for (operand, offset) in [(left, start), (right, rightStart)] {
                if case .query(let query) = operand, !query.isSingular {
                    throw JSONPathSyntaxError(message: "a comparison needs a singular query (names and indexes only, "
                                              + "no '*', '..', slices or filters)", offset: offset)
                }
            }
            return .compare(left, op, right)
        }
    }

    private mutating func parenthesised() throws -> JSONPath.Filter {
        let open = position
        position += 1
        skipBlanks()
        let inner = try logicalOr()
        skipBlanks()
        guard peek == ")" else {
            if peek == nil || peek == "]" {
                throw JSONPathSyntaxError(message: "'(' is never closed; expected ')'", offset: open)
            }
            throw error("expected ')', '&&' or '||', found '\(peek!)'")
        }
        position += 1
        return inner
    }

    private mutating func refuseComparison(afterNegated query: JSONPath) throws {
        let save = position
        skipBlanks()
        if comparisonOperator() != nil {
            throw JSONPathSyntaxError(
                message: "'!' applies to the query alone; write !(\(query) … ) to negate a comparison", offset: save)
        }
        position = save
    }

    private mutating func comparisonOperator() -> JSONPath.ComparisonOperator? {
        for op in [JSONPath.ComparisonOperator.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater]
        where match(op.rawValue) {
            return op
        }
        return nil
    }

    /// A literal, `@…` or `$…`.
    private mutating func comparable() throws -> JSONPath.Operand {
        guard let next = peek else { throw error("expected a query (@ or $) or a literal") }
        switch next {
        case "@", "$": return .query(try query())
        case "'", "\"": return .literal(.string(try stringLiteral()))
        case "-", "0"..."9": return .literal(.number(try number()))
        default:
            let start = position
            var word = ""
            while let scalar = peek, ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
                || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
                position += 1
            }
            switch word {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            case "":
                if next == "=" { throw error("expected a query or a literal before '=='") }
                throw error("expected a query (@ or $) or a literal, found '\(next)'")
            default:
                skipBlanks()
                if peek == "(" {
                    throw JSONPathSyntaxError(message: "function extensions such as '\(word)()' are not supported",
                                              offset: start)
                }
                throw JSONPathSyntaxError(message: "'\(word)' is not a literal; quote strings: '\(word)'",
                                          offset: start)
            }
        }
    }

    /// A JSON number: `-`? int frac? exp?.
    private mutating func number() throws -> Double {
        let start = position
        var text = ""
        func take(_ allowed: (Unicode.Scalar) -> Bool) {
            while let next = peek, allowed(next) {
                text.unicodeScalars.append(next)
                position += 1
            }
        }
        if peek == "-" { text = "-"; position += 1 }
        take { ("0"..."9").contains($0) }
        if peek == "." { text += "."; position += 1; take { ("0"..."9").contains($0) } }
        if peek == "e" || peek == "E" {
            text += "e"
            position += 1
            if peek == "+" || peek == "-" { text.unicodeScalars.append(peek!); position += 1 }
            take { ("0"..."9").contains($0) }
        }
        let integerPart = text.drop { $0 == "-" }.prefix { $0 != "." && $0 != "e" }
        guard let value = Double(text), !text.hasSuffix("."), !text.hasSuffix("e"), !text.hasSuffix("-"),
              !(integerPart.count > 1 && integerPart.hasPrefix("0")) else {
            throw JSONPathSyntaxError(message: "'\(text)' is not a number", offset: start)
        }
        return value
    }

    // MARK: - String literals

    /// `'…'` or `"…"` with JSON-style escapes (`\'` in single quotes, `\"` in double quotes).
    private mutating func stringLiteral() throws -> String {
        let open = position
        let quote = scalars[position]
        position += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let next = peek else {
                throw JSONPathSyntaxError(message: "the string starting here is never closed", offset: open)
            }
            position += 1
            if next == quote { return String(result) }
            if next.value < 0x20 { throw error("a control character in a string must be escaped", at: position - 1) }
            guard next == "\\" else { result.append(next); continue }
            guard let escaped = peek else {
                throw JSONPathSyntaxError(message: "the string starting here is never closed", offset: open)
            }
            position += 1
            switch escaped {
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "/": result.append("/")
            case "\\": result.append("\\")
            case "'" where quote == "'", "\"" where quote == "\"": result.append(escaped)
            case "u": result.append(try unicodeEscape())
            default: throw error("unknown escape '\\\(escaped)' in a string", at: position - 2)
            }
        }
    }

    /// The `XXXX` after `\u`, combining a surrogate pair.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let start = position - 2
        let high = try hex4(escapeStart: start)
        if (0xD800...0xDBFF).contains(high) {
            guard match("\\u") else {
                throw JSONPathSyntaxError(message: "a high surrogate must be followed by a low one (\\uDC00…\\uDFFF)",
                                          offset: start)
            }
            let low = try hex4(escapeStart: start)
            guard (0xDC00...0xDFFF).contains(low),
                  let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                throw JSONPathSyntaxError(message: "invalid surrogate pair", offset: start)
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw JSONPathSyntaxError(message: "a lone low surrogate is not a character", offset: start)
        }
        return scalar
    }

    private mutating func hex4(escapeStart: Int) throws -> UInt32 {
        guard position + 4 <= scalars.count,
              let value = UInt32(String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16) else {
            throw JSONPathSyntaxError(message: "'\\u' needs four hexadecimal digits", offset: escapeStart)
        }
        position += 4
        return value
    }

    // MARK: - Characters

    private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func skipBlanks() {
        while let next = peek, next == " " || next == "\t" || next == "\n" || next == "\r" { position += 1 }
    }

    /// Consumes `text` if it comes next.
    private mutating func match(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard position + wanted.count <= scalars.count, Array(scalars[position..<position + wanted.count]) == wanted
        else { return false }
        position += wanted.count
        return true
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONPathSyntaxError {
        JSONPathSyntaxError(message: message, offset: offset ?? position)
    }
}
