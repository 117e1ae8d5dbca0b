import Foundation
import OpenAPISwiftCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Brings an output folder from its old contents to the new ones as one transaction, so that after any run —
/// including one killed at any instant — the folder holds either every old file or every new one.
///
/// 1. **Stage**: every changed file is written into `<out>/.openapi-swift-staging-<pid>/`, then all of them are
///    `fsync`ed (concurrently, so the waits overlap). A failure here removes the staging folder; the output is untouched.
/// 2. **Commit**: the journal `<out>/.openapi-swift-transaction` (staging folder, files to move, files to remove) is
///    written to a temporary file, `fsync`ed and renamed into place. That rename is the commit point.
/// 3. **Apply**: staged files are renamed over their targets (the manifest last), stale files removed, the folder
///    `fsync`ed, then the staging folder and finally the journal deleted.
///
/// `recover` runs before anything else touches the folder: a journal means a committed transaction was interrupted
/// during step 3, and it is completed (every step is idempotent); staging folders without a journal are
/// uncommitted and are deleted (rolled back). The folder is locked (`flock`) while this runs, so two processes never
/// interleave. Only changed files are ever renamed (unchanged files keep their inode and mtime), only files the plan
/// names are touched, and a symbolic link is never written through (`rename` replaces a link, it does not follow it).
enum OutputTransaction {
    static let journalName = ".openapi-swift-transaction"
    static let stagingPrefix = ".openapi-swift-staging-"

    /// A committed transaction, as the journal records it.
    struct Journal: Equatable {
        /// The staging folder's name inside the output folder.
        var staging: String
        /// Relative paths to move from the staging folder, in order.
        var writes: [String]
        /// Relative paths to delete.
        var removals: [String]

        func render() -> String {
            var lines = ["# openapi-swift: an update of this folder in progress. The next run completes it. Do not edit.",
                         "staging \(staging)"]
            lines += writes.map { "write \($0)" }
            lines += removals.map { "remove \($0)" }
            return lines.joined(separator: "\n") + "\nend\n"
        }

