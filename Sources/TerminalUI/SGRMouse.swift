import AppCore

/// SGR (mode 1006) mouse reports: `ESC [ < button ; column ; row M` for a press, `… m` for a
/// release. Unlike the X10 encoding (one byte per coordinate, nothing past column 223) the
/// coordinates are decimal, so clicks work on any width.
enum SGRMouse {
    private static let invalid = 1_000_000
    /// Decodes a report whose `ESC [` came just before `start`. Returns the event (nil for
    /// reports vmtui does not act on: releases, motion, other buttons) and the index after
    /// the report; nil when the input there is not an SGR mouse report.
    static func decode(_ raws: [RawInput], from start: Int) -> (MouseEvent?, Int)? {
        guard start < raws.count, raws[start] == .character(UInt32(UInt8(ascii: "<"))) else { return nil }
        var numbers: [Int] = [0]
        var index = start + 1
        while index < raws.count, case .character(let code) = raws[index] {
            index += 1
            switch code {
            case 0x30...0x39:
                // No screen is a million cells wide: longer numbers make the report invalid.
                numbers[numbers.count - 1] = min(numbers[numbers.count - 1] * 10 + Int(code - 0x30), Self.invalid)
            case UInt32(UInt8(ascii: ";")):
                numbers.append(0)
            case UInt32(UInt8(ascii: "M")), UInt32(UInt8(ascii: "m")):
                guard numbers.count == 3, numbers.allSatisfy({ $0 < Self.invalid }), numbers[1] >= 1, numbers[2] >= 1
                else { return (nil, index) }
                let action = self.action(button: numbers[0], pressed: code == UInt32(UInt8(ascii: "M")))
                return (action.map { MouseEvent(x: numbers[1] - 1, y: numbers[2] - 1, action: $0) }, index)
            default:
                return (nil, index)  // malformed: dropped up to here
            }
        }
        return (nil, index)  // cut off: drop what arrived
    }

    /// Button 1 presses and the wheel; modifier bits (shift 4, meta 8, control 16) ignored.
    static func action(button: Int, pressed: Bool) -> MouseAction? {
        let code = button & ~(4 | 8 | 16)
        guard pressed, code & 32 == 0 else { return nil }  // releases and motion
        switch code {
        case 0: return .press
        case 64: return .wheelUp
        case 65: return .wheelDown
        default: return nil
        }
    }
}
