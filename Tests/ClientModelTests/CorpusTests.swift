import Foundation
import SpecParser
import Testing
@testable import ClientModel

/// Builds every spec of the shared corpus twice (opt-in: `CLIENTMODEL_CORPUS=/path/to/corpus`): no trap, the same
/// dump both times, and every warning located. `CLIENTMODEL_CORPUS_REPORT=1` prints counts per spec.
@Suite struct CorpusTests {
    @Test func corpusBuildsDeterministically() throws {
        guard let root = ProcessInfo.processInfo.environment["CLIENTMODEL_CORPUS"] else { return }
        let manifest = try String(contentsOfFile: root + "/MANIFEST.tsv", encoding: .utf8)
        for line in manifest.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count > 2 else { continue }
            let path = root + "/" + fields[2]
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let started = Date()
            let result = DocumentParser.parse(SpecInput(path: path, data: data), loader: FileSystemSpecLoader(root: root))
            let parsed = Date()
            guard let document = result.document else {
                print("corpus \(fields[1]): parse failed \(result.diagnostics.errors.prefix(2))")
                continue
            }
            let first = ModelBuilder.build(document, options: ModelOptions(moduleName: "Corpus"), specPath: path)
            let built = Date()
            let second = ModelBuilder.build(document, options: ModelOptions(moduleName: "Corpus"), specPath: path)
            #expect(first.dump == second.dump, "\(fields[1]) is not deterministic")
            #expect(first.diagnostics.allSatisfy { $0.location != nil && $0.pointer != nil })
            if ProcessInfo.processInfo.environment["CLIENTMODEL_CORPUS_REPORT"] != nil {
                let parse = Int(parsed.timeIntervalSince(started) * 1000)
                let build = Int(built.timeIntervalSince(parsed) * 1000)
                print("corpus \(fields[1]): \(first.types.count) types, \(first.operations.count) ops, "
                      + "\(first.diagnostics.warnings.count) warnings; parse \(parse) ms, build \(build) ms")
                for warning in first.diagnostics.warnings.prefix(4) { print("    \(warning)") }
            }
        }
    }
}
