import CNcursesw
import DisplayText
import Glibc

/// The terminal's window title and bell. ncurses has no title call: the title goes out as the
/// terminfo status-line strings (`tsl`…`fsl`) when the terminal has them, else as OSC 0 for
/// the terminals known to understand it (xterm and its kin, tmux, screen); elsewhere nothing
/// is sent, so no stray bytes reach a terminal that would print them.
public enum TerminalTitle {
    /// What to write around a title on this terminal, or nil when it cannot show one.
    public static func sequences(term: String, tsl: String?, fsl: String?) -> (start: String, end: String)? {
        if let tsl, let fsl, !tsl.isEmpty, !fsl.isEmpty { return (tsl, fsl) }
        let family = ["xterm", "tmux", "screen", "rxvt", "alacritty", "kitty", "foot", "wezterm", "vte", "gnome",
                      "konsole", "putty"]
        guard family.contains(where: { term.hasPrefix($0) }) else { return nil }
        return ("\u{1B}]0;", "\u{07}")
    }

    /// One terminal-safe line (a title must not carry escapes), at most 120 characters.
    static func clean(_ title: String) -> String { TerminalSafe.line(title, maxLength: 120) }
}

extension CursesTerminal {
    /// Sets the title; nil gives the user's own title back (at exit). The user's title is
    /// saved on the terminal's title stack first (`TitleStack`), never blanked. Written
    /// straight to the terminal after ncurses has flushed its frame, so the two never
    /// interleave.
    public func setTitle(_ title: String?) {
        guard var stack = titleStack else { return }
        let shown = title.map { charset == .ascii ? GlyphFallback.ascii(line: TerminalTitle.clean($0)) : TerminalTitle.clean($0) }
        let bytes = stack.set(shown)
        titleStack = stack
        SignalRelay.setTitlePushed(stack.pushed)
        Self.writeDirectly(bytes)
    }

    /// The terminal bell (or its visible flash where the terminal has no bell).
    public func ring() {
        beep()
    }

    static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1, Int(bitPattern: value) != 0 else { return nil }
        return String(cString: value)
    }

    /// Bytes straight to the terminal, past ncurses' buffer (which is flushed after each frame).
    static func writeDirectly(_ text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 {
                    if written < 0, errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
