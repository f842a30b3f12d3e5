import AppCore
import CNcursesw

/// Turns a batch of raw ncurses input into `InputEvent`s.
///
/// A lone ESC is `.escape`. ncurses already waited ESCDELAY for the rest of a sequence it
/// knows, so an ESC with more bytes right behind it is either Alt+key or a sequence ncurses
/// does not know (bracketed paste, focus reports): both are dropped rather than turned
/// into an Escape press followed by stray characters. The one such sequence that is read
/// is an SGR (1006) mouse report, which terminals send when ncurses' terminfo entry only
/// knows the old X10 encoding (see `MouseProtocol`).
public enum InputDecoder {
    public static func decode(_ raws: [RawInput]) -> [InputEvent] {
        var events: [InputEvent] = []
        var index = 0
        while index < raws.count {
            let raw = raws[index]
            index += 1
            if raw == .character(27) {
                guard index < raws.count, case .character(let next) = raws[index] else {
                    events.append(.key(.escape))
                    continue
                }
                index += 1
                if next == UInt32(UInt8(ascii: "[")), let (mouse, after) = SGRMouse.decode(raws, from: index) {
                    if let mouse { events.append(.mouse(mouse)) }
                    index = after
                    continue
                }
                if next == UInt32(UInt8(ascii: "[")) || next == UInt32(UInt8(ascii: "O")) {
                    // Skip parameters up to the final byte (0x40–0x7E) of a CSI/SS3 sequence.
                    while index < raws.count, case .character(let byte) = raws[index] {
                        index += 1
                        if (0x40...0x7E).contains(byte) { break }
                    }
                }
                continue
            }
            if let event = decode(raw) { events.append(event) }
        }
        return events
    }

    /// One raw input on its own (ESC here is simply `.escape`).
    public static func decode(_ raw: RawInput) -> InputEvent? {
        switch raw {
        case .character(let code):
            return character(code).map { .key($0) }
        case .keyCode(let code):
            return keyCode(code).map { .key($0) }
        case .mouse(let x, let y, let state):
            return mouseAction(buttonState: state).map { .mouse(MouseEvent(x: x, y: y, action: $0)) }
        case .resize(let width, let height):
            return .resize(TerminalSize(width: width, height: height))
        }
    }

    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 0: return .control(" ")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        case 0x80..<0xA0: return nil  // C1 controls are never typed text
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        default:
            let f0 = vmtui_key_f0()
            if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }

    /// Button 1 presses (and clicks, on terminals that only report those) and the wheel.
    public static func mouseAction(buttonState: UInt) -> MouseAction? {
        let state = mmask_t(truncatingIfNeeded: buttonState)
        if state & vmtui_button4_pressed() != 0 { return .wheelUp }
        if state & vmtui_button5_pressed() != 0 { return .wheelDown }
        if state & (vmtui_button1_pressed() | vmtui_button1_clicked()) != 0 { return .press }
        return nil
    }
}
