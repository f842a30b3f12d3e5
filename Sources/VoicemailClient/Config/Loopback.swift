import SystemBasics

/// Hosts that never leave this machine (traffic to them cannot be read on a network).
enum Loopback {
    static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased().trimmingScalars(where: { $0 == "[" || $0 == "]" })
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
