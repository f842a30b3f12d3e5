/// Lengths of audio as a clock shows them, on the screen and on the command line alike.
public enum DurationText {
    /// "0:42", "12:05", "1:02:03"; a negative length reads as "0:00".
    public static func clock(_ seconds: Int) -> String {
        let s = max(0, seconds)
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        if s >= 3600 { return "\(s / 3600):\(two(s % 3600 / 60)):\(two(s % 60))" }
        return "\(s / 60):\(two(s % 60))"
    }
}

extension DurationText {
    /// How long ago, in the largest whole unit: "45s", "12m", "5h", "3d".
    public static func age(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
    }
}
