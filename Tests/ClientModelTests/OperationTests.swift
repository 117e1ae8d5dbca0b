import Testing
@testable import ClientModel

private func spec(_ paths: String, extra: String = "") -> String {
    """
    openapi: 3.1.0
    info: {title: T, version: "1"}
    servers: [{url: "https://api.example.com/v1"}]
    paths:
    \(paths)
    \(extra)
    """
}

@Suite struct OperationTests {
    @Test func namesWithoutOperationIDComeFromMethodAndPath() throws {
        let api = buildIR(spec("""
          /pets/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {"204": {description: ok}}
          /pets:
            get:
              responses: {"204": {description: ok}}
            post:
              operationId: getPets
              responses: {"204": {description: ok}}
          /x:
            get:
              operationId: getPetsByIDWithResponse
              responses: {"204": {description: ok}}
            put:
              operationId: init
              responses: {"204": {description: ok}}
            post:
              operationId: options
              responses: {"204": {description: ok}}
        """))
        #expect(api.operations.map(\.name) == ["getPetsByID", "getPets", "getPets2", "getPetsByIDWithResponse2",
                                               "initOperation", "options2"])
        #expect(api.operations.first?.operationID == "GET /pets/{id}")
        #expect(api.operations.first?.pathComponents == [.literal("/pets/"), .parameter("id")])
    }

    @Test func parametersAreOrderedNamedAndDefaulted() throws {
        let api = buildIR(spec("""
          /users/{user_id}/items/{item-id}:
            post:
              operationId: update_item
              parameters:
                - {name: verbose, in: query, schema: {type: boolean}}
                - {name: item-id, in: path, required: true, schema: {type: integer}}
                - {name: X-Request-Id, in: header, required: true, schema: {type: string, format: uuid}}
                - {name: user_id, in: path, required: true, schema: {type: string}}
                - {name: body, in: query, schema: {type: string}}
                - {name: user_id, in: query, schema: {type: string}}
                - {name: Accept, in: header, schema: {type: string}}
                - {name: Idempotency-Key, in: header, schema: {type: string}}
                - {name: session, in: cookie, schema: {type: string}}
                - {name: status, in: query, schema: {type: string, enum: [a, b]}}
                - {name: ghost, in: path, required: true, schema: {type: string}}
              requestBody:
                content:
                  application/json: {schema: {type: object, properties: {a: {type: string}}}}
              responses: {"204": {description: ok}}
        """))
        let operation = try #require(api.operation("updateItem"))
        #expect(operation.parameters.map(\.identifier.swiftName) ==
                ["userID", "itemID", "xRequestID", "verbose", "bodyQuery",
                                                     "userIDQuery", "idempotencyKey", "session", "status"])
        #expect(operation.parameters.map(\.type.swift) == ["String", "Int", "UUID", "Bool?", "String?", "String?",
                                                           "String?", "String?", "UpdateItemStatus?"])
        #expect(operation.parameters.map(\.style) == ["simple", "simple", "simple", "form", "form", "form", "simple",
                                                      "form", "form"])
        #expect(operation.parameters.map(\.explode) == [false, false, false, true, true, true, false, true, true])
        #expect(operation.pathComponents == [.literal("/users/"), .parameter("userID"), .literal("/items/"),
                                             .parameter("itemID")])
        #expect(operation.idempotencyKeyParameter == "idempotencyKey")
        // `requestBody.required` is absent: an optional body.
        #expect(operation.body?.type.swift == "UpdateItemRequest?")
        #expect(api.warningMessages.contains { $0.contains("'Accept' is controlled by the client") })
        #expect(api.warningMessages.contains { $0.contains("'ghost' is not in the path template") })
    }

    @Test func undeclaredTemplateParametersAreSynthesized() throws {
        let api = buildIR(spec("""
          /files/{name}.{ext}:
            get:
              operationId: getFile
              responses:
                "200":
                  description: ok
                  content: {application/pdf: {}}
        """))
        let operation = try #require(api.operation("getFile"))
        #expect(operation.parameters.map(\.identifier.swiftName) == ["name", "ext"])
        #expect(operation.parameters.allSatisfy { $0.isRequired && $0.type == .builtin(.string) })
        #expect(operation.pathComponents == [.literal("/files/"), .parameter("name"), .literal("."),
                                             .parameter("ext")])
        #expect(operation.responses.first?.type == .builtin(.binary))
        #expect(api.warningMessages.filter { $0.contains("is not declared") }.count == 2)
    }

    @Test func requestBodiesByContentType() throws {
        let api = buildIR(spec("""
          /a:
            post:
              operationId: upload
              requestBody:
                required: true
                content:
                  application/json: {schema: {$ref: "#/components/schemas/Doc"}}
                  application/x-www-form-urlencoded: {schema: {$ref: "#/components/schemas/Doc"}}
              responses: {"204": {description: ok}}
          /b:
            post:
              operationId: send
              requestBody:
                content:
                  application/json: {schema: {$ref: "#/components/schemas/Doc"}}
                  application/octet-stream: {}
                  text/plain: {schema: {type: string}}
                  multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}
              responses: {"204": {description: ok}}
        """, extra: """
        components:
          schemas:
            Doc: {type: object, properties: {x: {type: string}}}
        """))
        let upload = try #require(api.operation("upload")?.body)
        #expect(!upload.isPerContentEnum)
        #expect(upload.type.swift == "Doc")
        #expect(upload.contents.map(\.encoding) == [.json, .formURLEncoded])
        let send = try #require(api.operation("send")?.body)
        #expect(send.isPerContentEnum)
        #expect(send.type.swift == "SendBody?")
        #expect(send.contents.map(\.caseName) == ["json", "binary", "text", "multipart"])
        #expect(send.contents.map(\.type.swift) == ["Doc", "Foundation.Data", "String", "SendRequest"])
    }

    @Test func responsesSuccessAndErrors() throws {
        let api = buildIR(spec("""
          /a:
            post:
              operationId: create_pet
              responses:
                "200":
                  description: ok
                  headers:
                    X-Rate-Limit: {schema: {type: integer}, required: true}
                  content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}
                "201":
                  description: created
                  content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
                "204": {description: empty}
                "4XX":
                  description: client
                  content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}
                "512":
                  description: down
                  x-openapi-swift-retryable: true
                  content: {application/json: {schema: {$ref: "#/components/schemas/Problem"}}}
                default:
                  description: other
                  content: {text/plain: {schema: {type: string}}}
          /b:
            get:
              operationId: only_default
              responses:
                default:
                  description: any
                  content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}
        """, extra: """
        components:
          schemas:
            Pet: {type: object, properties: {request_id: {type: string}}}
            Problem:
              type: object
              properties:
                error: {type: object, properties: {call_id: {type: string}}}
        """))
        let create = try #require(api.operation("createPet"))
        #expect(create.responses.map(\.isSuccess) == [true, true, true, false, false, false])
        #expect(create.responses.first?.type?.swift == "CreatePetResponse")
        #expect(create.responses.first?.headers.map(\.identifier.swiftName) == ["xRateLimit"])
        #expect(create.responses.first?.headers.first?.type == .builtin(.int))
        #expect(create.retryableStatuses == [512])
        guard case .perStatus(let name, let cases) = create.success else {
            Issue.record("expected perStatus, got \(create.success)")
            return
        }
        #expect(name.swift == "CreatePetSuccess")
        #expect(cases.map(\.name) == ["ok", "created", "noContent"])
        let only = try #require(api.operation("onlyDefault"))
        #expect(only.responses.first?.isSuccess == true)
        guard case .single(let type) = only.success else { Issue.record("expected single"); return }
        #expect(type.swift == "Pet")
        #expect(api.errorBodies.map(\.caseName) == ["problem", "string"])
        #expect(api.requestIDFields == ["request_id", "error.call_id"])
    }

    @Test func requestIDExtensionWins() {
        let api = buildIR("""
        openapi: 3.1.0
        info: {title: T, version: "1"}
        x-openapi-swift-request-id: [trace, request_id]
        paths: {}
        """)
        #expect(api.requestIDFields == ["trace", "request_id"])
    }

    @Test func serversUseDefaultsAndWarn() {
        let api = buildIR("""
        openapi: 3.1.0
        info: {title: T, version: "1"}
        servers:
          - url: "https://{region}.example.com/{v}"
            variables:
              region: {default: eu}
              v: {default: v2}
          - url: "http://plain.example.com"
          - url: /relative
        paths: {}
        """)
        #expect(api.servers.map(\.url) == ["https://eu.example.com/v2", "http://plain.example.com", "/relative"])
        #expect(api.warningMessages.contains { $0.contains("clear text") })
        let none = buildIR("openapi: 3.1.0\ninfo: {title: T, version: \"1\"}\npaths: {}\n")
        #expect(none.servers.map(\.url) == ["/"])
    }

    @Test func callbacksAreNamedInAWarningAndLinksInANote() {
        let api = buildIR(spec("""
          /subscribe:
            post:
              operationId: subscribe
              callbacks:
                onEvent:
                  "{$request.body#/url}":
                    post: {responses: {"200": {description: ok}}}
              responses:
                "201":
                  description: ok
                  links:
                    unsubscribe: {operationId: subscribe}
        """))
        #expect(api.warningMessages.contains { $0.contains("callbacks are not generated ('onEvent'") })
        #expect(api.diagnostics.contains { $0.severity == .note && $0.message.contains("unsubscribe") })
    }

    @Test func constWithoutTypeIsTyped() throws {
        let api = buildIR(spec("""
          /a:
            get:
              operationId: a
              parameters:
                - {name: kind, in: query, required: true, schema: {const: fixed}}
              responses: {"204": {description: ok}}
        """))
        let parameter = try #require(api.operation("a")?.parameters.first)
        #expect(parameter.type == .builtin(.string))
        #expect(parameter.validation == [.allowedValues(["fixed"])])
    }

    /// 3.2 `in: querystring`: the content's media type decides how the value becomes the whole query string.
    @Test func queryStringContentDecidesTheEncoding() throws {
        let api = buildIR("""
            openapi: 3.2.0
            info: {title: T, version: "1"}
            servers: [{url: "https://api.example.com"}]
            paths:
              /a:
                get:
                  operationId: form
                  parameters: [{name: q, in: querystring, schema: {type: object, properties: {x: {type: string}}}}]
                  responses: {"204": {description: ok}}
              /b:
                get:
                  operationId: json
                  parameters:
                    - {name: q, in: querystring, required: true, content: {application/json: {schema: {type: object}}}}
                  responses: {"204": {description: ok}}
              /c:
                get:
                  operationId: text
                  parameters: [{name: q, in: querystring, content: {text/plain: {schema: {type: integer}}}}]
                  responses: {"204": {description: ok}}
              /d:
                get:
                  operationId: csv
                  parameters: [{name: q, in: querystring, content: {text/csv: {schema: {type: string}}}}]
                  responses: {"204": {description: ok}}
            """)
        let parameters = api.operations.map { $0.parameters.first }
        #expect(parameters.map { $0?.location } == [.querystring, .querystring, .querystring, nil])
        #expect(parameters.map { $0?.queryStringEncoding } == [.formURLEncoded, .json, .text, nil])
        #expect(parameters[1]?.type.swift == "[String: JSONValue]")
        #expect(parameters[2]?.type.swift == "Int?")
        #expect(api.diagnostics.map(\.message) == ["querystring parameter 'q' uses content 'text/csv'; only "
            + "application/x-www-form-urlencoded (an object), JSON and text/plain are generated; it is not generated"])
    }

    /// A form body's `encoding`: style/explode/allowReserved win over contentType; JSON contentType is applied.
    @Test func formEncodingEntriesBecomeFormFields() throws {
        let api = buildIR(spec("""
          /f:
            post:
              operationId: send
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties: {a: {type: array, items: {type: string}}, b: {type: object}, c: {type: string}}
                    encoding:
                      a: {style: pipeDelimited, contentType: application/json}
                      b: {contentType: "text/plain, application/json"}
                      c: {explode: false}
              responses: {"204": {description: ok}}
        """))
        let fields = api.operations.first?.body?.contents.first?.formFields ?? []
        #expect(fields == [
            FormFieldDecl(property: "a", serialization: .style("pipeDelimited", explode: false, allowReserved: false)),
            FormFieldDecl(property: "b", serialization: .json),
            FormFieldDecl(property: "c", serialization: .style("form", explode: false, allowReserved: false)),
        ])
        #expect(api.diagnostics.isEmpty, "\(api.diagnostics)")
    }
}
