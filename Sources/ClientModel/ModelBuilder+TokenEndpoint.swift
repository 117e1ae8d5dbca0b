import SpecParser

// MARK: - x-openapi-swift-token: the operation a bearer scheme's token comes from

extension Builder {
    /// The token endpoint `value` (`x-openapi-swift-token` on `scheme`) describes, checked in order: its fields,
    /// the operation, the credentials, the token field, then the optional expiry. A problem is a warning at the
    /// scheme and gives nil (the caller supplies the token), except an unusable expiry, which is only left out.
    func tokenEndpoint(_ value: JSONValue, scheme: SecurityScheme, operations: [OperationDecl]) -> TokenEndpointDecl? {
        guard let fields = tokenFields(value, scheme: scheme),
              let (operation, bodyName, bodyStruct) = tokenOperation(fields.operationID, scheme: scheme,
                                                                     operations: operations),
              let credentials = tokenCredentials(fields.credentials, body: bodyStruct,
                                                 operationID: fields.operationID, scheme: scheme) else { return nil }
        let operationID = fields.operationID, tokenField = fields.token
        guard case .single(let success) = operation.success, case .named(let responseName) = success.unwrapped,
              !success.isOptional else {
            return tokenFailure("operation '\(operationID)' must return one object body", scheme: scheme)
        }
        guard let (tokenPath, tokenType) = fieldPath(tokenField, in: responseName) else {
            return tokenFailure("the response of '\(operationID)' has no field '\(tokenField)'", scheme: scheme)
        }
        guard tokenType == .builtin(.string) else {
            return tokenFailure("response field '\(tokenField)' is not a string", scheme: scheme)
        }
        let expiry = value["expiry"].flatMap {
            tokenExpiry($0, responseName: responseName, operationID: operationID, scheme: scheme)
        }
        return TokenEndpointDecl(operationID: operationID, operationName: operation.name, bodyType: bodyName,
                                 credentials: credentials, tokenPath: tokenPath, expiryPath: expiry?.path,
                                 expiryKind: expiry?.kind)
    }

    /// Warns that `scheme`'s `x-openapi-swift-token` is not used, and why; returns nil.
    private func tokenFailure<T>(_ why: String, scheme: SecurityScheme, hint: String? = nil) -> T? {
        warn("x-openapi-swift-token on '\(scheme.key)': \(why); the caller supplies the token", scheme.origin,
             hint: hint)
        return nil
    }

    /// The extension's `operation`, `token` and `credentials` (non-empty strings, credentials distinct).
    private func tokenFields(_ value: JSONValue,
                             scheme: SecurityScheme) -> (operationID: String, token: String, credentials: [String])? {
        guard case .object = value else {
            return tokenFailure("must be an object {operation, token, expiry, credentials}", scheme: scheme)
        }
        guard let operationID = value["operation"]?.stringValue, !operationID.isEmpty else {
            return tokenFailure("`operation` (an operationId) is missing", scheme: scheme)
        }
        guard let tokenField = value["token"]?.stringValue, !tokenField.isEmpty else {
            return tokenFailure("`token` (the response field holding the token) is missing", scheme: scheme)
        }
        guard case .array(let items)? = value["credentials"], !items.isEmpty,
              items.allSatisfy({ $0.stringValue?.isEmpty == false }) else {
            return tokenFailure("`credentials` must be a non-empty list of request body field names", scheme: scheme)
        }
        let credentialNames = items.compactMap(\.stringValue)
        guard Set(credentialNames).count == credentialNames.count else {
            return tokenFailure("`credentials` repeats a name", scheme: scheme)
        }
        return (operationID, tokenField, credentialNames)
    }

