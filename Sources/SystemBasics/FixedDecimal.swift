#if canImport(Glibc)
    import Glibc
#endif

/// `String(format: "%.1f", value)` without Foundation: C's own `%.Nf` (correctly rounded, as
/// Foundation printed it), always with a decimal point. The C library would write the user's
/// decimal comma once the terminal has called `setlocale`; Foundation's `String(format:)`
/// never did, so the number is printed in the C locale.
public enum FixedDecimal {
    /// `value` with `places` digits after the point ("1.5", "0.250"); "nan", "inf" as C writes them.
    public static func text(_ value: Double, places: Int) -> String {
        let format = "%.\(max(0, min(places, 17)))f"
        let previous = uselocale(cLocale)
        defer { uselocale(previous) }
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = Int(withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) })
        if needed >= buffer.count {
            buffer = [CChar](repeating: 0, count: needed + 1)
            _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The C locale's numbers, made once (`uselocale` switches only the calling thread).
    private nonisolated(unsafe) static let cLocale: locale_t? = newlocale(LC_NUMERIC_MASK, "C", nil)
}
