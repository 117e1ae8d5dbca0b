import Foundation

/// The one place where spec strings become Swift identifiers (STYLE convention 4). Templates never sanitize.
///
/// Scheme:
/// - Words are split on any non-alphanumeric character and on camel humps (`HTTPServer` → `HTTP`, `Server`).
///   Other scripts are transliterated to ASCII (`café` → `cafe`, `名前` → `mingQian`, `Привет` → `privet`); what
///   has no transliteration (an emoji) becomes its code point (`🔥` → `u1F525`); other characters separate words.
/// - Whole words found in `initialisms` are written in capitals (`client_id` → `clientID`), except as the first word
///   of a lowerCamel name (`url`, `otpCode`).
/// - A name that starts with a digit gets a `_` prefix (`2fa` → `_2fa`); an empty name becomes the fallback.
/// - Keywords are quoted with backticks (`` `default` ``); reserved members get the suffix `Value`
///   (`description` → `descriptionValue`); reserved type names get the suffix `Model` (`Error` → `ErrorModel`).
/// - Collisions are resolved by `NameScope`: the later name (document order) gets `2`, `3`… (`_2` after a digit).
public enum NameSanitizer {
    /// Splits a spec string into ASCII words.
    public static func words(_ raw: String) -> [String] {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(raw) }
        let folded = transliterated(raw)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(folded) }
        var chunks: [[Character]] = []
        var current: [Character] = []
        for scalar in folded.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.append(Character(scalar))
            } else if !scalar.isASCII, isNameCharacter(scalar) {
                // Left over by transliteration (an emoji, a symbol): its code point, as a word of its own.
                if !current.isEmpty { chunks.append(current) }
                chunks.append(Array("u" + String(scalar.value, radix: 16, uppercase: true)))
                current = []
            } else if !current.isEmpty {
                chunks.append(current)
                current = []
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks.flatMap(splitHumps)
    }

    /// Non-ASCII text in Latin letters: ICU's `Any-Latin; Latin-ASCII` (`名前` → `ming qian`, `Привет` → `Privet`,
    /// `straße` → `strasse`), then accents and widths folded. Deterministic for a given ICU version (the one bundled
    /// with Foundation); what no rule covers (emoji) stays and becomes `u<hex>` in `words`.
    private static func transliterated(_ raw: String) -> String {
        let latin = raw.applyingTransform(StringTransform(rawValue: "Any-Latin; Latin-ASCII"), reverse: false) ?? raw
        return latin.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// A non-ASCII scalar that carries meaning in a name (a letter, digit or symbol such as an emoji), as opposed
    /// to punctuation, spaces, joiners and variation selectors, which separate or vanish.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .otherSymbol, .mathSymbol, .currencySymbol:
            true
        default:
            false
        }
    }

    /// Splits one alphanumeric chunk on camel humps: `aadhaarOkycV1` → `aadhaar`, `Okyc`, `V1`; `getURLs` → `get`,
    /// `URLs`; `XMLHttpRequest` → `XML`, `Http`, `Request`.
    private static func splitHumps(_ chars: [Character]) -> [String] {
        var result: [String] = []
        var start = 0
        var index = 1
        while index < chars.count {
            let previous = chars[index - 1], char = chars[index]
            var boundary = previous.isLowercase && char.isUppercase
            if !boundary, previous.isUppercase, char.isUppercase, index + 1 < chars.count,
               chars[index + 1].isLowercase {
                // `HTTPServer`: split before `S`, unless it is a plural `s` ending the chunk (`URLs`, `IDs`).
                let pluralS = chars[index + 1] == "s" && (index + 2 == chars.count || !chars[index + 2].isLowercase)
                boundary = !pluralS
            }
            if boundary {
                result.append(String(chars[start..<index]))
                start = index
            }
            index += 1
        }
        if start < chars.count { result.append(String(chars[start...])) }
        return result
    }

    /// The capitalised form of a word: an initialism in capitals, an all-caps word tamed (`OKYC` → `Okyc`), otherwise
    /// the word with its first letter capitalised.
    private static func capitalized(_ word: String) -> String {
        if let ascii = ASCIIWord(word) { return ascii.capitalized }
        let lower = word.lowercased()
        if let initialism = initialisms[lower] { return initialism }
        let digits = lower.reversed().prefix(while: \.isNumber).count
        if digits > 0, digits < lower.count, let initialism = initialisms[String(lower.dropLast(digits))] {
            return initialism + lower.suffix(digits)  // `id2` → `ID2`, `oauth2` stays `Oauth2`.
        }
        if lower.count > 1, lower.hasSuffix("s"), let initialism = initialisms[String(lower.dropLast())] {
            return initialism + "s"
        }
        let letters = word.filter(\.isLetter)
        let base = !letters.isEmpty && letters.allSatisfy(\.isUppercase) ? lower : word
        return base.prefix(1).uppercased() + base.dropFirst()
    }

    /// The first word of a lowerCamel name: initialisms and all-caps words in lower case (`URL` → `url`,
    /// `IDs` → `ids`).
    private static func leading(_ word: String) -> String {
        if let ascii = ASCIIWord(word) { return ascii.leading }
        let letters = word.filter(\.isLetter)
        let lower = word.lowercased()
        if initialisms[lower] != nil || (!letters.isEmpty && letters.allSatisfy(\.isUppercase)) { return lower }
        if lower.hasSuffix("s"), initialisms[String(lower.dropLast())] != nil { return lower }
        return word.prefix(1).lowercased() + word.dropFirst()
    }

    /// An identifier that is valid after `_` fixing: a leading digit gets `_`, empty gets `fallback`.
    private static func finish(_ name: String, fallback: String) -> String {
        guard let first = name.first else { return fallback }
        return first.isNumber ? "_" + name : name
    }

    /// `send_aadhaar_otp` → `sendAadhaarOTP`. Not keyword-checked: see `memberName`.
    public static func lowerCamel(_ raw: String, fallback: String = "unnamed") -> String {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return finish(asciiCamel(raw, lowerFirst: true), fallback: fallback) }
        let parts = words(raw)
        guard let first = parts.first else { return fallback }
        return finish(leading(first) + parts.dropFirst().map(capitalized).joined(), fallback: fallback)
    }

    /// `send_aadhaar_otp` → `SendAadhaarOTP`. Not checked against reserved names: see `typeName`.
    public static func upperCamel(_ raw: String, fallback: String = "Unnamed") -> String {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { return finish(asciiCamel(raw, lowerFirst: false), fallback: fallback) }
        return finish(words(raw).map(capitalized).joined(), fallback: fallback)
    }

    /// Quotes a keyword with backticks; other identifiers are returned unchanged.
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// Removes backticks added by `escaped`.
    public static func unescaped(_ identifier: String) -> String {
        identifier.count > 2 && identifier.hasPrefix("`") && identifier.hasSuffix("`")
            ? String(identifier.dropFirst().dropLast()) : identifier
    }

    /// A member base name (unescaped): lowerCamel, with the `Value` suffix for `reserved` names.
    public static func memberBase(_ raw: String, reserved: Set<String> = reservedMembers,
                                  fallback: String = "unnamed") -> String {
        let name = lowerCamel(raw, fallback: fallback)
        return reserved.contains(name) ? name + "Value" : name
    }

    /// A property, parameter or case name, ready to print: `default` → `` `default` ``, `self` → `selfValue`.
    public static func memberName(_ raw: String) -> String { escaped(memberBase(raw)) }

    /// A method name that never needs backticks (so `WithResponse` can be appended): keywords (other than
    /// contextual ones like `open`) and reserved members get the suffix `Operation` (`import` → `importOperation`).
    public static func methodBase(_ raw: String) -> String {
        let name = lowerCamel(raw, fallback: "operation")
        let hard = keywords.contains(name) && !contextualKeywords.contains(name)
        return hard || reservedMembers.contains(name) ? name + "Operation" : name
    }

    /// A type name: UpperCamel, with the `Model` suffix for Swift, Foundation and runtime names and `extraReserved`
    /// (the module and client names). A `nested` type only avoids `reservedNestedTypeNames` (so a property `result`
    /// gives `Parent.Result`).
    public static func typeName(_ raw: String, nested: Bool = false, extraReserved: Set<String> = []) -> String {
        let name = upperCamel(raw)
        let reserved = nested ? reservedNestedTypeNames : reservedTypeNames
        return reserved.contains(name) || extraReserved.contains(name) || keywords.contains(name)
            ? name + "Model" : name
    }
}
