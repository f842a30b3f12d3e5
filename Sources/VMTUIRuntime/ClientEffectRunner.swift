import AppCore
import Foundation
import Logging
import VoicemailClient
import VoicemailModel

/// Executes effects against the PBX through whichever `VoicemailBackend` it is given.
public struct ClientEffectRunner: EffectRunner, AttemptingRunner {
    let client: any VoicemailBackend
    let logger: Logger
    /// The user's `on_new_message` command (SharedMailboxEffects.swift, HookRunner.swift).
    let hook: NewMessageHook?
    let mailboxesCache = MailboxesCache()
    /// Player, recorder, saving and greetings (AudioEffects.swift).
    let audio: AudioEffectRunner?

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
        case .loadMailboxes(let id):
            return .mailboxesLoaded(id, await attempt("mailboxes") { try await mailboxesCache.load(client) })
        case .loadFolder(let id, let mailbox, let folder, let etag):
            return .folderLoaded(
                id, await attempt("folder \(folder.rawValue)") {
                    try await loadFolder(mailbox: Self.mailbox(mailbox), folder: folder, etag: etag)
                })
        case .actions(let effect):
            return .actions(await run(effect))
        case .audio(let effect):
            return await audio?.run(effect)
        case .openMailbox(let id, let mailbox, let pin):
            return .mailboxOpened(id, await attempt("open mailbox \(mailbox)") { try await openMailbox(mailbox, pin: pin) })
        case .announceNewMessage(let notice):
            return await announce(notice)
        case .redraw, .quit, .bell, .cancel:
            // The loop handles these itself; they never reach a runner.
            return nil
        }
    }

    public func attach(_ post: @escaping @Sendable (AppEvent) -> Void) { audio?.attach(post) }

    public func shutdown() async { await audio?.shutdown() }

    /// No mailbox (or an empty one) means the user's own: the client sends no mailbox filter.
    static func mailbox(_ name: String?) -> String? { name?.isEmpty == false ? name : nil }

    /// The first page asks with the ETag; a changed folder is then read to its end. New also
    /// brings Urgent's messages when the backend has that folder (Asterisk keeps urgent new
    /// messages there); the pair has no single ETag, so it is always read whole.
    func loadFolder(mailbox: String?, folder: Folder, etag: String?) async throws -> FolderLoad {
        if folder == .inbox, let capabilities = try? await client.capabilities(), capabilities.folders.contains(.urgent) {
            guard case .loaded(let new, _) = try await loadOneFolder(mailbox: mailbox, folder: .inbox, etag: nil),
                case .loaded(let urgent, _) = try await loadOneFolder(mailbox: mailbox, folder: .urgent, etag: nil)
            else { return .notModified }
            return .loaded(messages: new + urgent, etag: nil)
        }
        return try await loadOneFolder(mailbox: mailbox, folder: folder, etag: etag)
    }

    private func loadOneFolder(mailbox: String?, folder: Folder, etag: String?) async throws -> FolderLoad {
        var query = MessageQuery(mailbox: mailbox, folder: folder, start: 0, count: 1000)
        guard case .modified(let first, let newTag) = try await client.listMessages(query, ifNoneMatch: etag) else {
            return .notModified
        }
        var messages = first.records
        while !first.records.isEmpty, messages.count < first.total {
            query.start = messages.count
            guard let page = try await client.listMessages(query, ifNoneMatch: nil).value, !page.records.isEmpty else { break }
            messages += page.records
        }
        return .loaded(messages: messages, etag: newTag)
    }

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
