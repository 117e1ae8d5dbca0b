import Foundation
import OpenAPISwiftCore
import SpecParser

/// Reads the files a job names (its spec and overlays) and makes the loader for its `$ref`s: what `generate` and
/// `diff` do alike before the in-memory pipeline runs.
enum SpecFiles {
    /// The file as a `SpecInput`, or nil after printing why (`what` names it: `spec`, `overlay`). An oversized file
    /// is refused before it is read, so memory stays bounded whatever its size.
    static func read(_ path: String, what: String, console: Console) -> SpecInput? {
        let limit = ParserLimits.default.maxFileBytes
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            console.error("\(path):1:1: error: the file is \(size) bytes; files over \(limit) bytes are refused")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            console.error("\(path): error: \(exists ? "cannot read the \(what)" : "\(what) file not found")")
            return nil
        }
        return SpecInput(path: path, data: data)
    }

    /// Every overlay, in order; nil after printing why one cannot be read.
    static func readOverlays(_ paths: [String], console: Console) -> [SpecInput]? {
        var overlays: [SpecInput] = []
        for path in paths {
            guard let overlay = read(path, what: "overlay", console: console) else { return nil }
            overlays.append(overlay)
        }
        return overlays
    }

    /// Reads `$ref`ed files inside `refRoot` (default: `defaultRefRoot(forSpec:)`).
    static func loader(forSpec spec: String, refRoot: String?) -> FileSystemSpecLoader {
        FileSystemSpecLoader(root: refRoot ?? defaultRefRoot(forSpec: spec), outsideRootHint: refRoot == nil
            ? "$refs may only read files inside --ref-root (default: the working directory when the spec is inside "
                + "it, else the folder above the spec's); pass --ref-root DIR to allow another folder"
            : "$refs may only read files inside --ref-root; pass a --ref-root that contains it to allow it")
    }

    /// Where `$ref`ed files may come from when `--ref-root` is not given: the working directory when the spec
    /// lies inside it (a project), else the folder above the spec's folder (so `spec/` + `common/` layouts work).
    /// Anything outside is refused with an error that names the folder.
    static func defaultRefRoot(forSpec spec: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = PathSafety.normalize(spec.hasPrefix("/") ? spec : cwd + "/" + spec)
        let folder = (absolute as NSString).deletingLastPathComponent
        if absolute.hasPrefix(PathSafety.normalize(cwd) + "/") { return cwd }
        let parent = (folder as NSString).deletingLastPathComponent
        return parent.isEmpty ? "/" : parent
    }
}
