import AppCore
import Foundation
import VoicemailModel

/// Fixed data for the screen tests: a fixed clock (Friday 2026-11-27 10:00 UTC), UTC dates.
enum Fixtures {
    static let now = date("2026-11-27T10:00:00Z")
    static let utc = TimeZone(identifier: "UTC")!
    static let hostileName = "\u{1B}[2J\u{1B}]0;pwned\u{07}Evil\r\nName"

    static func date(_ text: String) -> Date { ISO8601.parse(text)! }

    static func config(keys: [String: [String]] = [:], mailbox: String? = nil) -> AppConfig {
        var config = AppConfig(
            server: "pbx.example.com", user: "101", userName: "Alice Martin", mailbox: mailbox,
            timeZone: utc, autoRefreshSeconds: 60)
        if !keys.isEmpty { config.applyKeyTable(keys) }
        return config
    }

    static let inbox: [VoicemailMessage] = [
        VoicemailMessage(
            id: "m1", mailbox: "101", folder: .inbox, urgent: true, callerName: "Bob Nguyen",
            callerNumber: "102", date: date("2026-11-27T08:15:00Z"), duration: 42, format: .wav,
            size: 672_044, subject: "Fwd: Dana Kowalski",
            transcription: "Hi Alice, it's Bob. Dana asked me to pass this on: the quarterly review "
                + "moved to Thursday at three, room 4B. Call me back when you can."),
        VoicemailMessage(
            id: "m2", mailbox: "101", folder: .inbox, callerName: "王小明", callerNumber: "+8613800138000",
            date: date("2026-11-24T14:02:00Z"), duration: 95, format: .mp3, size: 98_304,
            transcription: "你好，我是王小明。明天下午三点的会议改到四点，请回电话。"),
        VoicemailMessage(
            id: "m3", mailbox: "101", folder: .inbox, callerName: hostileName, callerNumber: "+4930123456",
            date: date("2026-11-03T09:05:00Z"), duration: 7, format: .wav, size: 112_000,
            transcription: "\u{1B}[31mred\u{1B}[0m text \u{202E}reversed"),
        VoicemailMessage(
            id: "m4", mailbox: "101", folder: .inbox, callerName: "Dana Kowalski", callerNumber: "103",
            date: date("2026-11-26T17:30:00Z"), duration: 605, format: .wav, size: 9_680_044),
        VoicemailMessage(
            id: "m5", mailbox: "101", folder: .inbox, callerNumber: "+33612345678",
            date: date("2026-10-30T12:00:00Z"), duration: 18, format: .wav, size: 288_044),
    ]

    static let summary = MailboxSummary(
        mailbox: "101", name: "Alice Martin", own: true, newCount: 5, oldCount: 15, total: 20,
        unread: 6, capacity: 100,
        folders: [
            FolderCount(folder: .inbox, total: 5, unread: 5),
            FolderCount(folder: .old, total: 12, unread: 0),
            FolderCount(folder: .work, total: 3, unread: 1),
            FolderCount(folder: .family, total: 0, unread: 0),
            FolderCount(folder: .friends, total: 0, unread: 0),
        ])

    static let sharedSummary = MailboxSummary(
        mailbox: "102", name: "Bob Nguyen", own: false, newCount: 1, oldCount: 0, total: 1, unread: 1,
        folders: [FolderCount(folder: .inbox, total: 1, unread: 1)])

    /// A state that has loaded the summary and New, at a given size.
    static func loaded(
        size: TerminalSize = TerminalSize(width: 80, height: 24), messages: [VoicemailMessage] = inbox,
        config: AppConfig = config()
    ) -> AppState {
        var (state, effects) = App.initial(config: config, now: now)
        _ = App.update(&state, .input(.resize(size)))
        for effect in effects {
            switch effect {
            case .list(.loadMailboxes(let id)):
                _ = App.update(&state, .list(.mailboxesLoaded(id, .success([summary, sharedSummary]))))
            case .list(.loadFolder(let id, _, _, _)):
                _ = App.update(&state, .list(.folderLoaded(id, .success(.loaded(messages: messages, etag: "e1")))))
            default:
                break
            }
        }
        return state
    }

    /// Many messages, for scrolling tests.
    static func many(_ count: Int, folder: Folder = .inbox) -> [VoicemailMessage] {
        (0..<count).map { (i: Int) -> VoicemailMessage in
            let id = "n" + String(100_000 + i).dropFirst()
            let number = String(200 + i % 700)
            let seconds = Double(-600 * (i + 1))
            return VoicemailMessage(
                id: id, mailbox: "101", folder: folder, read: folder != .inbox,
                callerName: "Caller \(i)", callerNumber: number,
                date: now.addingTimeInterval(seconds), duration: i % 180, size: 16_000 * (i % 50))
        }
    }
}
