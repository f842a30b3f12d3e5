import Foundation
import Hummingbird
import VoicemailModel

/// List, get, audio, mark/move, delete, forward and deposit of messages.
struct MessageHandlers {
    let api: SimulatorAPI
    let viewer: SimulatorUser
    let request: Request
    let context: SimulatorContext
    let query: QueryString

    init(api: SimulatorAPI, viewer: SimulatorUser, request: Request, context: SimulatorContext) {
        self.api = api
        self.viewer = viewer
        self.request = request
        self.context = context
        query = QueryString(request.uri.query)
    }

    private var store: SpoolStore { api.store }

    /// `filter[mailbox]`, or the caller's own mailbox.
    private func selectedMailbox() throws -> String {
        guard let text = query["filter[mailbox]"], !text.isEmpty else { return viewer.extension }
        guard Extensions.isValid(text) else { throw APIError.badRequest("Invalid extension \"\(text)\"") }
        return text
    }

    private func checkedID(_ id: String) throws -> String {
        guard MessageID.isValid(id) else { throw APIError.badRequest("Invalid message id") }
        return id
    }

    /// The message, after checking the caller may open its mailbox.
    private func accessible(_ id: String) async throws -> StoredMessage {
        let id = try checkedID(id)
        let searched = try searchableMailboxes()
        guard let message = store.find(id, in: searched.mailboxes) else { throw searched.notFound(id) }
        try api.access.check(message.mailbox, viewer: viewer, request: request)
        return message
    }

    /// Where ids may be looked up, and what to answer when one is not there. The PIN is
    /// checked before any id is looked up, so an id in a mailbox the caller lacks the PIN for
    /// answers exactly as an unknown id does (which ids exist is itself behind the PIN).
    private struct Searchable {
        var mailboxes: [String]
        var pinMissing = false
        var pinWrong = false

        /// 403 `pin_required` or `pin_wrong` while a mailbox that may hold it stays shut,
        /// else 404: the same for an id that exists there and one that exists nowhere.
        func notFound(_ id: String) -> APIError {
            if pinWrong { return .pinWrong }
            if pinMissing { return .pinRequired }
            return .notFound("No message \(id)")
        }
    }

    /// With `filter[mailbox]`, that mailbox after its checks (403 before any lookup);
    /// without it, the candidate mailboxes the caller may open now (a PIN that opens none of
    /// those needing one counts as wrong).
    private func searchableMailboxes() throws -> Searchable {
        if let text = query["filter[mailbox]"], !text.isEmpty {
            let mailbox = try selectedMailbox()
            try api.access.check(mailbox, viewer: viewer, request: request)
            return Searchable(mailboxes: [mailbox])
        }
        var searchable = Searchable(mailboxes: [])
        var unlockedAny = false
        for mailbox in candidateMailboxes() {
            switch api.access.pinState(mailbox, viewer: viewer, request: request) {
            case .notNeeded: searchable.mailboxes.append(mailbox)
            case .unlocked:
                searchable.mailboxes.append(mailbox)
                unlockedAny = true
            case .wrong: searchable.pinWrong = true
            case .missing: searchable.pinMissing = true
            case nil: break
            }
        }
        if unlockedAny { searchable.pinWrong = false }
        return searchable
    }

    /// Where a message id is looked for without `filter[mailbox]`: ids are unique within a
    /// mailbox only (a forwarded copy keeps its msg_id), so the caller's own mailbox first,
    /// then the others it may open. An id elsewhere names nothing the caller can see:
    /// 404, which also keeps the API from telling which ids exist in other mailboxes (and a
    /// message the caller deleted stays "not found" though its forwarded copies live on).
    private func candidateMailboxes() -> [String] {
        let ordered = [viewer.extension] + api.users.openableMailboxes(for: viewer).map(\.extension)
        var seen = Set<String>()
        return ordered.filter { seen.insert($0).inserted }
    }

    func list() async throws -> Response {
        let mailbox = try selectedMailbox()
        let listQuery = try ListQuery(query)
        try api.access.check(mailbox, viewer: viewer, request: request)
        let generation = store.generation(of: mailbox)
        let canonicalQuery = query.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let etag = api.etag(["list", mailbox, String(generation)] + canonicalQuery)
        // Unchanged: answered before reading a message (a refresh of a huge mailbox is free).
        if let unchanged = Responses.notModified(etag: etag, request: request) { return unchanged }
        // Only the folder asked for is read, and only the page's files are named.
        let stored = store.messages(in: mailbox, folder: listQuery.folder)
        let page = listQuery.apply(to: stored.map { (message: $0.api, stored: $0) }, message: \.message)
        let listed = Page(
            total: page.total,
            records: page.records.map { ListedMessage(message: $0.message, fileUrl: SpoolView.path(of: $0.stored, store: store)) })
        return try Responses.conditionalJSON(listed, etag: etag, request: request)
    }

    func get(_ id: String) async throws -> Response {
        try Responses.json(try await accessible(id).api)
    }

