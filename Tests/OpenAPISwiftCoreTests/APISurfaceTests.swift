import ClientModel
import Foundation
@testable import OpenAPISwiftCore
import SpecParser
import Testing
import TestSupport

/// The surface `diff` compares is the generated code's: every declaration it lists is declared, as listed, in the
/// files `generate` writes for the same spec (repository specs and feature fixtures).
@Suite struct APISurfaceTests {
    struct Input: Sendable, CustomTestStringConvertible {
        var path: String
        var module: String
        var overlays: [String] = []
        var testDescription: String { path }
    }

    static var inputs: [Input] {
        let configured = ((try? loadConfiguration())?.clients ?? []).map {
            Input(path: $0.spec, module: $0.module, overlays: $0.overlays)
        }
        return configured + FeatureFixture.all.map {
            Input(path: "\(FeatureFixtureTests.folder)/\($0.path)", module: $0.module)
        }
    }

    @Test(arguments: inputs) func everyDeclarationIsGenerated(_ input: Input) throws {
        let data = try Data(contentsOf: Repository.root.appendingPathComponent(input.path))
        let overlays = try input.overlays.map {
            SpecInput(path: $0, data: try Data(contentsOf: Repository.root.appendingPathComponent($0)))
        }
        let job = GenerationJob(spec: SpecInput(path: input.path, data: data),
                                options: ModelOptions(moduleName: input.module), overlays: overlays)
        let loader = RepositoryLoader(specFolder: (input.path as NSString).deletingLastPathComponent)
        let api = try #require(Generator.model(job, loader: loader).api)
        let source = Generator.generate(job, loader: loader).files.map(\.contents).joined(separator: "\n")
        let surface = APISurface(api)
        #expect(surface.declarations.count > 3)
        for declaration in surface.declarations.values.sorted(by: { $0.key < $1.key }) {
            for snippet in Self.snippets(declaration, client: api.clientName) {
                #expect(source.contains(snippet), "\(declaration.path): no `\(snippet)` in the generated code")
            }
        }
    }

    /// OAuth 2.0 client-credentials factories and a basic credential, which no repository spec or fixture has.
    @Test func credentialFactoriesAreGenerated() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Pets, version: "1"}
            servers: [{url: "https://pets.example.com"}]
            paths:
              /pets:
                get:
                  operationId: listPets
                  security: [{OAuth: [read]}, {Basic: []}]
                  responses:
                    "204": {description: Done.}
            components:
              securitySchemes:
                OAuth:
                  type: oauth2
                  flows: {clientCredentials: {tokenUrl: "https://pets.example.com/token", scopes: {read: Read.}}}
                Basic: {type: http, scheme: basic}
            """
        let job = GenerationJob(spec: SpecInput(path: "pets.yaml", data: Data(spec.utf8)),
                                options: ModelOptions(moduleName: "Pets"))
        let api = try #require(Generator.model(job, loader: InMemorySpecLoader()).api)
        let source = Generator.generate(job, loader: InMemorySpecLoader()).files.map(\.contents)
            .joined(separator: "\n")
        let surface = APISurface(api)
        let factory = try #require(surface.declarations["PetsClient.Credentials.clientCredentials"])
        #expect(factory.path == "PetsClient.Credentials.clientCredentials(clientID:clientSecret:scopes:transport:)")
        #expect(surface.declarations["PetsClient.Credentials.basic"]?.type
                == "(username: Swift.String, password: Swift.String)?")
        for declaration in surface.declarations.values {
            for snippet in Self.snippets(declaration, client: api.clientName) {
                #expect(source.contains(snippet), "\(declaration.path): no `\(snippet)` in the generated code")
            }
        }
    }

    /// Text the generated code must contain for `declaration`.
    static func snippets(_ declaration: SurfaceDeclaration, client: String) -> [String] {
        let local = NameSanitizer.escaped(String(declaration.key.split(separator: ".").last ?? ""))
        let arguments = (declaration.arguments ?? []).map(\.declaration)
        switch declaration.kind {
        case .struct: return ["struct \(local)"]
        case .enum: return ["enum \(local)"]
        case .typealias: return ["typealias \(local) = \(declaration.type ?? "")"]
        case .property: return ["var \(local): \(declaration.type ?? "")"]
        case .case: return ["case \(local)" + (declaration.type.map { "(\($0))" } ?? "")]
        case .operation:
            let list = (arguments + ["options: RequestOptions = .init()"]).joined(separator: ", ")
            let returns = declaration.type == "Void" ? "" : " -> \(declaration.type ?? "")"
            return ["func \(local)(\(list)) async throws\(returns)"]
        case .method:
            // Credentials factories: the arguments without a default (the default scopes are the flow's).
            let required = (declaration.arguments ?? []).filter { $0.defaultValue == nil }.map(\.declaration)
            return ["func \(local)(\(required.joined(separator: ", ")), "]
        case .initializer:
            // The client's initializers list their spec-driven arguments, on a line of their own.
            if declaration.parent == client {
                return arguments.isEmpty ? ["init("] : ["        \(arguments.joined(separator: ", ")),\n"]
            }
            return ["init(\(arguments.joined(separator: ", ")))"]
        }
    }
}
