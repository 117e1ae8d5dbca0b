import ClientModel
import SpecParser

// MARK: - Types operations need that the model did not declare: per-status success enums, per-content bodies

/// The payload enums named by operations (`SuccessDecl.perStatus`, per-content request bodies) and not declared
/// among `APIDecl.types`.
struct OperationTypes {
    /// Each enum's full name (nested ones go into an extension of the parent) and its context.
    let declarations: [(name: TypeName, context: PayloadEnumContext)]

    init(api: APIDecl, index: TypeIndex) {
        let access = api.accessLevel.rawValue
        var declared = Set(index.declarations.keys)
        var out: [(name: TypeName, context: PayloadEnumContext)] = []
        func add(_ name: TypeName, doc: [String], cases: [PayloadEnumContext.Case]) {
            guard declared.insert(name).inserted else { return }
            let header = DeclarationHeader(access: access, name: name.local, docLines: SwiftEscaping.docComment(doc),
                                           isDeprecated: false, nested: "")
            out.append((name, PayloadEnumContext(header: header, conformances: "Swift.Hashable, Swift.Sendable",
                                                 cases: cases)))
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
        }
        declarations = out
    }
}
