/// Path arithmetic for relative `$ref`s: `/`-separated, `.` and `..` folded, a leading `/` kept.
enum RefPath {
    /// `a/./b/../c.yaml` → `a/c.yaml`; `../x` stays `../x`; `/a/../b` → `/b`.
    static func normalise(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append(part)
                }
            default:
                parts.append(part)
            }
        }
        return (isAbsolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// The folder of a normalised file path, with a trailing `/` (or `""`).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// `relative` resolved against the folder of `file`, normalised.
    static func resolve(_ relative: String, against file: String) -> String {
        if relative.hasPrefix("/") { return normalise(relative) }
        return normalise(directory(of: file) + relative)
    }

    /// The file name without folder and extension: `common/Error.yaml` → `Error`.
    static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// True for `http:`, `https:` and other `scheme:` URIs (but not a Windows drive letter).
    static func hasScheme(_ uri: String) -> Bool {
        guard let colon = uri.firstIndex(of: ":") else { return false }
        let scheme = uri[..<colon]
        return scheme.count > 1
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "." || $0 == "-" }
    }
}
