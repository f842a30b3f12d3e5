import FoundationEssentials
import Glibc
import VoicemailModel

/// Where things live under `DIR`, exactly as Asterisk's app_voicemail lays out its spool:
/// `DIR/<context>/<mailbox>/<Folder>/msgNNNN.txt` plus one audio file per configured format,
/// and the greetings (`unavail`, `busy`, `greet`, `temp`) in the mailbox folder.
package struct SpoolLayout: Sendable, Equatable {
    package let root: URL
    package let context: String

    package static let defaultContext = "default"
    /// Asterisk's ceiling: four digits per folder.
    package static let maxMessagesPerFolder = 9999
    /// Recordings in progress (Asterisk's) and uploads being received (ours): never a folder.
    package static let stagingFolderName = "tmp"
    /// Audio extensions in the order they are served: PCM `.wav` first, then MP3, then GSM in
    /// a WAV container (`.WAV`, "wav49"), then raw GSM. Case matters: `.WAV` and `.wav` are
    /// different files side by side.
    package static let audioExtensions = ["wav", "mp3", "WAV", "gsm"]
    /// The temporary greeting that overrides both unavailable and busy.
    package static let temporaryGreetingName = "temp"
    /// Names our programs give the files they stage in a mailbox's `tmp/` (uploads, forwards),
    /// followed by the pid of the process that made them; Asterisk's recordings have others.
    package static let stagingPrefix = ".pbx-sim-"

    /// A fresh staging name for this process: `<prefix><pid>-<purpose>-<uuid>.<ext>`.
    package static func stagingName(_ purpose: String, ext: String) -> String {
        "\(stagingPrefix)\(getpid())-\(purpose)-\(UUID().uuidString).\(ext)"
    }

    /// The pid a staging name carries; nil for older names without one.
    package static func stagingOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix(stagingPrefix) else { return nil }
        return name.dropFirst(stagingPrefix.count).split(separator: "-").first.flatMap { pid_t($0) }
    }

    /// Whether `url` resolves inside the spool root: a folder or mailbox that is a symbolic
    /// link is followed only then (nothing outside the spool is read or changed).
    package func resolvesInside(_ url: URL) -> Bool {
        guard let resolved = DurableFiles.resolvedPath(url.path) else { return false }
        let top = DurableFiles.resolvedPath(root.path) ?? root.standardizedFileURL.path
        return resolved == top || resolved.hasPrefix(top == "/" ? "/" : top + "/")
    }

    /// A mailbox or context name that is a plain directory name.
    package static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 80 && name != "." && name != ".." && !name.hasPrefix(".")
            && !name.unicodeScalars.contains { $0 == "/" || $0.value < 0x20 || $0.value == 0x7F }
    }

    package init(root: URL, context: String = SpoolLayout.defaultContext) {
        self.root = root
        self.context = context
    }

    package var contextDirectory: URL { root.appendingPathComponent(context, isDirectory: true) }

    package func mailbox(_ mailbox: String) -> URL {
        contextDirectory.appendingPathComponent(mailbox, isDirectory: true)
    }

    package func folder(_ mailbox: String, _ folder: Folder) -> URL {
        self.mailbox(mailbox).appendingPathComponent(folder.rawValue, isDirectory: true)
    }

    package func staging(_ mailbox: String) -> URL {
        self.mailbox(mailbox).appendingPathComponent(Self.stagingFolderName, isDirectory: true)
    }

    package static func baseName(_ number: Int) -> String {
        let digits = String(number)
        return "msg" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `msgNNNN.<ext>` in a folder given by path (for loops over thousands of messages).
    package static func path(in folderPath: String, _ number: Int, _ ext: String) -> String {
        folderPath + "/" + baseName(number) + "." + ext
    }

    package func text(_ mailbox: String, _ folder: Folder, _ number: Int) -> URL {
        self.folder(mailbox, folder).appendingPathComponent(Self.baseName(number) + ".txt", isDirectory: false)
    }

    package func audio(_ mailbox: String, _ folder: Folder, _ number: Int, _ ext: String) -> URL {
        self.folder(mailbox, folder).appendingPathComponent(Self.baseName(number) + "." + ext, isDirectory: false)
    }

    package func audio(_ mailbox: String, _ folder: Folder, _ number: Int, _ format: AudioFormat) -> URL {
        audio(mailbox, folder, number, format.fileExtension)
    }

    package func greeting(_ mailbox: String, _ type: GreetingType, _ format: AudioFormat) -> URL {
        greeting(mailbox, named: type.spoolName, format.fileExtension)
    }

    package func greeting(_ mailbox: String, named name: String, _ ext: String) -> URL {
        self.mailbox(mailbox).appendingPathComponent(name + "." + ext, isDirectory: false)
    }

    /// The format an audio file is served as; nil for raw GSM, which needs converting.
    package static func servedFormat(ofExtension ext: String) -> AudioFormat? {
        switch ext {
        case "wav", "WAV": .wav
        case "mp3": .mp3
        default: nil
        }
    }

    /// The stable address of a message's audio: `/spoolview/voicemail/<context>/<mailbox>/
    /// msg<msg_id>.<ext>`. It names the message, not its position, so renumbering cannot make
    /// it point at another message. Look it up with `SpoolStore.message(mailbox:id:)`.
    package static func stableAudioPath(context: String, mailbox: String, id: String, format: AudioFormat) -> String {
        "/spoolview/voicemail/\(context)/\(mailbox)/msg\(id).\(format.fileExtension)"
    }

    /// "msg1700000000-0a1b2c3d.wav" → the id and the extension; nil when it is not one.
    package static func parseStableAudioName(_ name: String) -> (id: String, ext: String)? {
        guard name.hasPrefix("msg"), let dot = name.lastIndex(of: ".") else { return nil }
        let id = String(name[name.index(name.startIndex, offsetBy: 3)..<dot])
        guard MessageID.isValid(id) else { return nil }
        return (id, String(name[name.index(after: dot)...]))
    }

    /// "msg0012.wav" → 12 and the extension (its case kept); nil for anything else.
    package static func parseFileName(_ name: String) -> (number: Int, ext: String)? {
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
    package static func isBeyondFourDigits(_ name: String) -> Bool {
        guard name.hasPrefix("msg") else { return false }
        let digits = name.utf8.dropFirst(3).prefix(while: { (48...57).contains($0) })
        return digits.count > 4 && name.utf8.dropFirst(3 + digits.count).first == UInt8(ascii: ".")
    }

    /// A directory in a mailbox that is a message folder: a name Asterisk would have written
    /// (known names in their exact spelling), not `tmp`, not hidden.
    package static func folder(directoryName name: String) -> Folder? {
        guard name != stagingFolderName, !name.hasPrefix("."), let folder = Folder(rawValue: name),
            folder.rawValue == name
        else { return nil }
        return folder
    }
}
