import ClientModel

// MARK: - prefixItems tuples: Tuple.mustache

/// `Tuple.mustache`: a struct whose properties are a JSON array's elements, coded through an unkeyed container.
/// Declarations, the initializer, validation and redaction are the struct's (`StructContext`).
struct TupleContext: TemplateContext {
    var structure: StructContext
    /// Statements of `init(from:)` after `var container = try decoder.unkeyedContainer()`.
    var decodeLines: [String]
    /// Statements of `encode(to:)` after `var container = encoder.unkeyedContainer()`.
    var encodeLines: [String]
    /// The body of `arrayCount`, the number of elements the value encodes.
    var countLines: [String]

    var templateObject: TemplateObject {
        structure.templateObject.adding([
            "decodeLines": .strings(decodeLines),
            "encodeLines": .strings(encodeLines),
            "countLines": .strings(countLines),
        ])
    }
}

extension ModelRendering {
    func tupleContext(_ decl: TypeDecl, _ s: StructDecl, _ header: DeclarationHeader) -> TupleContext {
        let tuple = s.tuple!
        let elements = s.properties.prefix(tuple.elementCount)
        let restProperty = tuple.rest == nil ? nil : s.properties.last

        var decode: [String] = []
        var encode: [String] = []
        for (offset, element) in elements.enumerated() {
            let stored = element.needsIndirection ? propertyContext(element).storedName : element.identifier.swiftName
            let target = "self." + stored
            let call = element.isRequired
                ? "try container.decodeElement(\(element.type.swift).self)"
                : "try container.decodeElementIfPresent(\(element.type.unwrapped.swift).self)"
            decode.append(element.needsIndirection ? "\(target) = Indirect(\(call))" : "\(target) = \(call)")
            let write = "try container.encodeElement(self.\(element.identifier.swiftName))"
            encode.append(element.isRequired ? write : "if count > \(offset) { \(write) }")
        }
        if let restProperty, let rest = tuple.rest {
            decode += [
                "var rest: [\(rest.swift)] = []",
                "while !container.isAtEnd { rest.append(try container.decodeElement(\(rest.swift).self)) }",
                "self.\(restProperty.identifier.swiftName) = rest",
            ]
            let restName = restProperty.identifier.swiftName
            encode.append("for element in self.\(restName) { try container.encodeElement(element) }")
        }
        if elements.contains(where: { !$0.isRequired }) { encode.insert("let count = self.arrayCount", at: 0) }

        // The array ends at the last element set (earlier unset ones are written as null), or after the rest.
        var count: [String] = []
        if let restProperty {
            let rest = "self.\(restProperty.identifier.swiftName)"
            count.append("if !\(rest).isEmpty { return \(tuple.elementCount) + \(rest).count }")
        }
        let required = elements.prefix { $0.isRequired }.count
        for (offset, element) in elements.enumerated().reversed() where offset >= required {
            count.append("if self.\(element.identifier.swiftName) != nil { return \(offset + 1) }")
        }
        count.append("return \(required)")

        return TupleContext(structure: structContext(decl, s, header), decodeLines: decode, encodeLines: encode,
                            countLines: count)
    }

    /// `minItems`/`maxItems` of a tuple (over `arrayCount`), then validation of its rest elements (`path[i]`).
    func tupleRuleLines(_ s: StructDecl) -> [String] {
        guard let tuple = s.tuple else { return [] }
        var lines: [String] = []
        let tail = "path: path, into: &failures)"
        for rule in s.validation {
            switch rule {
            case .minItems(let n): lines.append("Validation.minItems(0..<self.arrayCount, \(n), \(tail)")
            case .maxItems(let n): lines.append("Validation.maxItems(0..<self.arrayCount, \(n), \(tail)")
            default: break
            }
        }
        if tuple.rest != nil, let property = s.properties.last, case .array(let element) = property.validationShape,
           element.containsValidatable {
            let inner = ValidationStatements.statements(
                value: "element", shape: element, rules: [],
                path: "path + \"[\" + Swift.String(index + \(tuple.elementCount)) + \"]\"")
            lines.append("for (index, element) in self.\(property.identifier.swiftName).enumerated() {")
            lines += inner.map { "    " + $0 } + ["}"]
        }
        return lines
    }
}
