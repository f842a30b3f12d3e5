import FoundationEssentials
import SystemBasics

/// The `Cookie` header that carries a login's session: every `name=value` the login answer
/// set, whatever the names (PHPSESSID, a load balancer's, a PBX's own).
enum SessionCookies {
    static func header(from setCookies: [String]) -> String? {
        var pairs: [(name: String, value: String)] = []
        for line in setCookies {
            guard let pair = line.split(separator: ";", maxSplits: 1).first else { continue }
            let trimmed = pair.trimmingSpaces()
            guard let equals = trimmed.firstIndex(of: "="), equals != trimmed.startIndex else { continue }
            let name = String(trimmed[..<equals])
            let value = String(trimmed[trimmed.index(after: equals)...])
            // An empty or "deleted" value is the server clearing a cookie, not setting one.
            guard !value.isEmpty, value != "deleted" else { continue }
            pairs.removeAll { $0.name == name }
            pairs.append((name, value))
        }
        guard !pairs.isEmpty else { return nil }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }
}
