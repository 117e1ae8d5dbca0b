import ClientModel
import Foundation
@testable import OpenAPISwiftCore
import SpecParser
import Testing
import TestSupport

/// `APIDiffer` on the spec pairs in `Tests/Fixtures/diff/<case>/` (`old.yaml`, `new.yaml`, and `expected.txt`: the
/// exact report, which `DiffCommandLineTests` also checks through the binary), plus the rules' coverage.
@Suite struct APIDiffTests {
    static let folder = "Tests/Fixtures/diff"

    static var cases: [String] {
        let url = Repository.root.appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter {
            FileManager.default.fileExists(atPath: url.appendingPathComponent("\($0)/expected.txt").path)
        }.sorted()
    }

    /// The report of one fixture, with the specs named `old.yaml` and `new.yaml` as when run in its folder.
    static func diff(_ name: String, module: String = "Pets") throws -> APIDiffResult {
        let base = Repository.root.appendingPathComponent("\(folder)/\(name)")
        let old = try Data(contentsOf: base.appendingPathComponent("old.yaml"))
        let new = try Data(contentsOf: base.appendingPathComponent("new.yaml"))
        let options = ModelOptions(moduleName: module)
        return APIDiffer.diff(old: GenerationJob(spec: SpecInput(path: "old.yaml", data: old), options: options),
                              oldLoader: InMemorySpecLoader(),
                              new: GenerationJob(spec: SpecInput(path: "new.yaml", data: new), options: options),
                              newLoader: InMemorySpecLoader())
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: Repository.root.appendingPathComponent("\(folder)/\(name)/expected.txt"),
                   encoding: .utf8)
    }

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 12, "\(Self.cases)")
    }

    @Test(arguments: cases) func reportMatchesExpectation(_ name: String) throws {
        let result = try Self.diff(name)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let text = result.textLines().joined(separator: "\n") + "\n"
        #expect(text == (try Self.expected(name)))
        let breaks = text.contains("\nbreaking: ") || text.hasPrefix("breaking: ")
        #expect(result.exitStatus == (breaks ? 1 : 0))
    }

    /// Every rule of `ChangeRule` is exercised by some spec pair. (An argument whose optionality alone changes, which
    /// no generated signature has today, is covered by a unit test below.)
    @Test func everyRuleHasASpecPair() throws {
        var seen: Set<ChangeRule> = []
        for name in Self.cases { seen.formUnion(try Self.diff(name).changes.map(\.rule)) }
        #expect(Set(ChangeRule.allCases).subtracting(seen).isEmpty,
                "no fixture shows \(Set(ChangeRule.allCases).subtracting(seen).map(\.rawValue).sorted())")
    }

    @Test func rulesAreClassified() {
        let breaking = ChangeRule.allCases.filter { $0.severity == .breaking }.map(\.rawValue)
        #expect(breaking == ["removed", "caseAdded", "kindChanged", "typeChanged", "becameOptional",
                             "becameNonOptional", "returnTypeChanged", "argumentAdded", "argumentRemoved",
                             "argumentBecameRequired", "argumentTypeChanged", "argumentsReordered"])
        let additive = ChangeRule.allCases.filter { $0.severity == .additive }.map(\.rawValue)
        #expect(additive == ["added", "optionalArgumentAdded", "argumentBecameOptional"])
    }

    @Test func optionalityAloneIsATypeChange() {
        func argument(_ type: String) -> ArgumentDecl {
            ArgumentDecl(label: "_", name: "body", type: type, defaultValue: nil, sourceLocation: nil)
        }
        let changes = APIDiff.compareArguments([argument("Pet")], [argument("Pet?")], declaration: "C.op(_:)",
                                               fallback: nil)
        #expect(changes.map(\.line) == ["breaking: C.op(_:) — parameter 'body' changed type from Pet to Pet?"])
    }

    @Test func jsonReport() throws {
        let result = try Self.diff("parameters")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.json().utf8)) as? [String: Any])
        #expect(object["client"] as? String == "PetsClient")
        #expect(object["breaking"] as? Int == 4)
        #expect(object["additive"] as? Int == 2)
        let first = try #require((object["changes"] as? [[String: Any]])?.first)
        #expect(first["rule"] as? String == "argumentBecameRequired")
        #expect(first["severity"] as? String == "breaking")
        #expect(first["declaration"] as? String == "PetsClient.listPets(species:limit:page:sort:)")
        #expect(first["message"] as? String == "parameter 'limit' became required")
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["file"] as? String == "new.yaml")
        #expect(location["line"] as? Int == 9)
        #expect(location["column"] as? Int == 11)
        let quiet = try #require(
            try JSONSerialization.jsonObject(with: Data(result.json(breakingOnly: true).utf8)) as? [String: Any])
        #expect((quiet["changes"] as? [Any])?.count == 4)
    }

    @Test func specErrorsStopTheComparison() throws {
        let good = Data("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\n".utf8)
        let bad = Data("openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: [1, 2]\n".utf8)
        let options = ModelOptions(moduleName: "Pets")
        let result = APIDiffer.diff(old: GenerationJob(spec: SpecInput(path: "old.yaml", data: good), options: options),
                                    oldLoader: InMemorySpecLoader(),
                                    new: GenerationJob(spec: SpecInput(path: "new.yaml", data: bad), options: options),
                                    newLoader: InMemorySpecLoader())
        #expect(!result.succeeded)
        #expect(result.changes.isEmpty)
        #expect(result.exitStatus == 1)
        #expect(result.diagnostics.errors.first?.location?.description == "new.yaml:3:8")
    }
}
