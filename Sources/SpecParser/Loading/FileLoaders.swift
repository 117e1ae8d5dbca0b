import Foundation

/// Why a `SpecLoader` could not return a file.
public enum SpecLoaderError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFound(String)
    /// `hint` says how the caller can widen the allowed folder (the CLI names `--ref-root`).
    case outsideRoot(path: String, root: String, hint: String? = nil)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path): "no such file '\(path)'"
        case .outsideRoot(let path, let root, let hint):
            "'\(path)' is outside the allowed folder '\(root)'" + (hint.map { "; \($0)" } ?? "")
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        }
    }
}

/// Serves files from memory, keyed by normalised path. For tests and for callers that already hold the bytes.
public struct InMemorySpecLoader: SpecLoader {
    public var files: [String: Data]

    public init(_ files: [String: Data] = [:]) {
        var normalised: [String: Data] = [:]
        for (path, data) in files { normalised[RefPath.normalise(path)] = data }
        self.files = normalised
    }

    /// Convenience for text fixtures.
    public init(texts: [String: String]) {
        self.init(texts.mapValues { Data($0.utf8) })
    }

    public func load(_ path: String) throws -> Data {
        guard let data = files[RefPath.normalise(path)] else { throw SpecLoaderError.notFound(path) }
        return data
    }
}

/// Reads files from disk, refusing any path that leaves the `root` folder tree (after resolving `..` and
/// symbolic links). Relative paths are resolved against the current directory, as the CLI receives them.
public struct FileSystemSpecLoader: SpecLoader {
    public let root: String
    /// Appended to the error for a path outside `root`: how the user allows another folder.
    public let outsideRootHint: String?
    private let resolvedRoot: String

    public init(root: String, outsideRootHint: String? = nil) {
        self.root = root
        self.outsideRootHint = outsideRootHint
        self.resolvedRoot = Self.canonical(root)
    }

    public func load(_ path: String) throws -> Data {
        let resolved = Self.canonical(path)
        let prefix = resolvedRoot.hasSuffix("/") ? resolvedRoot : resolvedRoot + "/"
        guard resolved == resolvedRoot || resolved.hasPrefix(prefix) else {
            throw SpecLoaderError.outsideRoot(path: path, root: root, hint: outsideRootHint)
        }
        guard FileManager.default.fileExists(atPath: resolved) else { throw SpecLoaderError.notFound(path) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: resolved))
        } catch {
            throw SpecLoaderError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Absolute, with `.`/`..` folded and symbolic links resolved.
    private static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let url = URL(fileURLWithPath: RefPath.normalise(absolute))
        return RefPath.normalise(url.resolvingSymlinksInPath().path)
    }
}
