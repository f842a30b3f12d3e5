import Foundation
import VoicemailModel

/// One PBX user as `DIR/users.json` stores it:
///
/// ```json
/// {"users": [
///   {"extension": "200", "name": "Support Desk",
///    "webPassword": "pass200",          // HTTP Basic and session login; PIN = first 5 chars
///    "apiToken": "demo-200",            // optional: Authorization: Bearer demo-200
///    "groups": ["staff"],               // groups this user belongs to
///    "canSeeVoicemailOfGroups": ["customers"],  // ACL "Can see - Voicemail - group"
///    "cannotUseVoicemail": false,       // optional; "Cannot use - Voicemail" wins over every grant
///    "pinRequired": false,              // optional; others must send X-Voicemail-PIN
///    "capacity": 100}                   // optional; messages before deposits are refused
/// ]}
/// ```
struct SimulatorUser: Codable, Sendable, Equatable {
    var `extension`: String
    var name: String
    var webPassword: String
    var apiToken: String?
    var groups: [String]
    var canSeeVoicemailOfGroups: [String]
    var cannotUseVoicemail: Bool
    var pinRequired: Bool
    var capacity: Int?

    init(
        extension: String, name: String, webPassword: String, apiToken: String? = nil,
        groups: [String] = [], canSeeVoicemailOfGroups: [String] = [], cannotUseVoicemail: Bool = false,
        pinRequired: Bool = false, capacity: Int? = nil
    ) {
        self.extension = `extension`
        self.name = name
        self.webPassword = webPassword
        self.apiToken = apiToken
        self.groups = groups
        self.canSeeVoicemailOfGroups = canSeeVoicemailOfGroups
        self.cannotUseVoicemail = cannotUseVoicemail
        self.pinRequired = pinRequired
        self.capacity = capacity
    }

    enum CodingKeys: String, CodingKey {
        case `extension`, name, webPassword, apiToken, groups, canSeeVoicemailOfGroups
        case cannotUseVoicemail, pinRequired, capacity
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let ext = try c.lenientString(.extension), Extensions.isValid(ext) else {
            throw DecodingError.dataCorruptedError(
                forKey: .extension, in: c, debugDescription: "extension must be 1-15 digits")
        }
        self.extension = ext
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ext
        webPassword = try c.decode(String.self, forKey: .webPassword)
        apiToken = try c.decodeIfPresent(String.self, forKey: .apiToken)
        groups = try c.decodeIfPresent([String].self, forKey: .groups) ?? []
        canSeeVoicemailOfGroups = try c.decodeIfPresent([String].self, forKey: .canSeeVoicemailOfGroups) ?? []
        cannotUseVoicemail = try c.lenientBool(.cannotUseVoicemail) ?? false
        pinRequired = try c.lenientBool(.pinRequired) ?? false
        capacity = try c.lenientInt(.capacity)
    }

    /// As on the phone: the first five characters of the web password.
    var pin: String { String(webPassword.prefix(5)) }
}

struct UsersFile: Codable, Sendable {
    var users: [SimulatorUser]
}

/// Who exists and who may open which mailbox.
struct UserDirectory: Sendable {
    static let fileName = "users.json"

    let users: [SimulatorUser]
    private let byExtension: [String: SimulatorUser]

    init(users: [SimulatorUser]) throws {
        var map: [String: SimulatorUser] = [:]
        for user in users {
            guard map[user.extension] == nil else {
                throw SimulatorError.configuration("users.json lists extension \(user.extension) twice")
            }
            map[user.extension] = user
        }
        self.users = users.sorted { $0.extension.localizedStandardCompare($1.extension) == .orderedAscending }
        byExtension = map
    }

    static func load(from directory: URL) throws -> UserDirectory {
        let url = directory.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url) else {
            throw SimulatorError.configuration(
                "no \(fileName) in \(directory.path) (start with --seed demo, or write one)")
        }
        do {
            return try UserDirectory(users: JSONDecoder().decode(UsersFile.self, from: data).users)
        } catch let error as SimulatorError {
            throw error
        } catch {
            throw SimulatorError.configuration("\(url.path) is not valid: \(error)")
        }
    }

    func user(_ ext: String) -> SimulatorUser? { byExtension[ext] }

    func user(token: String) -> SimulatorUser? {
        guard !token.isEmpty else { return nil }
        return users.first { user in user.apiToken.map { constantTimeEqual($0, token) } ?? false }
    }

    func user(extension ext: String, password: String) -> SimulatorUser? {
        guard let user = byExtension[ext], constantTimeEqual(user.webPassword, password) else { return nil }
        return user
    }

    /// Own mailbox, or one whose owner is in a group the viewer may see; "cannot use" wins.
    func mayOpen(_ mailbox: String, viewer: SimulatorUser) -> Bool {
        guard !viewer.cannotUseVoicemail, let owner = byExtension[mailbox] else { return false }
        if owner.extension == viewer.extension { return true }
        return !Set(owner.groups).isDisjoint(with: viewer.canSeeVoicemailOfGroups)
    }

    /// The mailboxes the viewer may open, own first.
    func openableMailboxes(for viewer: SimulatorUser) -> [SimulatorUser] {
        let others = users.filter { $0.extension != viewer.extension && mayOpen($0.extension, viewer: viewer) }
        return (mayOpen(viewer.extension, viewer: viewer) ? [viewer] : []) + others
    }
}

/// Compares secrets without an early exit that would leak their length of common prefix.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    var difference = UInt8(x.count == y.count ? 0 : 1)
    for i in 0..<max(x.count, y.count) {
        difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
    }
    return difference == 0
}
