/// File sizes in binary units, spelled as such (KiB, MiB, GiB) on the screen and the command
/// line alike.
public enum SizeText {
    private static let units = ["KiB", "MiB", "GiB", "TiB"]

    /// "512 B", "1.5 KiB", "96 KiB", "1.4 MiB", "20 MiB": one decimal below 10 of a unit, whole
    /// numbers from 10 up, so a column of sizes never shows more than three digits.
    public static func bytes(_ count: some BinaryInteger) -> String {
        let b = max(0, Int64(clamping: count))
        if b < 1024 { return "\(b) B" }
        var value = Double(b) / 1024
        var unit = 0
        // Step up after rounding, so 1,048,575 bytes reads "1.0 MiB", not "1024 KiB".
        while unit < units.count - 1, value.rounded() >= 1024 {
            value /= 1024
            unit += 1
        }
        if (value * 10).rounded() < 100 {
            let tenths = Int((value * 10).rounded())
            return "\(tenths / 10).\(tenths % 10) \(units[unit])"
        }
        return "\(Int(value.rounded())) \(units[unit])"
    }
}
