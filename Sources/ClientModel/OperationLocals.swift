// MARK: - The local names inside an operation's generated methods

/// The names an operation's method bodies declare next to its parameters: the request builder, the response, the
/// options argument, the body argument and the validation closure's collector. Each is its usual name with `_`
/// appended until no parameter has it, so a spec parameter called `request` or `failures` is never shadowed.
public struct OperationLocals: Sendable, Hashable {
    public var request: String
    public var response: String
    public var options: String
    public var body: String
    public var failures: String

    init(parameters: [ParameterDecl]) {
        let taken = Set(parameters.map(\.identifier.unescapedName))
        func local(_ base: String) -> String {
            var name = base
            while taken.contains(name) { name += "_" }
            return name
        }
        request = local("request")
        response = local("response")
        options = local("options")
        body = local("body")
        failures = local("failures")
    }

    /// The trailing `options` parameter of both methods: `options: RequestOptions = .init()`, or
    /// `options options_: …` when a parameter took the name.
    public var optionsParameter: String {
        (options == "options" ? "" : "options ") + options + ": RequestOptions = .init()"
    }
}

extension OperationDecl {
    /// The local names of this operation's method bodies (`OperationLocals`).
    public var locals: OperationLocals { OperationLocals(parameters: parameters) }
}
