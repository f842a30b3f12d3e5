import VoicemailBackend

/// The greetings screen: its own keys plus the shared movement keys.
enum GreetingsBindings {
    static let all: [Binding] = [
        Binding(.greetings, keys: [.character("G")], help: "Greetings (record, upload, reset)", footer: ["greetings"],
                needs: .greetings, perform: App.openGreetings),
        Binding(.greetingUpload, keys: [.character("u")], context: .greetings, help: "Greetings: upload a file",
                footer: ["upload"], needs: .greetingUpload, perform: App.startGreetingUpload),
        Binding(.greetingRecord, keys: [.character("r")], context: .greetings, help: "Greetings: record",
                footer: ["record"], needs: .greetingUpload, perform: App.startRecording),
        Binding(.greetingReset, keys: [.character("x"), .character("d")], context: .greetings,
                help: "Greetings: reset to PBX default", footer: ["reset"], needs: .greetings,
                perform: App.startGreetingReset),
        Binding(.greetingCopy, keys: [.character("c")], context: .greetings,
                help: "Greetings: copy onto another greeting", footer: ["copy"], needs: .greetingCopy,
                perform: App.startGreetingCopy),
        Binding(.closeGreetings, keys: [.escape, .character("q"), .character("G")], context: .greetings,
                help: "Greetings: back to the mailbox", footer: [FooterHint("back", group: .first)], perform: App.closeGreetings),
    ]
}
