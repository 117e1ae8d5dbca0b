import OpenAPISwiftBase

// MARK: - Which documented response a received status selects

/// One entry of an operation's status matching: a received status selects the first matcher that covers it. The
/// order is fixed here, once: exact codes (document order), then ranges, then `default`, so a specific status always
/// wins over its range, whether or not it has a body, and `default` covers every status not listed (below 400 too).
public struct StatusMatcherDecl: Sendable, Hashable {
    public var status: ResponseStatusDecl
    /// The position of the selected response in `OperationDecl.responses`.
    public var response: Int
    public init(status: ResponseStatusDecl, response: Int) {
        self.status = status
        self.response = response
    }

    /// The matchers of `responses`, in matching order; a status listed twice keeps its first response.
    public static func ordered(_ responses: [ResponseDecl]) -> [StatusMatcherDecl] {
        var seen: Set<ResponseStatusDecl> = []
        var exact: [StatusMatcherDecl] = [], ranges: [StatusMatcherDecl] = [], fallback: [StatusMatcherDecl] = []
        for (offset, response) in responses.enumerated() where seen.insert(response.status).inserted {
            let matcher = StatusMatcherDecl(status: response.status, response: offset)
            switch response.status {
            case .code: exact.append(matcher)
            case .range: ranges.append(matcher)
            case .default: fallback.append(matcher)
            }
        }
        return exact + ranges + fallback
    }
}

/// A documented response status as the IR carries it: one code, a class of codes (`4XX` is `.range(4)`), or
/// `default`. Built from the spec's status keys in `ModelBuilder+Bodies.swift`.
public enum ResponseStatusDecl: Hashable, Sendable, CustomStringConvertible {
    case code(Int)
    case range(Int)
    case `default`

    public var description: String {
        switch self {
        case .code(let code): String(code)
        case .range(let digit): "\(digit)XX"
        case .default: "default"
        }
    }
}

extension ResponseStatusDecl {
    /// Whether a received status code falls under this documented status.
    public func covers(_ code: Int) -> Bool {
        switch self {
        case .code(let value): value == code
        case .range(let digit): code / 100 == digit
        case .default: true
        }
    }
}

extension OperationDecl {
    /// The response a received status selects, by `statusMatchers`; nil for an undocumented status.
    public func response(forStatus code: Int) -> ResponseDecl? {
        statusMatchers.first { $0.status.covers(code) }.map { responses[$0.response] }
    }
}
