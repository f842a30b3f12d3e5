import VoicemailBackend

/// What the backend can do decides what the screen offers (footer, help, keys, folders).
extension App {
    static func capabilitiesLoaded(_ state: inout AppState, _ result: Result<BackendCapabilities, AppError>) -> [Effect] {
        // Unknown capabilities leave everything offered: the backend itself refuses what it
        // lacks before sending anything, so nothing unsafe can follow.
        guard case .success(let capabilities) = result else { return [] }
        state.capabilities = capabilities
        if !capabilities.has(.mailboxList), !state.mailboxesUnsupported {
            // No Mailboxes call (a PBX that speaks only the documented calls): the badges come
            // from the folders as they load, starting with the one on screen.
            state.mailboxesUnsupported = true
            state.supersede(state.mailboxesRequest)
            if !state.isLoading { state.folderCounts[state.folder] = countOfLoadedList(state) }
        }
        return []
    }

    /// Nil when the backend can do what `action` needs; else the one line that says why not.
    static func refusal(_ state: AppState, _ action: Action) -> String? {
        guard let needed = action.capability, !state.capabilities.has(needed) else { return nil }
        return needed.refusal.prefix(1).uppercased() + needed.refusal.dropFirst()
    }
}
