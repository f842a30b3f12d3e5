import AsteriskSpoolFormat
import Foundation
import Logging
@testable import PBXSimulator
import TestSupport
import VoicemailModel
import XCTest

/// Store-level helpers: a `SpoolStore` on a directory, and spool files written by hand the way
/// Asterisk's app_voicemail writes them.
enum SpoolTestKit {
    static let users = [
        SimulatorUser(extension: "101", name: "Alice", webPassword: "pass101", apiToken: "demo-101"),
        SimulatorUser(extension: "102", name: "Bob", webPassword: "pass102", apiToken: "demo-102"),
        SimulatorUser(extension: "103", name: "Dana", webPassword: "pass103", apiToken: "demo-103"),
    ]

    static let quiet = Logger(label: "spool-test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func store(_ directory: URL, capacity: Int = 10_000, users: [SimulatorUser] = users) throws -> SpoolStore {
        try SpoolStore(directory: directory, users: UserDirectory(users: users), defaultCapacity: capacity, logger: quiet)
    }

    static func writeUsers(_ directory: URL, _ users: [SimulatorUser] = users) throws {
        try JSONEncoder().encode(UsersFile(users: users)).write(to: directory.appendingPathComponent("users.json"))
    }

    /// A record as a deposit makes it.
    static func record(name: String? = "Caller", number: String = "5551234", urgent: Bool = false, seconds: Int = 1) -> MessageRecord {
        let now = Date()
        return MessageRecord(
            id: MessageID.make(at: now), originalMailbox: "101", callerID: CallerID(name: name, number: number),
            originTime: now, duration: seconds, urgent: urgent, subject: nil, transcription: nil, format: .wav)
    }

    @discardableResult
    static func deposit(_ store: SpoolStore, into mailbox: String = "101", _ record: MessageRecord = record()) async throws -> StoredMessage {
        let staged = try store.stageUpload(TestAudio.wav(seconds: Double(record.duration)), for: mailbox)
        return try await store.deposit(into: mailbox, audioFile: staged, record: record)
    }

    /// The text of a `msgNNNN.txt` as Asterisk writes it (keys in its order, values raw).
    static func asteriskText(
        callerID: String = "\"Jane Doe\" <5551234>", origtime: Int = 1_700_000_000, msgID: String? = "1700000000-00a1b2c3",
        flag: String = "", duration: Int = 3, mailbox: String = "101"
    ) -> String {
        var lines = [
            ";", "; Message Information file", ";", "[message]",
            "origmailbox=\(mailbox)", "context=from-internal", "macrocontext=", "exten=\(mailbox)", "rdnis=unknown",
            "priority=2", "callerchan=PJSIP/200-00000001", "callerid=\(callerID)",
            "origdate=\(AsteriskDate.format(Date(timeIntervalSince1970: TimeInterval(origtime))))",
            "origtime=\(origtime)", "category=",
        ]
        if let msgID { lines.append("msg_id=\(msgID)") }
        lines += ["flag=\(flag)", "duration=\(duration)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes one message by hand: the `.txt` and one file per audio extension.
    static func writeMessage(
        _ folderURL: URL, _ number: Int, text: String, audio: [String: Data] = ["wav": TestAudio.wav(seconds: 1)]
    ) throws {
        try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        let base = SpoolLayout.baseName(number)
        try Data(text.utf8).write(to: folderURL.appendingPathComponent(base + ".txt"))
        for (ext, data) in audio { try data.write(to: folderURL.appendingPathComponent(base + "." + ext)) }
    }

    static func names(_ folderURL: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? []).sorted()
    }

    static func mode(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int) ?? -1
    }
}
