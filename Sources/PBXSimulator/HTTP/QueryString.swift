import Foundation

/// `a=1&filter[mailbox]=101` as sent in URLs and form bodies (`+` is a space), keys and
/// values percent-decoded. Later duplicates win.
struct QueryString: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ raw: String?) {
        guard let raw, !raw.isEmpty else { return }
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[key] = value
        }
    }

    subscript(_ key: String) -> String? { values[key] }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
