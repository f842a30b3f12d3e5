import FoundationEssentials

/// The environment handed to players and recorders: the user's environment minus anything
/// that could carry a credential. A player has no business knowing the PBX token.
public enum ChildEnvironment {
    /// Names dropped whatever their value.
    static let droppedNames: Set<String> = vmtuiSecrets.union(["VMTUI_SERVER", "VMTUI_URL"])
    /// vmtui's own secrets: no child gets them, whatever it is.
    public static let vmtuiSecrets: Set<String> = ["VMTUI_TOKEN", "VMTUI_PASSWORD", "VMTUI_AMI_SECRET", "VMTUI_PIN"]

    /// The environment for a command the user wrote to produce a secret (`token_command`):
    /// everything but vmtui's own secrets, since such a command may need the user's agent
    /// sockets and stores (SSH_AUTH_SOCK, PASSWORD_STORE_DIR) that `sanitized` drops.
    public static func withoutVMTUISecrets(_ environment: [String: String]) -> [String: String] {
        environment.filter { !vmtuiSecrets.contains($0.key.uppercased()) }
    }

    /// Name fragments that mark a variable as secret-looking.
    static let secretFragments = [
        "TOKEN", "PASSWORD", "PASSWD", "SECRET", "CREDENTIAL", "API_KEY", "APIKEY", "AUTH",
        "COOKIE", "SESSION", "PRIVATE_KEY", "_PIN", "VMTUI_",
    ]

    public static func sanitized(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        extra: [String: String] = [:]
    ) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in environment where !isSecret(name: name, value: value) {
            result[name] = value
        }
        for (name, value) in extra { result[name] = value }
        return result
    }

    /// Paths and addresses that players need to reach the sound server or display, whose
    /// names merely look secret.
    static let keptNames: Set<String> = ["XAUTHORITY", "PULSE_COOKIE", "DBUS_SESSION_BUS_ADDRESS"]

    static func isSecret(name: String, value: String) -> Bool {
        let upper = name.uppercased()
        if droppedNames.contains(upper) { return true }
        let keptByName = keptNames.contains(upper) || upper.hasPrefix("XDG_")
        if !keptByName, secretFragments.contains(where: { upper.contains($0) }) { return true }
        // A URL with credentials in it (https://user:pass@host), whatever the variable is called.
        if let scheme = value.firstRange(of: "://") {
            let rest = value[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            if authority.contains("@") { return true }
        }
        return false
    }
}
