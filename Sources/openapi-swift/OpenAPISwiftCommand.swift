import ArgumentParser
import Foundation
import OpenAPISwiftCore

/// Exit codes: 0 success, 1 a spec (or config) problem or `--check` found differences, 2 a usage error.
enum ExitStatus {
    static let specProblem: Int32 = 1
    static let usage: Int32 = 2
}

@main
struct OpenAPISwiftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi-swift",
        abstract: "Generate typed, dependency-free Swift clients from OpenAPI documents.",
        version: OpenAPISwift.version,
        subcommands: [Generate.self, Diff.self],
        defaultSubcommand: Generate.self
    )

    /// ArgumentParser exits 64 on usage errors; this tool promises 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                self.exit(withError: error)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            if code == .validationFailure {
                let subcommand = CommandLine.arguments.dropFirst().first == "diff" ? "diff" : "generate"
                FileHandle.standardError.write(Data("Run 'openapi-swift \(subcommand) --help' for usage.\n".utf8))
                Foundation.exit(ExitStatus.usage)
            }
            Foundation.exit(code.rawValue == 0 ? 0 : ExitStatus.specProblem)
        }
    }
}
