extension StringProtocol {
    /// Without the spaces and tabs at either end, as typed into a prompt (the standard
    /// library's answer to Foundation's `trimmingCharacters(in: .whitespaces)`).
    var trimmingSpaces: String {
        let isSpace = { (c: Character) in
            c == "\t" || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
