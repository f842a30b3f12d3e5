import Foundation
import VoicemailModel

/// Where things live under `DIR`, exactly as Asterisk's app_voicemail lays out its spool:
/// `DIR/<context>/<mailbox>/<Folder>/msgNNNN.txt` plus one audio file per configured format,
/// and the greetings (`unavail`, `busy`, `greet`, `temp`) in the mailbox folder.
struct SpoolLayout: Sendable {
    let root: URL
    let context: String

    static let defaultContext = "default"
    /// Asterisk's ceiling: four digits per folder.
    static let maxMessagesPerFolder = 9999
    /// Recordings in progress (Asterisk's) and uploads being received (ours): never a folder.
    static let stagingFolderName = "tmp"
    /// Audio extensions in the order they are served: PCM `.wav` first, then MP3, then GSM in
    /// a WAV container (`.WAV`, "wav49"), then raw GSM. Case matters: `.WAV` and `.wav` are
    /// different files side by side.
    static let audioExtensions = ["wav", "mp3", "WAV", "gsm"]
    /// The temporary greeting that overrides both unavailable and busy.
    static let temporaryGreetingName = "temp"

    init(root: URL, context: String = SpoolLayout.defaultContext) {
        self.root = root
        self.context = context
    }

    var contextDirectory: URL { root.appendingPathComponent(context, isDirectory: true) }

    func mailbox(_ mailbox: String) -> URL {
        contextDirectory.appendingPathComponent(mailbox, isDirectory: true)
    }

    func folder(_ mailbox: String, _ folder: Folder) -> URL {
        self.mailbox(mailbox).appendingPathComponent(folder.rawValue, isDirectory: true)
    }

    func staging(_ mailbox: String) -> URL {
        self.mailbox(mailbox).appendingPathComponent(Self.stagingFolderName, isDirectory: true)
    }

    static func baseName(_ number: Int) -> String {
        let digits = String(number)
        return "msg" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `msgNNNN.<ext>` in a folder given by path (for loops over thousands of messages).
    static func path(in folderPath: String, _ number: Int, _ ext: String) -> String {
        folderPath + "/" + baseName(number) + "." + ext
    }

    func text(_ mailbox: String, _ folder: Folder, _ number: Int) -> URL {
        self.folder(mailbox, folder).appendingPathComponent(Self.baseName(number) + ".txt")
    }

    func audio(_ mailbox: String, _ folder: Folder, _ number: Int, _ ext: String) -> URL {
        self.folder(mailbox, folder).appendingPathComponent(Self.baseName(number) + "." + ext)
    }

    func audio(_ mailbox: String, _ folder: Folder, _ number: Int, _ format: AudioFormat) -> URL {
        audio(mailbox, folder, number, format.fileExtension)
    }

    func greeting(_ mailbox: String, _ type: GreetingType, _ ext: String) -> URL {
        greeting(mailbox, named: type.spoolName, ext)
    }

    func greeting(_ mailbox: String, _ type: GreetingType, _ format: AudioFormat) -> URL {
        greeting(mailbox, named: type.spoolName, format.fileExtension)
    }

    func greeting(_ mailbox: String, named name: String, _ ext: String) -> URL {
        self.mailbox(mailbox).appendingPathComponent(name + "." + ext)
    }

    /// The format an audio file is served as; nil for raw GSM, which needs converting.
    static func servedFormat(ofExtension ext: String) -> AudioFormat? {
        switch ext {
        case "wav", "WAV": .wav
        case "mp3": .mp3
        default: nil
        }
    }

    /// The URL path the real PBX redirects audio downloads to, by position in the folder.
    static func spoolViewPath(_ mailbox: String, _ folder: Folder, _ number: Int, _ format: AudioFormat) -> String {
        "\(spoolViewPrefix)\(mailbox)/\(folder.rawValue)/\(baseName(number)).\(format.fileExtension)"
    }

    static let spoolViewPrefix = "/spoolview/voicemail/default/"

    /// The stable address of a message's audio: `/spoolview/voicemail/<context>/<mailbox>/
    /// msg<msg_id>.<ext>`. It names the message, not its position, so renumbering cannot make
    /// it point at another message. Look it up with `SpoolStore.message(mailbox:id:)`.
    static func stableAudioPath(context: String, mailbox: String, id: String, format: AudioFormat) -> String {
        "/spoolview/voicemail/\(context)/\(mailbox)/msg\(id).\(format.fileExtension)"
    }

    /// "msg1700000000-0a1b2c3d.wav" → the id and the extension; nil when it is not one.
    static func parseStableAudioName(_ name: String) -> (id: String, ext: String)? {
        guard name.hasPrefix("msg"), let dot = name.lastIndex(of: ".") else { return nil }
        let id = String(name[name.index(name.startIndex, offsetBy: 3)..<dot])
        guard MessageID.isValid(id) else { return nil }
        return (id, String(name[name.index(after: dot)...]))
    }

    /// "msg0012.wav" → 12 and the extension (its case kept); nil for anything else.
    static func parseFileName(_ name: String) -> (number: Int, ext: String)? {
        guard name.hasPrefix("msg"), let dot = name.lastIndex(of: ".") else { return nil }
        let digits = name.utf8.dropFirst(3).prefix(while: { $0 != UInt8(ascii: ".") })
        guard digits.count == 4, digits.allSatisfy({ (48...57).contains($0) }),
            name.utf8.count > 8, name.utf8[name.utf8.index(name.utf8.startIndex, offsetBy: 7)] == UInt8(ascii: "."),
            let number = Int(String(decoding: digits, as: UTF8.self))
        else { return nil }
        let ext = String(name[name.index(after: dot)...])
        guard !ext.isEmpty, name.index(name.startIndex, offsetBy: 7) == dot else { return nil }
        return (number, ext)
    }

    /// "msg10000.txt", "msg12345.wav": a message file numbered past four digits.
    static func isBeyondFourDigits(_ name: String) -> Bool {
        guard name.hasPrefix("msg") else { return false }
        let digits = name.utf8.dropFirst(3).prefix(while: { (48...57).contains($0) })
        return digits.count > 4 && name.utf8.dropFirst(3 + digits.count).first == UInt8(ascii: ".")
    }

    /// A directory in a mailbox that is a message folder: a name Asterisk would have written
    /// (known names in their exact spelling), not `tmp`, not hidden.
    static func folder(directoryName name: String) -> Folder? {
        guard name != stagingFolderName, !name.hasPrefix("."), let folder = Folder(rawValue: name),
            folder.rawValue == name
        else { return nil }
        return folder
    }
}
