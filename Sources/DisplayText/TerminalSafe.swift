/// Makes text from a server, a file or a process harmless on a terminal: escape sequences
/// (CSI, OSC, DCS, SOS, PM, APC and two-character ESC forms, in 7-bit and 8-bit spellings),
/// C0/C1 control characters and bidirectional overrides are removed, so a caller name cannot
/// clear the screen, set the window title or reorder the text around it. The screen and the
/// command line both print through here, so neither can be fooled by what the other rejects.
public enum TerminalSafe {
    /// `line(text)` bounded to `maxLength` characters, for text whose length the sender chose
    /// (an error reason, an id): a longer line ends in "…" within that length.
    public static func line(_ text: String, maxLength: Int) -> String {
        let whole = line(text)
        guard whole.count > maxLength else { return whole }
        return String(whole.prefix(max(0, maxLength - 1))) + "…"
    }

    /// A line quoted inside an error or a warning (a config value, a server's reason, a
    /// library's description): bounded so that no input can make the message unreadable.
    public static func errorDetail(_ text: String) -> String {
        line(text, maxLength: 200)
    }

    /// One line: line breaks and tabs become single spaces, runs of spaces collapse, ends trimmed.
    public static func line(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in strip(text) {
            if scalar == "\n" || scalar == "\t" || scalar == " " {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Several lines (transcriptions): line breaks are kept (CR LF and CR become LF), tabs
    /// become spaces.
    public static func text(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in strip(text) {
            result.append(scalar == "\t" ? " " : scalar)
        }
        return String(result)
    }

    /// The scalars that remain, with line ends normalised to "\n" and tabs kept.
    private static func strip(_ text: String) -> [Unicode.Scalar] {
        let scalars = Array(text.unicodeScalars)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            switch v {
            case 0x1B:
                i = skipEscape(scalars, from: i + 1)
                continue
            case 0x9B:  // 8-bit CSI
                i = skipCSI(scalars, from: i + 1)
                continue
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:  // 8-bit DCS, SOS, OSC, PM, APC
                i = skipString(scalars, from: i + 1)
                continue
            case 0x0D:
                out.append("\n")
                if i + 1 < scalars.count, scalars[i + 1].value == 0x0A { i += 1 }
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                out.append("\n")
            case 0x09:
                out.append("\t")
            case 0x00..<0x20, 0x7F..<0xA0:
                break
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                break  // bidi embeddings, overrides, isolates and marks
            case 0xFFF9...0xFFFB, 0xFEFF:
                break  // interlinear annotations, byte order mark
            default:
                out.append(scalars[i])
            }
            i += 1
        }
        return out
    }

    /// After ESC: returns the index just past the whole sequence.
    private static func skipEscape(_ s: [Unicode.Scalar], from start: Int) -> Int {
        guard start < s.count else { return start }
        switch s[start] {
        case "[": return skipCSI(s, from: start + 1)
        case "]", "P", "X", "^", "_": return skipString(s, from: start + 1)
        default:
            // ESC, intermediates (0x20–0x2F), one final character: "ESC ( B", "ESC c".
            var i = start
            while i < s.count, (0x20...0x2F).contains(s[i].value) { i += 1 }
            return min(s.count, i + 1)
        }
    }

    /// Parameters and intermediates up to the final byte 0x40–0x7E.
    private static func skipCSI(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            let v = s[i].value
            if (0x40...0x7E).contains(v) { return i + 1 }
            if !(0x20...0x3F).contains(v) { return i }  // malformed: drop what came before
            i += 1
        }
        return i
    }

    /// A control string ends with BEL, ST (ESC \) or 8-bit ST; unterminated ones run to the end.
    private static func skipString(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < s.count {
            let v = s[i].value
            if v == 0x07 || v == 0x9C { return i + 1 }
            if v == 0x1B { return i + 1 < s.count && s[i + 1] == "\\" ? i + 2 : i + 1 }
            i += 1
        }
        return i
    }
}
