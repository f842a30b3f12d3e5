import DisplayText
import VoicemailModel

/// The prompts of the actions on messages: delete (y/N), move (folder), forward (extensions),
/// and the owner-naming confirmation of a move in someone else's mailbox.
extension App {
    static func handleActionPromptKey(_ state: inout AppState, _ prompt: ActionsPrompt, _ key: Key) -> [Effect] {
        switch prompt {
        case .delete(let ids):
            state.prompt = nil
            if key == .character("y") || key == .character("Y") {
                let present = present(state, ids).map(\.id)
                guard !present.isEmpty else {
                    state.status = .info("Nothing to delete: already gone")
                    return []
                }
                return [startDelete(&state, present)]
            }
            state.status = .info("Not deleted")
            return []

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
                if ownerPhrase(state) != nil {
                    state.prompt = .actions(.confirmMove(ids: targets.map(\.id), to: folder))
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

        case .confirmMove(let ids, let folder):
            state.prompt = nil
            guard key == .character("y") || key == .character("Y") else {
                state.status = .info("Not moved")
                return []
            }
            let targets = present(state, ids).filter { $0.folder != folder }
            guard !targets.isEmpty else {
                state.status = .info("Nothing to move: already gone")
                return []
            }
            return [startUpdate(&state, .move(folder), targets)]

        }
    }

    /// The prompt's question; `owner` ("Bob Nguyen's mailbox (102)") when it is someone else's.
    static func actionPromptLabel(_ prompt: ActionsPrompt, owner: String?) -> String {
        switch prompt {
        case .move(let ids, _):
            if let owner { "Move \(Plural.messages(ids.count)) in \(owner) to folder (0–4 or name): " }
            else { "Move \(Plural.messages(ids.count)) to folder (0–4 or name): " }
        case .delete(let ids):
            if let owner { "Delete \(Plural.messages(ids.count)) from \(owner)? [y/N] " }
            else { "Delete \(Plural.messages(ids.count))? [y/N] " }
        case .confirmMove(let ids, let folder):
            "Move \(Plural.messages(ids.count)) in \(owner ?? "this mailbox") to \(folder.displayName)? [y/N] "
        case .forward(let ids, _): "Forward \(Plural.messages(ids.count)) to (e.g. 102*103): "
        }
    }

    /// Footer keys of the y/N prompts; nil for the others (the line editor's keys).
    static func actionPromptHints(_ prompt: ActionsPrompt) -> [(String, String)]? {
        switch prompt {
        case .delete: [("y", "delete"), ("other key", "cancel")]
        case .confirmMove: [("y", "move"), ("other key", "cancel")]
        case .move, .forward: nil
        }
    }
}
