import Foundation
import TestSupport
import XCTest

/// The real `vmtui` binary with `--spool` on a copy of the AsteriskSpool fixture spool.
final class SpoolCLITests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var spool: URL!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-spool-cli")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AsteriskSpoolTests/Fixtures")
        spool = directory.appending("spool")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("spool"), to: spool)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("voicemail.conf"), to: directory.appending("voicemail.conf"))
    }

    override func tearDown() {
        directory?.remove()
    }

    private func run(_ arguments: [String], spoolFlags: Bool = true, environment: [String: String] = [:]) throws -> VmtuiProcess.Outcome {
        let flags = ["--spool", spool.path, "--user", "101", "--voicemail-conf", directory.appending("voicemail.conf").path]
        return try VmtuiProcess.run((spoolFlags ? flags : []) + arguments, in: directory, environment: environment)
    }

    private func list(_ folder: String = "all") throws -> [[String: Any]] {
        let outcome = try run(["list", "--folder", folder, "--json", "--all"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    }

    private func txtCount(_ path: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: spool.appendingPathComponent("default/101/\(path)").path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.count
    }

    func testListShowsEveryFolderWithUrgencyAndUnreadFromTheSpool() throws {
        let all = try list()
        XCTAssertEqual(all.count, 106)
        let urgent = try XCTUnwrap(all.first { $0["id"] as? String == "1764260100-00000003" })
        XCTAssertEqual(urgent["folder"] as? String, "Urgent")
        XCTAssertEqual(urgent["urgent"] as? Bool, true)
        XCTAssertEqual(urgent["read"] as? Bool, false)
        // New is INBOX (3) and Urgent (1), as on the screen.
        let new = try list("new")
        XCTAssertEqual(new.count, 4)
        XCTAssertTrue(new.contains { $0["id"] as? String == "1764260100-00000003" }, "the Urgent message is in New")
    }

    /// Issue 20: a set changed under one lock per folder, and an export leaving no temporary.
    func testSetChangesAndExportOnTheSpool() throws {
        let new = try list("new")
        let old = try list("old")
        let marked = try run(["mark-read", "--folder", "new", "--all"])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        XCTAssertEqual(marked.stdout, "Marking \(new.count) messages read…\nMarked \(new.count) messages read.\n")
        XCTAssertEqual(txtCount("INBOX"), 0)
        XCTAssertEqual(txtCount("Urgent"), 0)
        XCTAssertEqual(txtCount("Old"), old.count + new.count)

        let target = directory.appending("export")
        let exported = try run(["export", "--to", target.path, "--folder", "old"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: target.path)
        XCTAssertEqual(names.count, old.count + new.count + 2, "\(names)")
        XCTAssertFalse(names.contains { $0.hasPrefix(".") }, "no temporary left: \(names)")
        let again = try run(["export", "--to", target.path, "--folder", "old"])
        XCTAssertTrue(again.stdout.contains("Exported \(old.count + new.count) messages"), again.stdout)
    }

    func testChangesLandOnDisk() throws {
        XCTAssertEqual(try run(["mark-read", "1764230100-00000001"]).status, 0)
        XCTAssertEqual(txtCount("INBOX"), 2)
        XCTAssertEqual(txtCount("Old"), 3)
        let move = try run(["move", "1764230100-00000001", "--to", "cust1"])
        XCTAssertEqual(move.status, 0, move.stderr)
        XCTAssertEqual(txtCount("Cust1"), 2)
        let forward = try run(["forward", "1764230100-00000001", "--to", "102"])
        XCTAssertEqual(forward.status, 0, forward.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: spool.appendingPathComponent("default/102/INBOX/msg0001.txt").path))
        let delete = try run(["delete", "1764230100-00000001", "--yes"])
        XCTAssertEqual(delete.status, 0, delete.stderr)
        XCTAssertEqual(txtCount("Cust1"), 1)
    }

    func testForwardToAnUnknownExtensionIsOneLineAndExit6() throws {
        let outcome = try run(["forward", "1764230100-00000001", "--to", "999"])
        XCTAssertEqual(outcome.status, 6)
        XCTAssertEqual(outcome.stderr, "vmtui: no extension 999\n")
    }

    func testMailboxesCarryNamesFromVoicemailConf() throws {
        let outcome = try run(["mailboxes", "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let boxes = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(boxes.compactMap { $0["name"] as? String }, ["Alice Martin", "Bob Jones", "Charlie ; Co"])
    }

    func testGSMOnlyAudioDownloadsAsWAV() throws {
        let file = directory.appending("legacy.wav")
        let legacy = try XCTUnwrap(try list("new").first { ($0["id"] as? String)?.hasPrefix("legacy-") == true }?["id"] as? String)
        let outcome = try run(["download", legacy, "-o", file.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try SoxFixtures.soxDuration(file), 2.0, accuracy: 0.05)
    }

    func testMissingUserAndBadContextAreOneLine() throws {
        let noUser = try run(["--spool", spool.path, "list"], spoolFlags: false)
        XCTAssertEqual(noUser.status, 78)
        XCTAssertEqual(noUser.stderr, "vmtui: --spool needs --user EXT: whose mailbox to open\n")
        let context = try run(["--context", "sales", "list"])
        XCTAssertNotEqual(context.status, 0)
        XCTAssertTrue(context.stderr.hasSuffix("no context \"sales\" (contexts here: default); see --context\n"), context.stderr)
        XCTAssertEqual(context.stderr.filter { $0 == "\n" }.count, 1)
    }

    func testConfigKeysAndAnUnreachableAMIWarnsButTheChangeStands() throws {
        let port = try FreePort.loopback()
        let config = directory.appending("vmtui.toml")
        try """
            spool = "\(spool.path)"
            user = "101"
            ami = "127.0.0.1:\(port)"
            ami_user = "vmtui"
            """.write(to: config, atomically: true, encoding: .utf8)
        let outcome = try run(["--config", config.path, "mark-read", "1764230100-00000001"], spoolFlags: false, environment: ["VMTUI_AMI_SECRET": "x"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(
            outcome.stderr,
            "vmtui: warning: AMI at 127.0.0.1:\(port) unreachable (connection refused); the change was made, but phone message lights may lag\n")
        XCTAssertEqual(txtCount("INBOX"), 2)
        let noSecret = try run(["--config", config.path, "list"], spoolFlags: false)
        XCTAssertEqual(noSecret.status, 78)
        XCTAssertTrue(noSecret.stderr.contains("\"ami\" needs a secret: set VMTUI_AMI_SECRET or \"ami_secret_command\""), noSecret.stderr)
    }
}
