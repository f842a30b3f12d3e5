/// Text that came from a server or a file, made safe to show on one terminal line:
/// escape sequences and control characters removed, whitespace collapsed, length bounded.
public enum Sanitize {
    public static func line(_ text: String, maxLength: Int = 200) -> String {
        var result = ""
        var lastWasSpace = false
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                skipEscapeSequence(&iterator)
                continue
            }
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " " {
                if !lastWasSpace, !result.isEmpty { result.append(" ") }
                lastWasSpace = true
                continue
            }
            if isUnprintable(scalar) { continue }
            result.unicodeScalars.append(scalar)
            lastWasSpace = false
        }
        while result.hasSuffix(" ") { result.removeLast() }
        if result.count > maxLength { result = String(result.prefix(maxLength - 1)) + "…" }
        return result
    }

    /// Like `line` but keeps line breaks (for a transcription printed as a paragraph).
    public static func text(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0), maxLength: Int.max) }
            .joined(separator: "\n")
    }

    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) { return true }
        // Bidirectional overrides and isolates can disguise what a line says.
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true }
        return false
    }

    /// Consumes CSI (ESC [ … final), OSC (ESC ] … BEL or ST) and two-character escapes.
    private static func skipEscapeSequence(_ iterator: inout String.UnicodeScalarView.Iterator) {
        guard let next = iterator.next() else { return }
        switch next {
        case "[":
            while let s = iterator.next(), !(0x40...0x7E).contains(s.value) {}
        case "]", "P", "_", "^":
            var previous: Unicode.Scalar = " "
            while let s = iterator.next() {
                if s == "\u{07}" || (previous == "\u{1B}" && s == "\\") { break }
                previous = s
            }
        default:
            break
        }
    }
}
