import Foundation
import OpenAPISwiftCore

struct OutputError: Error, CustomStringConvertible {
    var description: String
}

/// Reads and updates an output folder: one transaction per update, only changed files, manifest-tracked removals.
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

    /// Writes the changed files and removes stale owned ones as one transaction (`OutputTransaction`): after any
    /// run, even a killed one followed by the next run's recovery, the folder holds all old files or all new ones.
    static func apply(_ plan: OutputPlan, to folder: String, lock: FolderLock) throws {
        try OutputTransaction.apply(plan, to: folder, lock: lock)
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
