import VoicemailModel

/// What the status line and footer show on the greetings screen.
enum GreetingsStatus {
    static func uploadLabel(_ type: GreetingType) -> String {
        "Upload as \(type.displayName) greeting (WAV/MP3 file): "
    }

    /// Footer keys of the greetings screen: the recorder's while it records, else the
    /// binding table's.
    static func hints(_ state: AppState) -> [(String, String)] {
        if state.greetings?.isRecording == true {
            return OverlayKeys.recording(stop: state.config.keyBindings.label(.stop))
        }
        return FooterHints.hints(state, in: .greetings)
    }
}
