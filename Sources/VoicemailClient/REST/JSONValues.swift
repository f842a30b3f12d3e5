import Foundation

/// Reading loosely typed JSON (`JSONSerialization`) from vendor answers: numbers may come as
/// integers, doubles or strings, and a JSON null is `NSNull`.
enum JSONValue {
    static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: number
        case let number as Int64: Int(number)
        case let number as Double: number.isFinite ? Int(number) : nil
        case let number as NSNumber: number.intValue
        case let text as String: Int(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as Int: String(number)
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    /// A non-empty string, else nil (null, empty, absent).
    static func text(_ value: Any?) -> String? {
        guard let text = string(value)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
