@testable import ClientModel
import SpecParser

// MARK: - A hand-built APIDecl exercising every declaration kind the emitter renders

/// Builders that keep the fixtures short.
enum IR {
    /// An identifier whose label is its Swift name.
    static func name(_ swiftName: String, wire: String) -> Identifier {
        Identifier(wireName: wire, swiftName: swiftName)
    }

    static func prop(
        _ name: String, json: String? = nil, _ type: TypeRef, required: Bool = true, doc: [String] = [],
        sensitive: Bool = false, rules: [ValidationRule] = [], deprecated: Bool = false, indirect: Bool = false,
        unlabeled: Bool = false
    ) -> PropertyDecl {
        PropertyDecl(
            identifier: Identifier(wireName: json ?? name, swiftName: name, label: unlabeled ? "_" : nil),
            type: required ? type : .optional(type), isRequired: required,
            isNullable: false, doc: doc, deprecated: deprecated, sensitivity: sensitive ? .sensitive : .none,
            validation: rules, readOnly: false, writeOnly: false, needsIndirection: indirect
        )
    }

    static func structType(
        _ name: TypeName, doc: [String] = [], pointer: String? = nil, deprecated: Bool = false,
        _ properties: [PropertyDecl], additional: AdditionalPropertiesDecl? = nil, nested: [TypeDecl] = []
    ) -> TypeDecl {
        TypeDecl(name: name, doc: doc, pointer: pointer ?? "#/components/schemas/\(name.local)",
                 deprecated: deprecated, kind: .struct(StructDecl(properties: properties, additionalProperties: additional)),
                 nested: nested)
    }

    static func param(
        _ name: String, _ wire: String, _ location: ParameterLocationDecl, _ type: TypeRef, required: Bool = false,
        style: String? = nil, explode: Bool? = nil, doc: [String] = [], rules: [ValidationRule] = []
    ) -> ParameterDecl {
        let defaultStyle = location == .query || location == .cookie ? "form" : "simple"
        return ParameterDecl(
            identifier: IR.name(name, wire: wire), location: location, type: required ? type : .optional(type),
            isRequired: required, style: style ?? defaultStyle, explode: explode ?? (defaultStyle == "form"),
            allowReserved: false, doc: doc, deprecated: false, sensitivity: .none, validation: rules
        )
    }

    static func response(
        _ status: ResponseStatusDecl, _ type: TypeRef?, encoding: BodyEncoding? = .json, mediaType: String? = nil,
        success: Bool
    ) -> ResponseDecl {
        ResponseDecl(
            status: status, description: nil, type: type,
            mediaType: type == nil ? nil : (mediaType ?? "application/json"), encoding: type == nil ? nil : encoding,
            headers: [], isSuccess: success, isRetryable: false
        )
    }

    static func body(_ type: TypeRef, _ encoding: BodyEncoding, _ mediaType: String) -> RequestBodyDecl {
        RequestBodyDecl(
            isRequired: true, contents: [BodyContentDecl(mediaType: mediaType, encoding: encoding, type: type, caseName: "")],
            type: type, isPerContentEnum: false, doc: []
        )
    }

    static func operation(
        _ name: String, _ method: String, _ path: [PathComponent], parameters: [ParameterDecl] = [],
        body: RequestBodyDecl? = nil, responses: [ResponseDecl], success: SuccessDecl,
        security: SecurityDecl = .none, idempotencyKey: String? = nil, retryable: [Int] = [], doc: [String] = [],
        deprecated: Bool = false
    ) -> OperationDecl {
        let pathText = path.map { component -> String in
            switch component {
            case .literal(let text): text
            case .parameter(let name): "{\(name)}"
            }
        }.joined()
        return OperationDecl(
            name: name, operationID: name, method: method, path: pathText, pathComponents: path, doc: doc,
            pointer: "#/paths/\(pathText.replacingOccurrences(of: "/", with: "~1"))/\(method.lowercased())",
            deprecated: deprecated, parameters: parameters, body: body, responses: responses, success: success,
            security: security, idempotencyKeyParameter: idempotencyKey, retryableStatuses: retryable
        )
    }

    static func api(
        module: String = "Petstore", types: [TypeDecl] = [], operations: [OperationDecl] = [],
        schemes: [SecuritySchemeDecl] = [], errorBodies: [ErrorBodyCaseDecl] = [], servers: [ServerDecl]? = nil,
        doc: [String] = ["The Petstore API."]
    ) -> APIDecl {
        // Completed like the model's output: which types validate themselves, and each value's validation shape.
        var types = types, operations = operations
        ValidationPlanning.apply(types: &types, operations: &operations)
        return APIDecl(
            moduleName: module, clientName: module + "Client", accessLevel: .public, specPath: "Specs/petstore.yaml",
            title: "Petstore", version: "1.0.0", doc: doc,
            servers: servers ?? [ServerDecl(url: "https://api.example.com/v1", description: "Production")],
            types: types, operations: operations, securitySchemes: schemes, errorBodies: errorBodies,
            requestIDFields: ["request_id"], diagnostics: []
        )
    }
}

