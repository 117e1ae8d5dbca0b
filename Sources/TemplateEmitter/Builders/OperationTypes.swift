import ClientModel

// MARK: - Types operations need that the model did not declare: per-status success enums, per-content bodies

/// The types named by operations and not declared among `APIDecl.types`: payload enums (`SuccessDecl.perStatus`,
/// per-content request bodies), content-type choices, and typed response headers.
struct OperationTypes {
    /// Each enum's full name (nested ones go into an extension of the parent) and its context.
    let declarations: [(name: TypeName, context: PayloadEnumContext)]
    /// `<Op>ResponseHeaders` structs, in operation order.
    let headerStructs: [ResponseHeadersContext]

    init(api: APIDecl, index: TypeIndex) {
        let access = api.accessLevel.rawValue
        var declared = Set(index.declarations.keys)
        var out: [(name: TypeName, context: PayloadEnumContext)] = []
        var headerStructs: [ResponseHeadersContext] = []
        func add(_ name: TypeName, doc: [String], cases: [PayloadEnumContext.Case],
                 conformances: String = "Swift.Hashable, Swift.Sendable") {
            guard declared.insert(name).inserted else { return }
            let header = DeclarationHeader(access: access, name: name.local, docLines: SwiftEscaping.docComment(doc),
                                           isDeprecated: false, nested: "")
            out.append((name, PayloadEnumContext(header: header, conformances: conformances, cases: cases)))
        }
        for op in api.operations {
            if case .perStatus(let name, let successCases) = op.success {
                let cases = successCases.map { c in
                    PayloadEnumContext.Case(docLines: SwiftEscaping.docComment(["Status `\(c.status)`."]),
                                            name: c.name, payload: c.type.map { "(\($0.swift))" } ?? "")
                }
                add(name, doc: ["The successful responses of `\(op.name)`, by status.", "",
                                "- Remark: Generated from `\(op.pointer)`."], cases: cases)
            }
            if let body = op.body, body.isPerContentEnum, case .named(let name)? = Optional(body.type.unwrapped) {
                let cases = body.contents.map { c in
                    PayloadEnumContext.Case(docLines: SwiftEscaping.docComment(["Sent as `\(c.mediaType)`."]),
                                            name: c.caseName, payload: "(\(c.type.swift))")
                }
                add(name, doc: ["The request body of `\(op.name)`, in one of its content types.", "",
                                "- Remark: Generated from `\(op.pointer)/requestBody`."], cases: cases)
            }
            if let body = op.body, let choice = body.contentTypeChoice {
                let cases = body.contents.map { c in
                    PayloadEnumContext.Case(docLines: SwiftEscaping.docComment(["`\(c.mediaType)`."]),
                                            name: c.caseName, payload: " = " + SwiftEscaping.stringLiteral(c.mediaType))
                }
                add(choice.typeName, doc: ["The content types `\(op.name)` can send its body in; the first is the "
                                           + "default.", "", "- Remark: Generated from `\(op.pointer)/requestBody`."],
                    cases: cases, conformances: "Swift.String, Swift.Hashable, Swift.Sendable, Swift.CaseIterable")
            }
            if let headers = op.responseHeaders, declared.insert(headers.typeName).inserted {
                headerStructs.append(Self.headersContext(headers, op: op, access: access))
            }
        }
        declarations = out
        self.headerStructs = headerStructs
    }

    /// The context of `ResponseHeaders.mustache` for one operation.
    static func headersContext(_ decl: ResponseHeadersDecl, op: OperationDecl, access: String)
        -> ResponseHeadersContext {
        let doc = ["The response headers `\(op.name)` documents, typed. Each is nil when the response does not carry "
                   + "it or its value does not parse as documented.", "",
                   "Read them from `Response.headers` or `APIError.headers`: "
                    + "`\(decl.typeName.local)(response.headers)`.",
                   "", "- Remark: Generated from `\(op.pointer)/responses`."]
        let header = DeclarationHeader(access: access, name: decl.typeName.local,
                                       docLines: SwiftEscaping.docComment(doc), isDeprecated: false, nested: "")
        let members = decl.headers.map { h in
            let wire = h.identifier.wireName
            return ResponseHeadersContext.Member(
                docLines: SwiftEscaping.docComment((h.doc.isEmpty ? [] : h.doc + [""]) + ["`\(wire)`."]),
                name: h.identifier.swiftName, type: h.type.swift, wireLiteral: SwiftEscaping.stringLiteral(wire))
        }
        let initParameters = decl.headers.map { "\($0.identifier.swiftName): \($0.type.swift)? = nil" }
        return ResponseHeadersContext(header: header, members: members,
                                      initParameters: initParameters.joined(separator: ", "))
    }
}
