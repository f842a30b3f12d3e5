import FoundationEssentials
import SystemBasics
import VoicemailBackend
import VoicemailModel

/// Kazoo's one box greeting, the unavailable one: the vmbox's `media.unavailable` names a
/// media document whose audio is the greeting (vendor facts: `doc/voicemail.md`,
/// `doc/media.md`). Busy and name greetings do not exist there.
extension KazooBackend {
    func requireUnavailable(_ type: GreetingType) throws {
        guard type == .unavailable else { throw VoicemailError.noSuchGreetingType(type, has: [.unavailable]) }
    }

    /// One greeting has nothing to be copied onto (no `.greetingCopy`).
    public func copyGreeting(_ source: GreetingType, to destination: GreetingType, mailbox: String?) async throws -> GreetingInfo {
        throw VoicemailError.unsupported(.greetingCopy)
    }

    /// The box document (`GET …/vmboxes/{B}`), and the media id of its unavailable greeting.
    func boxDocument(_ box: KazooBox) async throws -> (document: [String: Any], greeting: String?) {
        let id = box.id
        let response = try await send(Call(path: { KazooPaths.vmbox($0, id) }, resource: "mailbox \(box.mailbox)", mailbox: box.mailbox))
        let document = try data(response, expected: "a Kazoo vmbox") as? [String: Any] ?? [:]
        return (document, JSONValue.text((document["media"] as? [String: Any])?["unavailable"]))
    }

    /// `POST …/vmboxes/{B}` with the whole document (Kazoo's "change a box's settings").
    func saveBoxDocument(_ box: KazooBox, _ document: [String: Any]) async throws {
        let id = box.id
        var sent = document
        for key in ["id", "_read_only"] { sent.removeValue(forKey: key) }
        _ = try await send(
            Call(method: "POST", path: { KazooPaths.vmbox($0, id) }, body: RESTTransport.json(["data": sent]),
                 resource: "mailbox \(box.mailbox)", mailbox: box.mailbox))
    }

    public func greetings(mailbox: String?) async throws -> [GreetingInfo] {
        let (_, greeting) = try await boxDocument(try await box(mailbox))
        return [GreetingInfo(type: .unavailable, present: greeting != nil)]
    }

    /// `GET /media/{id}/raw` of the box's unavailable greeting; `.notFound` for the default.
    @discardableResult
    public func downloadGreeting(
        _ type: GreetingType, mailbox: String?, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult {
        try requireUnavailable(type)
        let box = try await box(mailbox)
        guard let media = try await boxDocument(box).greeting else {
            throw VoicemailError.notFound(what: "greeting unavailable", reason: "the PBX default is in use")
        }
        let call = Call(path: { KazooPaths.mediaRaw($0, media) }, accept: "audio/*", resource: "greeting unavailable", mailbox: box.mailbox)
        return try await RESTTransport.download(to: file, atomically: atomically, expecting: nil, progress: progress) {
            sink, reported in try await send(call, sink: sink, isAudio: true, progress: reported)
        }
    }

    /// A new media document (`PUT /media`), its audio (`POST /media/{id}/raw`), then the box
    /// pointed at it; the media it replaces is removed.
    public func uploadGreeting(
        _ type: GreetingType, mailbox: String?, from file: URL, progress: ProgressHandler?
    ) async throws -> GreetingInfo {
        try requireUnavailable(type)
        let contentType = try AudioSniffer.contentType(of: file)
        let box = try await box(mailbox)
        let created = try await send(
            Call(
                method: "PUT", path: { KazooPaths.media($0) },
                body: RESTTransport.json([
                    "data": ["name": "vmbox \(box.mailbox) unavailable greeting", "streamable": true, "mediaSettingssource": "upload"]
                ]), resource: "media"))
        guard let media = JSONValue.text((try data(created, expected: "a media document") as? [String: Any])?["id"]) else {
            throw VoicemailError.malformedResponse(expected: "a media id", detail: "PUT /media answered without one")
        }
        _ = try await send(
            Call(method: "POST", path: { KazooPaths.mediaRaw($0, media) }, body: .file(file, contentType: contentType), resource: "media"),
            progress: progress)
        var (document, old) = try await boxDocument(box)
        var mediaSettings = document["media"] as? [String: Any] ?? [:]
        mediaSettings["unavailable"] = media
        document["media"] = mediaSettings
        try await saveBoxDocument(box, document)
        if let old, old != media { try? await deleteMedia(old) }
        let size = FileBytes.size(of: file.path)
        return GreetingInfo(type: .unavailable, present: true, size: size)
    }

    /// The box no longer names a greeting (Kazoo plays its default); its media is removed.
    public func resetGreeting(_ type: GreetingType, mailbox: String?) async throws -> GreetingInfo {
        try requireUnavailable(type)
        let box = try await box(mailbox)
        var (document, old) = try await boxDocument(box)
        guard let old else { return GreetingInfo(type: .unavailable, present: false) }
        var media = document["media"] as? [String: Any] ?? [:]
        media.removeValue(forKey: "unavailable")
        document["media"] = media
        try await saveBoxDocument(box, document)
        try? await deleteMedia(old)
        return GreetingInfo(type: .unavailable, present: false)
    }

    func deleteMedia(_ id: String) async throws {
        _ = try await send(Call(method: "DELETE", path: { KazooPaths.media($0, id) }, resource: "media"))
    }
}
