import Synchronization

/// PINs typed during a session, by mailbox; they override the configured ones and live only
/// in memory (never logged, never written).
final class SessionPINs: Sendable {
    private let pins = Mutex<[String: String]>([:])

    subscript(mailbox: String) -> String? {
        pins.withLock { $0[mailbox] }
    }

    func set(_ pin: String?, for mailbox: String) {
        pins.withLock { $0[mailbox] = pin }
    }
}

extension VoicemailClient {
    /// Sends `pin` as `X-Voicemail-PIN` on every later call that touches `mailbox` (nil
    /// forgets it, falling back to the configured PIN, if any).
    public func setPIN(_ pin: String?, forMailbox mailbox: String) {
        sessionPINs.set(pin, for: mailbox)
    }

    /// The PIN a call on `mailbox` sends: typed this session, else configured.
    public func pin(forMailbox mailbox: String) -> String? {
        sessionPINs[mailbox] ?? configuration.pins[mailbox]
    }
}
