import Foundation
import TemplateEmitter

/// The manifest that records which files of an output folder openapi-swift wrote. Files it lists and no
/// longer generates are removed; files it does not list are never touched.
public enum Manifest {
    public static let fileName = ".openapi-swift-manifest"
    static let header = """
        # Files written by openapi-swift. Regenerating removes listed files it no longer produces
        # and never touches files not listed here. Do not edit.
        """

    public static func render(_ paths: [String]) -> String {
        ([header] + paths.sorted()).joined(separator: "\n") + "\n"
    }

    /// The file paths a manifest lists (comments and blank lines skipped; unsafe entries dropped).
    public static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && isSafeEntry($0) }
    }

    /// A manifest entry must be a plain relative path inside the folder.
    public static func isSafeEntry(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.contains("\0")
    }
}

/// What is on disk in an output folder now, as far as the plan needs it.
public struct ExistingOutput: Sendable {
    /// The manifest's entries, or nil when the folder has no manifest.
    public var manifest: [String]?
    /// Current bytes of every file that is either desired or listed in the manifest (absent = missing).
    public var files: [String: Data]
    /// Every regular file in the folder (relative paths), to detect folders we do not own.
    public var allFiles: [String]

    public init(manifest: [String]?, files: [String: Data], allFiles: [String]) {
        self.manifest = manifest
        self.files = files
        self.allFiles = allFiles
    }
}

/// The changes that bring an output folder in line with freshly generated files.
public struct OutputPlan: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case write(path: String, contents: Data, isNew: Bool)
        case unchanged(path: String)
        /// A file this tool wrote earlier (listed in the manifest) that it no longer generates.
        case remove(path: String)
    }

    public var changes: [Change]
    /// Files in the folder that openapi-swift did not write and would overwrite. Non-empty means the
    /// folder is not ours: refuse unless forced.
    public var foreignFilesOverwritten: [String]
    /// Whether the folder holds files and no manifest (a folder we do not own).
    public var folderNotOwned: Bool

    public var writes: [String] { changes.compactMap { if case .write(let p, _, _) = $0 { p } else { nil } } }
    public var removals: [String] { changes.compactMap { if case .remove(let p) = $0 { p } else { nil } } }
    public var unchangedCount: Int { changes.filter { if case .unchanged = $0 { true } else { false } }.count }
    public var isUpToDate: Bool { writes.isEmpty && removals.isEmpty }

    /// Plans the update of a folder to exactly `desired` plus the manifest.
    public static func make(desired: [EmittedFile], existing: ExistingOutput) -> OutputPlan {
        var wanted: [(String, Data)] = desired.map { ($0.path, Data($0.contents.utf8)) }
        wanted.append((Manifest.fileName, Data(Manifest.render(desired.map(\.path)).utf8)))
        wanted.sort { $0.0 < $1.0 }
        let wantedPaths = Set(wanted.map(\.0))
        var changes: [Change] = []
        for (path, data) in wanted {
            if let current = existing.files[path] {
                changes.append(current == data ? .unchanged(path: path) : .write(path: path, contents: data, isNew: false))
            } else {
                changes.append(.write(path: path, contents: data, isNew: true))
            }
        }
        let owned = Set(existing.manifest ?? [])
        for path in (existing.manifest ?? []).sorted() where !wantedPaths.contains(path) && existing.files[path] != nil {
            changes.append(.remove(path: path))
        }
        let foreign = existing.allFiles.filter {
            wantedPaths.contains($0) && !owned.contains($0) && $0 != Manifest.fileName
        }.sorted()
        let notOwned = existing.manifest == nil && !existing.allFiles.filter { !$0.hasPrefix(".") }.isEmpty
        return OutputPlan(changes: changes, foreignFilesOverwritten: foreign,
                          folderNotOwned: notOwned)
    }
}