    /// A redirect to the spool path, as the real PBX answers; the path names the message by
    /// its msg_id, so it stays right whatever happens to the folder before it is fetched.
    func file(_ id: String) async throws -> Response {
        let message = try await accessible(id)
        return Response(status: .found, headers: [.location: SpoolView.path(of: message, store: store), .contentLength: "0"])
    }

    /// The Wildix flavor's PUT: the one documented meaning, mark read. A body is ignored, as
    /// a PBX that knows nothing of vmtui's JSON would; the answer says nothing more.
    func markReadIgnoringBody(_ id: String) async throws -> Response {
        let message = try await accessible(id)
        _ = try await store.update(mailbox: message.mailbox, id: message.id, read: true, folder: nil)
        return Responses.nullResult()
    }

    func update(_ id: String) async throws -> Response {
        let message = try await accessible(id)
        let body = try await RequestBodies.collect(request, context: context, limit: 64 * 1024)
        let isEmpty = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        var read: Bool? = true
        var folder: Folder?
        if !isEmpty {
            let update = try RequestBodies.json(UpdateBody.self, from: body)
            guard update.read != nil || update.folder != nil else {
                throw APIError.badRequest("Nothing to change: send \"read\" and/or \"folder\", or an empty body")
            }
            read = update.read
            folder = update.folder
        }
        return try Responses.json(try await store.update(mailbox: message.mailbox, id: message.id, read: read, folder: folder).api)
    }

    func delete(_ list: String) async throws -> Response {
        let ids = list.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !ids.isEmpty, ids.allSatisfy(MessageID.isValid) else {
            throw APIError.badRequest("Invalid id list: give ids separated by commas")
        }
        // Every id known and every mailbox permitted before anything is touched.
        var keys: [MessageKey] = []
        let searched = try searchableMailboxes()
        for id in ids {
            guard let message = store.find(id, in: searched.mailboxes) else { throw searched.notFound(id) }
            try api.access.check(message.mailbox, viewer: viewer, request: request)
            keys.append(message.key)
        }
        let deleted = try await store.delete(keys)
        return api.flavor == .full ? try Responses.json(DeleteResult(deleted: deleted)) : Responses.nullResult()
    }

    func forward(_ id: String) async throws -> Response {
        let message = try await accessible(id)
        let body = try await RequestBodies.collect(request, context: context, limit: 64 * 1024)
        let forward = try RequestBodies.json(ForwardTargets.self, from: body)
        let source = message.api
        let label = source.isForwarded ? (source.subject ?? "") : "Fwd: \(source.callerName ?? source.callerNumber)"
        let copies = try await store.forward(message.key, to: forward.to, label: label)
        return try Responses.json(ForwardResult(forwarded: copies))
    }

    func deposit() async throws -> Response {
        guard let mailbox = query["mailbox"], !mailbox.isEmpty else {
            throw APIError.badRequest("mailbox is required")
        }
        guard Extensions.isValid(mailbox) else { throw APIError.badRequest("Invalid extension \"\(mailbox)\"") }
        guard api.users.user(mailbox) != nil else { throw APIError.notFound("No mailbox \(mailbox)") }
        let callerNumber = try field("callerNumber", maxLength: 40) ?? "anonymous"
        let callerName = try field("callerName", maxLength: 100)
        let transcription = try field("transcription", maxLength: 20_000)
        let urgent = ["1", "true", "yes", "on"].contains((query["urgent"] ?? "").lowercased())
        let (api, request, context) = (self.api, self.request, self.context)
        return try await api.uploads.withSlot {
            let staged = try await RequestBodies.stageAudio(request, context: context, into: try api.store.newUploadFile(for: mailbox))
            defer { staged.remove() }
            let now = Date()
            let record = MessageRecord(
                id: MessageID.make(at: now), originalMailbox: mailbox,
                callerID: CallerID(name: callerName, number: callerNumber), originTime: now,
                duration: staged.info.wholeSeconds, urgent: urgent, subject: nil,
                transcription: transcription, format: staged.info.format)
            let stored = try await api.store.deposit(into: mailbox, audioFile: staged.url, record: record)
            return try Responses.json(stored.api, status: .created)
        }
    }

    private func field(_ name: String, maxLength: Int) throws -> String? {
        guard let value = query[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        guard value.count <= maxLength else { throw APIError.badRequest("\(name) is longer than \(maxLength) characters") }
        return value
    }
}

/// `{"to":["102","103"]}` or `{"to":"102*103"}`; every entry must be an extension.
struct ForwardTargets: Decodable {
    var to: [String]

    enum CodingKeys: String, CodingKey { case to }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let raw: [String]
        if let list = try? c.decode([String].self, forKey: .to) {
            raw = list
        } else if let text = try? c.decode(String.self, forKey: .to) {
            guard let parsed = Extensions.parse(text) else { throw APIError.badRequest("Invalid extension list \"\(text)\"") }
            raw = parsed
        } else {
            throw APIError.badRequest("\"to\" must list extensions")
        }
        guard !raw.isEmpty else { throw APIError.badRequest("\"to\" is empty") }
        for ext in raw where !Extensions.isValid(ext) { throw APIError.badRequest("Invalid extension \"\(ext)\"") }
        var seen = Set<String>()
        to = raw.filter { seen.insert($0).inserted }
    }
}
