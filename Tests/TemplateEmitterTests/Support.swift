import Foundation
import Testing
@testable import ClientModel
@testable import TemplateEmitter
import TestSupport

// MARK: - Shared helpers

enum Support {

    static var templatesDirectory: URL { Repository.root.appendingPathComponent("Templates") }

    /// Emits `api` with the key check on, failing the test on any key a template uses that no context provides.
    static func emit(_ api: APIDecl, overrides: [String: String] = [:]) throws -> [EmittedFile] {
        let recorder = KeyRecorder()
        let emitter = try SwiftEmitter(overrides: overrides, recorder: recorder)
        let files = try emitter.emit(api)
        #expect(recorder.unresolvedKeys == [], "template keys no context provides")
        return files
    }

    static func file(_ files: [EmittedFile], _ path: String) -> String {
        guard let file = files.first(where: { $0.path == path }) else {
            Issue.record("no \(path) among \(files.map(\.path))")
            return ""
        }
        return file.contents
    }

    /// Writes `files` into a fresh temporary folder and returns it.
    static func write(_ files: [EmittedFile], name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("template-emitter-tests-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent(name)
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for file in files {
            try file.contents.write(to: dir.appendingPathComponent(file.path), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Runs `scripts/typecheck-dir` on `dir`; returns the exit status and the compiler's output.
    static func typecheck(_ dir: URL, module: String) async throws -> (status: Int32, output: String) {
        let result = try await ChildProcess.run(
            "bash", [Repository.root.appendingPathComponent("scripts/typecheck-dir").path, dir.path],
            environment: ["TYPECHECK_MODULE": module], mergingStandardError: true)
        return (result.status, result.output)
    }
}
