import ArgumentParser
import ClientModel

/// `--include-…`, `--exclude-…` and `--skip-deprecated`: generate part of SPEC (the command-line form of a client's
/// `filter:` in openapi-swift.yaml).
struct FilterOptions: ParsableArguments {
    @Option(name: .customLong("include-operation"), help: ArgumentHelp(
        "Generate the operation with this operationId, and everything it uses (repeatable).", valueName: "id"))
    var operations: [String] = []

    @Option(name: .customLong("include-tag"), help: ArgumentHelp(
        "Generate the operations with this tag, and everything they use (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("include-path"), help: ArgumentHelp(
        "Generate the operations of this path template as written, e.g. /pets/{id} (repeatable).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("include-schema"), help: ArgumentHelp(
        "Generate this component schema, and the schemas it uses, even if no kept operation does (repeatable).",
        valueName: "name"))
    var schemas: [String] = []

    @Option(name: .customLong("exclude-operation"), help: ArgumentHelp(
        "Leave out the operation with this operationId (repeatable).", valueName: "id"))
    var excludedOperations: [String] = []

    @Option(name: .customLong("exclude-tag"), help: ArgumentHelp(
        "Leave out the operations with this tag (repeatable).", valueName: "tag"))
    var excludedTags: [String] = []

    @Option(name: .customLong("exclude-path"), help: ArgumentHelp(
        "Leave out the operations of this path template (repeatable).", valueName: "path"))
    var excludedPaths: [String] = []

    @Flag(name: .customLong("skip-deprecated"), help: "Leave out operations marked deprecated.")
    var skipDeprecated = false

    /// The filter these options describe; empty when none is given.
    var filter: DocumentFilter {
        let groups: [(values: [String], kind: DocumentFilter.Kind, exclude: Bool)] = [
            (operations, .operation, false), (tags, .tag, false), (paths, .path, false), (schemas, .schema, false),
            (excludedOperations, .operation, true), (excludedTags, .tag, true), (excludedPaths, .path, true),
        ]
        let entries = groups.flatMap { group in
            group.values.map { DocumentFilter.Entry(group.kind, $0, exclude: group.exclude) }
        }
        return DocumentFilter(entries: entries, skipDeprecated: skipDeprecated)
    }
}
