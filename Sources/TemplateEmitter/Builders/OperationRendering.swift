import ClientModel

// MARK: - OperationDecl → OperationContext

/// Builds the context of one operation's two methods.
struct OperationRendering: Sendable {
    let api: APIDecl
    let index: TypeIndex

    func context(for op: OperationDecl) -> OperationContext {
        let locals = op.locals
        let request = locals.request, response = locals.response, options = locals.options
        // Signature (decided by the model: `OperationDecl.arguments`) and forwarding.
        let parameters = op.arguments.map(\.declaration) + [locals.optionsParameter]
        var lines = parameterLines(op, request: request)
        if let bodyDecl = op.body { lines += bodyLines(bodyDecl, body: locals.body, request: request) }
        if !op.security.alternatives.isEmpty {
            let sets = op.security.alternatives.map(SwiftEscaping.stringArrayLiteral).joined(separator: ", ")
            lines.append("\(request).security = [\(sets)]")
            if op.security.optional { lines.append("\(request).securityOptional = true") }
        }
        if !op.retryableStatuses.isEmpty {
            let statuses = Array(Set(op.retryableStatuses)).sorted().map(String.init).joined(separator: ", ")
            lines.append("\(request).retryableStatuses = [\(statuses)]")
        }
        lines += validationLines(op)
        let success = successInfo(op)
        let docs = documentation(op, returnsValue: !success.type.isEmpty)
        return OperationContext(
            access: api.accessLevel.rawValue, name: op.name, withResponseName: op.name + "WithResponse",
            docLines: SwiftEscaping.docComment(docs.plain), withResponseDocLines: SwiftEscaping.docComment(docs.full),
            isDeprecated: op.deprecated, parameters: parameters.joined(separator: ", "),
            arguments: forwardingArguments(op).joined(separator: ", "), successType: success.type,
            responseValueType: success.type.isEmpty ? "Swift.Void" : success.type,
            requestName: request, responseName: response, optionsName: options,
            operationIDLiteral: SwiftEscaping.stringLiteral(op.operationID),
            methodLiteral: SwiftEscaping.stringLiteral(op.method.uppercased()),
            pathLiteral: pathLiteral(op), requestLines: lines,
            successArms: success.arms(response), errorArms: errorArms(op, response: response),
            streams: op.streamsResponse
        )
    }

    /// The plain method's call of the `WithResponse` method: the body, each parameter, the content-type choice and
    /// the options, each under its label.
    private func forwardingArguments(_ op: OperationDecl) -> [String] {
        var arguments: [String] = []
        if op.body != nil { arguments.append(op.locals.body) }
        for p in op.parameters {
            arguments.append("\(p.identifier.callLabel): \(p.identifier.swiftName)")
        }
        if let choice = op.body?.contentTypeChoice, op.body?.contents.first != nil {
            arguments.append("\(choice.parameterName): \(choice.parameterName)")
        }
        arguments.append("options: \(op.locals.options)")
        return arguments
    }

    /// One statement per query, header, cookie and querystring parameter (path parameters are in the path).
    private func parameterLines(_ op: OperationDecl, request: String) -> [String] {
        var lines: [String] = []
        for p in op.parameters where p.location != .path {
            let name = p.identifier.swiftName
            let wire = SwiftEscaping.stringLiteral(p.identifier.wireName)
            if name == op.idempotencyKeyParameter {
                if p.identifier.wireName != "Idempotency-Key" {
                    lines.append("\(request).idempotencyKeyHeader = \(wire)")
                }
                lines.append("\(request).idempotencyKey = \(name)")
                continue
            }
            switch p.location {
            case .query where p.sendsJSONText:
                lines.append("\(request).jsonQuery(\(wire), \(name))")
            case .header where p.sendsJSONText:
                lines.append("\(request).jsonHeader(\(wire), \(name))")
            case .query:
                lines.append("\(request).query(\(wire), \(name), style: \(SwiftEscaping.stringLiteral(p.style)), "
                             + "explode: \(p.explode), allowReserved: \(p.allowReserved))")
            case .header:
                lines.append("\(request).header(\(wire), \(name)\(p.explode ? ", explode: true" : ""))")
            case .cookie:
                lines.append("\(request).cookie(\(wire), \(name)\(p.explode ? "" : ", explode: false"))")
            case .querystring:
                let method = switch p.queryStringEncoding {
                case .json?: "jsonQueryString"
                case .text?: "textQueryString"
                default: "formQueryString"
                }
                lines.append("\(request).\(method)(\(p.identifier.swiftName))")
            case .path:
                break
            }
        }
        return lines
    }

