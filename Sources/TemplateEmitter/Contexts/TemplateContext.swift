// MARK: - Typed contexts, rendered as typed values
//
// Every template is a view over one typed context struct (STYLE 8). Each context converts itself explicitly into a
// `TemplateObject` (`[String: TemplateValue]`), which the embedded templates render directly (`FastTemplate`) and
// swift-mustache reads as `[String: Any]` (overrides); `Mirror` is never used on a big context. Every key a template
// may use is always present (empty string, `false` or `[]` when absent), so a missing key is a template typo, which
// `RenderCheck` reports in tests.

/// A value a template renders: a typed context struct converted to the values templates read.
protocol TemplateContext {
    /// All of the context's keys, each always present.
    var templateObject: TemplateObject { get }
}

extension TemplateContext {
    /// The context as swift-mustache reads it.
    var templateValue: [String: Any] { templateObject.anyValue }
}

extension Array where Element: TemplateContext {
    /// Elements as a list value, each with `isFirst`/`isLast` added for separators.
    var templateList: TemplateValue {
        var out: [TemplateObject] = []
        out.reserveCapacity(count)
        for (index, element) in enumerated() {
            var value = element.templateObject
            value["isFirst"] = .bool(index == 0)
            value["isLast"] = .bool(index == count - 1)
            out.append(value)
        }
        return .list(out)
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

    var templateObject: TemplateObject {
        [
            "access": .string(access),
            "specPath": .string(specPath),
            "moduleName": .string(moduleName),
            "clientName": .string(clientName),
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

    var templateObject: TemplateObject {
        file.templateObject.adding([
            "declarations": .strings(declarations),
            "needsIndirectBox": .bool(needsIndirectBox),
            "needsDynamicCodingKey": .bool(needsDynamicCodingKey),
        ])
    }
}
