import AppCore
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import VoicemailBackend
import VoicemailClient
import VoicemailModel

/// Executes effects against the PBX through whichever `VoicemailBackend` it is given.
public struct ClientEffectRunner: EffectRunner, AttemptingRunner {
    let client: any VoicemailBackend
    let logger: Logger
    /// The user's `on_new_message` command (SharedMailboxEffects.swift, HookRunner.swift).
    let hook: NewMessageHook?
    let mailboxesCache = MailboxesCache()
    /// The loop's inbox, for events that come before an effect's answer (a folder's first page).
    let outbox = EventSink()
    /// Player, recorder, saving and greetings (AudioEffects.swift, PlaybackEffects.swift,
    /// GreetingsEffects.swift).
    let audio: AudioEffectRunner?
    /// The config's `transcribe_command` for the details pane (TranscriptionEffects.swift).
    public var transcription: TranscriptionRunner?

    /// - Parameter hook: run once per new message, if the config names one.
    public init(
        client: any VoicemailBackend, logger: Logger, hook: NewMessageHook? = nil,
        audio: AudioEffectRunner? = nil
    ) {
        self.audio = audio
        self.client = client
        self.logger = logger
        self.hook = hook
    }

    public func run(_ effect: Effect) async -> AppEvent? {
        switch effect {
        case .loadCapabilities:
            return .capabilitiesLoaded(await attempt("capabilities") { try await client.capabilities() })
        case .list(let effect):
            return await run(effect).map(AppEvent.list)
        case .actions(let effect):
            return .actions(await run(effect))
        case .picker(let effect):
            return .picker(await run(effect))
        case .overview(let effect):
            return .overview(await run(effect))
        case .playback(let effect):
            return await audio?.run(effect)
        case .greetings(let effect):
            return await audio?.run(effect)
        case .export(let effect):
            return .export(await run(effect))
        case .transcription(let effect):
            return await run(effect)
        case .redraw, .quit, .bell, .cancel:
            // The loop handles these itself; they never reach a runner.
            return nil
        }
    }

    public func accept(_ effect: Effect) {
        if case .playback(let playbackEffect) = effect { audio?.accept(playbackEffect) }
    }

    public func attach(_ post: @escaping @Sendable (AppEvent) -> Void) {
        outbox.set(post)
        audio?.attach(post)
    }

    public func shutdown() async { await audio?.shutdown() }

    /// No mailbox (or an empty one) means the user's own: the client sends no mailbox filter.
    static func mailbox(_ name: String?) -> String? { name?.isEmpty == false ? name : nil }

    /// Client errors reduced to what the screen reacts on, with the client's one-line message.
    public static func appError(_ error: VoicemailError) -> AppError {
        let kind: AppError.Kind
        switch error.kind {
        case .notFound:
            if case .noExtension = error { kind = .noSuchExtension } else { kind = .notFound }
        case .authentication: kind = .unauthorized
        case .permission:
            switch error {
            case .pinRequired: kind = .pinRequired
            case .pinWrong: kind = .pinWrong
            default: kind = .forbidden
            }
        case .network: kind = .network
        case .server: kind = .server
        case .usage, .local, .cancelled, .rejected, .unsupported: kind = .other
        }
        return AppError(kind, error.message)
    }
}
