import Foundation

// MARK: - Validation

/// A broken constraint. Names the field and the rule, never the value.
public struct ValidationFailure: Sendable, Hashable, CustomStringConvertible {
    /// Where: `body.aadhaar`, `query.limit`, `body.items[2].id`.
    public var path: String
    /// Which rule: `pattern`, `minLength`, `maximum`, `enum`, `format`, …
    public var rule: String
    /// What is wanted, e.g. `does not match ^\d{12}$`.
    public var message: String

    public init(path: String, rule: String, message: String) {
        self.path = path
        self.rule = rule
        self.message = message
    }

    /// `body.aadhaar: does not match ^\d{12}$`
    public var description: String { "\(path): \(message)" }
}

/// Generated types with constraints check themselves (and their nested values) into `failures`.
public protocol Validatable {
    func validate(path: String, into failures: inout [ValidationFailure])
}

/// The checks generated `validate(path:into:)` methods call. `nil` values pass (requiredness is in the types).
public enum Validation {
    public static func pattern(_ value: String?, _ regex: String, path: String, into failures: inout [ValidationFailure]) {
        guard let value, let expression = RegexCache.shared.expression(regex) else { return }
        let range = NSRange(value.startIndex..., in: value)
        if expression.firstMatch(in: value, options: [], range: range) == nil {
            failures.append(.init(path: path, rule: "pattern", message: "does not match \(regex)"))
        }
    }

    /// Lengths count Unicode scalars, as JSON Schema does.
    public static func minLength(_ value: String?, _ limit: Int, path: String, into failures: inout [ValidationFailure]) {
        if let value, value.unicodeScalars.count < limit {
            failures.append(.init(path: path, rule: "minLength", message: "is shorter than \(limit) characters"))
        }
    }

    public static func maxLength(_ value: String?, _ limit: Int, path: String, into failures: inout [ValidationFailure]) {
        if let value, value.unicodeScalars.count > limit {
            failures.append(.init(path: path, rule: "maxLength", message: "is longer than \(limit) characters"))
        }
    }

    public static func minimum<T: Comparable>(
        _ value: T?, _ limit: T, exclusive: Bool = false, path: String, into failures: inout [ValidationFailure]
    ) {
        if let value, exclusive ? value <= limit : value < limit {
            failures.append(.init(path: path, rule: exclusive ? "exclusiveMinimum" : "minimum",
                                  message: "must be \(exclusive ? ">" : ">=") \(limit)"))
        }
    }

    public static func maximum<T: Comparable>(
        _ value: T?, _ limit: T, exclusive: Bool = false, path: String, into failures: inout [ValidationFailure]
    ) {
        if let value, exclusive ? value >= limit : value > limit {
            failures.append(.init(path: path, rule: exclusive ? "exclusiveMaximum" : "maximum",
                                  message: "must be \(exclusive ? "<" : "<=") \(limit)"))
        }
    }

    /// Floating values: a multiple within a few ulps of the quotient, so decimal steps pass (`0.3` of `0.1`, `19.99`
    /// of `0.01`) while a real remainder (`0.015` of `0.01`) fails at any magnitude.
    public static func multipleOf<T: BinaryFloatingPoint>(
        _ value: T?, _ factor: T, path: String, into failures: inout [ValidationFailure]
    ) {
        guard let value, value.isFinite, factor > 0 else { return }
        let quotient = value / factor
        guard quotient.isFinite else { return }
        if abs(quotient - quotient.rounded()) > 4 * T.ulpOfOne * max(1, abs(quotient)) {
            failures.append(.init(path: path, rule: "multipleOf", message: "must be a multiple of \(factor)"))
        }
    }

    /// Integers: exact.
    public static func integerMultipleOf<T: BinaryInteger>(
        _ value: T?, _ factor: T, path: String, into failures: inout [ValidationFailure]
    ) {
        guard let value, factor > 0 else { return }
        if value % factor != 0 {
            failures.append(.init(path: path, rule: "multipleOf", message: "must be a multiple of \(factor)"))
        }
    }

    public static func minItems<C: Collection>(
        _ value: C?, _ limit: Int, path: String, into failures: inout [ValidationFailure]
    ) {
        if let value, value.count < limit {
            failures.append(.init(path: path, rule: "minItems", message: "has fewer than \(limit) items"))
        }
    }

