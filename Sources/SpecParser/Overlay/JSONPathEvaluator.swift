/// A node a query selected, with the route to it from the root.
struct JSONPathMatch {
    /// One step down: the position of a mapping pair (and its key) or of a sequence item.
    enum Step: Hashable {
        case member(Int, key: String)
        case item(Int)

        var position: Int {
            switch self {
            case .member(let index, _), .item(let index): index
            }
        }
    }

    let node: RawNode
    let steps: [Step]

    /// The JSON pointer of the node, for messages.
    var pointer: JSONPointer {
        JSONPointer(steps.map {
            switch $0 {
            case .member(_, let key): key
            case .item(let index): String(index)
            }
        })
    }
}

/// Evaluates a `JSONPath` over a `RawNode` tree, in RFC 9535 order (document order; descendants pre-order).
enum JSONPathEvaluator {
    /// The nodes `query` selects in the tree rooted at `root` (duplicates kept, as RFC 9535 does).
    static func select(_ query: JSONPath, in root: RawNode) -> [JSONPathMatch] {
        select(query, from: JSONPathMatch(node: root, steps: []), root: root)
    }

    private static func select(_ query: JSONPath, from start: JSONPathMatch, root: RawNode) -> [JSONPathMatch] {
        var current = [start]
        for segment in query.segments {
            var next: [JSONPathMatch] = []
            for input in current {
                if segment.isDescendant {
                    forEachDescendant(of: input) { node in
                        for selector in segment.selectors { apply(selector, to: node, root: root, into: &next) }
                    }
                } else {
                    for selector in segment.selectors { apply(selector, to: input, root: root, into: &next) }
                }
            }
            current = next
            if current.isEmpty { break }
        }
        return current
    }

    /// The node itself, then every descendant, depth first in document order.
    private static func forEachDescendant(of match: JSONPathMatch, _ body: (JSONPathMatch) -> Void) {
        body(match)
        for child in children(of: match) { forEachDescendant(of: child, body) }
    }

    private static func children(of match: JSONPathMatch) -> [JSONPathMatch] {
        switch match.node.content {
        case .mapping(let pairs):
            pairs.enumerated().map { JSONPathMatch(node: $1.value, steps: match.steps + [.member($0, key: $1.key)]) }
        case .sequence(let items):
            items.enumerated().map { JSONPathMatch(node: $1, steps: match.steps + [.item($0)]) }
        case .scalar:
            []
        }
    }

    private static func apply(_ selector: JSONPath.Selector, to match: JSONPathMatch, root: RawNode,
                              into output: inout [JSONPathMatch]) {
        switch selector {
        case .name(let name):
            guard let pairs = match.node.pairs, let index = pairs.lastIndex(where: { $0.key == name }) else { return }
            output.append(JSONPathMatch(node: pairs[index].value, steps: match.steps + [.member(index, key: name)]))
        case .wildcard:
            output += children(of: match)
        case .index(let index):
            guard let items = match.node.items else { return }
            let resolved = index < 0 ? items.count + index : index
            guard items.indices.contains(resolved) else { return }
            output.append(JSONPathMatch(node: items[resolved], steps: match.steps + [.item(resolved)]))
        case .slice(let start, let end, let step):
            guard let items = match.node.items else { return }
            for index in sliceIndices(count: items.count, start: start, end: end, step: step ?? 1) {
                output.append(JSONPathMatch(node: items[index], steps: match.steps + [.item(index)]))
            }
        case .filter(let filter):
            for child in children(of: match) where test(filter, child.node, root: root) { output.append(child) }
        }
    }

    /// RFC 9535 §2.3.4.2.2: normalise the bounds, then walk forwards or backwards.
    static func sliceIndices(count: Int, start: Int?, end: Int?, step: Int) -> [Int] {
        guard step != 0 else { return [] }
        func normalise(_ value: Int) -> Int { value >= 0 ? value : count + value }
        if step > 0 {
            let lower = min(max(normalise(start ?? 0), 0), count)
            let upper = min(max(normalise(end ?? count), 0), count)
            return lower < upper ? Array(stride(from: lower, to: upper, by: step)) : []
        }
        let upper = min(max(normalise(start ?? count - 1), -1), count - 1)
        let lower = min(max(end.map(normalise) ?? -1, -1), count - 1)
        return lower < upper ? Array(stride(from: upper, to: lower, by: step)) : []
    }

