import Foundation
import SpecParser
import Testing

/// Swagger 2.0 read into the OpenAPI 3 model.
struct Swagger2Tests {
    static let spec = """
        swagger: '2.0'
        info: {title: T, version: '1'}
        host: api.example.com
        basePath: /v1
        schemes: [https, http]
        consumes: [application/json]
        produces: [application/json]
        securityDefinitions:
          basicAuth: {type: basic}
          key: {type: apiKey, name: X-Key, in: header}
          oauth: {type: oauth2, flow: application, tokenUrl: 'https://example.com/token', scopes: {read: Read}}
        paths:
          /pets:
            get:
              produces: [application/xml]
              parameters:
                - {name: tags, in: query, type: array, items: {type: string}, collectionFormat: multi}
                - {name: ids, in: query, type: array, items: {type: integer}}
              responses:
                200: {description: ok, schema: {type: array, items: {$ref: '#/definitions/Pet'}}}
            post:
              parameters:
                - {name: body, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
              responses:
                201: {description: created, headers: {X-Id: {type: integer}}}
          /upload:
            post:
              parameters:
                - {name: file, in: formData, type: file, required: true}
                - {name: note, in: formData, type: string}
              responses: {200: {description: ok}}
        definitions:
          Pet:
            type: object
            properties:
              name: {type: string, x-nullable: true}
              age: {type: integer, minimum: 0, exclusiveMinimum: true}
        """

    @Test func convertsToTheOpenAPI3Model() throws {
        let result = parse(Self.spec)
        let document = try #require(result.document, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty)
        #expect(document.servers.map(\.url) == ["https://api.example.com/v1", "http://api.example.com/v1"])
        #expect(document.components.schemas.map(\.name) == ["Pet"])
        #expect(document.referencedSchemas.first?.key == "spec.yaml#/definitions/Pet")
        #expect(document.referencedSchemas.first?.isComponent == true)
        let pet = try #require(document.components.schemas.first?.schema)
        #expect(pet.properties[0].schema.types == [.string, .null])
        #expect(pet.properties[1].schema.exclusiveMinimum == 0 && pet.properties[1].schema.minimum == nil)

        let get = document.paths[0].operations[0]
        #expect(get.parameters.map(\.name) == ["tags", "ids"])
        #expect(get.parameters[0].style == "form" && get.parameters[0].explode == true)
        #expect(get.parameters[1].style == "form" && get.parameters[1].explode == false)
        #expect(get.parameters[1].schema?.items?.types == [.integer])
        #expect(get.responses[0].content.map(\.mediaType) == ["application/xml"])
        #expect(get.responses[0].content[0].schema?.items?.ref?.key == "spec.yaml#/definitions/Pet")

        let post = document.paths[0].operations[1]
        #expect(post.parameters.isEmpty)
        #expect(post.requestBody?.required == true)
        #expect(post.requestBody?.content.map(\.mediaType) == ["application/json"])
        #expect(post.requestBody?.content[0].schema?.ref?.key == "spec.yaml#/definitions/Pet")
        #expect(post.responses[0].headers.first?.schema?.types == [.integer])

        let upload = document.paths[1].operations[0]
        #expect(upload.requestBody?.content.map(\.mediaType) == ["multipart/form-data"])
        #expect(upload.requestBody?.content[0].schema?.properties.map(\.name) == ["file", "note"])
        #expect(upload.requestBody?.content[0].schema?.required == ["file"])
        #expect(upload.requestBody?.content[0].schema?.properties[0].schema.format == "binary")

        let schemes = document.components.securitySchemes
        #expect(schemes.map(\.key) == ["basicAuth", "key", "oauth"])
        #expect(schemes[0].type == .http && schemes[0].scheme == "basic")
        #expect(schemes[1].location == .header && schemes[1].name == "X-Key")
        #expect(schemes[2].flows?.clientCredentials?.tokenURL == "https://example.com/token")
    }

    @Test func formFieldsWithoutFilesAreURLEncoded() throws {
        let result = parse("""
            swagger: '2.0'
            info: {title: T, version: '1'}
            paths:
              /login:
                post:
                  parameters: [{name: user, in: formData, type: string, required: true}]
                  responses: {200: {description: ok}}
            """)
        let body = try #require(result.document?.paths.first?.operations.first?.requestBody)
        #expect(body.content.map(\.mediaType) == ["application/x-www-form-urlencoded"])
        #expect(result.document?.servers.map(\.url) == ["/"])
    }
}
