import Foundation
import VoicemailModel

/// The HTTP client as a `VoicemailBackend`. Capabilities: everything for now (part 1 of
/// "Real PBXs" makes them learned from the server, see docs/api.md).
extension VoicemailClient: VoicemailBackend {
    public func capabilities() async throws -> BackendCapabilities { .everything }

    public func whoAmI() async throws -> AccountInfo? { try await login() }

    public func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] {
        try await move(ids: ids, to: folder, read: nil, mailbox: mailbox)
    }

    @discardableResult
    public func downloadAudio(
        of message: VoicemailMessage, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult {
        try await downloadAudio(
            id: message.id, mailbox: message.mailbox.isEmpty ? nil : message.mailbox, to: file, atomically: atomically, progress: progress)
    }
}
