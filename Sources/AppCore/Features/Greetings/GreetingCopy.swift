import DisplayText
import VoicemailModel

/// Greetings `c`: the selected greeting recorded again as another greeting of the same mailbox
/// (the backend copies: nothing goes through this machine). The prompt offers the backend's
/// other greeting types; a recorded one is replaced only after a y/N question.
extension App {
    static func startGreetingCopy(_ state: inout AppState) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        guard greetingsIdle(&state, greetings) else { return [] }
        let source = greetings.selected
        guard source.present else {
            state.status = .info("\(source.type.displayName) has no recording to copy; callers hear the PBX default")
            return []
        }
        let targets = greetings.items.map(\.type).filter { $0 != source.type }
        guard !targets.isEmpty else {
            state.status = .info("This PBX has no other greeting to copy onto")
            return []
        }
        state.prompt = .copyGreeting(from: source.type, onto: targets, editor: LineEditor(""))
        if case .error = state.status { state.status = .none }
        return []
    }

    /// "Copy the Busy greeting onto (1 unavailable, 3 name, 4 temporary): "
    static func greetingCopyLabel(_ source: GreetingType, onto targets: [GreetingType]) -> String {
        "Copy the \(source.displayName) greeting onto (\(choices(targets))): "
    }

    private static func choices(_ targets: [GreetingType]) -> String {
        targets.map { "\(phoneKey($0)) \($0.displayName.lowercased())" }.joined(separator: ", ")
    }

    /// The digit of the phone menu's greetings options (0 → 1 unavailable … 4 temporary).
    private static func phoneKey(_ type: GreetingType) -> Int {
        (GreetingType.allCases.firstIndex(of: type) ?? 0) + 1
    }

    static func handleGreetingCopyKey(
        _ state: inout AppState, _ source: GreetingType, _ targets: [GreetingType], _ editor: LineEditor, _ key: Key
    ) -> [Effect] {
        editLine(&state, key, editor, cancelled: "Not copied", reopen: { .copyGreeting(from: source, onto: targets, editor: $0) }) {
            state, text in
            guard let destination = GreetingType(userInput: text), targets.contains(destination) else {
                state.status = .error(
                    text.isEmpty ? "Type the greeting to copy onto: \(choices(targets))"
                        : "Not a greeting to copy onto: \"\(TerminalSafe.line(text))\" (\(choices(targets)))")
                return []
            }
            state.prompt = nil
            if state.greetings?.items.first(where: { $0.type == destination })?.present == true {
                confirm(&state, Confirmation(
                    "Replace the recorded \(destination.displayName) greeting with a copy of \(source.displayName)?",
                    yes: "replace", declined: "Not copied", then: .copyGreeting(from: source, to: destination)))
                return []
            }
            return startGreetingCopy(&state, from: source, to: destination)
        }
    }

    /// y in the replace question, or a destination that had no recording.
    static func startGreetingCopy(_ state: inout AppState, from source: GreetingType, to destination: GreetingType) -> [Effect] {
        guard let greetings = state.greetings, greetingsIdle(&state, greetings) else { return [] }
        let id = state.makeRequestID()
        state.pending[id] = .greetings(.copy(from: source, to: destination))
        state.greetings?.activity = .copying(from: source, to: destination)
        state.status = .busy("Copying the \(source.displayName) greeting onto \(destination.displayName)…")
        return [.greetings(.copy(id, mailbox: greetings.mailbox, from: source, to: destination))]
    }

    static func greetingCopied(_ state: inout AppState, _ id: RequestID, _ result: Result<GreetingInfo, AppError>) -> [Effect] {
        guard case .greetings(.copy(let source, let destination))? = state.pending.removeValue(forKey: id) else { return [] }
        if state.greetings?.activity == .copying(from: source, to: destination) { state.greetings?.activity = nil }
        switch result {
        case .success(let greeting):
            state.greetings?.replace(greeting)
            var line = "Copied the \(source.displayName) greeting onto \(destination.displayName)"
            if destination == .temporary {
                line += "; callers now hear it instead of Unavailable and Busy"
            } else if let greetings = state.greetings, GreetingsView.overridden(greetings, destination) {
                line += "; callers hear the Temporary greeting until it is reset"
            }
            state.status = .success(line)
        case .failure(let error):
            state.status = .error(describe(
                error, doing: "Could not copy the \(source.displayName) greeting onto \(destination.displayName) (it is unchanged)"))
        }
        return []
    }
}
