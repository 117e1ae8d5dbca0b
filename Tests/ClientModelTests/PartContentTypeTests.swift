import Testing
@testable import ClientModel

/// A multipart part's Content-Type is decided by the model from its `encoding.contentType` list.
@Suite struct PartContentTypeTests {
    @Test func theFirstConcreteMediaTypeOfEachListIsKept() throws {
        let api = buildIR("""
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths:
          /upload:
            post:
              operationId: upload
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      properties:
                        file: {type: string, format: binary}
                        meta: {type: object}
                        any: {type: string, format: binary}
                        plain: {type: string}
                    encoding:
                      file: {contentType: "image/*, image/png , image/jpeg"}
                      meta: {contentType: application/json}
                      any: {contentType: "image/*"}
              responses: {"204": {description: ok}}
        """)
        let content = try #require(api.operation("upload")?.body?.contents.first)
        #expect(content.partContentTypes == [
            PartContentTypeDecl(property: "file", contentType: "image/png"),
            PartContentTypeDecl(property: "meta", contentType: "application/json"),
        ])
    }
}
