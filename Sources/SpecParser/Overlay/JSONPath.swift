/// A parsed RFC 9535 JSONPath query: the subset Overlay documents use.
///
/// Supported: `$`, `@` (inside filters), `.name`, `..name`, `.*`, `..*`, and bracketed selectors
/// `['name']`, `["name"]`, `[0]`, `[-1]`, `[1:3]`, `[::2]`, `[*]`, unions `['a','b']` and filters
/// `[?@.key == 'value']` with `==`, `!=`, `<`, `<=`, `>`, `>=`, existence tests, `!`, `&&`, `||` and parentheses.
/// Not supported: function extensions (`length()`, `match()`, …), which are rejected with the column.
///
/// Leniency, because real overlays rely on it: a dot name may contain `-` and `$` and start with a digit
/// (`.x-internal`, `.$ref`, `.responses.200`), which RFC 9535 would only accept in brackets.
struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// `$` (the document) or `@` (the node a filter is looking at).
    enum Root: Hashable, Sendable { case document, current }

    /// `.x` / `[…]` (children), or `..x` / `..[…]` (the node and all its descendants, then their children).
    struct Segment: Hashable, Sendable {
        var isDescendant: Bool
        var selectors: [Selector]
    }

    indirect enum Selector: Hashable, Sendable {
        case name(String)
        case wildcard
        case index(Int)
        case slice(start: Int?, end: Int?, step: Int?)
        case filter(Filter)
    }

    /// A filter expression: `?` followed by a logical expression over `@` (and `$`).
    indirect enum Filter: Hashable, Sendable {
        case or(Filter, Filter)
        case and(Filter, Filter)
        case not(Filter)
        /// True when the query selects at least one node.
        case exists(JSONPath)
        case compare(Operand, ComparisonOperator, Operand)
    }

    /// One side of a comparison: a literal or a singular query.
    enum Operand: Hashable, Sendable {
        case literal(Literal)
        case query(JSONPath)
    }

    enum Literal: Hashable, Sendable {
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    enum ComparisonOperator: String, Hashable, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    var root: Root
    var segments: [Segment]

    /// A query that selects at most one node: names and indexes only, no descendants (RFC 9535 §2.3.5.1).
    var isSingular: Bool {
        segments.allSatisfy { segment in
            guard !segment.isDescendant, segment.selectors.count == 1 else { return false }
            switch segment.selectors[0] {
            case .name, .index: return true
            case .wildcard, .slice, .filter: return false
            }
        }
    }

    /// The normalised spelling: brackets and single quotes throughout (`$['paths'][*]..['get']`).
    var description: String {
        (root == .document ? "$" : "@") + segments.map { segment in
            (segment.isDescendant ? ".." : "") + "[" + segment.selectors.map(\.description).joined(separator: ",") + "]"
        }.joined()
    }
}

extension JSONPath.Selector: CustomStringConvertible {
    var description: String {
        switch self {
        case .name(let name): JSONPath.Literal.string(name).description
        case .wildcard: "*"
        case .index(let index): String(index)
        case .slice(let start, let end, let step):
            (start.map(String.init) ?? "") + ":" + (end.map(String.init) ?? "") + (step.map { ":\($0)" } ?? "")
        case .filter(let filter): "?" + filter.description
        }
    }
}

extension JSONPath.Filter: CustomStringConvertible {
    var description: String {
        switch self {
        case .or(let left, let right): "(\(left) || \(right))"
        case .and(let left, let right): "(\(left) && \(right))"
        case .not(.exists(let query)): "!\(query)"
        case .not(let inner): if case .compare = inner { "!(\(inner))" } else { "!\(inner)" }
        case .exists(let query): query.description
        case .compare(let left, let op, let right): "\(left) \(op.rawValue) \(right)"
        }
    }
}

extension JSONPath.Operand: CustomStringConvertible {
    var description: String {
        switch self {
        case .literal(let literal): literal.description
        case .query(let query): query.description
        }
    }
}

extension JSONPath.Literal: CustomStringConvertible {
    var description: String {
        switch self {
        case .string(let text):
            var out = "'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "'": out += "\\'"
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "'"
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}
