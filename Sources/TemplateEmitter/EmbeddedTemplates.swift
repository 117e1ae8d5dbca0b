// MARK: - Every template, embedded in the binary

/// The templates compiled into the binary (`resources: [.embedInCode("Templates")]`), by name.
///
/// SwiftPM names each file's bytes `PackageResources.<file name with `.` and `+` as `_`>`. A test checks that
/// every `Templates/*.mustache` file is listed here.
enum EmbeddedTemplates {
    static let all: [String: [UInt8]] = [
        "Alias": PackageResources.Alias_mustache,
        "AnyOf": PackageResources.AnyOf_mustache,
        "Auth": PackageResources.Auth_mustache,
        "Client": PackageResources.Client_mustache,
        "Enum": PackageResources.Enum_mustache,
        "Errors": PackageResources.Errors_mustache,
        "Models": PackageResources.Models_mustache,
        "Operation": PackageResources.Operation_mustache,
        "Operations": PackageResources.Operations_mustache,
        "PayloadEnum": PackageResources.PayloadEnum_mustache,
        "ResponseHeaders": PackageResources.ResponseHeaders_mustache,
        "Struct": PackageResources.Struct_mustache,
        "Tuple": PackageResources.Tuple_mustache,
        "Union": PackageResources.Union_mustache,
    ]
}
