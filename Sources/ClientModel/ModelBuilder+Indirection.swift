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
        case .struct(let value): value.properties.flatMap { inlineReferences($0.type) }
        case .union(let value): value.cases.flatMap { inlineReferences($0.type) }
        case .alias(let target): inlineReferences(target)
        case .enum: []
        }
    }

    /// Marks every struct property and union case whose value contains its own type by value (a cycle in the
    /// "contains inline" graph) with `needsIndirection`. Cycles made of aliases only cannot be declared: those
    /// aliases become `JSONValue` with a warning.
    func markIndirection() {
        let nodes = typeOrder.filter { typeDecls[$0] != nil }
        var graph: [TypeName: [TypeName]] = [:]
        for name in nodes {
            if let decl = typeDecls[name] { graph[name] = edges(of: decl).filter { typeDecls[$0] != nil } }
        }
        let components = stronglyConnectedComponents(nodes: nodes, graph: graph)

        func cyclic(_ from: TypeName, _ to: TypeName) -> Bool {
            guard let a = components.id[from], let b = components.id[to], a == b else { return false }
            return from == to || components.size[a, default: 0] > 1
        }
        for name in nodes {
            guard var decl = typeDecls[name] else { continue }
            switch decl.kind {
            case .struct(var value):
                for index in value.properties.indices {
                    let targets = inlineReferences(value.properties[index].type)
                    value.properties[index].needsIndirection = targets.contains { cyclic(name, $0) }
                }
                decl.kind = .struct(value)
            case .union(var value):
                for index in value.cases.indices {
                    value.cases[index].needsIndirection = inlineReferences(value.cases[index].type)
                        .contains { cyclic(name, $0) }
                }
                decl.kind = .union(value)
            case .alias(let target):
                if inlineReferences(target).contains(where: { cyclic(name, $0) }),
                   nodes.filter({ components.id[$0] == components.id[name] })
                   .allSatisfy({ if case .alias = typeDecls[$0]?.kind { true } else { false } }) {
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

    /// Tarjan's algorithm, iterative (deep schemas must not exhaust the stack). Returns each node's component id
    /// and each component's size.
    private func stronglyConnectedComponents(nodes: [TypeName], graph: [TypeName: [TypeName]])
        -> (id: [TypeName: Int], size: [Int: Int]) {
        var index = 0
        var indices: [TypeName: Int] = [:]
        var low: [TypeName: Int] = [:]
        var stack: [TypeName] = []
        var onStack: Set<TypeName> = []
        var id: [TypeName: Int] = [:]
        var size: [Int: Int] = [:]
        var count = 0
        for root in nodes where indices[root] == nil {
            var work: [(node: TypeName, next: Int)] = [(root, 0)]
            indices[root] = index; low[root] = index; index += 1
            stack.append(root); onStack.insert(root)
            while let (node, next) = work.last {
                let successors = graph[node] ?? []
                if next < successors.count {
                    work[work.count - 1].next += 1
                    let successor = successors[next]
                    if indices[successor] == nil {
                        indices[successor] = index; low[successor] = index; index += 1
                        stack.append(successor); onStack.insert(successor)
                        work.append((successor, 0))
                    } else if onStack.contains(successor) {
                        low[node] = min(low[node] ?? 0, indices[successor] ?? 0)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { low[parent] = min(low[parent] ?? 0, low[node] ?? 0) }
                guard low[node] == indices[node] else { continue }
                while let member = stack.popLast() {
                    onStack.remove(member)
                    id[member] = count
                    size[count, default: 0] += 1
                    if member == node { break }
                }
                count += 1
            }
        }
        return (id, size)
    }
}
