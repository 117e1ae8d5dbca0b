import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import TemplateEmitter

/// Generates one job and brings its output folder up to date (or, with `--check`, compares).
/// This is the only code that touches the disk.
struct Runner {
    var job: PlannedJob
    var check: Bool
    var force: Bool
    var console: Console

    /// Returns false when the job failed (an error, or `--check` found differences).
    func run() -> Bool {
        let started = Date()
        let lock: FolderLock?
        do {
            lock = try lockAndRecoverOutput()
        } catch {
            console.error("\(job.output): error: \(error)")
            return false
        }
        guard let spec = SpecFiles.read(job.spec, what: "spec", console: console) else { return false }
        var overrides: [String: String] = [:]
        if let templates = job.templates {
            guard let loaded = loadTemplates(templates) else { return false }
            overrides = loaded
        }
        guard let overlays = SpecFiles.readOverlays(job.overlays, console: console) else { return false }
        let loader = SpecFiles.loader(forSpec: job.spec, refRoot: job.refRoot)
        let result = Generator.generate(
            GenerationJob(spec: spec,
                          options: ModelOptions(moduleName: job.module, accessLevel: job.access,
                                                runtimeModule: job.runtimeModule, filter: job.filter),
                          templateOverrides: overrides, overlays: overlays),
            loader: loader
        )
        result.diagnostics.forEach { console.diagnostic($0) }
        guard result.succeeded else {
            let count = result.diagnostics.errors.count
            console.error("\(job.module): failed with \(count) error\(count == 1 ? "" : "s"); \(job.output) left untouched")
            return false
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let summary = "\(result.typeCount) types, \(result.operationCount) operation\(result.operationCount == 1 ? "" : "s"), "
            + "\(result.diagnostics.warnings.count) warnings, \(seconds) s"
        return publish(result.files, lock: lock, summary: summary)
    }

    /// Writes the runtime module's files (`runtime: output:`, `--runtime-output`) into `job.output`, or checks them.
    func runRuntime() -> Bool {
        let started = Date()
        let lock: FolderLock?
        do {
            lock = try lockAndRecoverOutput()
        } catch {
            console.error("\(job.output): error: \(error)")
            return false
        }
        let files = Generator.runtimeFiles()
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        return publish(files, lock: lock, summary: "runtime \(Generator.runtimeVersion), \(seconds) s")
    }

    /// Brings `job.output` up to date with `files` (or, with `--check`, compares and reports).
    private func publish(_ files: [EmittedFile], lock: FolderLock?, summary: String) -> Bool {
        let existing: ExistingOutput
        do {
            existing = try OutputFolder.read(job.output, wanted: files.map(\.path))
        } catch {
            console.error("\(job.output): error: \(error)")
            return false
        }
        let plan = OutputPlan.make(desired: files, existing: existing)
        if check {
            return report(plan: plan, summary: summary)
        }
        if plan.folderNotOwned && !force && !plan.isUpToDate {
            console.error("\(job.output): error: the folder is not empty and was not written by openapi-swift "
                + "(no \(Manifest.fileName)); choose an empty folder or pass --force to write into it")
            return false
        }
        do {
            guard let lock = try lock ?? FolderLock(job.output, create: true) else { return false }
            try OutputFolder.apply(plan, to: job.output, lock: lock)
        } catch {
            console.error("\(job.output): error: \(error)")
            return false
        }
        let written = plan.writes.count
        console.info("\(job.module): \(plan.changes.count - plan.removals.count) files (\(written) written, "
            + "\(plan.unchangedCount) unchanged, \(plan.removals.count) removed) → \(job.output); \(summary)")
        return true
    }

    /// Before anything else: locks the output folder and completes (or rolls back) an update that a killed run
    /// left behind, so the folder holds one generation's files. Nil when the folder does not exist yet. With
    /// `--check` nothing is written: an interrupted update is reported as an error instead.
    private func lockAndRecoverOutput() throws -> FolderLock? {
        guard !check else {
            if OutputTransaction.isInterrupted(job.output) {
                throw OutputError(description: "an interrupted update was found (\(OutputTransaction.journalName)); "
                    + "run `openapi-swift generate` without --check to complete it")
            }
            return nil
        }
        guard let lock = try FolderLock(job.output, create: false) else { return nil }
        switch try OutputTransaction.recover(job.output, lock: lock) {
        case .nothing:
            break
        case .completed(let files):
            console.error("\(job.output): warning: the previous run was interrupted while updating the folder; "
                + "its update was completed (\(files) files)")
        case .rolledBack:
            console.error("\(job.output): warning: the previous run was interrupted before updating the folder; "
                + "its unfinished files were removed")
        }
        Fault.check(.afterRecovery)
        return lock
    }

    private func report(plan: OutputPlan, summary: String) -> Bool {
        if plan.isUpToDate {
            console.info("\(job.module): up to date (\(plan.unchangedCount) files); \(summary)")
            return true
        }
        for change in plan.changes {
            switch change {
            case .write(let path, _, let isNew):
                console.error("\(job.output)/\(path): \(isNew ? "missing" : "differs from what the spec produces")")
            case .remove(let path):
                console.error("\(job.output)/\(path): stale (no longer generated)")
            case .unchanged:
                break
            }
        }
        console.error("\(job.module): \(job.output) is out of date; run `openapi-swift generate` and commit the result")
        return false
    }

    private func loadTemplates(_ folder: String) -> [String: String]? {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else {
            console.error("\(folder): error: --templates folder not found or not readable")
            return nil
        }
        var overrides: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = manager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                console.error("\(path): error: cannot read the template as UTF-8 text")
                return nil
            }
            overrides[String(name.dropLast(".mustache".count))] = text
        }
        return overrides
    }
}
