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
        let folded = raw.utf8.allSatisfy { $0 < 0x80 } ? raw : transliterated(raw)
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

    /// `words` for ASCII text, on bytes: the same chunks and humps without Unicode property lookups, which made
    /// naming a tenth of a run.
    private static func asciiWords(_ text: String) -> [String] {
        var result: [String] = []
        var chunk: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                chunk.append(byte)
            default:
                if !chunk.isEmpty { splitASCIIHumps(chunk, into: &result) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { splitASCIIHumps(chunk, into: &result) }
        return result
    }

    /// `splitHumps` for an ASCII chunk.
    private static func splitASCIIHumps(_ chars: [UInt8], into result: inout [String]) {
        func isLower(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
        func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        var start = 0
        var index = 1
        while index < chars.count {
            let previous = chars[index - 1], char = chars[index]
            var boundary = isLower(previous) && isUpper(char)
            if !boundary, isUpper(previous), isUpper(char), index + 1 < chars.count, isLower(chars[index + 1]) {
                let pluralS = chars[index + 1] == UInt8(ascii: "s")
                    && (index + 2 == chars.count || !isLower(chars[index + 2]))
                boundary = !pluralS
            }
            if boundary {
                result.append(String(decoding: chars[start..<index], as: UTF8.self))
                start = index
            }
            index += 1
        }
        if start < chars.count { result.append(String(decoding: chars[start...], as: UTF8.self)) }
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

    /// `capitalized` and `leading` on bytes, for the ASCII words `words` returns: the same results without
    /// `Character` iteration and Unicode case mapping (which cost ~3 % of a run on 0.5 MB documents).
    private struct ASCIIWord {
        let bytes: [UInt8]
        let lower: [UInt8]
        /// Some letter, and every letter upper case (`OKYC`, `ID2`).
        let isAllCaps: Bool

        init?(_ word: String) {
            var bytes: [UInt8] = []
            var lower: [UInt8] = []
            bytes.reserveCapacity(word.utf8.count)
            lower.reserveCapacity(word.utf8.count)
            var hasLetter = false, hasLowercase = false
            for byte in word.utf8 {
                guard byte < 0x80 else { return nil }
                let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
                hasLetter = hasLetter || isUpper || isLower
                hasLowercase = hasLowercase || isLower
                bytes.append(byte)
                lower.append(isUpper ? byte + 32 : byte)
            }
            self.bytes = bytes
            self.lower = lower
            isAllCaps = hasLetter && !hasLowercase
        }

        private static func string(_ bytes: some Collection<UInt8>) -> String {
            String(decoding: bytes, as: UTF8.self)
        }

        /// The word with its first byte mapped by `change` (upper- or lower-casing an ASCII letter).
        private static func withFirst(_ bytes: [UInt8], _ change: (UInt8) -> UInt8) -> String {
            guard let first = bytes.first else { return "" }
            var out = bytes
            out[0] = change(first)
            return string(out)
        }

        private static func upper(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
        }

        private static func lowered(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        }

        var capitalized: String {
            let lowerString = Self.string(lower)
            if let initialism = initialisms[lowerString] { return initialism }
            var digits = 0
            while digits < lower.count,
                  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower[lower.count - 1 - digits]) { digits += 1 }
            if digits > 0, digits < lower.count,
               let initialism = initialisms[Self.string(lower[..<(lower.count - digits)])] {
                return initialism + Self.string(lower[(lower.count - digits)...])
            }
            if lower.count > 1, lower.last == UInt8(ascii: "s"),
               let initialism = initialisms[Self.string(lower.dropLast())] {
                return initialism + "s"
            }
            return Self.withFirst(isAllCaps ? lower : bytes, Self.upper)
        }

        var leading: String {
            let lowerString = Self.string(lower)
            if initialisms[lowerString] != nil || isAllCaps { return lowerString }
            if lower.last == UInt8(ascii: "s"), initialisms[Self.string(lower.dropLast())] != nil { return lowerString }
            return Self.withFirst(bytes, Self.lowered)
        }
    }

    /// An identifier that is valid after `_` fixing: a leading digit gets `_`, empty gets `fallback`.
    private static func finish(_ name: String, fallback: String) -> String {
        guard let first = name.first else { return fallback }
        return first.isNumber ? "_" + name : name
    }

    /// `send_aadhaar_otp` → `sendAadhaarOTP`. Not keyword-checked: see `memberName`.
    public static func lowerCamel(_ raw: String, fallback: String = "unnamed") -> String {
        let parts = words(raw)
        guard let first = parts.first else { return fallback }
        return finish(leading(first) + parts.dropFirst().map(capitalized).joined(), fallback: fallback)
    }

    /// `send_aadhaar_otp` → `SendAadhaarOTP`. Not checked against reserved names: see `typeName`.
    public static func upperCamel(_ raw: String, fallback: String = "Unnamed") -> String {
        finish(words(raw).map(capitalized).joined(), fallback: fallback)
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
