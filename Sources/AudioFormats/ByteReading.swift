/// Fixed-width integers read out of a byte array; callers check the bounds first.
public enum ByteReading {
    public static func uint16LE(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    public static func uint32LE(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }

    public static func uint32BE(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    /// True when `text`'s UTF-8 bytes stand at `offset`.
    static func matches(_ bytes: [UInt8], _ text: String, at offset: Int = 0) -> Bool {
        let expected = Array(text.utf8)
        guard offset >= 0, bytes.count >= offset + expected.count else { return false }
        return bytes[offset..<offset + expected.count].elementsEqual(expected)
    }
}
