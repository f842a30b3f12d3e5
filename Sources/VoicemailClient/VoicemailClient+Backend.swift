import FoundationEssentials
import VoicemailBackend
import VoicemailModel

/// The HTTP client as a `VoicemailBackend`; capabilities are learned from the server
/// (VoicemailClient+Capabilities.swift).
extension VoicemailClient: VoicemailBackend {
    public func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] {
        try await move(ids: ids, to: folder, read: nil, mailbox: mailbox)
    }
}
