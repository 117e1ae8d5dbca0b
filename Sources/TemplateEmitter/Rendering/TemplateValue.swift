// MARK: - Context values, typed

import Mustache

/// A value a template reads; `mustacheValue` is the value swift-mustache renders.
enum TemplateValue {
    case string(String)
    case bool(Bool)
    /// A list of strings (`{{#docLines}}{{{.}}}{{/docLines}}`).
    case strings([String])
    /// A list of nested contexts.
    case list([TemplateObject])

    /// The value as swift-mustache reads it: `String`, `Bool`, `[String]` or `[TemplateObject]`.
    var mustacheValue: Any {
        switch self {
        case .string(let string): string
        case .bool(let bool): bool
        case .strings(let strings): strings
        case .list(let objects): objects
        }
    }
}

/// One context level: every key a template may use at that level, each always present, written as a dictionary
/// literal.
///
/// Stored as a short array of pairs, not a `Dictionary`: a context has 3–20 keys, is built once and read a few
/// times, so building it without hashing and finding a key by comparing short strings is cheaper than hashing
/// every key twice.
struct TemplateObject: ExpressibleByDictionaryLiteral, MustacheParent {
    typealias Key = String
    typealias Value = TemplateValue

    private struct Pair {
        var key: String
        var value: TemplateValue
    }

    private var pairs: [Pair]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        pairs = elements.map { Pair(key: $0.0, value: $0.1) }
    }

    /// The value of `key`; setting replaces an existing value or adds the key.
    subscript(key: String) -> TemplateValue? {
        get {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append(Pair(key: key, value: newValue))
            }
        }
    }

    /// These keys plus `more`: how a context adds its own keys to shared ones (a declaration's header, a file's
    /// names). A key in `more` wins.
    func adding(_ more: TemplateObject) -> TemplateObject {
        var result = self
        result.pairs.reserveCapacity(pairs.count + more.pairs.count)
        for pair in more.pairs { result[pair.key] = pair.value }
        return result
    }

    /// swift-mustache's lookup of a key at this level (nil: look in the enclosing levels).
    func child(named name: String) -> Any? { self[name]?.mustacheValue }
}
