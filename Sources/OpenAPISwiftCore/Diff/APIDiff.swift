import ClientModel
import SpecParser

// MARK: - Comparing two API surfaces declaration by declaration

public enum APIDiff {
    /// Every change from `old` to `new`, breaking first, then by declaration path and message. A declaration that is
    /// removed, added or changes kind is one change: its members are not listed.
    public static func changes(from old: APISurface, to new: APISurface) -> [APIChange] {
        var changes: [APIChange] = []
        for (key, before) in old.declarations {
            guard let after = new.declarations[key] else {
                if !isCovered(before, in: old, other: new) {
                    changes.append(APIChange(rule: .removed, declaration: before.path,
                                             message: "\(before.kind.noun) removed", location: before.sourceLocation))
                }
                continue
            }
            guard !isCovered(before, in: old, other: new) else { continue }
            if before.kind != after.kind {
                changes.append(APIChange(rule: .kindChanged, declaration: before.path,
                                         message: "changed from \(article(before.kind)) to \(article(after.kind))",
                                         location: after.sourceLocation))
                continue
            }
            changes += compare(before, after).filter { !isExplainedByProperty($0, of: before, old: old, new: new) }
        }
        for (key, after) in new.declarations where old.declarations[key] == nil {
            guard !isCovered(after, in: new, other: old) else { continue }
            let isNewCase = after.kind == .case && after.parent != nil
            changes.append(APIChange(
                rule: isNewCase ? .caseAdded : .added, declaration: after.path,
                message: isNewCase
                    ? "case added; a `switch` over \(after.parent ?? "") without `default` stops compiling"
                    : "\(after.kind.noun) added",
                location: after.sourceLocation))
        }
        return changes.sorted {
            ($0.severity, $0.declaration, $0.message) < ($1.severity, $1.declaration, $1.message)
        }
    }

    /// Whether an enclosing declaration of `declaration` (in `surface`) is missing from `other` or has another kind
    /// there: that change already covers this one.
    private static func isCovered(_ declaration: SurfaceDeclaration, in surface: APISurface,
                                  other: APISurface) -> Bool {
        surface.ancestors(of: declaration).contains { ancestor in
            other.declarations[ancestor.key].map { $0.kind != ancestor.kind } ?? true
        }
    }

    /// A memberwise initializer's argument change that its property's own change already reports: the property was
    /// removed, added or changed type. A required argument for a new property is still reported: adding the
    /// property is additive, but every call of the initializer breaks.
    private static func isExplainedByProperty(_ change: APIChange, of initializer: SurfaceDeclaration,
                                              old: APISurface, new: APISurface) -> Bool {
        guard initializer.kind == .initializer, let parent = initializer.parent, let argument = change.argument,
              change.rule != .argumentAdded else { return false }
        let key = parent + "." + (argument.hasPrefix("_ ") ? String(argument.dropFirst(2)) : argument)
        let before = old.declarations[key], after = new.declarations[key]
        guard before?.kind == .property || after?.kind == .property else { return false }
        return before?.type != after?.type
    }

    private static func article(_ kind: SurfaceDeclaration.Kind) -> String {
        (kind == .enum ? "an " : "a ") + kind.rawValue
    }

    // MARK: - One declaration in both versions

    private static func compare(_ old: SurfaceDeclaration, _ new: SurfaceDeclaration) -> [APIChange] {
        var changes: [APIChange] = []
        func change(_ rule: ChangeRule, _ message: String, at location: SourceLocation?) {
            changes.append(APIChange(rule: rule, declaration: old.path, message: message, location: location))
        }
        let location = new.typeLocation ?? new.sourceLocation
        if old.type != new.type {
            let before = old.type ?? "none", after = new.type ?? "none"
            switch new.kind {
            case .property:
                let (a, b) = (TypeSpelling(before), TypeSpelling(after))
                if a.base != b.base {
                    change(.typeChanged, "type changed from \(before) to \(after)", at: location)
                } else if b.isOptional {
                    change(.becameOptional, "became optional (\(before) → \(after))", at: location)
                } else {
                    change(.becameNonOptional, "became non-optional (\(before) → \(after))", at: location)
                }
            case .operation, .method, .initializer:
                change(.returnTypeChanged, "return type changed from \(before) to \(after)", at: location)
            case .typealias:
                change(.typeChanged, "now an alias of \(after) (was \(before))", at: location)
            case .enum, .struct:
                change(.typeChanged, "raw type changed from \(before) to \(after)", at: location)
            case .case:
                change(.typeChanged, "associated value changed from \(before) to \(after)", at: location)
            }
        }
        if let before = old.arguments, let after = new.arguments {
            changes += compareArguments(before, after, declaration: old.path, fallback: new.sourceLocation)
        }
        return changes
    }

    /// Arguments matched by label (`_ name` when unlabeled). Each argument gets at most one change: a changed base
    /// type, else a lost or gained default (optional arguments default to nil, so optionality goes with it), else any
    /// other change of its type. The order of the arguments both versions have, and that did not break otherwise, is
    /// compared last.
    static func compareArguments(_ old: [ArgumentDecl], _ new: [ArgumentDecl], declaration: String,
                                 fallback: SourceLocation?) -> [APIChange] {
        var changes: [APIChange] = []
        /// A change about `argument` (at its location), or about the whole list (at the declaration's).
        func change(_ rule: ChangeRule, _ message: String, _ argument: ArgumentDecl?) {
            changes.append(APIChange(rule: rule, declaration: declaration, message: message,
                                     location: argument?.sourceLocation ?? fallback, argument: argument?.matchKey))
        }
        let oldByKey = Dictionary(old.map { ($0.matchKey, $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(new.map { ($0.matchKey, $0) }, uniquingKeysWith: { first, _ in first })
        for argument in old where newByKey[argument.matchKey] == nil {
            change(.argumentRemoved, "parameter \(argument.displayName) removed", argument)
        }
        var unbroken: Set<String> = []
        for argument in new {
            let name = argument.displayName
            guard let before = oldByKey[argument.matchKey] else {
                if argument.defaultValue == nil {
                    change(.argumentAdded, "required parameter \(name) added", argument)
                } else {
                    change(.optionalArgumentAdded, "optional parameter \(name) added", argument)
                }
                continue
            }
            let (a, b) = (TypeSpelling(before.type), TypeSpelling(argument.type))
            let hadDefault = before.defaultValue != nil, hasDefault = argument.defaultValue != nil
            let typeChange = "parameter \(name) changed type from \(before.type) to \(argument.type)"
            if a.base != b.base {
                change(.argumentTypeChanged, typeChange, argument)
                continue
            } else if hadDefault && !hasDefault {
                change(.argumentBecameRequired, "parameter \(name) became required", argument)
                continue
            } else if !hadDefault && hasDefault {
                change(.argumentBecameOptional, "parameter \(name) became optional", argument)
            } else if a != b {
                // Optionality alone, the default unchanged (no generated signature does this today).
                change(.argumentTypeChanged, typeChange, argument)
                continue
            }
            unbroken.insert(argument.matchKey)
        }
        let oldOrder = old.map(\.matchKey).filter(unbroken.contains)
        let newOrder = new.map(\.matchKey).filter(unbroken.contains)
        if oldOrder != newOrder {
            func labels(_ keys: [String]) -> String {
                "(" + keys.map { $0.hasPrefix("_ ") ? "_:" : $0 + ":" }.joined() + ")"
            }
            change(.argumentsReordered, "parameters reordered: \(labels(oldOrder)) → \(labels(newOrder))", nil)
        }
        return changes
    }
}
