import VoicemailModel

/// A caller id as app_voicemail stores it: `"Name" <number>` (the name with `"` and `\` and
/// other unsafe characters backslash-escaped), a bare number, a bare name, or `Unknown`.
public struct AsteriskCallerID: Sendable, Equatable {
    public var name: String?
    /// Empty when the caller withheld it (`Unknown`).
    public var number: String

    public init(name: String?, number: String) {
        self.name = name
        self.number = number
    }

    /// Read as `ast_callerid_parse` reads it; the one parser is VoicemailModel's `CallerID`.
    public init(parsing text: String) {
        let parsed = CallerID(parsing: text)
        self.init(name: parsed.name, number: parsed.number)
    }

    /// As app_voicemail writes it: both parts quoted and bracketed, one part bare, or `Unknown`.
    public var asteriskString: String {
        let name = name.flatMap { $0.isEmpty ? nil : $0 }
        switch (name, number.isEmpty) {
        case (let name?, false): return "\"\(Self.escape(name))\" <\(number)>"
        case (let name?, true): return name
        case (nil, false): return number
        case (nil, true): return "Unknown"
        }
    }

    /// Backslash before every ASCII character outside the set a quoted SIP display name may
    /// hold unescaped (what Asterisk's ast_escape_quoted does).
    static func escape(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let v = scalar.value
            let plain = v == 0x09 || v == 0x0B || v == 0x20 || v == 0x21 || (0x23...0x5B).contains(v)
                || (0x5D...0x7E).contains(v) || v > 0x7F
            if !plain { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
