import DisplayText
import VoicemailModel

/// The line prompts of the actions on messages: move (folder) and forward (extensions); a move
/// in someone else's mailbox is then confirmed naming the owner.
extension App {
    static func handleActionPromptKey(_ state: inout AppState, _ prompt: ActionsPrompt, _ key: Key) -> [Effect] {
        switch prompt {
        case .move(let ids, let editor):
            return editLine(&state, key, editor, reopen: { .actions(.move(ids: ids, editor: $0)) }) { state, text in
                guard let folder = Folder(userInput: text) else {
                    state.status = .error(
                        text.isEmpty ? "Type a folder: 0–4 or a name" : "No folder \"\(text)\": type 0–4 or a name")
                    return []
                }
                state.prompt = nil
                let targets = present(state, ids).filter { $0.folder != folder }
                guard !targets.isEmpty else {
                    state.status = .info("Already in \(folder.displayName)")
                    return []
                }
                // In someone else's mailbox a move is confirmed, naming the owner.
                if let owner = ownerPhrase(state) {
                    let question = "Move \(Plural.messages(targets.count)) in \(owner) to \(folder.displayName)?"
                    confirm(&state, Confirmation(
                        question, yes: "move", declined: "Not moved", then: .update(.move(folder), ids: targets.map(\.id))))
                    return []
                }
                return [startUpdate(&state, .move(folder), targets)]
            }

        case .forward(let ids, let editor):
            return editLine(&state, key, editor, reopen: { .actions(.forward(ids: ids, editor: $0)) }) { state, text in
                guard let extensions = Extensions.parse(text) else {
                    state.status = .error(
                        text.isEmpty
                            ? "Type one or more extensions, like 102*103"
                            : "Not a list of extensions: \"\(TerminalSafe.line(text))\" (digits, separated by * , or space)")
                    return []
                }
                state.prompt = nil
                let present = present(state, ids).map(\.id)
                guard !present.isEmpty else {
                    state.status = .info("Nothing to forward: already gone")
                    return []
                }
                return [startForward(&state, present, to: extensions)]
            }
        }
    }

    /// The prompt's question; `owner` ("Bob Nguyen's mailbox (102)") when it is someone else's.
    static func actionPromptLabel(_ prompt: ActionsPrompt, owner: String?) -> String {
        switch prompt {
        case .move(let ids, _):
            if let owner { "Move \(Plural.messages(ids.count)) in \(owner) to folder (0–4 or name): " }
            else { "Move \(Plural.messages(ids.count)) to folder (0–4 or name): " }
        case .forward(let ids, _): "Forward \(Plural.messages(ids.count)) to (e.g. 102*103): "
        }
    }
}