    /// The token operation: unsecured, without required parameters, taking one object body (its struct).
    private func tokenOperation(_ operationID: String, scheme: SecurityScheme,
                                operations: [OperationDecl]) -> (OperationDecl, TypeName, StructDecl)? {
        guard let operation = operations.first(where: { $0.operationID == operationID }) else {
            return tokenFailure("no operation has operationId '\(operationID)'", scheme: scheme)
        }
        if !operation.security.alternatives.isEmpty && !operation.security.optional {
            return tokenFailure("operation '\(operationID)' must not need credentials itself", scheme: scheme,
                                hint: "give it `security: []`")
        }
        if operation.parameters.contains(where: \.isRequired) {
            return tokenFailure("operation '\(operationID)' has required parameters", scheme: scheme)
        }
        guard let body = operation.body, !body.isPerContentEnum, case .named(let bodyName) = body.type.unwrapped,
              let bodyStruct = structDecl(bodyName) else {
            return tokenFailure("operation '\(operationID)' must take one object request body", scheme: scheme)
        }
        return (operation, bodyName, bodyStruct)
    }

    /// One credential per listed name, each a string property of the body; the body may require nothing else.
    private func tokenCredentials(_ names: [String], body: StructDecl, operationID: String,
                                  scheme: SecurityScheme) -> [TokenCredentialDecl]? {
        var credentials: [TokenCredentialDecl] = []
        for name in names {
            guard let property = body.properties.first(where: { $0.identifier.wireName == name }) else {
                return tokenFailure("the request body of '\(operationID)' has no field '\(name)'", scheme: scheme)
            }
            guard property.type.unwrapped == .builtin(.string) else {
                return tokenFailure("request body field '\(name)' of '\(operationID)' is not a string", scheme: scheme)
            }
            credentials.append(TokenCredentialDecl(identifier: property.identifier))
        }
        if let other = body.properties.first(where: {
            !$0.type.isOptional && !names.contains($0.identifier.wireName)
        }) {
            return tokenFailure("the request body of '\(operationID)' needs '\(other.identifier.wireName)', which is "
                                + "not a credential", scheme: scheme)
        }
        return credentials
    }

    /// The `expiry` field: a date, ISO-8601 text or a number of seconds. Anything else is a warning and no expiry
    /// (the token is kept until a 401).
    private func tokenExpiry(_ expiryValue: JSONValue, responseName: TypeName, operationID: String,
                             scheme: SecurityScheme) -> (path: [TokenFieldStep], kind: TokenExpiryKind)? {
        guard let expiryField = expiryValue.stringValue, !expiryField.isEmpty,
              let (path, type) = fieldPath(expiryField, in: responseName) else {
            warn("x-openapi-swift-token on '\(scheme.key)': the response of '\(operationID)' has no `expiry` "
                 + "field '\(expiryValue.stringValue ?? "")'; the token is kept until a 401", scheme.origin)
            return nil
        }
        switch type {
        case .builtin(.date): return (path, .date)
        case .builtin(.string): return (path, .iso8601Text)
        case .builtin(.int), .builtin(.int32), .builtin(.int64), .builtin(.double), .builtin(.float):
            return (path, .seconds)
        default:
            warn("x-openapi-swift-token on '\(scheme.key)': `expiry` field '\(expiryField)' is neither a date "
                 + "nor a number of seconds; the token is kept until a 401", scheme.origin)
            return nil
        }
    }

    private func structDecl(_ name: TypeName) -> StructDecl? {
        guard let decl = typeDecls[name] else { return nil }
        switch decl.kind {
        case .struct(let s): return s
        case .alias(.named(let target)): return structDecl(target)
        default: return nil
        }
    }

    /// Resolves a dotted JSON path (`data.access_token`) through generated structs: the steps and the leaf's type
    /// (unwrapped).
    private func fieldPath(_ dotted: String, in root: TypeName) -> ([TokenFieldStep], TypeRef)? {
        var steps: [TokenFieldStep] = []
        var current = root
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for (offset, part) in parts.enumerated() {
            guard let s = structDecl(current),
                  let property = s.properties.first(where: { $0.identifier.wireName == part }) else {
                return nil
            }
            steps.append(TokenFieldStep(identifier: property.identifier, isOptional: property.type.isOptional))
            if offset == parts.count - 1 { return (steps, property.type.unwrapped) }
            guard case .named(let next) = property.type.unwrapped else { return nil }
            current = next
        }
        return nil
    }
}
