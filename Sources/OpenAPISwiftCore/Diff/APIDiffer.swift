import ClientModel
import Foundation
import SpecParser

// MARK: - Two specs in, the changes of the generated API out (in memory; the CLI's `diff` prints them)

/// What `APIDiffer.diff` found.
public struct APIDiffResult: Sendable {
    /// Sorted: breaking first, then by declaration path and message. Empty when either spec has errors.
    public var changes: [APIChange]
    /// The old spec's diagnostics, then the new spec's, each sorted by location.
    public var diagnostics: [Diagnostic]
    /// The client type, e.g. `PetsClient`.
    public var clientName: String

    public var succeeded: Bool { !diagnostics.hasErrors }
    public var breakingCount: Int { changes.filter { $0.severity == .breaking }.count }
    public var additiveCount: Int { changes.count - breakingCount }
    /// `0` when nothing breaks, `1` when something does or a spec has errors.
    public var exitStatus: Int32 { succeeded && breakingCount == 0 ? 0 : 1 }
}

public enum APIDiffer {
    /// Models both specs exactly as `generate` does (`Generator.model`: overlays, options) and compares the public
    /// declarations of the two generated modules.
    public static func diff(old: GenerationJob, oldLoader: any SpecLoader, new: GenerationJob,
                            newLoader: any SpecLoader) -> APIDiffResult {
        let before = Generator.model(old, loader: oldLoader)
        let after = Generator.model(new, loader: newLoader)
        let diagnostics = Generator.ordered(before.diagnostics) + Generator.ordered(after.diagnostics)
        let clientName = after.api?.clientName ?? before.api?.clientName ?? ""
        guard let oldAPI = before.api, let newAPI = after.api, !diagnostics.hasErrors else {
            return APIDiffResult(changes: [], diagnostics: diagnostics, clientName: clientName)
        }
        let changes = APIDiff.changes(from: APISurface(oldAPI), to: APISurface(newAPI))
        return APIDiffResult(changes: changes, diagnostics: diagnostics, clientName: clientName)
    }
}

// MARK: - Reports

extension APIDiffResult {
    /// One line per change (only breaking ones when `breakingOnly`), then a summary line unless `breakingOnly`.
    public func textLines(breakingOnly: Bool = false) -> [String] {
        let shown = breakingOnly ? changes.filter { $0.severity == .breaking } : changes
        var lines = shown.map(\.line)
        if !breakingOnly { lines.append(summary) }
        return lines
    }

    /// `PetsClient: 1 breaking change, 2 additive changes`, or `PetsClient: no API changes`.
    public var summary: String {
        guard !changes.isEmpty else { return "\(clientName): no API changes" }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word) change\(n == 1 ? "" : "s")" }
        return "\(clientName): \(count(breakingCount, "breaking")), \(count(additiveCount, "additive"))"
    }

    /// The report as JSON (keys sorted, two-space indents), for tools:
    /// `{"additive": 1, "breaking": 1, "changes": [{"declaration", "location", "message", "rule", "severity"}], …}`.
    public func json(breakingOnly: Bool = false) -> String {
        struct Location: Encodable { var file: String, line: Int, column: Int }
        struct Change: Encodable {
            var severity: ChangeSeverity, rule: ChangeRule, declaration: String, message: String, location: Location?
        }
        struct Report: Encodable { var client: String, breaking: Int, additive: Int, changes: [Change] }
        let shown = breakingOnly ? changes.filter { $0.severity == .breaking } : changes
        let report = Report(client: clientName, breaking: breakingCount, additive: additiveCount, changes: shown.map {
            Change(severity: $0.severity, rule: $0.rule, declaration: $0.declaration, message: $0.message,
                   location: $0.location.map { Location(file: $0.file, line: $0.line, column: $0.column) })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