    public static func maxItems<C: Collection>(
        _ value: C?, _ limit: Int, path: String, into failures: inout [ValidationFailure]
    ) {
        if let value, value.count > limit {
            failures.append(.init(path: path, rule: "maxItems", message: "has more than \(limit) items"))
        }
    }

    public static func uniqueItems<C: Collection>(_ value: C?, path: String, into failures: inout [ValidationFailure])
    where C.Element: Hashable {
        if let value, Set(value).count != value.count {
            failures.append(.init(path: path, rule: "uniqueItems", message: "has duplicate items"))
        }
    }

    /// The number of members of an object: a dictionary's count, or a struct's encoded properties.
    public static func minProperties(_ count: Int?, _ limit: Int, path: String, into failures: inout [ValidationFailure]) {
        if let count, count < limit {
            failures.append(.init(path: path, rule: "minProperties", message: "has fewer than \(limit) properties"))
        }
    }

    public static func maxProperties(_ count: Int?, _ limit: Int, path: String, into failures: inout [ValidationFailure]) {
        if let count, count > limit {
            failures.append(.init(path: path, rule: "maxProperties", message: "has more than \(limit) properties"))
        }
    }

    /// `enum` on a non-enum type (e.g. a string kept open): the value must be one of `allowed`.
    public static func allowedValues<T: Equatable>(
        _ value: T?, _ allowed: [T], path: String, into failures: inout [ValidationFailure]
    ) {
        if let value, !allowed.contains(value) {
            failures.append(.init(path: path, rule: "enum",
                                  message: "is not one of \(allowed.map { "\($0)" }.joined(separator: ", "))"))
        }
    }

    /// Checks `uuid`, `date-time`, `date`, `email`, `ipv4`; other formats pass.
    public static func format(_ value: String?, _ format: String, path: String, into failures: inout [ValidationFailure]) {
        guard let value else { return }
        let valid: Bool
        switch format {
        case "uuid": valid = UUID(uuidString: value) != nil
        case "date-time": valid = RFC3339.parse(value) != nil && value.utf8.count > 10
        case "date": valid = CalendarDate(value) != nil
        case "email": valid = value.split(separator: "@", omittingEmptySubsequences: false).count == 2
            && !value.hasPrefix("@") && !value.hasSuffix("@")
        case "ipv4":
            let octets = value.split(separator: ".", omittingEmptySubsequences: false)
            valid = octets.count == 4 && octets.allSatisfy { UInt8($0) != nil && ($0 == "0" || !$0.hasPrefix("0")) }
        default: valid = true
        }
        if !valid { failures.append(.init(path: path, rule: "format", message: "is not a valid \(format)")) }
    }

    /// Validates a nested value, an array (`path[i]`) or a dictionary (`path.key`) of them.
    public static func nested(_ value: (any Validatable)?, path: String, into failures: inout [ValidationFailure]) {
        value?.validate(path: path, into: &failures)
    }

    public static func each<C: Collection>(_ value: C?, path: String, into failures: inout [ValidationFailure])
    where C.Element: Validatable {
        guard let value else { return }
        for (index, item) in value.enumerated() {
            item.validate(path: "\(path)[\(index)]", into: &failures)
        }
    }

    public static func each<V: Validatable>(_ value: [String: V]?, path: String, into failures: inout [ValidationFailure]) {
        for (key, item) in (value ?? [:]).sorted(by: { $0.key < $1.key }) {
            item.validate(path: "\(path).\(key)", into: &failures)
        }
    }
}

/// Compiled regular expressions, each pattern compiled once (nil when the pattern does not compile: it is then
/// not checked).
public final class RegexCache: Sendable {
    public static let shared = RegexCache()
    private let cache = Locked<[String: Compiled]>([:])

    /// `NSRegularExpression` is immutable and documented thread-safe.
    private struct Compiled: @unchecked Sendable {
        let expression: NSRegularExpression?
    }

    public func expression(_ pattern: String) -> NSRegularExpression? {
        if let hit = cache.withLock({ $0[pattern] }) { return hit.expression }
        let compiled = Compiled(expression: try? NSRegularExpression(pattern: pattern))
        cache.withLock { $0[pattern] = compiled }
        return compiled.expression
    }
}
