import ClientModel
import SpecParser

// MARK: - APIDecl → APISurface

extension APISurface {
    /// The declarations the emitter generates from `api`, from the same IR fields and signature decisions
    /// (`OperationDecl.arguments`, `StructDecl.initArguments`, `APIDecl.credentialArguments`, …). The runtime's
    /// types, which no spec decides, are left out.
    public init(_ api: APIDecl) {
        addClient(api)
        for decl in api.types { addType(decl, parent: nil) }
        for op in api.operations { addOperationTypes(op) }
        let errorBody = "ErrorBody"
        add(SurfaceDeclaration(key: errorBody, kind: .enum))
        for entry in api.errorBodies {
            add(SurfaceDeclaration(key: errorBody + "." + NameSanitizer.unescaped(entry.caseName), parent: errorBody,
                                   kind: .case, type: entry.type.swift, sourceLocation: entry.sourceLocation))
        }
    }

    // MARK: - The client, its initializers, operations and credentials

    private mutating func addClient(_ api: APIDecl) {
        let client = api.clientName
        let schemes = api.securitySchemes
        add(SurfaceDeclaration(key: client, kind: .struct))
        // `init(serverURL:credentials:options:transport:)`: only `credentials` depends on the spec.
        let credentials = schemes.isEmpty ? [] : [
            ArgumentDecl(label: "credentials", name: "credentials", type: "Credentials", defaultValue: nil,
                         sourceLocation: schemes[0].sourceLocation),
        ]
        add(SurfaceDeclaration(key: client + ".init", parent: client, kind: .initializer, arguments: credentials))
        if let scheme = api.apiKeyInitScheme {
            add(SurfaceDeclaration(key: client + ".init(apiKey:)", parent: client, kind: .initializer,
                                   arguments: [ArgumentDecl(label: "apiKey", name: "apiKey", type: "Swift.String",
                                                            defaultValue: nil, sourceLocation: scheme.sourceLocation)],
                                   sourceLocation: scheme.sourceLocation))
        }
        if let scheme = api.tokenInitScheme, let endpoint = scheme.tokenEndpoint {
            let arguments = endpoint.credentials.map {
                ArgumentDecl(label: $0.identifier.label, name: $0.identifier.swiftName, type: "Swift.String",
                             defaultValue: nil, sourceLocation: scheme.sourceLocation)
            }
            let labels = arguments.map { NameSanitizer.unescaped($0.label) + ":" }.joined()
            add(SurfaceDeclaration(key: client + ".init(\(labels))", parent: client, kind: .initializer,
                                   arguments: arguments, sourceLocation: scheme.sourceLocation))
        }
        for op in api.operations {
            let firstSuccess = op.responses.first(where: \.isSuccess)?.sourceLocation
            add(SurfaceDeclaration(key: client + "." + NameSanitizer.unescaped(op.name), parent: client,
                                   kind: .operation, type: op.returnType, arguments: op.arguments,
                                   sourceLocation: op.sourceLocation, typeLocation: firstSuccess ?? op.sourceLocation))
        }
        guard !schemes.isEmpty else { return }
        let type = client + ".Credentials"
        add(SurfaceDeclaration(key: type, parent: client, kind: .struct, sourceLocation: schemes[0].sourceLocation))
        let arguments = api.credentialArguments
        for argument in arguments {
            add(SurfaceDeclaration(key: type + "." + NameSanitizer.unescaped(argument.name), parent: type,
                                   kind: .property, type: argument.type, sourceLocation: argument.sourceLocation))
        }
        add(SurfaceDeclaration(key: type + ".init", parent: type, kind: .initializer, arguments: arguments,
                               sourceLocation: schemes[0].sourceLocation))
        for factory in api.clientCredentialsFactories {
            // `clientCredentials(clientID:clientSecret:scopes:transport:)`: the same arguments for every flow (the
            // default scopes, which are the flow's, are not compared).
            let location = factory.scheme.sourceLocation
            let fixed: [(String, String, String?)] = [
                ("clientID", "Swift.String", nil), ("clientSecret", "Swift.String", nil),
                ("scopes", "[Swift.String]", "the flow's scopes"),
                ("transport", "any HTTPTransport", "URLSessionTransport()"),
            ]
            add(SurfaceDeclaration(
                key: type + "." + factory.name, parent: type, kind: .method, type: "Credentials",
                arguments: fixed.map {
                    ArgumentDecl(label: $0.0, name: $0.0, type: $0.1, defaultValue: $0.2, sourceLocation: location)
                },
                sourceLocation: location))
        }
    }

    // MARK: - Model types

