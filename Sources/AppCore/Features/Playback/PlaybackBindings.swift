/// Playing and saving a message's audio; the playback keys lie over the mailbox's while
/// something plays.
enum PlaybackBindings {
    static let all: [Binding] = [
        Binding(.play, keys: [.enter, .character("p")], help: "Play; pause or resume", footer: [
                    FooterHint(group: .lead) { $0.audio.playback == nil ? "play" : nil },
                    FooterHint(in: [.list, .greetings], group: .playing) {
                        $0.audio.playback?.phase == .paused ? "resume" : "pause"
                    },
                    // While a greeting plays, Enter pauses: the footer says so once, not also "play".
                    FooterHint(in: [.greetings]) { $0.audio.playback?.target.greetingType == nil ? "play" : nil },
                ],
                onGreetingsScreen: App.playSelectedGreeting, perform: App.playSelected),
        Binding(.save, keys: [.character("w")], help: "Save the audio to a file", footer: ["save"], perform: App.startSave),
        Binding(.stop, keys: [.character("s")], context: .playback, help: "Playing: stop", footer: ["stop"],
                onGreetingsScreen: { App.performPlaybackAction(&$0, .stop) }) { App.performPlaybackAction(&$0, .stop) },
        Binding(.seekBack, keys: [.left], context: .playback, help: "Playing: back 5 s", footer: [FooterHint("seek", with: .seekForward)],
                onGreetingsScreen: { App.performPlaybackAction(&$0, .seekBack) }) {
            App.performPlaybackAction(&$0, .seekBack)
        },
        Binding(.seekForward, keys: [.right], context: .playback, help: "Playing: forward 5 s",
                onGreetingsScreen: { App.performPlaybackAction(&$0, .seekForward) }) {
            App.performPlaybackAction(&$0, .seekForward)
        },
        Binding(.playNext, keys: [.character("n")], context: .playback, help: "Playing: next message",
                footer: [FooterHint(with: .playPrevious) { $0.audio.playback?.target.messageID != nil ? "next/prev" : nil }]) { App.performPlaybackAction(&$0, .playNext) },
        Binding(.playPrevious, keys: [.character("N")], context: .playback, help: "Playing: previous message") {
            App.performPlaybackAction(&$0, .playPrevious)
        },
        // Speed is the player's to change (mpv, ffplay, play); the backend is not involved.
        Binding(.slower, keys: [.character("[")], context: .playback, help: "Playing: slower (down to 0.75×)",
                footer: [FooterHint("speed", with: .faster)],
                onGreetingsScreen: { App.performPlaybackAction(&$0, .slower) }) {
            App.performPlaybackAction(&$0, .slower)
        },
        Binding(.faster, keys: [.character("]")], context: .playback, help: "Playing: faster (up to 2×)",
                onGreetingsScreen: { App.performPlaybackAction(&$0, .faster) }) {
            App.performPlaybackAction(&$0, .faster)
        },
    ]
}
