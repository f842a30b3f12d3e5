import Foundation
import VoicemailModel

/// Where things live under `DIR` (Asterisk's spool layout).
struct SpoolLayout: Sendable {
    let root: URL

    func mailbox(_ mailbox: String) -> URL {
        root.appendingPathComponent(mailbox, isDirectory: true)
    }

    func folder(_ mailbox: String, _ folder: Folder) -> URL {
        self.mailbox(mailbox).appendingPathComponent(folder.rawValue, isDirectory: true)
    }

    static func baseName(_ number: Int) -> String { String(format: "msg%04d", number) }

    func text(_ mailbox: String, _ folder: Folder, _ number: Int) -> URL {
        self.folder(mailbox, folder).appendingPathComponent(Self.baseName(number) + ".txt")
    }

    func audio(_ mailbox: String, _ folder: Folder, _ number: Int, _ format: AudioFormat) -> URL {
        self.folder(mailbox, folder).appendingPathComponent(Self.baseName(number) + "." + format.fileExtension)
    }

    func greeting(_ mailbox: String, _ type: GreetingType, _ format: AudioFormat) -> URL {
        self.mailbox(mailbox).appendingPathComponent(type.spoolName + "." + format.fileExtension)
    }

    /// The URL path the real PBX redirects audio downloads to.
    static func spoolViewPath(_ mailbox: String, _ folder: Folder, _ number: Int, _ format: AudioFormat) -> String {
        "\(spoolViewPrefix)\(mailbox)/\(folder.rawValue)/\(baseName(number)).\(format.fileExtension)"
    }

    static let spoolViewPrefix = "/spoolview/voicemail/default/"

    /// "msg0012.wav" → 12 and the extension; nil for anything else.
    static func parseFileName(_ name: String) -> (number: Int, ext: String)? {
        guard name.hasPrefix("msg"), let dot = name.lastIndex(of: ".") else { return nil }
        let digits = name[name.index(name.startIndex, offsetBy: 3)..<dot]
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let number = Int(digits) else { return nil }
        return (number, String(name[name.index(after: dot)...]))
    }
}
