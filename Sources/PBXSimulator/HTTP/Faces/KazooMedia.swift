import Foundation
import Hummingbird
import VoicemailModel

/// Kazoo's media documents as far as a box's unavailable greeting needs them: `PUT /media`
/// makes one, `POST /media/{id}/raw` gives it audio (staged, not yet a greeting), and a box
/// saved with `media.unavailable` naming it makes that audio the box's greeting. A box's
/// greeting in the spool shows as a media id derived from its extension [pbx-sim].
actor KazooMediaStore {
    struct Upload {
        var owner: String
        var audio: StagedAudio?
    }

    private var uploads: [String: Upload] = [:]

    func create(for owner: String) -> String {
        let id = MD5.hex("media:\(owner):\(UUID().uuidString)")
        uploads[id] = Upload(owner: owner)
        return id
    }

    func exists(_ id: String) -> Bool { uploads[id] != nil }

    func attach(_ audio: StagedAudio, to id: String) {
        uploads[id]?.audio?.remove()
        uploads[id]?.audio = audio
    }

    func audio(_ id: String) -> StagedAudio? { uploads[id]?.audio }

    /// Hands the staged audio over (the caller files it as a greeting) and forgets the id.
    func take(_ id: String) -> StagedAudio? {
        defer { uploads.removeValue(forKey: id) }
        return uploads[id]?.audio
    }

    func remove(_ id: String) {
        uploads.removeValue(forKey: id)?.audio?.remove()
    }
}

extension KazooFace {
    static func greetingMediaID(_ ext: String) -> String { MD5.hex("greeting:unavailable:\(ext)") }

    func boxDocument(_ owner: SimulatorUser) -> [String: Any] {
        var media: [String: Any] = [:]
        if api.store.greetingFile(owner.extension, .unavailable) != nil {
            media["unavailable"] = Self.greetingMediaID(owner.extension)
        }
        return [
            "id": Self.boxID(owner.extension), "name": "\(owner.name) VMBox", "mailbox": owner.extension,
            "owner_id": Self.ownerID(owner.extension), "require_pin": false, "is_setup": true, "check_if_owner": true,
            "timezone": "UTC", "media": media,
        ]
    }

    func registerMedia(_ router: Router<SimulatorContext>, account: String) {
        router.get(Self.path("\(account)/vmboxes/:box")) { request, context in
            await signedIn(request, account: context) { user, token in
                Self.envelope(boxDocument(try box(user, try context.parameter("box"))), token: token)
            }
        }
        router.post(Self.path("\(account)/vmboxes/:box")) { request, context in
            await signedIn(request, account: context) { user, token in
                try await saveBox(user, token, try context.parameter("box"), request, context)
            }
        }
        router.put(Self.path("\(account)/media")) { request, context in
            await signedIn(request, account: context) { user, token in
                let body = try await FaceJSON.object(request, context: context)["data"] as? [String: Any] ?? [:]
                let id = await media.create(for: user.extension)
                var document = body
                document["id"] = id
                document["media_source"] = body["media_source"] ?? "upload"
                return Self.envelope(document, token: token, status: .created)
            }
        }
        router.post(Self.path("\(account)/media/:id/raw")) { request, context in
            await signedIn(request, account: context) { user, token in
                let id = try context.parameter("id")
                guard await media.exists(id) else { throw APIError.notFound("bad identifier") }
                let staged = try await api.uploads.withSlot {
                    try await RequestBodies.stageAudio(request, context: context, into: try api.store.newUploadFile(for: user.extension))
                }
                await media.attach(staged, to: id)
                return Self.envelope(["id": id, "media_source": "upload", "streamable": true], token: token)
            }
        }
        router.get(Self.path("\(account)/media/:id/raw")) { request, context in
            await signedIn(request, account: context) { user, _ in
                let id = try context.parameter("id")
                if let owner = readable(user).first(where: { Self.greetingMediaID($0.extension) == id }),
                    let (url, format) = api.store.greetingFile(owner.extension, .unavailable)
                {
                    return try AudioFileResponse.make(file: url, format: format, request: request)
                }
                guard let staged = await media.audio(id) else { throw APIError.notFound("bad identifier") }
                return try AudioFileResponse.make(file: staged.url, format: staged.info.format, request: request)
            }
        }
        router.delete(Self.path("\(account)/media/:id")) { request, context in
            await signedIn(request, account: context) { _, token in
                let id = try context.parameter("id")
                await media.remove(id)
                return Self.envelope(["id": id], token: token)
            }
        }
    }

    /// `POST …/vmboxes/{B}` with the box's document: only `media.unavailable` is acted on.
    func saveBox(
        _ user: SimulatorUser, _ token: String, _ boxID: String, _ request: Request, _ context: SimulatorContext
    ) async throws -> Response {
        let owner = try box(user, boxID)
        let document = try await FaceJSON.object(request, context: context)["data"] as? [String: Any] ?? [:]
        let wanted = (document["media"] as? [String: Any])?["unavailable"] as? String
        let current = api.store.greetingFile(owner.extension, .unavailable) != nil ? Self.greetingMediaID(owner.extension) : nil
        if wanted != current {
            if let wanted {
                guard let staged = await media.take(wanted) else {
                    return Self.error(.badRequest, "invalid media", data: ["media.unavailable": ["invalid": ["message": "no such media"]]])
                }
                defer { staged.remove() }
                try await api.store.setGreeting(owner.extension, .unavailable, audioFile: staged.url, format: staged.info.format)
            } else {
                try await api.store.resetGreeting(owner.extension, .unavailable)
            }
        }
        return Self.envelope(boxDocument(owner), token: token)
    }
}
