import ClientModel

// MARK: - Validation calls into the runtime's `Validation` helpers

/// Builds the statements of `validate(path:into:)` bodies and of operations' `request.validate { … }` closures.
enum ValidationStatements {
    /// Checks of `value` (a Swift expression of type `type`) against `rules`, then recursion into validatable
    /// values. `path` is a Swift expression of type `String` naming the value in failures.
    static func statements(value: String, type: TypeRef, rules: [ValidationRule], path: String,
                           index: TypeIndex) -> [String] {
        var lines: [String] = []
        for rule in rules {
            if let line = check(rule, value: value, type: type, path: path) { lines.append(line) }
        }
        lines += recursion(value: value, type: type, path: path, index: index, depth: 0)
        return lines
    }

    /// The call for one rule, or nil when the rule does not apply to the value's type (the model warns about
    /// those). The helpers take optionals (nil passes), so optionality needs no unwrapping.
    static func check(_ rule: ValidationRule, value: String, type: TypeRef, path: String) -> String? {
        let tail = "path: \(path), into: &failures)"
        let base = type.unwrapped
        let isString = base == .builtin(.string)
        let isCollection = { if case .array = base { true } else if case .dictionary = base { true } else { false } }()
        let integer: Bool? = switch base {
        case .builtin(.int), .builtin(.int32), .builtin(.int64): true
        case .builtin(.double), .builtin(.float): false
        default: nil
        }
        switch rule {
        case .pattern(let pattern) where isString:
            return "Validation.pattern(\(value), \(SwiftEscaping.stringLiteral(pattern)), \(tail)"
        case .minLength(let n) where isString: return "Validation.minLength(\(value), \(n), \(tail)"
        case .maxLength(let n) where isString: return "Validation.maxLength(\(value), \(n), \(tail)"
        case .format(let format) where isString:
            return "Validation.format(\(value), \(SwiftEscaping.stringLiteral(format)), \(tail)"
        case .minItems(let n) where isCollection: return "Validation.minItems(\(value), \(n), \(tail)"
        case .maxItems(let n) where isCollection: return "Validation.maxItems(\(value), \(n), \(tail)"
        case .minimum(let n, let exclusive):
            guard let integer, let bound = literal(n, integer: integer, roundingUp: true) else { return nil }
            return "Validation.minimum(\(value), \(bound)\(exclusive ? ", exclusive: true" : ""), \(tail)"
        case .maximum(let n, let exclusive):
            guard let integer, let bound = literal(n, integer: integer, roundingUp: false) else { return nil }
            return "Validation.maximum(\(value), \(bound)\(exclusive ? ", exclusive: true" : ""), \(tail)"
        case .allowedValues(let values):
            if isString { return "Validation.allowedValues(\(value), \(SwiftEscaping.stringArrayLiteral(values)), \(tail)" }
            if integer == true {
                let numbers = values.compactMap { Int($0) }
                guard numbers.count == values.count else { return nil }
                return "Validation.allowedValues(\(value), [\(numbers.map(String.init).joined(separator: ", "))], \(tail)"
            }
            return nil
        default:
            return nil
        }
    }

    /// Recurses into a validatable generated type, through optionals, arrays and dictionaries.
    private static func recursion(value: String, type: TypeRef, path: String, index: TypeIndex,
                                  depth: Int) -> [String] {
        guard index.isValidatable(type) else { return [] }
        let element = "element\(depth == 0 ? "" : String(depth))"
        let position = "index\(depth == 0 ? "" : String(depth))"
        if depth == 0 {
            let base = type.unwrapped
            if case .named = base { return ["Validation.nested(\(value), path: \(path), into: &failures)"] }
            if case .array(.named) = base { return ["Validation.each(\(value), path: \(path), into: &failures)"] }
            if case .dictionary(.named) = base { return ["Validation.each(\(value), path: \(path), into: &failures)"] }
        }
        switch type {
        case .named:
            return ["\(value).validate(path: \(path), into: &failures)"]
        case .optional(let wrapped):
            let inner = recursion(value: element, type: wrapped, path: path, index: index, depth: depth + 1)
            return ["if let \(element) = \(value) {"] + inner.map { "    " + $0 } + ["}"]
        case .array(let wrapped):
            let itemPath = "\(path) + \"[\" + Swift.String(\(position)) + \"]\""
            let inner = recursion(value: element, type: wrapped, path: itemPath, index: index, depth: depth + 1)
            return ["for (\(position), \(element)) in \(value).enumerated() {"] + inner.map { "    " + $0 } + ["}"]
        case .dictionary(let wrapped):
            let itemPath = "\(path) + \"[\" + \(position) + \"]\""
            let inner = recursion(value: element, type: wrapped, path: itemPath, index: index, depth: depth + 1)
            return ["for (\(position), \(element)) in \(value) {"] + inner.map { "    " + $0 } + ["}"]
        case .builtin, .stream:
            return []
        }
    }

    /// A bound as a literal of the value's type: integers round towards the allowed range.
    static func literal(_ value: Double, integer: Bool, roundingUp: Bool) -> String? {
        guard value.isFinite else { return nil }
        if integer {
            let rounded = roundingUp ? value.rounded(.up) : value.rounded(.down)
            guard abs(rounded) < 9e18 else { return nil }
            return String(Int64(rounded))
        }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return "\(value)"
    }
}
