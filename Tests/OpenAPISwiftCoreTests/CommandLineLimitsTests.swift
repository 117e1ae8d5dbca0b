import Foundation
import Testing
import TestSupport

/// Very large specs through the real CLI (docs/RELIABILITY.md, "Resource limits"): a 50 MB document generates in
/// bounded memory; one over the parser's 64 MB limit is refused before it is read.
@Suite struct CommandLineLimitsTests {
    let cli = CommandLineTests()

    /// A valid spec of at least `bytes` bytes: one operation and an `info.description` of plain text.
    static func hugeSpec(bytes: Int) -> Data {
        let head = "openapi: 3.1.0\ninfo:\n  title: Huge\n  version: \"1.0\"\n  description: \""
        let tail = "\"\nservers: [{url: \"https://huge.example.com\"}]\npaths:\n  /pets:\n    get:\n"
            + "      operationId: listPets\n      responses:\n        \"200\": {description: ok}\n"
        let sentence = Array("All work and no play makes Jack a dull boy. ".utf8)
        var data = Data(head.utf8)
        data.reserveCapacity(bytes + 200)
        while data.count < bytes - tail.utf8.count { data.append(contentsOf: sentence) }
        data.append(contentsOf: tail.utf8)
        return data
    }

    /// Runs the CLI under `/usr/bin/time -f '%M %e'`: (status, stderr, peak RSS in MB, seconds).
    func measured(_ arguments: [String], in folder: URL) async throws
        -> (status: Int32, stderr: String, megabytes: Int, seconds: Double) {
        let binary = try #require(CommandLineTests.binary, "build the openapi-swift executable first")
        let result = try await ChildProcess.run("/usr/bin/time", ["-f", "peak-kb=%M seconds=%e",
                                                binary.path] + arguments,
                                                in: folder)
        let stderr = result.stderr
        let kilobytes = stderr.firstMatch(of: /peak-kb=(\d+)/).flatMap { Int($0.1) } ?? -1
        let seconds = stderr.firstMatch(of: /seconds=([\d.]+)/).flatMap { Double($0.1) } ?? -1
        return (result.status, stderr, kilobytes / 1024, seconds)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"))
    func fiftyMegabyteSpecGeneratesInBoundedMemory() async throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = Self.hugeSpec(bytes: 50 << 20)
        try spec.write(to: folder.appendingPathComponent("huge.yaml"))
        let run = try await measured(["generate", "huge.yaml", "-o", "Out", "-m", "Huge"], in: folder)
        #expect(run.status == 0, "\(run.stderr.prefix(2000))")
        // Measured: ~380 MB peak in a debug build, i.e. about 7× the input. A regression to a copy per stage
        // would pass 1 GB.
        #expect(run.megabytes > 0 && run.megabytes < 1024, "peak RSS \(run.megabytes) MB for a 50 MB spec")
        let client = try FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent("Out/Client.swift").path)[.size] as? Int ?? 0
        #expect(client > 50 << 20, "the description is in Client.swift's documentation")
        print("50 MB spec: \(run.seconds) s, peak RSS \(run.megabytes) MB")
    }

    /// Over the limit the CLI refuses before reading: a sparse 65 MB file costs no memory to refuse.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"))
    func specOverTheLimitIsRefusedBeforeReading() async throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.yaml")
        try Data("openapi: 3.1.0\n".utf8).write(to: path)
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let run = try await measured(["generate", "huge.yaml", "-o", "Out", "-m", "Huge"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("huge.yaml:1:1: error: the file is 68157440 bytes; files over 67108864 bytes "
                                    + "are refused"), "\(run.stderr)")
        #expect(run.megabytes < 64, "peak RSS \(run.megabytes) MB to refuse a 65 MB file")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }
}
