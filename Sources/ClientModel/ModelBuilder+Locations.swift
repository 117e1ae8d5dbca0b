import SpecParser

// MARK: - IR declarations located at the spec's nodes, and the spec's statuses as the IR's

extension Locatable {
    /// A copy declared at `origin` (nil keeps it unlocated).
    func located(at origin: Origin?) -> Self {
        var copy = self
        copy.sourceLocation = origin?.location
        return copy
    }
}

extension ResponseStatusDecl {
    /// The IR's form of a status key the parser read.
    init(_ status: ResponseStatus) {
        switch status {
        case .code(let code): self = .code(code)
        case .range(let digit): self = .range(digit)
        case .default: self = .default
        }
    }
}
