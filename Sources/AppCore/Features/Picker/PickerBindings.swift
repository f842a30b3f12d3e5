import VoicemailBackend

enum PickerBindings {
    static let all: [Binding] = [
        Binding(.openMailbox, keys: [.character("o")], help: "Open another mailbox (shared)",
                needs: .sharedMailboxes, perform: App.openPicker),
    ]
}
