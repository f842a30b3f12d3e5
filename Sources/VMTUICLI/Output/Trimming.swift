extension StringProtocol {
    /// Without leading and trailing spaces and tabs (what `.whitespaces` trimmed; newlines stay).
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
