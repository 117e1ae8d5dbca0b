import Foundation
import SpecParser
import Testing
@testable import ClientModel

@Suite struct SmokeTests {
    @Test func dumpsSeedSpecs() throws {
        for spec in ["accuauth.yaml", "apisathi.json"] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Specs/\(spec)")
            let data = try Data(contentsOf: url)
            let result = DocumentParser.parse(SpecInput(path: "Specs/\(spec)", data: data), loader: InMemorySpecLoader())
            guard let document = result.document else { Issue.record("\(result.diagnostics)"); continue }
            let api = ModelBuilder.build(document, options: ModelOptions(moduleName: "M"), specPath: spec)
            if ProcessInfo.processInfo.environment["DUMP_IR"] != nil { print(api.dump) }
        }
    }
}
