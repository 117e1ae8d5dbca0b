import ClientModel
import Foundation
import OpenAPISwiftCore
import SpecParser
import Testing
import TestSupport

/// `DocumentFilter` through `Generator.generate`: the kept operations and exactly what they reach (schemas through
/// every kind of `$ref`, parameter/header/request-body/response components, security schemes, the token operation),
/// a warning for each entry that selects nothing, and output that is deterministic and compiles warning-free.
/// `Tests/Fixtures/filter/shop.yaml` has six operations over a small graph of component schemas.
@Suite struct FilterTests {
    static let path = "Tests/Fixtures/filter/shop.yaml"
    typealias Entry = DocumentFilter.Entry

    static func model(_ entries: [Entry], skipDeprecated: Bool = false) throws -> APIDecl {
        let data = try Data(contentsOf: Repository.root.appendingPathComponent(path))
        let parsed = DocumentParser.parse(SpecInput(path: path, data: data), loader: InMemorySpecLoader())
        let document = try #require(parsed.document)
        let filter = DocumentFilter(entries: entries, skipDeprecated: skipDeprecated)
        return ModelBuilder.build(document, options: ModelOptions(moduleName: "Shop", filter: filter), specPath: path)
    }

    static func generate(_ entries: [Entry], skipDeprecated: Bool = false) throws -> GenerationResult {
        let data = try Data(contentsOf: Repository.root.appendingPathComponent(path))
        let filter = DocumentFilter(entries: entries, skipDeprecated: skipDeprecated)
        let job = GenerationJob(spec: SpecInput(path: path, data: data),
                                options: ModelOptions(moduleName: "Shop", filter: filter))
        return Generator.generate(job, loader: InMemorySpecLoader())
    }

    static func runtime(_ entries: [Entry]) throws -> String {
        let files = try generate(entries).files
        return files.first(where: { $0.path == "Runtime.swift" })?.contents ?? ""
    }

    static func types(_ api: APIDecl) -> [String] { api.types.map(\.name.swift) }
    static func operations(_ api: APIDecl) -> [String] { api.operations.map(\.operationID) }
    static func schemes(_ api: APIDecl) -> [String] { api.securitySchemes.map(\.key) }

    /// The token operation and its two schemas come with every operation that uses the bearer scheme.
    static let token = ["TokenRequest", "Token"]

