import VoicemailModel

/// What the status line and footer show on the greetings screen.
enum GreetingsStatus {
    static func uploadLabel(_ type: GreetingType) -> String {
        "Upload as \(type.displayName) greeting (WAV/MP3 file): "
    }

    /// Footer keys of the greetings screen.
    static func greetingsHints(_ state: AppState) -> [(String, String)] {
        guard let greetings = state.greetings else { return [] }
        if greetings.isRecording {
            return OverlayKeys.recording(stop: state.config.keyBindings.label(.stop))
        }
        let footer = FooterHints(state: state)
        var hints = footer.hints([footer.hint(.help), footer.hint(.closeGreetings)])
        // While a greeting plays, Enter pauses: the footer says so once, not also "play".
        let greetingPlaying = state.audio.playback.flatMap { $0.target.greetingType } != nil
        if let playback = state.audio.playback, greetingPlaying {
            hints += PlaybackStatus.playbackHints(state, playback)
        }
        hints += footer.hints([
            footer.hint(.down, "choose", with: .up), greetingPlaying ? nil : footer.hint(.play),
            footer.hint(.greetingUpload),
            footer.hint(.greetingRecord), footer.hint(.greetingReset), footer.hint(.greetingCopy),
        ])
        return hints
    }
}