        /// Nil unless the text is a complete journal (ends with `end`) whose every path is a plain relative path.
        static func parse(_ text: String) -> Journal? {
            var journal = Journal(staging: "", writes: [], removals: [])
            var complete = false
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                guard !complete else { return nil }
                if line == "end" { complete = true; continue }
                guard let space = line.firstIndex(of: " ") else { return nil }
                let value = String(line[line.index(after: space)...])
                switch line[..<space] {
                case "staging":
                    guard value.hasPrefix(stagingPrefix), !value.contains("/") else { return nil }
                    journal.staging = value
                case "write":
                    guard Manifest.isSafeEntry(value) else { return nil }
                    journal.writes.append(value)
                case "remove":
                    guard Manifest.isSafeEntry(value) else { return nil }
                    journal.removals.append(value)
                default:
                    return nil
                }
            }
            return complete && !journal.staging.isEmpty ? journal : nil
        }
    }

    /// What `recover` found.
    enum Recovery: Equatable {
        case nothing
        /// An interrupted, committed update was completed: the folder now holds its new files.
        case completed(files: Int)
        /// Uncommitted staging folders were deleted: the folder holds its old files.
        case rolledBack
    }

    // MARK: - Recovery

    /// Whether `folder` holds the journal of an interrupted update (for `--check`, which writes nothing).
    static func isInterrupted(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: join(folder, journalName))
    }

    /// Completes or rolls back an interrupted update of `folder`; see the type's documentation.
    static func recover(_ folder: String, lock: FolderLock) throws -> Recovery {
        let manager = FileManager.default
        let journalPath = join(folder, journalName)
        var result = Recovery.nothing
        if let data = manager.contents(atPath: journalPath) {
            guard let journal = Journal.parse(String(decoding: data, as: UTF8.self)) else {
                throw OutputError(description: "\(journalPath) is damaged; restore the folder from version control, "
                    + "then delete \(journalName) and any \(stagingPrefix)* folder")
            }
            try complete(journal, in: folder)
            result = .completed(files: journal.writes.count + journal.removals.count)
        }
        try? manager.removeItem(atPath: journalPath + ".tmp")
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(stagingPrefix) {
            try removeTree(join(folder, name))
            if result == .nothing { result = .rolledBack }
        }
        return result
    }

    /// Step 3, idempotent: a path whose staged file is gone was moved already.
    private static func complete(_ journal: Journal, in folder: String) throws {
        let staging = join(folder, journal.staging)
        var moved = 0
        for path in journal.writes {
            let source = join(staging, path)
            guard exists(source) else { continue }
            let target = join(folder, path)
            try makeParents(of: target, below: folder)
            guard rename(source, target) == 0 else {
                throw OutputError(description: "cannot replace \(target): \(String(cString: strerror(errno)))")
            }
            moved += 1
            Fault.check(.afterRename(moved))
        }
        for path in journal.removals {
            let target = join(folder, path)
            if unlink(target) != 0, errno != ENOENT {
                throw OutputError(description: "cannot remove \(target): \(String(cString: strerror(errno)))")
            }
        }
        syncFolder(folder)
        try removeTree(staging)
        guard unlink(join(folder, journalName)) == 0 || errno == ENOENT else {
            throw OutputError(description: "cannot remove \(join(folder, journalName)): \(String(cString: strerror(errno)))")
        }
        syncFolder(folder)
    }

    // MARK: - Update

    /// Stages, commits and applies `plan` in `folder` (which `lock` holds and `recover` has cleaned).
    static func apply(_ plan: OutputPlan, to folder: String, lock: FolderLock) throws {
        var writes: [(path: String, contents: Data)] = []
        for change in plan.changes {
            if case .write(let path, let contents, _) = change { writes.append((path, contents)) }
        }
        // The manifest moves last: it names the new files only once they are all in place.
        writes.sort { ($0.path == Manifest.fileName ? 1 : 0, $0.path) < ($1.path == Manifest.fileName ? 1 : 0, $1.path) }
        let removals = plan.removals
        guard !writes.isEmpty || !removals.isEmpty else { return }
        for path in writes.map(\.path) + removals where isSymbolicLink(join(folder, path)) {
            throw OutputError(description: "\(join(folder, path)) is a symbolic link; refusing to write through it")
        }
        let journal = Journal(staging: stagingPrefix + String(getpid()), writes: writes.map(\.path), removals: removals)
        let staging = join(folder, journal.staging)
        do {
            guard mkdir(staging, 0o700) == 0 else {
                throw OutputError(description: "cannot create \(staging): \(String(cString: strerror(errno)))")
            }
            var staged: [(fd: Int32, path: String)] = []
            defer { staged.forEach { close($0.fd) } }
            for (index, item) in writes.enumerated() {
                let path = join(staging, item.path)
                try makeParents(of: path, below: staging)
                staged.append((try writeNew(item.contents, to: path), path))
                if index == writes.count / 2 { Fault.check(.whileStaging) }
            }
            try flush(staged)
            Fault.check(.beforeCommit)
            try writeDurably(Data(journal.render().utf8), to: join(folder, journalName) + ".tmp")
            guard rename(join(folder, journalName) + ".tmp", join(folder, journalName)) == 0 else {
                throw OutputError(description: "cannot commit the update: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? removeTree(staging)
            try? FileManager.default.removeItem(atPath: join(folder, journalName) + ".tmp")
            throw error
        }
        syncFolder(folder)
        Fault.check(.afterRename(0))
        try complete(journal, in: folder)
    }

    // MARK: - File system helpers

    static func join(_ folder: String, _ path: String) -> String { (folder as NSString).appendingPathComponent(path) }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & mode_t(S_IFMT)) == mode_t(S_IFLNK)
    }

    /// Creates the folders between `base` and `path`'s folder, refusing to go through a symbolic link.
    private static func makeParents(of path: String, below base: String) throws {
        let relative = String((path as NSString).deletingLastPathComponent.dropFirst(base.count))
        var current = base
        for part in relative.split(separator: "/") {
            current = join(current, String(part))
            if isSymbolicLink(current) {
                throw OutputError(description: "\(current) is a symbolic link; refusing to write through it")
            }
            if mkdir(current, 0o777) != 0, errno != EEXIST {
                throw OutputError(description: "cannot create \(current): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes a new file (never an existing one, never through a link) and flushes it to disk.
    private static func writeDurably(_ data: Data, to path: String) throws {
        let fd = try writeNew(data, to: path)
        defer { close(fd) }
        try flush([(fd, path)])
    }

    /// Flushes written files to disk, several at a time: each `fsync` mostly waits for the device, so overlapping
    /// them (and letting the file system commit them together) saves most of that wait.
    private static func flush(_ files: [(fd: Int32, path: String)]) throws {
        let failure = FirstFailure()
        let descriptors = files.map(\.fd)
        DispatchQueue.concurrentPerform(iterations: descriptors.count) { index in
            if fsync(descriptors[index]) != 0 { failure.record(index: index, code: errno) }
        }
        if let (index, code) = failure.value {
            throw OutputError(description: "cannot flush \(files[index].path): \(String(cString: strerror(code)))")
        }
    }

    /// The first of the failures that concurrent flushes report.
    private final class FirstFailure: @unchecked Sendable {
        private let lock = NSLock()
        private var first: (index: Int, code: Int32)?

        func record(index: Int, code: Int32) {
            lock.lock()
            defer { lock.unlock() }
            if let recorded = first, recorded.index < index { return }
            first = (index, code)
        }

        var value: (index: Int, code: Int32)? {
            lock.lock()
            defer { lock.unlock() }
            return first
        }
    }

    /// Writes a new file (never an existing one, never through a link) and returns its open descriptor, which the
    /// caller flushes and closes.
    private static func writeNew(_ data: Data, to path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        var succeeded = false
        defer { if !succeeded { close(fd) } }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else {
                    throw OutputError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        succeeded = true
        return fd
    }

    /// Flushes a folder's entries (the renames) to disk; best effort.
    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Deletes a staging folder we created. It is never a link (`mkdir` made it), but check anyway.
    private static func removeTree(_ path: String) throws {
        guard exists(path) else { return }
        if isSymbolicLink(path) {
            unlink(path)
            return
        }
        try FileManager.default.removeItem(atPath: path)
    }
}

/// An exclusive `flock` on the output folder, held until the process ends, so two runs never update it at once.
final class FolderLock {
    private let fd: Int32

    /// Nil when the folder does not exist (`create: false`). Throws when another process holds the lock.
    init?(_ folder: String, create: Bool) throws {
        if OutputTransaction.isSymbolicLink(folder) {
            throw OutputError(description: "the output folder is a symbolic link; give its real path")
        }
        if create { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT, !create { return nil }
            throw OutputError(description: "cannot open the output folder: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw OutputError(description: "another openapi-swift process is updating this folder; try again when it ends")
        }
        self.fd = fd
    }

    deinit { close(fd) }
}

/// Failure injection for tests: `OPENAPI_SWIFT_FAULT=<point>` makes the process `_exit(9)` at that point, as if it
/// were killed. Points: `while-staging`, `before-commit`, `after-rename:N` (N renames into the output folder done;
/// `after-rename:0` is just after the commit point), `after-recovery`. Honoured only in debug builds.
enum Fault: Equatable {
    case whileStaging, beforeCommit, afterRename(Int), afterRecovery

    static func check(_ point: Fault) {
        #if DEBUG
        guard let spec = ProcessInfo.processInfo.environment["OPENAPI_SWIFT_FAULT"] else { return }
        let configured: Fault? = switch spec {
        case "while-staging": .whileStaging
        case "before-commit": .beforeCommit
        case "after-recovery": .afterRecovery
        default: spec.hasPrefix("after-rename:") ? Int(spec.dropFirst("after-rename:".count)).map(Fault.afterRename) : nil
        }
        if configured == point {
            FileHandle.standardError.write(Data("openapi-swift: injected fault \(spec)\n".utf8))
            _exit(9)
        }
        #endif
    }
}
