#if canImport(Glibc)
    import Glibc
#endif

/// Numbers with a fixed count of decimals, rounded exactly as `String(format: "%.1f")` did:
/// libc's printf does the work (vsnprintf, reached through a va_list), so the text is
/// byte for byte what Foundation printed. Always with a decimal point: the screen has called
/// `setlocale`, after which libc would write the user's decimal comma where Foundation never
/// did, so the number is printed in the C locale.
public enum FixedPoint {
    public static func text(_ value: Double, fractionDigits: Int) -> String {
        let previous = uselocale(cLocale)
        defer { uselocale(previous) }
        var buffer = [CChar](repeating: 0, count: 64)
        let format = "%.\(max(0, min(fractionDigits, 20)))f"
        let count = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        if count >= buffer.count {
            // Very large values: try again with room for every digit.
            buffer = [CChar](repeating: 0, count: Int(count) + 1)
            _ = withVaList([value]) { arguments in
                buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
            }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The C locale's numbers, made once (`uselocale` switches only the calling thread).
    private nonisolated(unsafe) static let cLocale: locale_t? = newlocale(LC_NUMERIC_MASK, "C", nil)
}
