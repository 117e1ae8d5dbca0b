// MARK: - Identifiers: the names of one thing on the wire and in Swift

/// The names of one IR declaration that the spec names and Swift code names: a property, a parameter, a response
/// header, an enum case, a credential, a token path step, a security scheme. Decided once, in ClientModel
/// (`NameSanitizer.identifier`, from a name claimed in its scope); the emitter only renders it.
///
/// Spelling: `swiftName` and `label` are escaped, ready to print (a keyword is quoted: `` `default` ``), because the
/// emitter writes them as Swift code; `unescapedName` is the same name without backticks, for text that is not an
/// identifier (a string literal, a doc comment, a name built by adding a prefix or suffix). `NameSanitizer.escaped`
/// is the one escaping function and `NameSanitizer.unescaped` the one unescaping function.
public struct Identifier: Sendable, Hashable {
    /// The name as the spec writes it, raw (the emitter escapes it for its context): what goes on the wire (a JSON
    /// key, a parameter or header name, an enum raw value) or, for a name that never does, the spec's key for it (a
    /// security scheme's key under `securitySchemes`). A tuple element's is its position (`[0]`, `[2...]`).
    public var wireName: String
    /// The Swift identifier: sanitized, collision-free in its scope, keywords quoted (`` `default` ``).
    public var swiftName: String
    /// The argument label a call site writes where the name is an argument (an operation's parameter, a memberwise
    /// initializer's property, a token initializer's credential): `swiftName`, or `_` when the argument is passed
    /// without a label (a tuple element named `_0`, `_1`…).
    public var label: String

    public init(wireName: String, swiftName: String, label: String? = nil) {
        self.wireName = wireName
        self.swiftName = swiftName
        self.label = label ?? swiftName
    }

    /// `swiftName` without backticks (`NameSanitizer.unescaped`).
    public var unescapedName: String { NameSanitizer.unescaped(swiftName) }

    /// Whether call sites pass the value without a label.
    public var isUnlabeled: Bool { label == "_" }

    /// `label` as a call's argument list writes it (`f(default: x)`): see `NameSanitizer.callLabel`.
    public var callLabel: String { NameSanitizer.callLabel(label) }
}

extension NameSanitizer {
    /// The identifier of a name claimed in its scope: `base` is the claimed Swift name (from `memberBase` and
    /// `NameScope.claim` or `Builder.claimMember`; quoted or not, it is escaped here), `wire` the spec's name.
    /// `unlabeled` gives the label `_`.
    public static func identifier(wire: String, claimed base: String, unlabeled: Bool = false) -> Identifier {
        let swiftName = escaped(unescaped(base))
        return Identifier(wireName: wire, swiftName: swiftName, label: unlabeled ? "_" : swiftName)
    }

    /// An argument label as a call writes it: keywords need no backticks there, except `inout`, `var` and `let`
    /// (Swift 6 warns "keyword does not need to be escaped in argument list").
    public static func callLabel(_ label: String) -> String {
        let bare = unescaped(label)
        return ["inout", "var", "let"].contains(bare) ? label : bare
    }
}