    // MARK: - Filters

    private static func test(_ filter: JSONPath.Filter, _ current: RawNode, root: RawNode) -> Bool {
        switch filter {
        case .or(let left, let right): test(left, current, root: root) || test(right, current, root: root)
        case .and(let left, let right): test(left, current, root: root) && test(right, current, root: root)
        case .not(let inner): !test(inner, current, root: root)
        case .exists(let query): !nodes(query, current, root: root).isEmpty
        case .compare(let left, let op, let right):
            compare(value(left, current, root: root), op, value(right, current, root: root))
        }
    }

    private static func nodes(_ query: JSONPath, _ current: RawNode, root: RawNode) -> [JSONPathMatch] {
        let start = JSONPathMatch(node: query.root == .document ? root : current, steps: [])
        return select(query, from: start, root: root)
    }

    /// A comparable value; nil is RFC 9535's "Nothing" (a query that selected no node).
    private enum Value {
        case node(RawNode)
        case literal(JSONPath.Literal)
    }

    private static func value(_ operand: JSONPath.Operand, _ current: RawNode, root: RawNode) -> Value? {
        switch operand {
        case .literal(let literal): return .literal(literal)
        case .query(let query):
            let selected = nodes(query, current, root: root)
            return selected.count == 1 ? .node(selected[0].node) : nil
        }
    }

    private static func compare(_ left: Value?, _ op: JSONPath.ComparisonOperator, _ right: Value?) -> Bool {
        switch op {
        case .equal: equal(left, right)
        case .notEqual: !equal(left, right)
        case .less: less(left, right)
        case .lessOrEqual: less(left, right) || equal(left, right)
        case .greater: less(right, left)
        case .greaterOrEqual: less(right, left) || equal(left, right)
        }
    }

    /// A value reduced to what comparisons need.
    private enum Primitive: Equatable {
        case string(String), number(Double), bool(Bool), null, structured(RawNode)

        static func == (lhs: Primitive, rhs: Primitive) -> Bool {
            switch (lhs, rhs) {
            case let (.string(a), .string(b)): a == b
            case let (.number(a), .number(b)): a == b
            case let (.bool(a), .bool(b)): a == b
            case (.null, .null): true
            case let (.structured(a), .structured(b)): deepEqual(a, b)
            default: false
            }
        }
    }

    private static func primitive(_ value: Value) -> Primitive {
        switch value {
        case .literal(.string(let text)): return .string(text)
        case .literal(.number(let number)): return .number(number)
        case .literal(.bool(let flag)): return .bool(flag)
        case .literal(.null): return .null
        case .node(let node): return primitive(node)
        }
    }

    private static func primitive(_ node: RawNode) -> Primitive {
        guard let scalar = node.scalar else { return .structured(node) }
        switch scalar.kind {
        case .string: return .string(scalar.text)
        case .null: return .null
        case .bool: return .bool(scalar.text.lowercased() == "true")
        case .integer, .float:
            return ScalarResolution.doubleValue(scalar.text).map(Primitive.number) ?? .string(scalar.text)
        }
    }

    private static func equal(_ left: Value?, _ right: Value?) -> Bool {
        switch (left, right) {
        case (nil, nil): true
        case let (left?, right?): primitive(left) == primitive(right)
        default: false
        }
    }

    private static func less(_ left: Value?, _ right: Value?) -> Bool {
        guard let left, let right else { return false }
        switch (primitive(left), primitive(right)) {
        case let (.number(a), .number(b)): return a < b
        case let (.string(a), .string(b)): return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        default: return false
        }
    }

    /// Structural equality: same kind, same scalars, same keys (in any order) with equal values.
    private static func deepEqual(_ a: RawNode, _ b: RawNode) -> Bool {
        switch (a.content, b.content) {
        case let (.sequence(x), .sequence(y)):
            return x.count == y.count && zip(x, y).allSatisfy { deepEqual($0, $1) }
        case let (.mapping(x), .mapping(y)):
            guard x.count == y.count else { return false }
            return x.allSatisfy { pair in b.value(forKey: pair.key).map { deepEqual(pair.value, $0) } ?? false }
        case (.scalar, .scalar):
            return primitive(a) == primitive(b)
        default:
            return false
        }
    }
}
