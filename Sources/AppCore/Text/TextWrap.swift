import DisplayText

/// Word wrapping by display columns (wide characters count twice); words longer than a line
/// are broken between characters. Line breaks in the text start new lines.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ") {
                let w = DisplayWidth.of(word)
                if used > 0, used + 1 + w <= width {
                    line += " " + word
                    used += 1 + w
                    continue
                }
                if used > 0 {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                if w <= width {
                    line = String(word)
                    used = w
                    continue
                }
                for character in word {
                    let cw = DisplayWidth.of(character)
                    if used + cw > width {
                        lines.append(line)
                        line = ""
                        used = 0
                    }
                    line.append(character)
                    used += cw
                }
            }
            lines.append(line)
        }
        return lines
    }
}