import Foundation

/// The full sample: structs (nested, recursive, additional properties, sensitive, validated), enums, unions with and
/// without a discriminator, an alias, and operations with every parameter location and body encoding.
enum SampleAPI {
    static let pet = TypeName("Pet")
    static let owner = TypeName(["Pet", "Owner"])
    static let status = TypeName("Status")
    static let priority = TypeName("Priority")
    static let shape = TypeName("Shape")
    static let circle = TypeName("Circle")
    static let square = TypeName("Square")
    static let loose = TypeName("StringOrShape")
    static let petList = TypeName("PetList")
    static let metadata = TypeName("Metadata")
    static let errorResponse = TypeName("ErrorResponse")
    static let loginForm = TypeName("LoginForm")
    static let upload = TypeName("Upload")
    static let oldThing = TypeName("OldThing")
    static let note = TypeName("Note")

    static var types: [TypeDecl] {
        let ownerDecl = IR.structType(owner, doc: ["The pet's owner."], pointer: "#/components/schemas/Pet/properties/owner", [
            IR.prop("name", .builtin(.string), doc: ["Full name."]),
            IR.prop("aadhaarNo", json: "aadhaar_no", .builtin(.string), doc: ["12-digit Aadhaar number."], sensitive: true,
                    rules: [.pattern("^\\d{12}$"), .minLength(12), .maxLength(12)]),
            IR.prop("email", .builtin(.string), required: false, rules: [.format("email")]),
        ])
        return [
            IR.structType(pet, doc: ["A pet in the store.", "", "Pets have owners."], [
                IR.prop("id", .builtin(.int64), doc: ["Unique id."], rules: [.minimum(1, exclusive: false)]),
                IR.prop("name", .builtin(.string), rules: [.minLength(1), .maxLength(64)]),
                IR.prop("petType", json: "pet_type", .builtin(.string), required: false, rules: [.allowedValues(["cat", "dog"])]),
                IR.prop("owner", .named(owner), required: false),
                IR.prop("tags", .array(.builtin(.string)), required: false, rules: [.minItems(1), .maxItems(10)]),
                IR.prop("status", .named(status), required: false),
                IR.prop("priority", .named(priority), required: false),
                IR.prop("parent", .named(pet), required: false, doc: ["The pet's parent."], indirect: true),
                IR.prop("children", .array(.named(pet)), required: false),
                IR.prop("`default`", json: "default", .builtin(.bool), required: false, deprecated: true),
                IR.prop("weight", .builtin(.double), required: false, rules: [.maximum(100.5, exclusive: true)]),
                IR.prop("birthday", .builtin(.calendarDate), required: false),
                IR.prop("photo", .builtin(.base64), required: false),
                IR.prop("homepage", .builtin(.url), required: false),
            ], nested: [ownerDecl]),
            TypeDecl(name: status, doc: ["Where the pet is."], pointer: "#/components/schemas/Status", deprecated: false,
                     kind: .enum(EnumDecl(rawType: .string, cases: [
                        EnumCaseDecl(identifier: IR.name("available", wire: "available"), doc: ["Ready to adopt."]),
                        EnumCaseDecl(identifier: IR.name("pending", wire: "pending"), doc: []),
                        EnumCaseDecl(identifier: IR.name("soldOut", wire: "sold out"), doc: []),
                        EnumCaseDecl(identifier: IR.name("`default`", wire: "default"), doc: []),
                     ], unknownCaseName: "unknown")), nested: []),
            TypeDecl(name: priority, doc: [], pointer: "#/components/schemas/Priority", deprecated: false,
                     kind: .enum(EnumDecl(rawType: .int, cases: [
                        EnumCaseDecl(identifier: IR.name("low", wire: "1"), doc: []),
                        EnumCaseDecl(identifier: IR.name("high", wire: "2"), doc: []),
                     ], unknownCaseName: "unknown")), nested: []),
            TypeDecl(name: shape, doc: ["A shape, by `kind`."], pointer: "#/components/schemas/Shape", deprecated: false,
                     kind: .union(UnionDecl(kind: .oneOf, discriminator: DiscriminatorDecl(propertyName: "kind", mapping: [
                        (value: "circle", caseName: "circle"), (value: "Circle", caseName: "circle"),
                        (value: "square", caseName: "square"),
                     ]), cases: [
                        UnionCaseDecl(name: "circle", type: .named(circle), hint: DecodeHint(kind: .object, requiredKeys: ["radius"])),
                        UnionCaseDecl(name: "square", type: .named(square), hint: DecodeHint(kind: .object, requiredKeys: ["side"])),
                     ])), nested: []),
            IR.structType(circle, [IR.prop("kind", .builtin(.string)), IR.prop("radius", .builtin(.double))]),
            IR.structType(square, [IR.prop("kind", .builtin(.string)), IR.prop("side", .builtin(.double)),
                                   IR.prop("owner", .named(owner), required: false)]),
            TypeDecl(name: loose, doc: [], pointer: "#/components/schemas/StringOrShape", deprecated: false,
                     kind: .union(UnionDecl(kind: .anyOf, discriminator: nil, cases: [
                        UnionCaseDecl(name: "circle", type: .named(circle), hint: DecodeHint(kind: .object, requiredKeys: ["radius"])),
                        UnionCaseDecl(name: "string", type: .builtin(.string), hint: DecodeHint(kind: .string, requiredKeys: [])),
                        UnionCaseDecl(name: "int", type: .builtin(.int), hint: DecodeHint(kind: .integer, requiredKeys: [])),
                        UnionCaseDecl(name: "json", type: .builtin(.json), hint: DecodeHint(kind: .any, requiredKeys: [])),
                     ])), nested: []),
            TypeDecl(name: petList, doc: ["A page of pets."], pointer: "#/components/schemas/PetList", deprecated: false,
                     kind: .alias(.array(.named(pet))), nested: []),
            IR.structType(metadata, [IR.prop("version", .builtin(.int), required: false)],
                          additional: AdditionalPropertiesDecl(name: "additionalProperties", valueType: .builtin(.json))),
            IR.structType(errorResponse, [
                IR.prop("code", .builtin(.string)), IR.prop("message", .builtin(.string), required: false),
                IR.prop("requestID", json: "request_id", .builtin(.string), required: false),
            ]),
            IR.structType(loginForm, [IR.prop("username", .builtin(.string)),
                                      IR.prop("password", .builtin(.string), sensitive: true)]),
            IR.structType(upload, [IR.prop("file", .builtin(.binary)), IR.prop("comment", .builtin(.string), required: false)]),
            IR.structType(oldThing, deprecated: true, [IR.prop("value", .builtin(.string), required: false)]),
            IR.structType(note, [IR.prop("text", .builtin(.string))]),
        ]
    }

