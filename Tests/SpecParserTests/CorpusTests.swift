import Foundation
import SpecParser
import Testing
import TestSupport

/// Every spec of the shared corpus (`../shared/corpus/MANIFEST.tsv`) parses without errors.
/// Skipped when the corpus is not beside the repository.
struct CorpusTests {
    static let corpus = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var entries: [String] {
        guard let manifest = try? String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        let rows = manifest.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let header = rows.first, let column = header.firstIndex(of: "entry_path") else { return [] }
        return rows.dropFirst().compactMap { $0.count > column ? String($0[column]) : nil }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path)), arguments: entries)
    func parsesWithoutErrors(_ entry: String) throws {
        let path = Self.corpus.appendingPathComponent(entry).path
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = DocumentParser.parse(SpecInput(path: path, data: data),
                                      loader: FileSystemSpecLoader(root: Self.corpus.path))
        #expect(errorText(result) == "", "\(entry)")
        #expect(result.document != nil)
    }
}
