/// Names that read as secrets or personal identifiers. A string property or parameter with such a JSON name is
/// treated as sensitive (masked in `description`, `dump`, errors and logs) even when the spec does not mark it,
/// because vendor specs rarely do. Matching is by whole words, so `otp_reference` or `token_type` do not match.
enum SensitiveNames {
    /// A last word that alone marks a secret: `client_secret`, `access_token`, `otp`, `pin`.
    private static let secretWords: Set<String> = [
        "password", "passwd", "passphrase", "passcode", "secret", "otp", "pin", "token", "sharecode", "cvv",
    ]
    /// Two-word endings: `otp_code`, `share_code`, `api_key`, `private_key`.
    private static let secretPairs: Set<[String]> = [
        ["otp", "code"], ["share", "code"], ["api", "key"], ["private", "key"], ["secret", "key"],
    ]
    /// Identity numbers: `aadhaar`, `aadhaar_number`, `aadhaar_no`, `aadhaarUID`.
    private static let identityWords: Set<String> = ["aadhaar", "aadhar", "uidai"]
    private static let identityEndings: Set<String> = ["aadhaar", "aadhar", "number", "no", "num", "uid", "id"]

    static func matches(_ name: String) -> Bool {
        let words = split(name)
        guard let last = words.last else { return false }
        if secretWords.contains(last) { return true }
        if words.count >= 2, secretPairs.contains(Array(words.suffix(2))) { return true }
        if words.contains(where: identityWords.contains), identityEndings.contains(last) { return true }
        return false
    }

    /// Lower-cased words of a snake, kebab or camel-case name: split at every character that is neither a letter
    /// nor a number, and before an upper-case letter that follows a lower-case letter or a number.
    static func split(_ name: String) -> [String] {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return splitCharacters(name) }
        // ASCII, on bytes: the same words without Unicode property lookups (which made this 2 % of a run).
        var words: [String] = []
        var word: [UInt8] = []
        var afterLowerOrDigit = false
        for byte in name.utf8 {
            let separates = !byte.isASCIIAlphanumeric
            if separates || (byte.isASCIIUppercase && afterLowerOrDigit), !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
            if !separates { word.append(byte.asciiLowercased) }
            afterLowerOrDigit = byte.isASCIILowercase || byte.isASCIIDigit
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// `split` for text with non-ASCII characters.
    private static func splitCharacters(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
