import Foundation
import VoicemailModel

/// Where app_voicemail keeps things: `root/<context>/<mailbox>/<Folder>/msgNNNN.<ext>`, the
/// greetings in the mailbox folder itself.
public struct SpoolLayout: Sendable, Equatable {
    /// Asterisk never numbers a message 9999 or above (MAXMSGLIMIT).
    public static let maxMessagesPerFolder = 9999

    public let root: URL
    public let context: String

    public init(root: URL, context: String) {
        self.root = root
        self.context = context
    }

    public var contextDirectory: URL { root.appendingPathComponent(context, isDirectory: true) }

    public func mailbox(_ mailbox: String) -> URL {
        contextDirectory.appendingPathComponent(mailbox, isDirectory: true)
    }

    public func folder(_ mailbox: String, _ folder: Folder) -> URL {
        self.mailbox(mailbox).appendingPathComponent(folder.rawValue, isDirectory: true)
    }

    public static func baseName(_ number: Int) -> String { String(format: "msg%04d", number) }

    /// "msg0012.txt" → (12, "txt"); nil for anything else (lock files, temporaries, greetings).
    public static func parse(fileName name: String) -> (number: Int, ext: String)? {
        guard name.hasPrefix("msg"), name.count > 8 else { return nil }
        let digits = name.dropFirst(3).prefix(4)
        let rest = name.dropFirst(7)
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits),
            rest.hasPrefix("."), rest.count > 1, number < maxMessagesPerFolder
        else { return nil }
        return (number, String(rest.dropFirst()))
    }

    /// A mailbox or context name that is a plain directory name.
    public static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 80 && name != "." && name != ".." && !name.hasPrefix(".")
            && !name.unicodeScalars.contains { $0 == "/" || $0.value < 0x20 || $0.value == 0x7F }
    }
}
