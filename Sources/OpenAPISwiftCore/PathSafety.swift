/// Checks that names and paths coming from a config or command line stay where they belong.
public enum PathSafety {
    private static let swiftKeywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
        "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "Any",
        "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try", "package",
        "Foundation", "Swift",
    ]

    /// Why `name` cannot be a Swift module name, or nil when it can.
    public static func moduleNameProblem(_ name: String) -> String? {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first else { return "the module name is empty" }
        func isLetter(_ s: Unicode.Scalar) -> Bool { (s >= "A" && s <= "Z") || (s >= "a" && s <= "z") || s == "_" }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
        guard isLetter(first), scalars.allSatisfy({ isLetter($0) || isDigit($0) }) else {
            return "module name '\(name)' must be a Swift identifier (ASCII letters, digits, _; not starting with a digit)"
        }
        if swiftKeywords.contains(name) { return "module name '\(name)' is reserved in Swift" }
        return nil
    }

    /// Why `path` may not be used as an output path relative to the project, or nil when it is safe.
    public static func relativePathProblem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") { return "must be a relative path inside the project, not '\(path)'" }
        var depth = 0
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return "must stay inside the project folder; '\(path)' leaves it" }
        }
        if depth == 0 { return "must name a folder below the project root, not the root itself" }
        return nil
    }

    /// `a/./b/../c/` → `a/c`.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
