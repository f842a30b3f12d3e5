/// Paths of the contract, so the client and the simulator cannot drift apart.
public enum APIPath {
    public static let voiceMail = "/api/v1/VoiceMail"
    public static let mailboxes = "/api/v1/VoiceMail/Mailboxes"
    public static let greetings = "/api/v1/VoiceMail/Greetings"
    public static let login = "/api/v1/personal/login"
    /// vmtui extension: the PIN for a mailbox that needs one.
    public static let pinHeader = "X-Voicemail-PIN"

    public static func message(_ id: String) -> String { "\(voiceMail)/\(id)" }
    public static func audio(_ id: String) -> String { "\(voiceMail)/\(id)/file" }
    public static func forward(_ id: String) -> String { "\(voiceMail)/\(id)/forward" }
    /// Note the trailing slash and the comma-separated ids, as Wildix documents it.
    public static func delete(_ ids: [String]) -> String { "\(voiceMail)/\(ids.joined(separator: ","))/" }
    public static func greeting(_ type: GreetingType) -> String { "\(greetings)/\(type.rawValue)" }
    public static func greetingFile(_ type: GreetingType) -> String { "\(greetings)/\(type.rawValue)/file" }
    /// vmtui extension: `POST` with `GreetingCopyRequest` records this greeting again as another.
    public static func greetingCopy(_ type: GreetingType) -> String { "\(greetings)/\(type.rawValue)/copy" }
}
