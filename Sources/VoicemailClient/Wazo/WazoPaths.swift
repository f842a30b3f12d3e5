import VoicemailModel

/// Where wazo-calld's voicemail calls and wazo-auth's token calls live behind the Wazo
/// platform's nginx (vendor facts: wazo-calld `plugins/voicemails/plugin.py`, wazo-auth).
enum WazoPaths {
    static let token = "/api/auth/0.1/token"
    static func token(_ token: String) -> String { "/api/auth/0.1/token/\(VoicemailClient.encodeID(token))" }
    static let calld = "/api/calld/1.0/users/me/voicemails"
    static func folder(_ id: Int) -> String { "\(calld)/folders/\(id)" }
    static let messages = "\(calld)/messages"
    static func message(_ id: String) -> String { "\(calld)/messages/\(VoicemailClient.encodeID(id))" }
    static func recording(_ id: String) -> String { "\(message(id))/recording" }
    static func greeting(_ type: GreetingType) -> String { "\(calld)/greetings/\(type.rawValue)" }
    static func greetingCopy(_ type: GreetingType) -> String { "\(greeting(type))/copy" }

    /// Wazo's fixed folder ids (wazo-calld `storage.py`): 1 INBOX (new), 2 Old, 3 Urgent,
    /// 4 Work, 5 Family, 6 Friends.
    static let folders: [(id: Int, folder: Folder)] = [
        (1, .inbox), (2, .old), (3, .urgent), (4, .work), (5, .family), (6, .friends),
    ]

    static func folderID(_ folder: Folder) -> Int? { folders.first { $0.folder == folder }?.id }
    static func folder(id: Int) -> Folder? { folders.first { $0.id == id }?.folder }
}
