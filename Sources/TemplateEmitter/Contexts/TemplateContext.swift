// MARK: - Typed contexts, rendered as dictionaries
//
// Every template is a view over one typed context struct (STYLE 8). swift-mustache walks `[String: Any]` through
// `MustacheParent` without reflection, so each context converts itself explicitly; `Mirror` is never used on a
// big context. Every key a template may use is always present (empty string, `false` or `[]` when absent), so a
// missing key is a template typo, which `RenderCheck` reports in tests.

/// A value a template renders: a typed context struct converted to the dictionary swift-mustache reads.
protocol TemplateContext {
    /// All of the context's keys, each always present.
    var templateValue: [String: Any] { get }
}

extension Array where Element: TemplateContext {
    /// Elements as dictionaries, each with `isFirst`/`isLast` added for separators.
    var templateValue: [[String: Any]] {
        var out: [[String: Any]] = []
        out.reserveCapacity(count)
        for (index, element) in enumerated() {
            var value = element.templateValue
            value["isFirst"] = index == 0
            value["isLast"] = index == count - 1
            out.append(value)
        }
        return out
    }
}

/// Keys every file template can use: the provenance header and the module's names.
struct FileContext: TemplateContext {
    /// `{{access}}`: `public`, `package` or `internal`.
    var access: String
    /// The spec path, safe inside a `//` comment.
    var specPath: String
    var moduleName: String
    var clientName: String

    var templateValue: [String: Any] {
        [
            "access": access,
            "specPath": specPath,
            "moduleName": moduleName,
            "clientName": clientName,
        ]
    }
}

/// A file assembled from declarations rendered separately (`Models.swift`, `Operations.swift`).
struct DeclarationsFileContext: TemplateContext {
    var file: FileContext
    /// Rendered declarations, already indented for their place in the file.
    var declarations: [String]
    /// Module-level helpers (only in the first models file, only when used).
    var needsIndirectBox: Bool = false
    var needsDynamicCodingKey: Bool = false

    var templateValue: [String: Any] {
        var value = file.templateValue
        value["declarations"] = declarations
        value["needsIndirectBox"] = needsIndirectBox
        value["needsDynamicCodingKey"] = needsDynamicCodingKey
        return value
    }
}
