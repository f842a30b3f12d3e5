/// Opening a y/N question and answering it.
extension App {
    static func confirm(_ state: inout AppState, _ confirmation: Confirmation) {
        state.prompt = .confirm(confirmation)
        if case .error = state.status { state.status = .none }
    }

    static func handleConfirmKey(_ state: inout AppState, _ confirmation: Confirmation, _ key: Key) -> [Effect] {
        state.prompt = nil
        guard OverlayKeys.yes.matches(key) else {
            state.status = .info(confirmation.declined)
            return []
        }
        return runConfirmed(&state, confirmation.then)
    }

    private static func runConfirmed(_ state: inout AppState, _ action: ConfirmedAction) -> [Effect] {
        switch action {
        case .delete(let ids):
            let present = present(state, ids).map(\.id)
            guard !present.isEmpty else {
                state.status = .info("Nothing to delete: already gone")
                return []
            }
            return [startDelete(&state, present)]
        case .update(let kind, let ids):
            let targets = present(state, ids).filter { kind.changes($0) }
            guard !targets.isEmpty else {
                if case .move = kind { state.status = .info("Nothing to move: already gone") }
                else { state.status = .info("Nothing left to mark: already done or gone") }
                return []
            }
            return [startUpdate(&state, kind, targets)]
        case .resetGreeting(let type):
            return confirmGreetingReset(&state, type: type)
        case .copyGreeting(let source, let destination):
            return startGreetingCopy(&state, from: source, to: destination)
        }
    }

    /// The prompt line: the question and its `[y/N]`.
    static func confirmLabel(_ confirmation: Confirmation) -> String {
        confirmation.question + " [y/N] "
    }

    static func confirmHints(_ confirmation: Confirmation) -> [(String, String)] {
        OverlayKeys.confirm(yes: confirmation.yesWord)
    }
}
