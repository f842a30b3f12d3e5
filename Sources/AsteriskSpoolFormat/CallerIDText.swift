import VoicemailModel

/// Asterisk's `callerid=` value (what `ast_callerid_merge` writes and `ast_callerid_parse`
/// reads): `"Name" <number>` with `"` and `\` in the name backslash-escaped, a bare number, a
/// bare name, or `Unknown` when there is neither. A bare value is a number only when it looks
/// like a phone number (`isPhoneNumber`); `callerid=anonymous` is a caller named "anonymous".
/// No caller id is `CallerID(name: nil, number: "")`, as the spool backend reads it.
///
/// The store keeps every caller id in `normalized` form, which is exactly what reading the
/// file back gives: a message looks the same before and after a restart, whatever its caller
/// sent (control characters, quotes, `<`, `>`, backslashes, surrounding blanks).
package enum CallerIDText {
    package static let unknown = "Unknown"

    package static let none = CallerID(name: nil, number: "")

    /// Bare when Asterisk would write it bare and reads it back as the same thing; otherwise
    /// quoted and bracketed (which it also reads), so nothing a caller sent changes meaning.
    package static func render(_ callerID: CallerID) -> String {
        let name = clean(callerID.name ?? "")
        let number = clean(callerID.number)
        if name.isEmpty {
            if number.isEmpty { return unknown }
            if number.unicodeScalars.allSatisfy(phoneSymbols.contains) { return number }
        } else if number.isEmpty, readsBackAsName(name) {
            return name
        }
        return "\"\(escape(name))\" <\(number)>"
    }

    /// By Unicode scalar, so a combining mark after a quote or bracket cannot hide it.
    package static func parse(_ text: String) -> CallerID {
        let cleaned = clean(text)
        if ["unknown", "<unknown>"].contains(cleaned.lowercased()) { return none }
        let scalars = Array(cleaned.unicodeScalars)
        func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return String(view)
        }
        if scalars.first == "\"" {
            var name = String.UnicodeScalarView()
            var index = 1
            var escaping = false
            var closed = false
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if escaping {
                    name.append(scalar)
                    escaping = false
                } else if scalar == "\\" {
                    escaping = true
                } else if scalar == "\"" {
                    closed = true
                    break
                } else {
                    name.append(scalar)
                }
            }
            // An unterminated quote: what is there is the name.
            guard closed else { return finish(name: String(name), number: "") }
            let rest = scalars[index...]
            guard let open = rest.firstIndex(of: "<") else { return finish(name: String(name), number: string(rest)) }
            let close = rest[(open + 1)...].lastIndex(of: ">") ?? rest.endIndex
            return finish(name: String(name), number: string(rest[(open + 1)..<close]))
        }
        if scalars.last == ">", let open = scalars.firstIndex(of: "<") {
            return finish(name: string(scalars[..<open]), number: string(scalars[(open + 1)..<(scalars.count - 1)]))
        }
        if let number = phoneNumber(cleaned) { return finish(name: "", number: number) }
        return finish(name: cleaned, number: "")
    }

    /// What `ast_callerid_parse` takes a bare value for a number by: once spaces, `-`, `.`,
    /// `(` and `)` are dropped, only digits, `+`, `*` and `#` are left (that shorter form is the
    /// number). nil: the value is a name.
    package static func phoneNumber(_ text: String) -> String? {
        var shrunk = String.UnicodeScalarView()
        shrunk.append(contentsOf: text.unicodeScalars.filter { !phoneSeparators.contains($0) })
        guard !shrunk.isEmpty, shrunk.allSatisfy(phoneSymbols.contains) else { return nil }
        return String(shrunk)
    }

    private static let phoneSymbols = Set("0123456789+*#".unicodeScalars)
    private static let phoneSeparators = Set(" -.()".unicodeScalars)

    /// What the value becomes once written and read back.
    package static func normalized(_ callerID: CallerID) -> CallerID {
        parse(render(callerID))
    }

    private static func finish(name: String, number: String) -> CallerID {
        let name = clean(name)
        let number = clean(number)
        // Neither a name nor a number is what Asterisk writes as Unknown.
        if name.isEmpty, number.isEmpty { return none }
        return CallerID(name: name.isEmpty ? nil : name, number: number)
    }

    /// Control characters become spaces (as on disk, where a value is one line), then the
    /// blanks around are dropped (the file format does not keep them).
    package static func clean(_ text: String) -> String {
        IniFile.singleLine(text).trimmingBlanks
    }

    /// A name Asterisk may write alone: one that `parse` cannot take for a number, for no
    /// caller id, for a quoted or bracketed value, or unescape into something else.
    private static func readsBackAsName(_ name: String) -> Bool {
        phoneNumber(name) == nil && !["unknown", "<unknown>"].contains(name.lowercased())
            && !name.unicodeScalars.contains { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" }
    }

    private static func escape(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }
}
