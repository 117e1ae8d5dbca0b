import ArgumentParser
import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report how the generated API changes from OLD_SPEC to NEW_SPEC: breaking or additive.",
        // One line per paragraph: the argument parser wraps it to the terminal's width.
        discussion: """
            Models both specs as `generate` does (same options; overlays and filter applied to both) and \
            compares the public declarations of the two generated clients: operations and their parameters and \
            return types, types, properties, enum and union cases, credentials. Writes nothing. Without --module, \
            NEW_SPEC's entry in the configuration file supplies the module, access level, overlays and filter.

            Exit status: 0 nothing breaks; 1 something breaks, or a spec has errors; 2 a usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The spec the checked-in client was generated from.")
    var oldSpec: String

    @Argument(help: "The new version of the spec.")
    var newSpec: String

    @Option(name: .shortAndLong, help: "Swift module name (the client type is <NAME>Client).")
    var module: String?

    @Option(help: "Access level of the generated API: public (default), package or internal.")
    var access: String?

    @Option(name: .customLong("overlay"), help: ArgumentHelp(
        "An OpenAPI Overlay file applied to both specs before parsing (repeatable; applied in order).",
        valueName: "file"))
    var overlays: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "The folder that $ref'ed files must lie in.",
        discussion: "Default: the working directory when a spec is inside it, else the folder above the spec's."))
    var refRoot: String?

    @Option(name: .long, help: "The configuration file to find NEW_SPEC's module in when --module is not given.")
    var config: String = "openapi-swift.yaml"

    @OptionGroup(title: "Filter (applied to both specs)")
    var filterOptions: FilterOptions

    @Option(help: "Output format: text (one line per change and a summary) or json.")
    var format: Format = .text

    @Flag(name: .shortAndLong, help: "Print only breaking changes and errors.")
    var quiet = false

    func validate() throws {
        if let access, AccessLevel(rawValue: access) == nil {
            throw ValidationError("--access must be public, package or internal, not '\(access)'")
        }
        if let module, let problem = PathSafety.moduleNameProblem(module) {
            throw ValidationError("--module: \(problem)")
        }
    }

    func run() throws {
        let console = Console(quiet: quiet)
        let settings = try resolveSettings(console: console)
        guard let old = SpecFiles.read(oldSpec, what: "spec", console: console),
              let new = SpecFiles.read(newSpec, what: "spec", console: console),
              let overlayInputs = SpecFiles.readOverlays(settings.overlays, console: console) else {
            throw ExitCode(ExitStatus.specProblem)
        }
        let options = ModelOptions(moduleName: settings.module, accessLevel: settings.access, filter: settings.filter)
        let result = APIDiffer.diff(
            old: GenerationJob(spec: old, options: options, overlays: overlayInputs),
            oldLoader: SpecFiles.loader(forSpec: oldSpec, refRoot: refRoot),
            new: GenerationJob(spec: new, options: options, overlays: overlayInputs),
            newLoader: SpecFiles.loader(forSpec: newSpec, refRoot: refRoot))
        for diagnostic in result.diagnostics where diagnostic.severity == .error || !quiet {
            console.diagnostic(diagnostic)
        }
        guard result.succeeded else {
            let count = result.diagnostics.errors.count
            console.error("diff: \(count) error\(count == 1 ? "" : "s") in the specs; nothing was compared")
            throw ExitCode(ExitStatus.specProblem)
        }
        switch format {
        case .text: result.textLines(breakingOnly: quiet).forEach { print($0) }
        case .json: print(result.json(breakingOnly: quiet))
        }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }

    /// Module, access level, overlays and filter: from the command line, else from NEW_SPEC's entry in the
    /// configuration (each option given on the command line wins over the entry's).
    private func resolveSettings(console: Console) throws -> Settings {
        let access = self.access.flatMap(AccessLevel.init(rawValue:))
        let filter = filterOptions.filter
        if let module { return Settings(module: module, access: access ?? .public, overlays: overlays, filter: filter) }
        guard let data = FileManager.default.contents(atPath: config) else {
            throw usage("--module is required (there is no \(config) to find NEW_SPEC's client in)")
        }
        let (configuration, diagnostics) = ConfigurationParser.parse(data, path: config)
        diagnostics.forEach { console.diagnostic($0) }
        guard let configuration else { throw ExitCode(ExitStatus.specProblem) }
        let base = (config as NSString).deletingLastPathComponent
        func resolve(_ path: String) -> String { base.isEmpty ? path : (base as NSString).appendingPathComponent(path) }
        let wanted = Self.absolute(newSpec)
        guard let entry = configuration.clients.first(where: { Self.absolute(resolve($0.spec)) == wanted }) else {
            throw usage("--module is required: \(config) lists no client whose spec is \(newSpec)")
        }
        return Settings(module: entry.module, access: access ?? entry.access,
                        overlays: overlays.isEmpty ? entry.overlays.map(resolve) : overlays,
                        filter: filter.isEmpty ? entry.filter : filter)
    }

    private struct Settings {
        var module: String
        var access: AccessLevel
        var overlays: [String]
        var filter: DocumentFilter
    }

    /// Prints a usage error found while running (exit status 2, like ArgumentParser's own).
    private func usage(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(message)\nRun 'openapi-swift diff --help' for usage.\n".utf8))
        return ExitCode(ExitStatus.usage)
    }

    private static func absolute(_ path: String) -> String {
        PathSafety.normalize(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }
}
