import ArgumentParser
import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate clients from openapi-swift.yaml, or one spec given on the command line.",
        // One line per paragraph: the argument parser wraps it to the terminal's width.
        discussion: """
            With no SPEC, reads the configuration (default: openapi-swift.yaml in the current folder) and \
            regenerates every client it lists. With SPEC, --output and --module are required; --include-… and \
            --exclude-… generate part of SPEC (a client's `filter:` in the configuration does the same).

            Exit status: 0 success; 1 a problem in a spec or configuration, or --check found differences; \
            2 a usage error.
            """
    )

    @Argument(help: "An OpenAPI document (YAML or JSON). Omit to use the configuration file.")
    var spec: String?

    @Option(name: .shortAndLong, help: "Output folder for SPEC.")
    var output: String?

    @Option(name: .shortAndLong, help: "Swift module name for SPEC (e.g. AccuAuth).")
    var module: String?

    @Option(help: "Access level of the generated API: public, package or internal.")
    var access: String = "public"

    @Option(help: "A folder of .mustache files overriding the embedded templates by file name.")
    var templates: String?

    @Option(name: .long, help: ArgumentHelp(
        "Write the runtime module (OpenAPISwiftRuntime) into this folder; the client imports it.",
        discussion: "Without it (and without --runtime-module) the runtime's files go into --output, so that "
            + "folder compiles on its own.",
        valueName: "dir"))
    var runtimeOutput: String?

    @Option(name: .long, help: ArgumentHelp(
        "The runtime module the client imports (default OpenAPISwiftRuntime when --runtime-output is given).",
        discussion: "Alone, the client imports an existing runtime module, e.g. this package's OpenAPISwiftRuntime "
            + "product, and no runtime files are written.",
        valueName: "name"))
    var runtimeModule: String?

    @Option(name: .customLong("overlay"), help: ArgumentHelp(
        "An OpenAPI Overlay 1.0 file to apply to SPEC before parsing (repeatable; applied in order).",
        discussion: "Without SPEC, list overlays under `overlays:` in the configuration instead.",
        valueName: "file"))
    var overlays: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "The folder that $ref'ed files must lie in.",
        discussion: "Default: the working directory when the spec is inside it, else the folder above the spec's folder."))
    var refRoot: String?

    @Option(name: .long, help: "The configuration file (when no SPEC is given).")
    var config: String = "openapi-swift.yaml"

    @OptionGroup(title: "Filter (with SPEC)")
    var filterOptions: FilterOptions

    @Flag(help: "Write nothing; exit 1 and list the files that differ, are missing or are stale.")
    var check = false

    @Flag(help: "Write into a non-empty folder that openapi-swift does not own (it has no manifest).")
    var force = false

    @Flag(name: .shortAndLong, help: "Print only warnings, errors and differences.")
    var quiet = false

    func validate() throws {
        guard AccessLevel(rawValue: access) != nil else {
            throw ValidationError("--access must be public, package or internal, not '\(access)'")
        }
        if spec != nil {
            guard output != nil else { throw ValidationError("--output is required with SPEC") }
            guard let module else { throw ValidationError("--module is required with SPEC") }
            if let problem = PathSafety.moduleNameProblem(module) { throw ValidationError("--module: \(problem)") }
            if let runtimeModule, let problem = PathSafety.moduleNameProblem(runtimeModule) {
                throw ValidationError("--runtime-module: \(problem)")
            }
            if let runtimeModule, runtimeModule == module {
                throw ValidationError("--runtime-module must differ from --module")
            }
            if let runtimeOutput, let output, PathSafety.normalize(runtimeOutput) == PathSafety.normalize(output) {
                throw ValidationError("--runtime-output must be another folder than --output")
            }
        } else if runtimeOutput != nil || runtimeModule != nil {
            throw ValidationError("--runtime-output and --runtime-module go with SPEC; without SPEC use `runtime:` "
                + "in the configuration file")
        } else if output != nil || module != nil {
            throw ValidationError("--output and --module go with SPEC; without SPEC the configuration file is used")
        } else if !overlays.isEmpty {
            throw ValidationError("--overlay goes with SPEC; without SPEC list overlays under `overlays:` in the "
                + "configuration file")
        } else if !filterOptions.filter.isEmpty {
            throw ValidationError("--include-…, --exclude-… and --skip-deprecated go with SPEC; without SPEC give a "
                + "client a `filter:` in the configuration file")
        }
    }

    func run() throws {
        let console = Console(quiet: quiet)
        let jobs: [PlannedJob]
        if let spec, let output, let module {
            let linked = runtimeModule ?? (runtimeOutput != nil ? Configuration.defaultRuntimeModule : nil)
            var planned = [PlannedJob(spec: spec, output: output, module: module,
                                      access: AccessLevel(rawValue: access) ?? .public, templates: templates,
                                      overlays: overlays, refRoot: refRoot, runtimeModule: linked,
                                      filter: filterOptions.filter)]
            if let runtimeOutput, let linked { planned.append(.runtime(output: runtimeOutput, module: linked)) }
            jobs = planned
        } else {
            guard let loaded = loadConfiguration(console: console) else { throw ExitCode(ExitStatus.specProblem) }
            jobs = loaded
        }
        var failed = false
        for job in jobs {
            let runner = Runner(job: job, check: check, force: force, console: console)
            if !(job.writesRuntime ? runner.runRuntime() : runner.run()) { failed = true }
        }
        if failed { throw ExitCode(ExitStatus.specProblem) }
    }

    private func loadConfiguration(console: Console) -> [PlannedJob]? {
        guard let data = FileManager.default.contents(atPath: config) else {
            console.error("\(config): error: configuration file not found; run from the project root, pass --config, "
                + "or give a SPEC with --output and --module")
            return nil
        }
        let (configuration, diagnostics) = ConfigurationParser.parse(data, path: config)
        diagnostics.forEach { console.diagnostic($0) }
        guard let configuration else { return nil }
        let base = (config as NSString).deletingLastPathComponent
        func resolve(_ path: String) -> String { base.isEmpty ? path : (base as NSString).appendingPathComponent(path) }
        var jobs = configuration.clients.map {
            PlannedJob(spec: resolve($0.spec), output: resolve($0.output), module: $0.module, access: $0.access,
                       templates: ($0.templates.map(resolve)) ?? templates, overlays: $0.overlays.map(resolve),
                       refRoot: refRoot, runtimeModule: configuration.runtime?.module, filter: $0.filter)
        }
        if let runtime = configuration.runtime, let output = runtime.output {
            jobs.insert(.runtime(output: resolve(output), module: runtime.module), at: 0)
        }
        return jobs
    }
}

/// One spec → one output folder, with paths already resolved against the working directory.
struct PlannedJob {
    var spec: String
    var output: String
    var module: String
    var access: AccessLevel
    var templates: String?
    var overlays: [String]
    var refRoot: String?
    /// The runtime module the client imports; nil: the runtime's files go into `output` (self-contained).
    var runtimeModule: String?
    /// The part of the spec to generate (empty: all).
    var filter: DocumentFilter = DocumentFilter()
    /// This job writes the runtime module's files into `output` instead of generating a client.
    var writesRuntime = false

    /// The job that writes the runtime module `module` into `output`.
    static func runtime(output: String, module: String) -> PlannedJob {
        PlannedJob(spec: "", output: output, module: module, access: .public, templates: nil, overlays: [],
                   refRoot: nil, runtimeModule: nil, writesRuntime: true)
    }
}

/// Prints to stdout/stderr; diagnostics go to stderr in `file:line:column: severity: message` form.
struct Console {
    var quiet: Bool
    func info(_ text: String) { if !quiet { print(text) } }
    func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    func diagnostic(_ diagnostic: Diagnostic) { error(diagnostic.description) }
}