    /// The `validate` block: the parameters' and the body's checks, or nothing when none has a rule.
    private func validationLines(_ op: OperationDecl) -> [String] {
        let request = op.locals.request, failures = op.locals.failures
        var checks: [String] = []
        for p in op.parameters {
            checks += ValidationStatements.statements(value: p.identifier.swiftName, shape: p.validationShape,
                                                      rules: p.validation,
                                                      path: SwiftEscaping.stringLiteral(p.identifier.wireName),
                                                      into: failures)
        }
        if let bodyDecl = op.body {
            checks += ValidationStatements.statements(value: op.locals.body, shape: bodyDecl.validationShape,
                                                      rules: bodyDecl.validation, path: "\"body\"",
                                                      into: failures)
        }
        guard !checks.isEmpty else { return [] }
        return ["\(request).validate { \(failures) in"] + checks.map { "    " + $0 } + ["}"]
    }

    /// The doc comments of the plain method and of the `WithResponse` method.
    private func documentation(_ op: OperationDecl, returnsValue: Bool) -> (plain: [String], full: [String]) {
        let body = op.locals.body, options = op.locals.options
        var docs = op.doc.isEmpty ? ["Calls `\(op.method) \(op.path)`."] : op.doc
        if op.deprecated { docs += ["", "- Warning: Deprecated."] }
        var parameterDocs: [String] = []
        if let bodyDecl = op.body {
            parameterDocs.append("  - \(body): " + (bodyDecl.doc.isEmpty ? "The request body." : oneLine(bodyDecl.doc)))
        }
        for p in op.parameters {
            let text = p.doc.isEmpty
                ? "The `\(p.identifier.wireName)` \(p.location.rawValue) parameter." : oneLine(p.doc)
            parameterDocs.append("  - \(p.identifier.unescapedName): \(text)")
        }
        if let choice = op.body?.contentTypeChoice, let first = op.body?.contents.first {
            parameterDocs.append("  - \(choice.parameterName): The body's content type; "
                                 + "`.\(NameSanitizer.unescaped(first.caseName))` (`\(first.mediaType)`) unless you "
                                 + "choose another.")
        }
        parameterDocs.append("  - \(options): Per-call options: timeout, retry policy, headers, idempotency key.")
        let tail = ["- Throws: `\(api.clientName).Error` (`APIError`), with the decoded `ErrorBody` for documented "
                    + "error statuses.", "- Remark: Generated from `\(op.pointer)`."]
        let plain = docs + ["", "- Parameters:"] + parameterDocs
            + (returnsValue ? ["- Returns: The decoded response body."] : []) + tail
        let summary = docs.first { !$0.trimmingSpaces.isEmpty } ?? ""
        let typedHeaders = op.responseHeaders.map {
            ["", "Read the documented response headers with `\($0.typeName.swift)(response.headers)` (or from "
                + "`error.headers`)."]
        } ?? []
        let full = [summary, "", "The same call as `\(op.name)(…)`, returning the whole response."]
            + typedHeaders + (op.deprecated ? ["", "- Warning: Deprecated."] : []) + ["", "- Parameters:"]
            + parameterDocs + ["- Returns: The decoded value with its status, headers, raw body and request ID."] + tail
        return (plain, full)
    }

