import Foundation
import OpenAPISwiftCore

struct OutputError: Error, CustomStringConvertible {
    var description: String
}

/// Reads and updates an output folder: atomic per-file writes, only changed files, manifest-tracked removals.
enum OutputFolder {
    static func read(_ folder: String, wanted: [String]) throws -> ExistingOutput {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            return ExistingOutput(manifest: nil, files: [:], allFiles: [])
        }
        if let type = try? manager.attributesOfItem(atPath: folder)[.type] as? FileAttributeType, type == .typeSymbolicLink {
            throw OutputError(description: "the output folder is a symbolic link; give its real path")
        }
        guard isDirectory.boolValue else { throw OutputError(description: "the output path exists and is not a folder") }
        let all = try listFiles(folder)
        var manifest: [String]?
        let manifestPath = (folder as NSString).appendingPathComponent(Manifest.fileName)
        if let data = manager.contents(atPath: manifestPath) {
            manifest = Manifest.parse(String(decoding: data, as: UTF8.self))
        }
        var files: [String: Data] = [:]
        for path in Set(wanted + (manifest ?? []) + [Manifest.fileName]) {
            let full = (folder as NSString).appendingPathComponent(path)
            if let data = manager.contents(atPath: full) { files[path] = data }
        }
        return ExistingOutput(manifest: manifest, files: files, allFiles: all)
    }

    /// Writes each changed file through a temporary file and a rename, then removes stale owned files.
    /// Everything is staged before the first rename, so a failure while staging leaves the folder untouched.
    static func apply(_ plan: OutputPlan, to folder: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var staged: [(temp: String, final: String)] = []
        do {
            for change in plan.changes {
                guard case .write(let path, let contents, _) = change else { continue }
                let final = (folder as NSString).appendingPathComponent(path)
                if let type = try? manager.attributesOfItem(atPath: final)[.type] as? FileAttributeType,
                   type == .typeSymbolicLink {
                    throw OutputError(description: "\(final) is a symbolic link; refusing to write through it")
                }
                let directory = (final as NSString).deletingLastPathComponent
                try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                let temp = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).tmp-\(getpid())")
                guard manager.createFile(atPath: temp, contents: contents) else {
                    throw OutputError(description: "cannot write \(temp)")
                }
                staged.append((temp, final))
            }
        } catch {
            for item in staged { try? manager.removeItem(atPath: item.temp) }
            throw error
        }
        for item in staged where rename(item.temp, item.final) != 0 {
            throw OutputError(description: "cannot replace \(item.final): \(String(cString: strerror(errno)))")
        }
        for path in plan.removals {
            try? manager.removeItem(atPath: (folder as NSString).appendingPathComponent(path))
        }
    }

    /// Regular files below `folder`, relative, not following symbolic links.
    private static func listFiles(_ folder: String) throws -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            let attributes = enumerator.fileAttributes
            if attributes?[.type] as? FileAttributeType == .typeRegular { result.append(path) }
        }
        return result.sorted()
    }
}
