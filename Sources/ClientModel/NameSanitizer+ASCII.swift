// MARK: - `NameSanitizer` for ASCII text, on bytes: the same words and casing as the Character-based path, without
// Unicode property lookups, case mapping or a String per word (which made naming a tenth of a run).

extension NameSanitizer {
    /// `words` for ASCII text.
    static func asciiWords(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return asciiWordRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// `lowerCamel` (`lowerFirst`) or `upperCamel` of ASCII text, before `finish`: the leading or capitalised form of
    /// each word, written into one buffer.
    static func asciiCamel(_ text: String, lowerFirst: Bool) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        for (offset, range) in asciiWordRanges(bytes).enumerated() {
            let word = ASCIIWord(bytes[range])
            if offset == 0, lowerFirst { word.appendLeading(to: &out) } else { word.appendCapitalized(to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the words of ASCII `bytes` lie: runs of letters and digits, split on camel humps as `splitHumps` does.
    private static func asciiWordRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var chunkStart: Int?
        for index in bytes.indices {
            if bytes[index].isASCIIAlphanumeric {
                if chunkStart == nil { chunkStart = index }
            } else if let start = chunkStart {
                splitASCIIHumps(bytes, start..<index, into: &ranges)
                chunkStart = nil
            }
        }
        if let start = chunkStart { splitASCIIHumps(bytes, start..<bytes.count, into: &ranges) }
        return ranges
    }

    /// `splitHumps` for the ASCII chunk `bytes[chunk]`.
    private static func splitASCIIHumps(_ bytes: [UInt8], _ chunk: Range<Int>, into ranges: inout [Range<Int>]) {
        var start = chunk.lowerBound
        var index = chunk.lowerBound + 1
        while index < chunk.upperBound {
            let previous = bytes[index - 1], char = bytes[index]
            var boundary = previous.isASCIILowercase && char.isASCIIUppercase
            if !boundary, previous.isASCIIUppercase, char.isASCIIUppercase, index + 1 < chunk.upperBound,
               bytes[index + 1].isASCIILowercase {
                let pluralS = bytes[index + 1] == UInt8(ascii: "s")
                    && (index + 2 == chunk.upperBound || !bytes[index + 2].isASCIILowercase)
                boundary = !pluralS
            }
            if boundary {
                ranges.append(start..<index)
                start = index
            }
            index += 1
        }
        if start < chunk.upperBound { ranges.append(start..<chunk.upperBound) }
    }

    /// Packs up to 8 bytes into an integer (ASCII letters and digits are never 0, so lengths cannot collide).
    private static func packed(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// `initialisms` keyed by their packed lower-case bytes, so a word is looked up without making a String of it.
    private static let packedInitialisms: [UInt64: String] = Dictionary(
        initialisms.filter { $0.key.utf8.count <= 8 }.map { (packed($0.key.utf8), $0.value) },
        uniquingKeysWith: { first, _ in first })

    /// The length of the longest initialism: a longer word is none.
    private static let longestInitialism = initialisms.keys.map(\.utf8.count).max() ?? 0

    /// An ASCII word of `asciiWordRanges`: `capitalized` and `leading` on its bytes.
    struct ASCIIWord {
        let bytes: ArraySlice<UInt8>
        /// Some letter, and every letter upper case (`OKYC`, `ID2`).
        let isAllCaps: Bool

        /// `bytes` must be ASCII.
        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            isAllCaps = bytes.contains { $0.isASCIIUppercase } && !bytes.contains { $0.isASCIILowercase }
        }

        /// Nil unless `word` is ASCII.
        init?(_ word: String) {
            guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            self.init(ArraySlice(word.utf8))
        }

        /// The initialism spelled by the first `count` bytes, case-insensitively.
        private func initialism(prefix count: Int) -> String? {
            guard count <= longestInitialism else { return nil }
            let lower = bytes.prefix(count).lazy.map { $0.asciiLowercased }
            return count <= 8 ? packedInitialisms[packed(lower)] : initialisms[String(decoding: lower, as: UTF8.self)]
        }

        /// An initialism in capitals, an all-caps word tamed (`OKYC` → `Okyc`), otherwise the word with its first
        /// letter capitalised; `id2` → `ID2`, `ids` → `IDs`.
        func appendCapitalized(to out: inout [UInt8]) {
            let count = bytes.count
            let digits = bytes.reversed().prefix { $0.isASCIIDigit }.count
            let endsInS = count > 1 && bytes.last?.asciiLowercased == UInt8(ascii: "s")
            if let initialism = initialism(prefix: count) {
                out += initialism.utf8
            } else if digits > 0, digits < count, let initialism = initialism(prefix: count - digits) {
                out += initialism.utf8
                out += bytes.suffix(digits)
            } else if endsInS, let initialism = initialism(prefix: count - 1) {
                out += initialism.utf8
                out.append(UInt8(ascii: "s"))
            } else if let first = bytes.first {
                out.append(first.asciiUppercased)
                if isAllCaps {
                    out += bytes.dropFirst().lazy.map { $0.asciiLowercased }
                } else {
                    out += bytes.dropFirst()
                }
            }
        }

        /// Initialisms and all-caps words in lower case (`URL` → `url`, `IDs` → `ids`), otherwise the word with its
        /// first letter in lower case.
        func appendLeading(to out: inout [UInt8]) {
            let count = bytes.count
            let endsInS = bytes.last?.asciiLowercased == UInt8(ascii: "s")
            if initialism(prefix: count) != nil || isAllCaps || (endsInS && initialism(prefix: count - 1) != nil) {
                out += bytes.lazy.map { $0.asciiLowercased }
            } else if let first = bytes.first {
                out.append(first.asciiLowercased)
                out += bytes.dropFirst()
            }
        }

        /// `appendCapitalized` as a String.
        var capitalized: String {
            var out: [UInt8] = []
            appendCapitalized(to: &out)
            return String(decoding: out, as: UTF8.self)
        }

        /// `appendLeading` as a String.
        var leading: String {
            var out: [UInt8] = []
            appendLeading(to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }
}