    private func oneLine(_ doc: [String]) -> String {
        doc.map { $0.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: - Path

    /// `"/pets/\(PathEncoder.encode(id, style: "simple", explode: false))"`.
    func pathLiteral(_ op: OperationDecl) -> String {
        let parameters = Dictionary(op.parameters.map { ($0.identifier.swiftName, $0) },
                                    uniquingKeysWith: { first, _ in first })
        var text = "\""
        for component in op.pathComponents {
            switch component {
            case .literal(let literal):
                text += String(SwiftEscaping.stringLiteral(literal).dropFirst().dropLast())
            case .parameter(let name):
                let p = parameters[name]
                var call = "PathEncoder.encode(\(name)"
                if p?.style == "matrix" {
                    call += ", name: \(SwiftEscaping.stringLiteral(p?.identifier.wireName ?? name))"
                }
                call += ", style: \(SwiftEscaping.stringLiteral(p?.style ?? "simple")), "
                    + "explode: \(p?.explode ?? false))"
                text += "\\(" + call + ")"
            }
        }
        return text + "\""
    }

    // MARK: - Body

    func bodyLines(_ decl: RequestBodyDecl, body: String, request: String) -> [String] {
        if decl.isPerContentEnum {
            var lines = decl.type.isOptional ? ["if let \(body) {"] : []
            let pad = decl.type.isOptional ? "    " : ""
            lines.append(pad + "switch \(body) {")
            for content in decl.contents {
                lines.append(pad + "case .\(content.caseName)(let value):")
                lines += Self.lines(bodyCall(content, value: "value", request: request), pad: pad + "    ")
            }
            lines.append(pad + "}")
            if decl.type.isOptional { lines.append("}") }
            return lines
        }
        guard let content = decl.contents.first else { return [] }
        if let choice = decl.contentTypeChoice {
            return ["switch \(choice.parameterName) {"] + decl.contents.flatMap { content in
                ["case .\(content.caseName):"]
                    + Self.lines(bodyCall(content, value: body, request: request), pad: "    ")
            } + ["}"]
        }
        return Self.lines(bodyCall(content, value: body, request: request), pad: "")
    }

    /// A statement that may span lines, each line indented by `pad`.
    static func lines(_ statement: String, pad: String) -> [String] {
        statement.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }
    }

    func bodyCall(_ content: BodyContentDecl, value: String, request: String) -> String {
        let mediaType = SwiftEscaping.stringLiteral(content.contentTypeHeader)
        let base = content.type.unwrapped
        if let fields = content.eventFields {
            // `item` is the closure's own parameter: it shadows nothing the body uses.
            let member = fields.optionalItem ? "item?." : "item."
            let label = switch fields.dataEncoding {
            case .text: "data"
            case .stringValue: "text"
            case .json: fields.data == nil ? "json" : "data"
            }
            var arguments = [label + ": " + (fields.data.map { member + $0 } ?? "item")]
            if let event = fields.event { arguments.append("event: \(member)\(event)") }
            if let id = fields.id {
                arguments.append(fields.integerID ? "id: OutgoingServerSentEvent.idText(\(member)\(id))"
                                                  : "id: \(member)\(id)")
            }
            if let retry = fields.retry { arguments.append("retry: \(member)\(retry)") }
            return "\(request).serverSentEventsBody(\(value), contentType: \(mediaType)) { item in\n"
                + "    try OutgoingServerSentEvent(\(arguments.joined(separator: ", ")))\n}"
        }
        if let framing = content.itemFraming {
            return "\(request).jsonItemsBody(\(value), framing: .\(framing.rawValue), contentType: \(mediaType))"
        }
        switch content.encoding {
        case .formURLEncoded:
            // Per-property `encoding` (`["ids": .style("pipeDelimited", explode: false, allowReserved: false)]`).
            let fields = content.formFields.map { field -> String in
                let key = SwiftEscaping.stringLiteral(field.property)
                switch field.serialization {
                case .json:
                    return key + ": .json"
                case .style(let style, let explode, let allowReserved):
                    return key + ": .style(\(SwiftEscaping.stringLiteral(style)), explode: \(explode), "
                        + "allowReserved: \(allowReserved))"
                }
            }
            guard !fields.isEmpty else { return "\(request).formBody(\(value))" }
            return "\(request).formBody(\(value), fields: [\n" + fields.map { "    " + $0 + ",\n" }.joined() + "])"
        case .multipart:
            // Per-part Content-Types, decided by the model (`BodyContentDecl.partContentTypes`).
            let encodings = content.partContentTypes.map { part in
                SwiftEscaping.stringLiteral(part.property) + ": " + SwiftEscaping.stringLiteral(part.contentType)
            }
            return "\(request).multipartBody(\(value)"
                + (encodings.isEmpty ? ")" : ", encodings: [\(encodings.joined(separator: ", "))])")
        case .binary where base == .builtin(.binary) || base == .builtin(.base64):
            return "\(request).binaryBody(\(value), contentType: \(mediaType))"
        case .text where base == .builtin(.string):
            return "\(request).textBody(\(value), contentType: \(mediaType))"
        case .json where content.contentTypeHeader == "application/json":
            return "\(request).jsonBody(\(value))"
        default:
            return "\(request).jsonBody(\(value), contentType: \(mediaType))"
        }
    }

    // MARK: - Responses

    struct SuccessInfo {
        /// The plain method's return type; empty for Void.
        var type: String
        var arms: (String) -> [StatusArmContext]
    }

    /// The success closure's arms, rendered from `op.statusMatchers`: a successful response decodes its body, any
    /// other documented status is not a success (`unexpected()`, so the runtime looks for its error body).
    func successInfo(_ op: OperationDecl) -> SuccessInfo {
        let unexpected: (String) -> String = { "throw \($0).unexpected()" }
        switch op.success {
        case .void:
            return SuccessInfo(type: "") { response in
                Self.arms(op, fallback: unexpected(response)) { $0.isSuccess ? "()" : unexpected(response) }
            }
        case .single(let type):
            return SuccessInfo(type: type.swift) { response in
                Self.arms(op, fallback: unexpected(response)) { r in
                    guard r.isSuccess else { return unexpected(response) }
                    if r.type == nil, type.isOptional { return "nil" }
                    return Self.decode(type, encoding: r.encoding, response: response)
                }
            }
        case .perStatus(let name, let cases):
            let byStatus = Dictionary(cases.map { ($0.status, $0) }, uniquingKeysWith: { first, _ in first })
            return SuccessInfo(type: name.swift) { response in
                Self.arms(op, fallback: unexpected(response)) { r in
                    guard r.isSuccess, let c = byStatus[r.status] else { return unexpected(response) }
                    guard let type = c.type else { return ".\(c.name)" }
                    return ".\(c.name)(\(Self.decode(type, encoding: r.encoding, response: response)))"
                }
            }
        }
    }

    /// The error-body closure's arms: a documented error status decodes its body, or is `nil` when it has none (so
    /// a specific status without content never falls into its range's body). Empty when no error has a body.
    func errorArms(_ op: OperationDecl, response: String) -> [StatusArmContext] {
        let cases = Dictionary(api.errorBodies.map { ($0.type, $0.caseName) }, uniquingKeysWith: { first, _ in first })
        let arms = Self.arms(op, fallback: "nil") { r in
            if !r.isSuccess, r.type == nil { return Self.bodylessError(response: response) }
            guard !r.isSuccess, let type = r.type, let caseName = cases[type] else { return "nil" }
            return ".\(caseName)(\(Self.decode(type, encoding: r.encoding, response: response)))"
        }
        return arms.allSatisfy { $0.expression == "nil" } ? [] : arms
    }

    /// The error-body arm of a documented error status without content: no body, and not the body of the status's
    /// range or of `default`. The runtime reports it as `.documentedStatus` without a body.
    static func bodylessError(response: String) -> String { "throw \(response).documentedWithoutBody()" }

    /// The expression decoding a body of `type` sent as `encoding`.
    static func decode(_ type: TypeRef, encoding: BodyEncoding?, response: String) -> String {
        let base = type.unwrapped
        if case .stream(let format, let item) = base { return decodeStream(format, item, response: response) }
        switch encoding {
        case .binary? where base == .builtin(.binary) || base == .builtin(.base64):
            return "\(response).body"
        case .text? where base == .builtin(.string):
            return "\(response).decodeText()"
        default:
            return "try \(response).decodeJSON(\(type.swift).self)"
        }
    }

    /// The sequence over a streamed body: `response.decodeServerSentEvents(Tick.self)`.
    static func decodeStream(_ format: StreamFormat, _ item: TypeRef, response: String) -> String {
        switch format {
        case .serverSentEvents: "\(response).decodeServerSentEvents(\(item.swift).self)"
        case .jsonLines: "\(response).decodeJSONStream(\(item.swift).self, recordSeparated: false)"
        case .jsonSequence: "\(response).decodeJSONStream(\(item.swift).self, recordSeparated: true)"
        }
    }

    /// One arm per status matcher (in the model's matching order), merged by expression (`case 200, 201:`), ending
    /// with `default` (the `default` response's expression, else `fallback`). An arm is left out when the arms after
    /// it would give its statuses the same expression.
    private struct ArmKey: Hashable {
        var isRange: Bool
        var expression: String
    }

    static func arms(_ op: OperationDecl, fallback: String, _ expression: (ResponseDecl) -> String)
        -> [StatusArmContext] {
        let entries = op.statusMatchers.map { ($0.status, expression(op.responses[$0.response])) }
        let defaultExpression = entries.first { $0.0 == .default }?.1 ?? fallback
        var order: [ArmKey] = []
        var patterns: [ArmKey: [String]] = [:]
        for (offset, (status, value)) in entries.enumerated() {
            let pattern: String
            switch status {
            case .code(let code): pattern = String(code)
            case .range(let digit): pattern = "\(digit * 100)...\(digit * 100 + 99)"
            case .default: continue
            }
            // What the statuses would get without this arm: the next matcher covering them, else `default`.
            let later = entries[(offset + 1)...].first { later in
                switch (status, later.0) {
                case (.code(let code), let next): next.covers(code)
                case (.range, .default): true
                default: false
                }
            }?.1 ?? defaultExpression
            guard later != value else { continue }
            // Codes merge with codes and ranges with ranges: a range merged into an earlier code's arm would catch
            // the codes between them.
            var isRange = false
            if case .range = status { isRange = true }
            let key = ArmKey(isRange: isRange, expression: value)
            if patterns[key] == nil { order.append(key) }
            patterns[key, default: []].append(pattern)
        }
        var arms = order.map {
            StatusArmContext(pattern: patterns[$0]!.joined(separator: ", "), isDefault: false,
                             expression: $0.expression)
        }
        arms.append(StatusArmContext(pattern: "default", isDefault: true, expression: defaultExpression))
        return arms
    }
}
