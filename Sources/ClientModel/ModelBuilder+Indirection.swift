import SpecParser

// MARK: - Recursion: which properties and union cases need boxing.

extension Builder {
    /// The types a value of `type` contains inline (through optionals, not through arrays or dictionaries).
    private func inlineReferences(_ type: TypeRef) -> [TypeName] {
        switch type {
        case .named(let name): [name]
        case .optional(let wrapped): inlineReferences(wrapped)
        case .builtin, .array, .dictionary, .stream: []
        }
    }

    private func edges(of decl: TypeDecl) -> [TypeName] {
        switch decl.kind {
        case .struct(let value):
            value.properties.flatMap { inlineReferences($0.type) }
                + value.flattenedUnions.flatMap { inlineReferences($0.type) }
        case .union(let value): value.cases.flatMap { inlineReferences($0.type) }
        case .alias(let target): inlineReferences(target)
        case .enum: []
        }
    }

    /// Marks every struct property and union case whose value contains its own type by value (a cycle in the
    /// "contains inline" graph) with `needsIndirection`. Cycles made of aliases only cannot be declared: those
    /// aliases become `JSONValue` with a warning. The graph is over positions in `unique` (hashing a `TypeName` per
    /// step made this 1.5 % of a run); a type outside `typeOrder` is given no edges, so it is in no cycle and is
    /// left out.
    func markIndirection() {
        let nodes = typeOrder.filter { typeDecls[$0] != nil }
        var unique: [TypeName] = []
        var position: [TypeName: Int] = [:]
        for name in nodes where position[name] == nil {
            position[name] = unique.count
            unique.append(name)
        }
        let successors = unique.map { name in typeDecls[name].map { edges(of: $0).compactMap { position[$0] } } ?? [] }
        let (component, size) = stronglyConnectedComponents(successors)

        func cyclic(_ from: Int, _ to: TypeName) -> Bool {
            guard let target = position[to], component[from] == component[target] else { return false }
            return from == target || size[component[from]] > 1
        }
        for name in nodes {
            guard var decl = typeDecls[name], let here = position[name] else { continue }
            switch decl.kind {
            case .struct(var value):
                for index in value.properties.indices {
                    let targets = inlineReferences(value.properties[index].type)
                    value.properties[index].needsIndirection = targets.contains { cyclic(here, $0) }
                }
                decl.kind = .struct(value)
            case .union(var value):
                for index in value.cases.indices {
                    value.cases[index].needsIndirection = inlineReferences(value.cases[index].type)
                        .contains { cyclic(here, $0) }
                }
                decl.kind = .union(value)
            case .alias(let target):
                if inlineReferences(target).contains(where: { cyclic(here, $0) }),
                   unique.indices.filter({ component[$0] == component[here] })
                   .allSatisfy({ if case .alias = typeDecls[unique[$0]]?.kind { true } else { false } }) {
                    let pointer = JSONPointer(parsing: decl.pointer) ?? .root
                    warn("typealias '\(name.swift)' refers to itself; generated as JSONValue",
                         Origin(location: document.origin.location, pointer: pointer))
                    decl.kind = .alias(.builtin(.json))
                }
            case .enum:
                break
            }
            typeDecls[name] = decl
        }
    }

    /// Tarjan's algorithm, iterative (deep schemas must not exhaust the stack), over a graph whose nodes are
    /// `0..<successors.count`. Returns each node's component and each component's size.
    private func stronglyConnectedComponents(_ successors: [[Int]]) -> (component: [Int], size: [Int]) {
        let count = successors.count
        var index = 0
        var indices = [Int?](repeating: nil, count: count)
        var low = [Int](repeating: 0, count: count)
        var stack: [Int] = []
        var onStack = [Bool](repeating: false, count: count)
        var component = [Int](repeating: 0, count: count)
        var size: [Int] = []
        for root in 0..<count where indices[root] == nil {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            indices[root] = index; low[root] = index; index += 1
            stack.append(root); onStack[root] = true
            while let (node, next) = work.last {
                if next < successors[node].count {
                    work[work.count - 1].next += 1
                    let successor = successors[node][next]
                    if let successorIndex = indices[successor] {
                        if onStack[successor] { low[node] = min(low[node], successorIndex) }
                    } else {
                        indices[successor] = index; low[successor] = index; index += 1
                        stack.append(successor); onStack[successor] = true
                        work.append((successor, 0))
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
                guard low[node] == indices[node] else { continue }
                size.append(0)
                while let member = stack.popLast() {
                    onStack[member] = false
                    component[member] = size.count - 1
                    size[size.count - 1] += 1
                    if member == node { break }
                }
            }
        }
        return (component, size)
    }
}
