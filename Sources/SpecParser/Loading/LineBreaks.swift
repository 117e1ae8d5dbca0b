/// Line breaks in UTF-8 text.
public enum LineBreaks {
    /// Whether `bytes` hold a line break other than LF: CR, VT, FF (line breaks to `Character.isNewline`) or NEL
    /// (C2 85), LS (E2 80 A8), PS (E2 80 A9) (line breaks to both `Character.isNewline` and libyaml). Code that
    /// counts lines by LF alone checks this first.
    public static func containsOtherThanLF(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            switch bytes[index] {
            case 0x0D, 0x0B, 0x0C:
                return true
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85:
                return true
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return true
            default:
                continue
            }
        }
        return false
    }
}
