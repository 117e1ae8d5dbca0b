import Foundation

/// A position in a source file: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file as the user named it (relative to the working directory, or the spec path given).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// An RFC 6901 JSON pointer into a document, printed in URI-fragment form (`#/paths/~1pets/get`).
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
    public var components: [String]

    public init(_ components: [String] = []) { self.components = components }

    /// Parses `#/a/b~1c` or `/a/b` (percent-decoding and `~0`/`~1` unescaping).
    public init?(parsing text: String) {
        var body = Substring(text)
        if body.hasPrefix("#") { body = body.dropFirst() }
        // Foundation's percent-decoding and replacing are slow; most pointers need neither.
        let decoded = body.utf8.contains(UInt8(ascii: "%")) ? String(body).removingPercentEncoding ?? String(body)
            : String(body)
        if decoded.isEmpty { self.components = []; return }
        guard decoded.hasPrefix("/") else { return nil }
        self.components = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.utf8.contains(UInt8(ascii: "~"))
                ? $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : String($0)
        }
    }

    public static let root = JSONPointer()

    public func appending(_ component: String) -> JSONPointer {
        JSONPointer(components + [component])
    }

    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    public var lastComponent: String? { components.last }

    /// `#/a/b~1c`. Written into one byte buffer: appending to a String per component was 2 % of a run.
    public var description: String {
        var bytes: [UInt8] = [UInt8(ascii: "#")]
        bytes.reserveCapacity(components.reduce(1) { $0 + $1.utf8.count + 1 })
        for component in components {
            bytes.append(UInt8(ascii: "/"))
            if !component.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                bytes += component.utf8
            } else if component.utf8.allSatisfy({ $0 < 0x80 }) {
                // ASCII (paths such as `/posts/{id}.json`): escaped by bytes, without Foundation's slow replacing.
                for byte in component.utf8 {
                    switch byte {
                    case UInt8(ascii: "~"): bytes.append(UInt8(ascii: "~")); bytes.append(UInt8(ascii: "0"))
                    case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "~")); bytes.append(UInt8(ascii: "1"))
                    default: bytes.append(byte)
                    }
                }
            } else {
                // Foundation replaces whole Characters: a `~` or `/` that a combining mark follows stays.
                let escaped = component.replacingOccurrences(of: "~", with: "~0")
                    .replacingOccurrences(of: "/", with: "~1")
                bytes += escaped.utf8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// How bad a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    case note, warning, error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A finding about the input: printed as `file:line:column: warning: message [#/pointer]`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var pointer: JSONPointer?
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation? = nil,
        pointer: JSONPointer? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
        self.hint = hint
    }

    public static func error(
        _ message: String, at location: SourceLocation? = nil, pointer: JSONPointer? = nil, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, at: location, pointer: pointer, hint: hint)
    }

    public static func warning(
        _ message: String, at location: SourceLocation? = nil, pointer: JSONPointer? = nil, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, message, at: location, pointer: pointer, hint: hint)
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let hint { text += "; \(hint)" }
        if let pointer { text += " [\(pointer)]" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// The diagnostics without repeats: a diagnostic with the same severity, message and location as an earlier one is
    /// left out (the first is kept, with its pointer and hint), so a construct that several operations reach (a
    /// shared response, parameter or schema) is reported once, not once per operation. Order is kept.
    public var deduplicated: [Diagnostic] {
        var seen: Set<DiagnosticIdentity> = []
        return filter { seen.insert(DiagnosticIdentity(severity: $0.severity, message: $0.message,
                                                       location: $0.location)).inserted }
    }
}

/// What makes two diagnostics the same finding, for `deduplicated`.
private struct DiagnosticIdentity: Hashable {
    var severity: Severity
    var message: String
    var location: SourceLocation?
}
