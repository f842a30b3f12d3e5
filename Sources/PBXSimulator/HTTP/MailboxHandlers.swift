import Foundation
import Hummingbird
import VoicemailModel

/// `GET /api/v1/VoiceMail/Mailboxes`: the mailboxes the caller may open, own first.
struct MailboxHandlers {
    let api: SimulatorAPI
    let viewer: SimulatorUser
    let request: Request

    func list() async throws -> Response {
        var summaries: [MailboxSummary] = []
        var tagParts = ["mailboxes", viewer.extension]
        for owner in api.users.openableMailboxes(for: viewer) {
            let messages = await api.store.messages(in: owner.extension).map(\.api)
            let folders = Folder.allCases.map { folder in
                let inFolder = messages.filter { $0.folder == folder }
                return FolderCount(folder: folder, total: inFolder.count, unread: inFolder.filter { !$0.read }.count)
            }
            let inbox = messages.filter { $0.folder == .inbox }.count
            summaries.append(
                MailboxSummary(
                    mailbox: owner.extension, name: owner.name, own: owner.extension == viewer.extension,
                    newCount: inbox, oldCount: messages.count - inbox, total: messages.count,
                    unread: messages.filter { !$0.read }.count,
                    pinRequired: owner.pinRequired && owner.extension != viewer.extension,
                    capacity: await api.store.capacity(of: owner.extension), folders: folders))
            tagParts += [owner.extension, String(await api.store.generation(of: owner.extension))]
        }
        let etag = ETag.make(bootID: api.bootID, parts: tagParts)
        return try Responses.conditionalJSON(Page(total: summaries.count, records: summaries), etag: etag, request: request)
    }
}