    static var schemes: [SecuritySchemeDecl] {
        [
            SecuritySchemeDecl(identifier: IR.name("apiID", wire: "ApiId"), kind: .apiKey(.header("X-API-ID")), doc: ["Your API id."]),
            SecuritySchemeDecl(identifier: IR.name("apiSecret", wire: "ApiSecret"), kind: .apiKey(.header("X-API-SECRET")), doc: []),
            SecuritySchemeDecl(identifier: IR.name("bearer", wire: "Bearer"), kind: .bearer(format: "JWT"), doc: []),
            SecuritySchemeDecl(identifier: IR.name("oauth", wire: "OAuth"), kind: .oauth2ClientCredentials(
                tokenURL: "https://auth.example.com/token", scopes: ["pets:read"]), doc: []),
            SecuritySchemeDecl(identifier: IR.name("basic", wire: "Basic"), kind: .basic, doc: []),
            SecuritySchemeDecl(identifier: IR.name("queryKey", wire: "QueryKey"), kind: .apiKey(.query("api_key")), doc: []),
        ]
    }

    static var operations: [OperationDecl] {
        let idAndSecret = SecurityDecl(alternatives: [["ApiId", "ApiSecret"]], optional: false)
        let errors: [ResponseDecl] = [
            IR.response(.code(404), .named(errorResponse), success: false),
            IR.response(.range(4), .named(errorResponse), success: false),
            IR.response(.default, .named(errorResponse), success: false),
        ]
        return [
            IR.operation("getPet", "GET", [.literal("/pets/"), .parameter("petID")], parameters: [
                IR.param("petID", "petId", .path, .builtin(.int64), required: true, doc: ["The pet's id."]),
                IR.param("verbose", "verbose", .query, .builtin(.bool)),
                IR.param("xTraceID", "X-Trace-Id", .header, .builtin(.string)),
                IR.param("session", "session", .cookie, .builtin(.string)),
            ], responses: [IR.response(.code(200), .named(pet), success: true)] + errors, success: .single(.named(pet)),
               security: idAndSecret, doc: ["Fetches one pet.", "", "Returns 404 when it does not exist."]),
            IR.operation("createPet", "POST", [.literal("/pets")], parameters: [
                IR.param("idempotencyKey", "Idempotency-Key", .header, .builtin(.string)),
            ], body: IR.body(.named(pet), .json, "application/json"),
               responses: [IR.response(.code(201), .named(pet), success: true),
                           IR.response(.code(400), .named(errorResponse), success: false)],
               success: .single(.named(pet)), security: SecurityDecl(alternatives: [["Bearer"], ["OAuth"]], optional: false),
               idempotencyKey: "idempotencyKey", retryable: [512, 503, 512]),
            IR.operation("login", "POST", [.literal("/login")], body: IR.body(.named(loginForm), .formURLEncoded,
                                                                              "application/x-www-form-urlencoded"),
               responses: [IR.response(.code(204), nil, success: true)], success: .void),
            IR.operation("upload", "POST", [.literal("/uploads")], body: IR.body(.named(upload), .multipart, "multipart/form-data"),
               responses: [IR.response(.code(200), .builtin(.string), encoding: .text, mediaType: "text/plain", success: true)],
               success: .single(.builtin(.string)), security: SecurityDecl(alternatives: [["Basic"]], optional: true)),
            IR.operation("listPets", "GET", [.literal("/pets")], parameters: [
                IR.param("limit", "limit", .query, .builtin(.int), rules: [.minimum(1, exclusive: false), .maximum(100, exclusive: false)]),
                IR.param("tags", "tags", .query, .array(.builtin(.string)), explode: false),
                IR.param("request", "request", .query, .builtin(.string)),
            ], responses: [IR.response(.code(200), .named(petList), success: true), IR.response(.code(204), nil, success: true),
                           IR.response(.range(2), .named(petList), success: true)] + errors,
               success: .perStatus(TypeName("ListPetsResponse"), [
                SuccessCaseDecl(name: "ok", status: .code(200), type: .named(petList)),
                SuccessCaseDecl(name: "noContent", status: .code(204), type: nil),
                SuccessCaseDecl(name: "other", status: .range(2), type: .named(petList)),
               ]), security: SecurityDecl(alternatives: [["QueryKey"]], optional: false)),
            IR.operation("putBlob", "PUT", [.literal("/blobs/"), .parameter("name"), .literal(";v=1")], parameters: [
                IR.param("name", "name", .path, .builtin(.string), required: true, style: "label", explode: false),
            ], body: IR.body(.builtin(.binary), .binary, "application/octet-stream"),
               responses: [IR.response(.code(200), .builtin(.binary), encoding: .binary, mediaType: "application/octet-stream",
                                       success: true)], success: .single(.builtin(.binary)), deprecated: true),
            IR.operation("updateNote", "PATCH", [.literal("/notes/"), .parameter("id")], parameters: [
                IR.param("id", "id", .path, .builtin(.uuid), required: true),
            ], body: RequestBodyDecl(isRequired: true, contents: [
                BodyContentDecl(mediaType: "application/json", encoding: .json, type: .named(note), caseName: "json"),
                BodyContentDecl(mediaType: "text/plain", encoding: .text, type: .builtin(.string), caseName: "text"),
            ], type: .named(TypeName("UpdateNoteBody")), isPerContentEnum: true, doc: ["The note."]),
               responses: [IR.response(.code(200), .named(note), mediaType: "application/vnd.note+json", success: true),
                           IR.response(.code(409), .named(shape), success: false)], success: .single(.named(note))),
            IR.operation("drawShapes", "POST", [.literal("/shapes")], body: IR.body(.array(.named(shape)), .json, "application/json"),
               responses: [IR.response(.code(200), .named(loose), success: true)], success: .single(.named(loose))),
        ]
    }

    static var api: APIDecl {
        IR.api(types: types, operations: operations, schemes: schemes, errorBodies: [
            ErrorBodyCaseDecl(caseName: "errorResponse", type: .named(errorResponse)),
            ErrorBodyCaseDecl(caseName: "shape", type: .named(shape)),
        ])
    }

    /// One API key, relative server, one operation.
    static var apiKeyOnly: APIDecl {
        IR.api(module: "Keyed", types: [], operations: [
            IR.operation("ping", "GET", [.literal("/ping")], responses: [IR.response(.code(200), .builtin(.json), success: true)],
                         success: .single(.builtin(.json)), security: SecurityDecl(alternatives: [["Key"]], optional: false)),
        ], schemes: [SecuritySchemeDecl(identifier: IR.name("apiKey", wire: "Key"), kind: .apiKey(.header("X-Key")), doc: [])],
           servers: [ServerDecl(url: "/v1", description: nil)])
    }

    /// No security, no servers, no types, no error bodies.
    static var bare: APIDecl {
        IR.api(module: "Bare", operations: [
            IR.operation("health", "GET", [.literal("/health")], responses: [IR.response(.code(204), nil, success: true)],
                         success: .void),
        ], servers: [], doc: [])
    }
}
