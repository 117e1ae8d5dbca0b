// MARK: - Every template, embedded in the binary

/// The templates compiled into the binary (`resources: [.embedInCode("Templates")]`), by name.
///
/// SwiftPM names each file's bytes `PackageResources.<file name with `.` and `+` as `_`>`. A test checks that
/// every `Templates/*.mustache` file is listed here.
enum EmbeddedTemplates {
    static let all: [String: [UInt8]] = [
        "Alias": PackageResources.Alias_mustache,
        "Auth": PackageResources.Auth_mustache,
        "Client": PackageResources.Client_mustache,
        "Enum": PackageResources.Enum_mustache,
        "Errors": PackageResources.Errors_mustache,
        "Models": PackageResources.Models_mustache,
        "Operation": PackageResources.Operation_mustache,
        "Operations": PackageResources.Operations_mustache,
        "PayloadEnum": PackageResources.PayloadEnum_mustache,
        "ResponseHeaders": PackageResources.ResponseHeaders_mustache,
        "Runtime": PackageResources.Runtime_mustache,
        "Runtime+Auth": PackageResources.Runtime_Auth_mustache,
        "Runtime+JSON": PackageResources.Runtime_JSON_mustache,
        "Runtime+Multipart": PackageResources.Runtime_Multipart_mustache,
        "Runtime+OptionalValue": PackageResources.Runtime_OptionalValue_mustache,
        "Runtime+Redaction": PackageResources.Runtime_Redaction_mustache,
        "Runtime+Request": PackageResources.Runtime_Request_mustache,
        "Runtime+Response": PackageResources.Runtime_Response_mustache,
        "Runtime+Retry": PackageResources.Runtime_Retry_mustache,
        "Runtime+Schema": PackageResources.Runtime_Schema_mustache,
        "Runtime+Streams": PackageResources.Runtime_Streams_mustache,
        "Runtime+Tokens": PackageResources.Runtime_Tokens_mustache,
        "Runtime+Transport": PackageResources.Runtime_Transport_mustache,
        "Runtime+Validation": PackageResources.Runtime_Validation_mustache,
        "Struct": PackageResources.Struct_mustache,
        "Tuple": PackageResources.Tuple_mustache,
        "Union": PackageResources.Union_mustache,
    ]
}