    private mutating func addType(_ decl: TypeDecl, parent: String?) {
        let key = decl.name.swift
        switch decl.kind {
        case .struct(let s):
            add(SurfaceDeclaration(key: key, parent: parent, kind: .struct, sourceLocation: decl.sourceLocation))
            for p in s.properties {
                addProperty(p.identifier.swiftName, type: p.swiftType, in: key, at: p.sourceLocation)
            }
            if let extra = s.additionalProperties {
                addProperty(extra.name, type: extra.swiftType, in: key, at: decl.sourceLocation)
            }
            add(SurfaceDeclaration(key: key + ".init", parent: key, kind: .initializer, arguments: s.initArguments,
                                   sourceLocation: decl.sourceLocation))
        case .enum(let e):
            let rawType = "Swift." + e.rawType.rawValue
            add(SurfaceDeclaration(key: key, parent: parent, kind: .enum, type: rawType,
                                   sourceLocation: decl.sourceLocation))
            for c in e.cases { addCase(c.identifier.swiftName, payload: nil, in: key, at: c.sourceLocation) }
            addCase(e.unknownCaseName, payload: rawType, in: key, at: decl.sourceLocation)
        case .union(let u) where u.keepsAllMatches:
            // A struct with one optional member per alternative (every match is kept).
            add(SurfaceDeclaration(key: key, parent: parent, kind: .struct, sourceLocation: decl.sourceLocation))
            let arguments = u.initArguments
            for argument in arguments {
                addProperty(argument.name, type: argument.type, in: key, at: argument.sourceLocation)
            }
            add(SurfaceDeclaration(key: key + ".init", parent: key, kind: .initializer, arguments: arguments,
                                   sourceLocation: decl.sourceLocation))
        case .union(let u):
            add(SurfaceDeclaration(key: key, parent: parent, kind: .enum, sourceLocation: decl.sourceLocation))
            for c in u.cases { addCase(c.name, payload: c.type.swift, in: key, at: c.sourceLocation) }
            if let unknown = u.unknownCaseName {
                addCase(unknown, payload: "JSONValue", in: key, at: decl.sourceLocation)
            }
        case .alias(let target):
            add(SurfaceDeclaration(key: key, parent: parent, kind: .typealias, type: target.swift,
                                   sourceLocation: decl.sourceLocation))
        }
        for nested in decl.nested { addType(nested, parent: key) }
    }

    private mutating func addProperty(_ name: String, type: String, in parent: String, at location: SourceLocation?) {
        add(SurfaceDeclaration(key: parent + "." + NameSanitizer.unescaped(name), parent: parent, kind: .property,
                               type: type, sourceLocation: location))
    }

    private mutating func addCase(_ name: String, payload: String?, in parent: String, at location: SourceLocation?) {
        add(SurfaceDeclaration(key: parent + "." + NameSanitizer.unescaped(name), parent: parent, kind: .case,
                               type: payload, sourceLocation: location))
    }

    // MARK: - Types operations declare: per-status successes, per-content bodies, content types, response headers

    private mutating func addOperationTypes(_ op: OperationDecl) {
        if case .perStatus(let name, let cases) = op.success, declarations[name.swift] == nil {
            let location = op.responses.first(where: \.isSuccess)?.sourceLocation ?? op.sourceLocation
            add(SurfaceDeclaration(key: name.swift, kind: .enum, sourceLocation: location))
            for c in cases { addCase(c.name, payload: c.type?.swift, in: name.swift, at: c.sourceLocation) }
        }
        if let body = op.body {
            if body.isPerContentEnum, case .named(let name) = body.type.unwrapped, declarations[name.swift] == nil {
                add(SurfaceDeclaration(key: name.swift, kind: .enum, sourceLocation: body.sourceLocation))
                for c in body.contents {
                    addCase(c.caseName, payload: c.type.swift, in: name.swift, at: c.sourceLocation)
                }
            }
            if let choice = body.contentTypeChoice, declarations[choice.typeName.swift] == nil {
                let key = choice.typeName.swift
                add(SurfaceDeclaration(key: key, kind: .enum, type: "Swift.String",
                                       sourceLocation: body.sourceLocation))
                for c in body.contents { addCase(c.caseName, payload: nil, in: key, at: c.sourceLocation) }
            }
        }
        if let headers = op.responseHeaders, declarations[headers.typeName.swift] == nil {
            let key = headers.typeName.swift
            let location = headers.headers.first?.sourceLocation ?? op.sourceLocation
            add(SurfaceDeclaration(key: key, kind: .struct, sourceLocation: location))
            var arguments: [ArgumentDecl] = []
            for h in headers.headers {
                addProperty(h.identifier.swiftName, type: h.type.swift + "?", in: key, at: h.sourceLocation)
                arguments.append(ArgumentDecl(label: h.identifier.label, name: h.identifier.swiftName,
                                              type: h.type.swift + "?", defaultValue: "nil",
                                              sourceLocation: h.sourceLocation))
            }
            add(SurfaceDeclaration(key: key + ".init", parent: key, kind: .initializer, arguments: arguments,
                                   sourceLocation: location))
        }
    }
}
