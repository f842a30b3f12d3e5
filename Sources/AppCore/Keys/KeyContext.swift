/// Which key map is in force. Playback keys lie over the mailbox's (or the greetings') while
/// something plays; the greetings screen has keys of its own plus the shared movement keys.
public enum KeyContext: String, CaseIterable, Sendable, Hashable {
    case mailbox, playback, greetings
}
