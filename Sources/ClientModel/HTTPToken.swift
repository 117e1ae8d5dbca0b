/// RFC 9110 §5.6.2 `token`: what a header field name (and an RFC 6265 cookie name) may be. A parameter or apiKey
/// whose name is not a token would build a request no HTTP stack can send, so it is skipped with a warning.
enum HTTPToken {
    /// `tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA`
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    /// The hint printed with the warning.
    static let hint = "a header or cookie name is an HTTP token: letters, digits and !#$%&'*+-.^_`|~ only"
}
