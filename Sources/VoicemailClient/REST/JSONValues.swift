import FoundationEssentials
import SystemBasics

/// Reading loosely typed JSON (`LooseJSON`) from vendor answers: numbers may come as
/// integers, doubles or strings, and a JSON null is `LooseJSON.null`.
enum JSONValue {
    static func int(_ value: Any?) -> Int? {
        switch value {
        case let text as String: Int(text.trimmingSpaces())
        default: LooseJSON.int(value)
        }
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        default: LooseJSON.numberText(value)
        }
    }

    /// A non-empty string, else nil (null, empty, absent).
    static func text(_ value: Any?) -> String? {
        guard let text = string(value)?.trimmingSpacesAndNewlines(), !text.isEmpty else { return nil }
        return text
    }
}
