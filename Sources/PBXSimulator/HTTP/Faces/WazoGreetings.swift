import Foundation
import Hummingbird
import VoicemailModel

/// wazo-calld's greeting calls on the user's own voicemail: GET (and HEAD) the audio, POST
/// creates (409 when one exists), PUT replaces (404 when none), DELETE resets, and `/copy`
/// records one greeting over another (`{"dest_greeting": …}`). Wazo's names only:
/// unavailable, busy, name.
struct WazoGreetings {
    let face: WazoFace
    var api: SimulatorAPI { face.api }

    func type(_ text: String) throws -> GreetingType {
        guard ["unavailable", "busy", "name"].contains(text), let type = GreetingType(rawValue: text) else {
            throw APIError(status: .badRequest, code: "invalid_greeting", reason: "Invalid greeting")
        }
        return type
    }

    static let absent = APIError(status: .notFound, code: "no_such_voicemail_greeting", reason: "No such voicemail greeting")

    func get(_ user: SimulatorUser, _ text: String, _ request: Request) throws -> Response {
        guard let (url, format) = api.store.greetingFile(user.extension, try type(text)) else { throw Self.absent }
        return try AudioFileResponse.make(file: url, format: format, request: request)
    }

    func store(
        _ user: SimulatorUser, _ text: String, create: Bool, _ request: Request, _ context: SimulatorContext
    ) async throws -> Response {
        let type = try type(text)
        let exists = api.store.greetingFile(user.extension, type) != nil
        if create, exists {
            throw APIError(status: .conflict, code: "voicemail_greeting_already_exists", reason: "Voicemail greeting already exists")
        }
        if !create, !exists { throw Self.absent }
        let api = self.api
        return try await api.uploads.withSlot {
            let staged = try await RequestBodies.stageAudio(
                request, context: context, into: try api.store.newUploadFile(for: user.extension))
            defer { staged.remove() }
            try await api.store.setGreeting(user.extension, type, audioFile: staged.url, format: staged.info.format)
            return FaceJSON.noContent()
        }
    }

    func reset(_ user: SimulatorUser, _ text: String) async throws -> Response {
        let type = try type(text)
        guard api.store.greetingFile(user.extension, type) != nil else { throw Self.absent }
        try await api.store.resetGreeting(user.extension, type)
        return FaceJSON.noContent()
    }

    func copy(_ user: SimulatorUser, _ text: String, _ request: Request, _ context: SimulatorContext) async throws -> Response {
        let source = try type(text)
        let body = try await FaceJSON.object(request, context: context)
        let destination = try type((body["dest_greeting"] as? String) ?? "")
        guard try await api.store.copyGreeting(user.extension, source, to: destination) else { throw Self.absent }
        return FaceJSON.noContent()
    }
}
