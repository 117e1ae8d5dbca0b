import Foundation
import Testing
@testable import ClientModel
@testable import TemplateEmitter

// MARK: - Shared helpers

enum Support {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Templates").path),
               FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("repository root not found from \(#filePath)")
    }()

    static var templatesDirectory: URL { repositoryRoot.appendingPathComponent("Templates") }

    /// Emits `api` with the key check on, failing the test on any key a template uses that no context provides.
    static func emit(_ api: APIDecl, overrides: [String: String] = [:]) throws -> [EmittedFile] {
        let recorder = KeyRecorder()
        let emitter = try TemplateEmitter(overrides: overrides, recorder: recorder)
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
    static func typecheck(_ dir: URL, module: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", repositoryRoot.appendingPathComponent("scripts/typecheck-dir").path, dir.path]
        var environment = ProcessInfo.processInfo.environment
        environment["TYPECHECK_MODULE"] = module
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
