import FoundationEssentials
import VoicemailModel

/// Crossbar's paths and units (vendor facts: `cb_vmboxes.erl`, `doc/voicemail.md`,
/// `doc/user_authentication.md`).
enum KazooPaths {
    static let userAuth = "/v2/user_auth"
    static func userAuth(_ token: String) -> String { "/v2/user_auth/\(VoicemailClient.encodeID(token))" }
    static func vmboxes(_ account: String) -> String { "/v2/accounts/\(VoicemailClient.encodeID(account))/vmboxes" }
    static func messages(_ account: String, _ box: String) -> String {
        "\(vmboxes(account))/\(VoicemailClient.encodeID(box))/messages"
    }
    static func message(_ account: String, _ box: String, _ id: String) -> String {
        "\(messages(account, box))/\(VoicemailClient.encodeID(id))"
    }
    static func raw(_ account: String, _ box: String, _ id: String) -> String { "\(message(account, box, id))/raw" }
    static func vmbox(_ account: String, _ box: String) -> String { "\(vmboxes(account))/\(VoicemailClient.encodeID(box))" }
    static func media(_ account: String) -> String { "/v2/accounts/\(VoicemailClient.encodeID(account))/media" }
    static func media(_ account: String, _ id: String) -> String { "\(media(account))/\(VoicemailClient.encodeID(id))" }
    /// Kazoo keeps `/media/{id}/raw` ("deprecated but maintained") beside `/media/{id}/`.
    static func mediaRaw(_ account: String, _ id: String) -> String { "\(media(account, id))/raw" }

    /// Kazoo's timestamps count seconds from year 0 of the Gregorian calendar.
    static let gregorianOffset: Int = 62_167_219_200

    static func date(gregorianSeconds: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(gregorianSeconds - gregorianOffset))
    }

    /// `length` is in milliseconds; vmtui shows whole seconds (rounded to nearest).
    static func seconds(milliseconds: Int) -> Int { max(0, (milliseconds + 500) / 1000) }

    /// Kazoo's two folders: `new` (unread) and `saved` (read); `deleted` is not listed.
    static func folder(_ name: String?) -> Folder? {
        switch name?.lowercased() {
        case "new", nil: .inbox
        case "saved": .old
        default: nil
        }
    }

    static func name(_ folder: Folder) -> String? {
        switch folder {
        case .inbox: "new"
        case .old: "saved"
        default: nil
        }
    }
}
