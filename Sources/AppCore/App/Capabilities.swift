import VoicemailBackend

/// What the backend can do decides what the screen offers (footer, help, keys, folders).
extension App {
    static func capabilitiesLoaded(_ state: inout AppState, _ result: Result<BackendCapabilities, AppError>) -> [Effect] {
        // Unknown capabilities leave everything offered: the backend itself refuses what it
        // lacks before sending anything, so nothing unsafe can follow.
        if case .success(let capabilities) = result { state.capabilities = capabilities }
        return []
    }

    /// Nil when the backend can do what `action` needs; else the one line that says why not.
    static func refusal(_ state: AppState, _ action: Action) -> String? {
        guard let needed = action.capability, !state.capabilities.has(needed) else { return nil }
        return needed.refusal.prefix(1).uppercased() + needed.refusal.dropFirst()
    }
}
