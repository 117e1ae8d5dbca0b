import ClientModel

// MARK: - Validation calls into the runtime's `Validation` helpers

/// Builds the statements of `validate(path:into:)` bodies and of operations' `request.validate { … }` closures.
enum ValidationStatements {
    /// Checks of `value` (a Swift expression of the shape `shape`, decided by ClientModel) against `rules`, then
    /// recursion into the validatable values inside it. `path` is a Swift expression of type `String` naming the
    /// value in failures; `failures` is the collector's name (`OperationLocals.failures` in an operation).
    static func statements(value: String, shape: ValidationShape, rules: [ValidationRule], path: String,
                           into failures: String = "failures") -> [String] {
        var lines: [String] = []
        for rule in rules {
            if let line = check(rule, value: value, shape: shape, path: path, into: failures) { lines.append(line) }
        }
        lines += recursion(value: value, shape: shape, path: path, depth: 0, into: failures)
        return lines
    }

    /// The call for one rule, or nil when the rule does not apply to the value's shape (the model warns about
    /// those). The helpers take optionals (nil passes), so optionality needs no unwrapping.
    static func check(_ rule: ValidationRule, value: String, shape: ValidationShape, path: String,
                      into failures: String = "failures") -> String? {
        let tail = "path: \(path), into: &\(failures))"
        let base = shape.unwrapped
        let isString = base == .string
        let isCollection = { if case .array = base { true } else if case .dictionary = base { true } else { false } }()
        let integer: Bool? = switch base {
        case .integer: true
        case .floating: false
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
        case .uniqueItems:
            guard case .array = base else { return nil }
            return "Validation.uniqueItems(\(value), \(tail)"
        case .minProperties(let n), .maxProperties(let n):
            guard case .dictionary = base else { return nil }
            let name = if case .minProperties = rule { "minProperties" } else { "maxProperties" }
            return "Validation.\(name)(\(value)\(shape.isOptional ? "?" : "").count, \(n), \(tail)"
        case .multipleOf(let factor):
            guard let integer, factor.isFinite, factor > 0 else { return nil }
            if integer, factor == factor.rounded(), factor < 9e18 {
                return "Validation.integerMultipleOf(\(value), \(Int64(factor)), \(tail)"
            }
            // An integer and a fractional step (2.5): checked as a Double.
            let converted = !integer ? value
                : shape.isOptional ? "\(value).map(Swift.Double.init)" : "Swift.Double(\(value))"
            guard let literal = literal(factor, integer: false, roundingUp: false) else { return nil }
            return "Validation.multipleOf(\(converted), \(literal), \(tail)"
        case .minimum(let n, var exclusive):
            guard let integer, let bound = literal(n, integer: integer, roundingUp: true) else { return nil }
            // An integer above 0.5 is at least 1: a fractional exclusive bound rounds to an inclusive one.
            if integer, n != n.rounded() { exclusive = false }
            return "Validation.minimum(\(value), \(bound)\(exclusive ? ", exclusive: true" : ""), \(tail)"
        case .maximum(let n, var exclusive):
            guard let integer, let bound = literal(n, integer: integer, roundingUp: false) else { return nil }
            if integer, n != n.rounded() { exclusive = false }
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

    /// Recurses into the validatable values inside `value`, through optionals, arrays and dictionaries.
    private static func recursion(value: String, shape: ValidationShape, path: String, depth: Int,
                                  into failures: String) -> [String] {
        guard shape.containsValidatable else { return [] }
        let element = "element\(depth == 0 ? "" : String(depth))"
        let position = "index\(depth == 0 ? "" : String(depth))"
        let tail = "path: \(path), into: &\(failures))"
        if depth == 0 {
            // The runtime's helpers take optionals: one call for a value, or for the items of a collection.
            switch shape.unwrapped {
            case .validatable: return ["Validation.nested(\(value), \(tail)"]
            case .array(.validatable), .dictionary(.validatable): return ["Validation.each(\(value), \(tail)"]
            default: break
            }
        }
        func inner(_ value: String, _ shape: ValidationShape, _ path: String) -> [String] {
            recursion(value: value, shape: shape, path: path, depth: depth + 1, into: failures).map { "    " + $0 }
        }
        switch shape {
        case .validatable:
            return ["\(value).validate(\(tail)"]
        case .optional(let wrapped):
            return ["if let \(element) = \(value) {"] + inner(element, wrapped, path) + ["}"]
        case .array(let wrapped):
            let itemPath = "\(path) + \"[\" + Swift.String(\(position)) + \"]\""
            return ["for (\(position), \(element)) in \(value).enumerated() {"] + inner(element, wrapped, itemPath)
                + ["}"]
        case .dictionary(let wrapped):
            let itemPath = "\(path) + \"[\" + \(position) + \"]\""
            return ["for (\(position), \(element)) in \(value) {"] + inner(element, wrapped, itemPath) + ["}"]
        case .string, .integer, .floating, .other:
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