    @Test func withoutAFilterEverythingIsGenerated() throws {
        let api = try Self.model([])
        #expect(Self.operations(api) == ["listPets", "getPet", "uploadPhoto", "createOrder", "deleteEverything",
                                         "authorize"])
        #expect(Self.types(api).contains("Unused") && Self.types(api).contains("PageSize"))
    }

    @Test func byOperationKeepsExactlyItsClosure() throws {
        let api = try Self.model([Entry(.operation, "getPet")])
        #expect(api.diagnostics.isEmpty, "\(api.diagnostics)")
        #expect(Self.operations(api) == ["getPet", "authorize"])
        #expect(Self.schemes(api) == ["bearerAuth"])
        // A header component's schema, a property, allOf, a nested property, array items, an error body.
        #expect(Self.types(api) == ["RateLimitValue", "Pet", "Owner", "Person", "Address", "Label", "NotFound"]
            + Self.token)
        #expect(!api.runtimeFeatures.contains(.multipart))
        #expect(api.runtimeFeatures.contains(.tokenProviders))
    }

    @Test func byTagFollowsRequestBodiesUnionsMappingsAndAdditionalProperties() throws {
        let api = try Self.model([Entry(.tag, "store")])
        #expect(api.diagnostics.isEmpty, "\(api.diagnostics)")
        #expect(Self.operations(api) == ["createOrder", "authorize"])
        // A request-body component, oneOf with a discriminator mapping, additionalProperties, prefixItems, and a
        // response component (Problem).
        #expect(Self.types(api) == ["Pet", "Owner", "Person", "Address", "Label", "Problem", "OrderRequest", "Item",
                                    "PetItem", "ToyItem", "Note", "Order", "LineNumber"] + Self.token)
        #expect(api.errorBodies.count == 1)
    }

    @Test func byPathKeepsTheRuntimePartsItsOperationsNeed() throws {
        let api = try Self.model([Entry(.path, "/pets/{id}/photo")])
        #expect(Self.operations(api) == ["uploadPhoto", "authorize"])
        #expect(Self.types(api) == Self.token + ["UploadPhotoRequest"])
        #expect(api.runtimeFeatures.contains(.multipart))
        let multipart = "// MARK: - Multipart\n"
        #expect(try Self.runtime([Entry(.path, "/pets/{id}/photo")]).contains(multipart))
        #expect(try !Self.runtime([Entry(.operation, "getPet")]).contains(multipart))
    }

    @Test func aSchemeWithoutATokenOperationKeepsNoTokenOperation() throws {
        let api = try Self.model([Entry(.operation, "deleteEverything")])
        #expect(Self.operations(api) == ["deleteEverything"])
        #expect(Self.schemes(api) == ["adminKey"])
        #expect(Self.types(api).isEmpty)
        #expect(!api.runtimeFeatures.contains(.tokenProviders))
    }

    @Test func includedSchemasComeWithTheSchemasTheyUse() throws {
        let api = try Self.model([Entry(.schema, "Unused")])
        #expect(Self.operations(api).isEmpty)
        #expect(Self.schemes(api).isEmpty)
        #expect(Self.types(api) == ["Unused", "UnusedChild"])
    }

    @Test func excludesAndDeprecatedRemoveOperations() throws {
        let api = try Self.model([Entry(.tag, "pets", exclude: true)], skipDeprecated: true)
        #expect(Self.operations(api) == ["createOrder", "authorize"])
        let kept = try Self.model([Entry(.tag, "pets"), Entry(.operation, "uploadPhoto", exclude: true)])
        #expect(Self.operations(kept) == ["listPets", "getPet", "authorize"])
        #expect(Self.types(kept).contains("PageSize"))  // listPets' parameter component
    }

    @Test func anEntryThatSelectsNothingIsAWarningNamingIt() throws {
        let location = SourceLocation(file: "openapi-swift.yaml", line: 7, column: 9)
        let api = try Self.model([
            Entry(.operation, "getPett", label: "filter.operations", location: location), Entry(.tag, "unused"),
            Entry(.path, "/pets/{id}"), Entry(.path, "/pet/{id}"), Entry(.path, "/legacy"), Entry(.schema, "Nope"),
            Entry(.operation, "gone", exclude: true),
        ])
        #expect(api.diagnostics.map(\.description) == [
            "openapi-swift.yaml:7:9: warning: filter.operations 'getPett' selects nothing: no operation has this "
                + "operationId; did you mean 'getPet'?",
            "warning: --include-tag 'unused' selects nothing: no operation has this tag",
            "warning: --include-path '/pet/{id}' selects nothing: the document has no such path; did you mean "
                + "'/pets/{id}'?",
            "warning: --include-path '/legacy' selects nothing: the path has no operations",
            "warning: --include-schema 'Nope' selects nothing: the document has no component schema of this name; "
                + "did you mean 'Note'?",
            "warning: --exclude-operation 'gone' selects nothing: no operation has this operationId",
        ])
        #expect(Self.operations(api) == ["getPet", "authorize"])
    }

    @Test func webhooksAreMatchedByOperationIDAndTagButNotByPath() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Hooks, version: "1"}
            servers: [{url: "https://hooks.example.com"}]
            paths:
              /pets: {get: {operationId: listPets, tags: [pets], responses: {"204": {description: None.}}}}
            webhooks:
              newPet:
                post:
                  operationId: petCreated
                  tags: [events]
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {pet: {$ref: "#/components/schemas/Pet"}}}
                  responses: {"200": {description: Received.}}
            components:
              schemas:
                Pet: {type: object, properties: {name: {type: string}}}
            """
        let document = try #require(DocumentParser.parse(SpecInput(path: "hooks.yaml", data: Data(spec.utf8)),
                                                     loader: InMemorySpecLoader()).document)
        func types(_ entries: [Entry]) -> [String] {
            let options = ModelOptions(moduleName: "Hooks", filter: DocumentFilter(entries: entries))
            return Self.types(ModelBuilder.build(document, options: options, specPath: "hooks.yaml"))
        }
        #expect(types([Entry(.operation, "petCreated")]) == ["Pet", "NewPetWebhookPayload"])
        #expect(types([Entry(.tag, "events")]) == ["Pet", "NewPetWebhookPayload"])
        #expect(types([Entry(.path, "/pets")]).isEmpty)
        #expect(types([Entry(.tag, "pets", exclude: true)]) == ["Pet", "NewPetWebhookPayload"])
    }

    @Test func filteredOutputIsDeterministicAndInDocumentOrder() throws {
        let forward = try Self.generate([Entry(.operation, "createOrder"), Entry(.operation, "getPet")])
        let backward = try Self.generate([Entry(.operation, "getPet"), Entry(.operation, "createOrder")])
        try #require(forward.succeeded)
        let again = try Self.generate([Entry(.operation, "createOrder"), Entry(.operation, "getPet")])
        #expect(forward.files.map(\.contents) == backward.files.map(\.contents))
        #expect(forward.files.map(\.contents) == again.files.map(\.contents))
    }

    @Test(arguments: [["getPet"], ["createOrder"], ["uploadPhoto", "listPets"], ["deleteEverything"]])
    func filteredOutputCompilesWithWarningsAsErrors(_ operations: [String]) async throws {
        let result = try Self.generate(operations.map { Entry(.operation, $0) })
        try #require(result.succeeded, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let run = try await FeatureFixtureTests.compileAndRun(result.files, module: "Shop", probe: nil)
        #expect(run.status == 0, "swiftc failed:\n\(run.output.prefix(4000))")
    }
}
