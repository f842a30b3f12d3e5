/// The few string operations the client took from Foundation's NSString, on the standard
/// library alone (the client links FoundationEssentials, which lacks them). Both work on
/// Unicode scalars, as Foundation did: a quote followed by a combining mark is still a quote
/// to be escaped (a shell or Asterisk reads bytes, not characters).
extension StringProtocol {
    /// Foundation's `trimmingCharacters(in: .whitespaces)`: spaces (Unicode Zs) and tabs off
    /// both ends.
    public func trimmingSpaces() -> String {
        trimmingScalars(where: PlainText.isSpace)
    }

    /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`: spaces, tabs, line and
    /// paragraph separators, U+000A–U+000D and U+0085 off both ends.
    public func trimmingSpacesAndNewlines() -> String {
        trimmingScalars(where: PlainText.isSpaceOrNewline)
    }

    /// The scalars matching `drop` off both ends.
    public func trimmingScalars(where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }

    /// Foundation's `replacingOccurrences(of:with:)`: every occurrence of `target`, compared
    /// scalar by scalar, replaced.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return String(self) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: String(self).unicodeScalars.replacing(target.unicodeScalars, with: replacement.unicodeScalars))
        return String(out)
    }
}

public enum PlainText {
    /// Foundation's `CharacterSet.whitespaces`: Unicode general category Zs, the tab, and the
    /// zero width space (a Zs in Unicode 1.1, still one to Foundation).
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
    }

    /// Foundation's `CharacterSet.alphanumerics`: Unicode general categories L*, M* and N*
    /// (as the standard library's Unicode data has them: letters added since Unicode 9, which
    /// Foundation's older tables lack, count too).
    public static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    /// Foundation's `CharacterSet.whitespacesAndNewlines`: category Z*, U+000A–U+000D, U+0085.
    public static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x200B: return true
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}
