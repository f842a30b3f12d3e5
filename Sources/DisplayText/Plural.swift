/// Counted nouns in messages to the user: "1 message", "3 messages", "0 messages".
public enum Plural {
    /// `count` and the noun, with "s" added unless the count is one (or `plural` when the
    /// noun is irregular).
    public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }

    public static func messages(_ count: Int) -> String { self.count(count, "message") }
}
