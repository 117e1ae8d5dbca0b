/// ASCII classes of a UTF-8 byte, for the byte-level paths over names (`NameSanitizer+ASCII`, `SensitiveNames`):
/// for ASCII text they agree with `Character`'s `isLowercase`, `isUppercase`, `isNumber` and case mapping.
extension UInt8 {
    var isASCIILowercase: Bool { self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z") }
    var isASCIIUppercase: Bool { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isASCIIAlphanumeric: Bool { isASCIILowercase || isASCIIUppercase || isASCIIDigit }
    /// An upper-case ASCII letter in lower case; any other byte unchanged.
    var asciiLowercased: UInt8 { isASCIIUppercase ? self + 32 : self }
    /// A lower-case ASCII letter in upper case; any other byte unchanged.
    var asciiUppercased: UInt8 { isASCIILowercase ? self - 32 : self }
}
