import Foundation
import Testing
@testable import ClientModel
@testable import TemplateEmitter

/// The emitted files, runtime included, type-check as one module in Swift 6 mode with warnings as errors.
@Suite(.serialized)
struct GeneratedCodeCompilesTests {
    @Test(arguments: [("Petstore", SampleAPI.api), ("Keyed", SampleAPI.apiKeyOnly), ("Bare", SampleAPI.bare)])
    func typechecks(module: String, api: APIDecl) async throws {
        let files = try Support.emit(api)
        let dir = try Support.write(files, name: module)
        let (status, output) = try await Support.typecheck(dir, module: module)
        #expect(status == 0, "swiftc -typecheck failed for \(dir.path):\n\(output)")
    }
}
