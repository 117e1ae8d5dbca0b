import Foundation
import Testing
@testable import ClientModel
@testable import TemplateEmitter

/// A smoke check of rendering speed on a large module (3,000 types, 1,000 operations). Prints the time; the
/// bound is loose because debug builds are slow.
struct EmitPerformanceTests {
    @Test func largeModuleRendersQuickly() throws {
        var types: [TypeDecl] = []
        for i in 0..<3000 {
            let properties = (0..<10).map {
                IR.prop("field\($0)", json: "field_\($0)", .builtin(.string), required: $0 < 4, doc: ["Field \($0)."],
                        rules: $0 == 0 ? [.maxLength(40)] : [])
            }
            types.append(IR.structType(TypeName("Thing\(i)"), doc: ["Thing number \(i)."], properties))
        }
        let operations = (0..<1000).map { i in
            IR.operation("op\(i)", "POST", [.literal("/things/"), .parameter("id")], parameters: [
                IR.param("id", "id", .path, .builtin(.string), required: true),
                IR.param("limit", "limit", .query, .builtin(.int)),
            ], body: IR.body(.named(TypeName("Thing\(i)")), .json, "application/json"),
               responses: [IR.response(.code(200), .named(TypeName("Thing\(i)")), success: true)],
               success: .single(.named(TypeName("Thing\(i)"))))
        }
        let api = IR.api(module: "Large", types: types, operations: operations)
        let emitter = try SwiftEmitter()
        let clock = ContinuousClock()
        var files: [EmittedFile] = []
        let elapsed = try clock.measure { files = try emitter.emit(api) }
        let lines = files.reduce(0) { $0 + SourceFormatting.lineCount($1.contents) }
        print("emitted \(files.count) files, \(lines) lines in \(elapsed)")
        #expect(elapsed < .seconds(60))
    }
}
