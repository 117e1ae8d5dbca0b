import Foundation
import SpecParser
import Testing
@testable import ClientModel

/// Parses a YAML snippet (a full document) and builds the IR. Parser errors fail the test.
func buildIR(_ yaml: String, module: String = "Petstore", sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> APIDecl {
    let input = SpecInput(path: "spec.yaml", data: Data(yaml.utf8))
    let result = DocumentParser.parse(input, loader: InMemorySpecLoader())
    #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)", sourceLocation: sourceLocation)
    guard let document = result.document else {
        Issue.record("no document", sourceLocation: sourceLocation)
        return ModelBuilder.build(emptyDocument(), options: ModelOptions(moduleName: module), specPath: "spec.yaml")
    }
    return ModelBuilder.build(document, options: ModelOptions(moduleName: module), specPath: "spec.yaml")
}

/// A document with only `components.schemas` (YAML, indented by the caller at 4 spaces).
func schemasSpec(_ schemas: String) -> String {
    """
    openapi: 3.1.0
    info: {title: T, version: "1"}
    servers: [{url: "https://api.example.com"}]
    paths: {}
    components:
      schemas:
    \(schemas)
    """
}

extension APIDecl {
    /// The declaration with this Swift name (`A`, `A.B`), searched through nested types.
    func type(_ swift: String) -> TypeDecl? {
        func find(_ decls: [TypeDecl]) -> TypeDecl? {
            for decl in decls {
                if decl.name.swift == swift { return decl }
                if let found = find(decl.nested) { return found }
            }
            return nil
        }
        return find(types)
    }

    func operation(_ name: String) -> OperationDecl? { operations.first { $0.name == name } }
    var warningMessages: [String] { diagnostics.filter { $0.severity == .warning }.map(\.message) }
}

extension TypeDecl {
    var structDecl: StructDecl? { if case .struct(let value) = kind { value } else { nil } }
    var enumDecl: EnumDecl? { if case .enum(let value) = kind { value } else { nil } }
    var unionDecl: UnionDecl? { if case .union(let value) = kind { value } else { nil } }
    var aliasTarget: TypeRef? { if case .alias(let value) = kind { value } else { nil } }
    func property(_ jsonName: String) -> PropertyDecl? {
        structDecl?.properties.first { $0.identifier.wireName == jsonName }
    }
}
