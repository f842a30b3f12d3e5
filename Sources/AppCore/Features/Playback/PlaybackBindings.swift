/// Playing and saving a message's audio; the playback keys lie over the mailbox's while
/// something plays.
enum PlaybackBindings {
    static let all: [Binding] = [
        Binding(.play, keys: [.enter, .character("p")], help: "Play; pause or resume", footer: "play"),
        Binding(.save, keys: [.character("w")], help: "Save the audio to a file", footer: "save"),
        Binding(.stop, keys: [.character("s")], context: .playback, help: "Playing: stop", footer: "stop"),
        Binding(.seekBack, keys: [.left], context: .playback, help: "Playing: back 5 s", footer: "seek"),
        Binding(.seekForward, keys: [.right], context: .playback, help: "Playing: forward 5 s"),
        Binding(.playNext, keys: [.character("n")], context: .playback, help: "Playing: next message",
                footer: "next/prev"),
        Binding(.playPrevious, keys: [.character("N")], context: .playback, help: "Playing: previous message"),
    ]
}
