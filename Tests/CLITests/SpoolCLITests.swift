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

    /// `vmtui greeting copy SOURCE DEST` copies the files; the table says when the temporary
    /// greeting is in use; copying the default or onto itself is one line.
    func testGreetingCopyAndTheTemporaryGreeting() throws {
        let mailbox = spool.appendingPathComponent("default/101")
        let copy = try run(["greeting", "copy", "unavailable", "busy"])
        XCTAssertEqual(copy.status, 0, copy.stderr)
        XCTAssertTrue(copy.stdout.hasPrefix("Greeting unavailable copied onto busy"), copy.stdout)
        for ext in ["wav", "WAV"] {
            XCTAssertEqual(
                try Data(contentsOf: mailbox.appendingPathComponent("busy.\(ext)")),
                try Data(contentsOf: mailbox.appendingPathComponent("unavail.\(ext)")))
        }
        let table = try run(["greetings"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("temporary"), table.stdout)
        XCTAssertTrue(table.stdout.contains("in use"), table.stdout)
        XCTAssertTrue(
            table.stdout.contains("The temporary greeting is in use: callers hear it instead of unavailable and busy"), table.stdout)
        let reset = try run(["greeting", "reset", "temp"])
        XCTAssertEqual(reset.status, 0, reset.stderr)
        XCTAssertEqual(reset.stdout, "Greeting temporary removed: callers hear unavailable and busy again.\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: mailbox.appendingPathComponent("temp.wav").path))
        let nothing = try run(["greeting", "copy", "temporary", "name"])
        XCTAssertEqual(nothing.status, 6, nothing.stderr)
        XCTAssertEqual(nothing.stderr.split(separator: "\n").count, 1, nothing.stderr)
        let itself = try run(["greeting", "copy", "busy", "busy"])
        XCTAssertNotEqual(itself.status, 0)
        XCTAssertTrue(itself.stderr.contains("a greeting cannot be copied onto itself"), itself.stderr)
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
        let legacy = try XCTUnwrap(try list("new").first { ($0["id"] as? String)?.hasPrefix("1764240100-") == true }?["id"] as? String)
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

    // MARK: kill -9 in the middle of a change

    /// `vmtui` killed (SIGKILL, through the spool library's crash hook) before each file
    /// operation of a move in turn: the next run finds the message in exactly one folder,
    /// numbers without gaps, no audio without its `.txt`, no `.txt` without audio, no lock left.
    func testAMoveKilledAtAnyInstantIsCompletedOrRolledBack() throws {
        let id = "1764230100-00000001"
        try killAtEveryStep(["move", id, "--to", "old"]) { point in
            let ids = try self.msgIDs("101")
            XCTAssertEqual(ids.filter { $0 == id }.count, 1, "step \(point): the moved message once")
            XCTAssertEqual(ids.count, 106, "step \(point): no message lost or doubled")
        }
    }

    func testADeleteKilledAtAnyInstantIsCompletedOrRolledBack() throws {
        let id = "1764230100-00000001"
        try killAtEveryStep(["delete", id, "--yes"]) { point in
            let ids = try self.msgIDs("101")
            XCTAssertLessThanOrEqual(ids.filter { $0 == id }.count, 1, "step \(point)")
            XCTAssertEqual(ids.count + (ids.contains(id) ? 0 : 1), 106, "step \(point): only the deleted one may be gone")
        }
    }

    func testAForwardKilledAtAnyInstantIsCompletedOrRolledBack() throws {
        let id = "1764260100-00000003"
        try killAtEveryStep(["forward", id, "--to", "102"], mailboxes: ["101", "102"]) { point in
            let copies = try self.msgIDs("102").filter { $0 == id }.count
            XCTAssertLessThanOrEqual(copies, 1, "step \(point): at most one copy")
            XCTAssertEqual(try self.msgIDs("101").count, 106, "step \(point): the original mailbox is untouched")
            let staged = ((try? FileManager.default.contentsOfDirectory(atPath: self.spool.appendingPathComponent("default/102/tmp").path)) ?? [])
                .filter { !$0.hasPrefix(".") || $0.hasPrefix(".pbx-sim-") }
            XCTAssertEqual(staged, [], "step \(point): no staged copy left")
        }
    }

    /// Runs `arguments` with the crash hook at step 1, 2, … until one run gets through; after
    /// each killed run, the next run (a `list` of each mailbox) must find a consistent spool.
    private func killAtEveryStep(
        _ arguments: [String], mailboxes: [String] = ["101"], check: (Int) throws -> Void
    ) throws {
        let base = try recoveredFixture(mailboxes)
        var point = 1
        while point < 80 {
            try? FileManager.default.removeItem(at: spool)
            try FileManager.default.copyItem(at: base, to: spool)
            let killed = try run(arguments, environment: ["VMTUI_SPOOL_CRASH_AT": "\(point)"])
            for mailbox in mailboxes {
                let next = try run(["--mailbox", mailbox, "list", "--folder", "all", "--json", "--all"])
                XCTAssertEqual(next.status, 0, "step \(point): \(next.stderr)")
                assertConsistent(mailbox, point)
            }
            try check(point)
            if killed.status == 0 { break }
            XCTAssertEqual(killed.status, SIGKILL, "step \(point): \(killed.stderr)")
            point += 1
        }
        XCTAssertGreaterThan(point, 3, "the change took several steps")
        XCTAssertLessThan(point, 80, "the change finished")
    }

    /// The fixture spool once recovered (it has a gap and a doubled msg_id on purpose): a lock
    /// left by a process that is gone makes the next `list` recover the mailbox first.
    private func recoveredFixture(_ mailboxes: [String]) throws -> URL {
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        for mailbox in mailboxes {
            let inbox = spool.appendingPathComponent("default/\(mailbox)/INBOX")
            try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
            try Data("\(gone.processIdentifier)\n".utf8).write(to: inbox.appendingPathComponent(".lock"))
            let next = try run(["--mailbox", mailbox, "list", "--folder", "all", "--json", "--all"])
            XCTAssertEqual(next.status, 0, next.stderr)
            assertConsistent(mailbox, 0)
        }
        let base = directory.appending("recovered")
        try FileManager.default.moveItem(at: spool, to: base)
        return base
    }

    /// Every folder of the mailbox: `.txt` numbered 0..<n, each with audio, no audio alone, no lock.
    private func assertConsistent(_ mailbox: String, _ point: Int, file: StaticString = #filePath, line: UInt = #line) {
        let box = spool.appendingPathComponent("default/\(mailbox)")
        for folder in (try? FileManager.default.contentsOfDirectory(atPath: box.path)) ?? [] where folder != "tmp" {
            let path = box.appendingPathComponent(folder).path
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            XCTAssertFalse(names.contains(".lock"), "step \(point): \(folder) still locked", file: file, line: line)
            var texts: [Int] = []
            var audio: [Int: Int] = [:]
            for name in names where name.hasPrefix("msg") {
                guard let number = Int(name.dropFirst(3).prefix(4)) else { continue }
                if name.hasSuffix(".txt") { texts.append(number) } else { audio[number, default: 0] += 1 }
            }
            XCTAssertEqual(texts.sorted(), Array(0..<texts.count), "step \(point): \(folder) numbered without gaps", file: file, line: line)
            for number in texts { XCTAssertNotNil(audio[number], "step \(point): \(folder) msg\(number) has audio", file: file, line: line) }
            for number in audio.keys { XCTAssertTrue(texts.contains(number), "step \(point): \(folder) audio \(number) has a .txt", file: file, line: line) }
        }
    }

    /// msg_id (or "-") of every message of a mailbox, all folders.
    private func msgIDs(_ mailbox: String) throws -> [String] {
        let box = spool.appendingPathComponent("default/\(mailbox)")
        var ids: [String] = []
        for folder in try FileManager.default.contentsOfDirectory(atPath: box.path) where folder != "tmp" {
            let path = box.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? [] where name.hasPrefix("msg") && name.hasSuffix(".txt") {
                let text = try String(contentsOf: path.appendingPathComponent(name), encoding: .utf8)
                ids.append(text.split(separator: "\n").first { $0.hasPrefix("msg_id=") }.map { String($0.dropFirst(7)) } ?? "-")
            }
        }
        return ids
    }
}
