import AsteriskSpool
import AsteriskSpoolFormat
import Foundation
import TestSupport
import VoicemailBackend
import VoicemailModel
import XCTest

/// A private copy of the committed fixture spool (Fixtures/make-spool.sh), so every test
/// may change it.
final class SpoolFixture {
    let directory: TemporaryDirectory
    let root: URL
    let conf: URL

    init() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-spool")
        let fixtures = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        root = directory.appending("spool")
        conf = directory.appending("voicemail.conf")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("spool"), to: root)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("voicemail.conf"), to: conf)
    }

    func backend(
        user: String = "101", mailbox: String? = nil, lockTimeout: Duration = .seconds(5), ami: AMIConfiguration? = nil,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> AsteriskSpoolBackend {
        try AsteriskSpoolBackend(
            SpoolConfiguration(
                root: root, user: user, mailbox: mailbox, voicemailConf: conf, lockTimeout: lockTimeout, ami: ami, warn: warn))
    }

    func folder(_ mailbox: String, _ folder: String) -> URL {
        root.appendingPathComponent("default/\(mailbox)/\(folder)")
    }

    /// The file names of a folder, sorted, dot files included.
    func names(_ mailbox: String, _ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: self.folder(mailbox, folder).path)) ?? []).sorted()
    }

    func text(_ mailbox: String, _ folder: String, _ number: Int) throws -> String {
        try String(contentsOf: self.folder(mailbox, folder).appendingPathComponent(String(format: "msg%04d.txt", number)), encoding: .utf8)
    }

    func data(_ mailbox: String, _ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("default/\(mailbox)/\(path)"))
    }

    /// msg_id of every .txt in the folder, by number.
    func msgIDs(_ mailbox: String, _ folder: String) throws -> [String] {
        try names(mailbox, folder).filter { $0.hasSuffix(".txt") }.map { name in
            let text = try String(contentsOf: self.folder(mailbox, folder).appendingPathComponent(name), encoding: .utf8)
            return IniFile(parsing: text).value("msg_id") ?? "-"
        }
    }

    /// Numbers of the .txt files, which must be 0..<n.
    func numbers(_ mailbox: String, _ folder: String) -> [Int] {
        names(mailbox, folder).compactMap { SpoolLayout.parseFileName($0) }.filter { $0.ext == "txt" }.map(\.number)
    }
}

extension AsteriskSpoolBackend {
    func list(_ folder: Folder?, mailbox: String? = nil) async throws -> [VoicemailMessage] {
        try await allMessages(mailbox: mailbox, folder: folder).messages
    }
}
