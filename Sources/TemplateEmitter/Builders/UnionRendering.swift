import ClientModel
import OpenAPISwiftBase

// MARK: - UnionDecl → UnionContext (`Union.mustache`, and `AnyOf.mustache` for an anyOf that keeps every match)

extension ModelRendering {
    func unionContext(_ decl: TypeDecl, _ u: UnionDecl, _ header: DeclarationHeader) -> UnionContext {
        let caseNames = Set(u.cases.map(\.name))
        let cases = u.cases.enumerated().map { offset, c in
            UnionCaseContext(name: c.name, type: u.keepsAllMatches ? c.type.unwrapped.swift : c.type.swift,
                             isIndirect: c.needsIndirection, index: offset, branch: Self.branchLiteral(c.hint),
                             encodesObject: c.encodesObject, storedName: "_" + NameSanitizer.unescaped(c.name))
        }
        var arms: [DiscriminatorArmContext] = []
        let types = Dictionary(u.cases.map { ($0.name, $0.type.swift) }, uniquingKeysWith: { first, _ in first })
        if let discriminator = u.discriminator {
            var order: [String] = []
            var values: [String: [String]] = [:]
            var seenValues: Set<String> = []
            for (value, caseName) in discriminator.mapping where caseNames.contains(caseName) {
                guard seenValues.insert(value).inserted else { continue }
                if values[caseName] == nil { order.append(caseName) }
                values[caseName, default: []].append(SwiftEscaping.stringLiteral(value))
            }
            arms = order.map {
                DiscriminatorArmContext(values: values[$0]!.joined(separator: ", "), caseName: $0, type: types[$0]!)
            }
        }
        let unknown = u.unknownCaseName ?? ""
        let defaultCase = u.discriminator?.defaultCaseName ?? ""
        let isValidatable = decl.isValidatable
        var conformances = ["Swift.Codable", "Swift.Hashable", "Swift.Sendable"]
        if isValidatable { conformances.append("Validatable") }
        return UnionContext(
            header: header, cases: cases, hasDiscriminator: u.discriminator != nil,
            discriminatorLiteral: SwiftEscaping.stringLiteral(u.discriminator?.propertyName ?? ""),
            discriminatorArms: arms, unknownCaseName: unknown,
            defaultCaseName: defaultCase, defaultCaseType: types[defaultCase] ?? "",
            initParameters: u.initArguments.map(\.declaration).joined(separator: ", "),
            hasObjectCases: u.cases.contains(where: \.encodesObject),
            nameLiteral: SwiftEscaping.stringLiteral("The value matches no alternative of \(decl.name.swift)."),
            conformances: conformances.joined(separator: ", "), isValidatable: isValidatable,
            validationLines: isValidatable ? unionValidation(u) : []
        )
    }

    /// `validate(path:into:)` of a union: each alternative that has rules (an enum case, or a set `anyOf` member).
    private func unionValidation(_ u: UnionDecl) -> [String] {
        if u.keepsAllMatches {
            return u.cases.filter(\.validationShape.containsValidatable).flatMap { c in
                ["if let value = self.\(c.name) {"]
                    + ValidationStatements.statements(value: "value", shape: c.validationShape.unwrapped, rules: [],
                                                      path: "path").map { "    " + $0 }
                    + ["}"]
            }
        }
        var lines = ["switch self {"]
        for c in u.cases where c.validationShape.containsValidatable {
            lines.append("case .\(c.name)(let value):")
            lines += ValidationStatements.statements(value: "value", shape: c.validationShape, rules: [],
                                                     path: "path").map { "    " + $0 }
        }
        let covered = u.cases.allSatisfy(\.validationShape.containsValidatable) && !u.hasUnknownCase
        return lines + (covered ? ["}"] : ["default:", "    break", "}"])
    }

    /// The `UnionBranch(…)` row of an alternative; arguments at their defaults are left out.
    static func branchLiteral(_ hint: DecodeHint) -> String {
        var arguments = ["kind: .\(hint.kind.rawValue)"]
        func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        if !hint.requiredKeys.isEmpty {
            arguments.append("required: " + list(hint.requiredKeys.map(SwiftEscaping.stringLiteral)))
        }
        if !hint.declaredKeys.isEmpty {
            arguments.append("declared: " + list(hint.declaredKeys.map(SwiftEscaping.stringLiteral)))
        }
        if !hint.closedProperties.isEmpty {
            let entries = hint.closedProperties.map {
                SwiftEscaping.stringLiteral($0.key) + ": " + list($0.values.map(jsonLiteral))
            }
            arguments.append("closed: " + list(entries))
        }
        if !hint.closedValues.isEmpty { arguments.append("values: " + list(hint.closedValues.map(jsonLiteral))) }
        if hint.forbidsOtherKeys { arguments.append("forbidsOthers: true") }
        return "UnionBranch(" + arguments.joined(separator: ", ") + ")"
    }

    /// A scalar `JSONValue` as a Swift literal of the runtime's `JSONValue` (`"a"`, `1`, `2.5`, `true`, `nil`).
    static func jsonLiteral(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): SwiftEscaping.stringLiteral(text)
        case .integer(let number): String(number)
        case .number(let number, _): number.isFinite ? "\(number)" : "nil"
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: "nil"
        }
    }
}
