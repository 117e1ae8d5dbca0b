import Foundation

// MARK: - Headers

/// Ordered HTTP header fields with case-insensitive names. Values of credential headers are masked in every
/// description and mirror, and stripped when a redirect leaves the origin.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, Equatable,
                               CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public typealias Element = (name: String, value: String)
    private var fields: [Field] = []
    /// Lower-cased names of headers that carry credentials (besides `Authorization`, `Cookie`, …).
    public var sensitiveNames: Set<String> = []

    private struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    public init(_ elements: [String: String]) {
        for (name, value) in elements.sorted(by: { $0.key < $1.key }) { add(name, value) }
    }

    /// The first value for `name` (any case); setting replaces all values, `nil` removes them.
    public subscript(name: String) -> String? {
        get { fields.first { Self.same($0.name, name) }?.value }
        set {
            guard let newValue else { return remove(name) }
            if let index = fields.firstIndex(where: { Self.same($0.name, name) }) {
                fields[index].value = Self.cleanLine(newValue)
                for later in fields.indices.reversed() where later > index && Self.same(fields[later].name, name) {
                    fields.remove(at: later)
                }
            } else {
                add(name, newValue)
            }
        }
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.same($0.name, name) }.map(\.value)
    }

    /// Appends a field, keeping existing ones of the same name. CR and LF are replaced, so a value cannot inject
    /// a header.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: Self.cleanLine(name), value: Self.cleanLine(value)))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.same($0.name, name) }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Element]> {
        fields.map { (name: $0.name, value: $0.value) }.makeIterator()
    }

    /// A copy with the value of every credential-bearing header replaced by `<redacted>`.
    public func redacted() -> HTTPHeaders {
        var copy = self
        for index in copy.fields.indices where isSensitive(copy.fields[index].name) {
            copy.fields[index].value = "<redacted>"
        }
        return copy
    }

    /// True for `Authorization`, `Cookie`, `Set-Cookie`, `Proxy-Authorization`, the client's credential headers
    /// and names that look like secrets (`api-key`, `token`, `secret`, …).
    public func isSensitive(_ name: String) -> Bool {
        Redaction.isSensitiveName(name, extra: sensitiveNames)
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool { lhs.fields == rhs.fields }

    public var description: String {
        "[" + redacted().fields.map { "\($0.name): \(Redaction.scrub($0.value))" }.joined(separator: ", ") + "]"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, unlabeledChildren: redacted().fields.map { "\($0.name): \(Redaction.scrub($0.value))" },
               displayStyle: .collection)
    }

    private static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs.lowercased() == rhs.lowercased()
    }

    /// Replaces CR and LF, so a value cannot inject a header line.
    public static func cleanLine(_ text: String) -> String {
        text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
            ? String(text.map { $0 == "\r" || $0 == "\n" || $0 == "\r\n" ? " " : $0 }) : text
    }
}
