import OpenAPISwiftBase

// MARK: - Where IR declarations come from in the spec

/// An IR declaration that records where the spec declares it (`sourceLocation`), so reports about the generated API
/// (`openapi-swift diff`) can cite `file:line:column`.
public protocol Locatable {
    var sourceLocation: SourceLocation? { get set }
}

extension TypeDecl: Locatable {}
extension PropertyDecl: Locatable {}
extension EnumCaseDecl: Locatable {}
extension UnionCaseDecl: Locatable {}
extension OperationDecl: Locatable {}
extension ParameterDecl: Locatable {}
extension RequestBodyDecl: Locatable {}
extension BodyContentDecl: Locatable {}
extension ResponseDecl: Locatable {}
extension ResponseHeaderDecl: Locatable {}
extension SuccessCaseDecl: Locatable {}
extension SecuritySchemeDecl: Locatable {}
extension ErrorBodyCaseDecl: Locatable {}
