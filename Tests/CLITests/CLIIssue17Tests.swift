import Foundation
import TestSupport
import XCTest

/// Issue 17, the command line: several ids with one unknown change nothing; the demo takes
/// VMTUI_PIN; a server that is no voicemail API gets no write; clearer lines for bad values.
extension CLIProcessTests {
    func testOneUnknownIdAmongSeveralChangesNothing() throws {
        let old = try XCTUnwrap(try listJSON(["--folder", "old"]).first?["id"] as? String)
        let new = try XCTUnwrap(try listJSON(["--folder", "new"]).first?["id"] as? String)
        func folder(_ id: String) throws -> String? {
            try listJSON().first { $0["id"] as? String == id }?["folder"] as? String
        }
        let attempts: [([String], String, String)] = [
            (["mark-unread", old, "nosuch"], old, "Old"),
            (["move", old, "nosuch", "--to", "work"], old, "Old"),
            (["mark-read", new, "nosuch", "other"], new, "INBOX"),
        ]
        for (arguments, id, stays) in attempts {
            let outcome = try run(arguments)
            XCTAssertEqual(outcome.status, 6, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.hasPrefix("vmtui: message"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("nosuch"), outcome.stderr)
            XCTAssertFalse(outcome.stderr.contains(id), "only the unknown ids are named: \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.hasSuffix("; no message was changed\n"), outcome.stderr)
            XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, outcome.stderr)
            XCTAssertEqual(try folder(id), stays, "\(arguments) changed \(id)")
        }
        let both = try run(["mark-read", new, "nosuch", "other"])
        XCTAssertTrue(both.stderr.contains("messages nosuch, other not found"), both.stderr)
        // Known ids, even repeated, still work.
        let moved = try run(["move", old, old, "--to", "work"])
        XCTAssertEqual(moved.status, 0, moved.stderr)
        XCTAssertEqual(moved.stdout, "Moved 1 message to Work.\n")
        for command in ["mark-read", "mark-unread", "move"] {
            let help = try run([command, "--help"], withServer: false)
            XCTAssertTrue(help.stdout.contains("if one is unknown, no message is changed"), "\(command): \(help.stdout)")
        }
    }

    func testTheDemoTakesVMTUIPINLikeARealPBX() throws {
        let arguments = ["--demo", "--user", "200", "--mailbox", "102", "list", "--json"]
        let locked = try run(arguments, environment: [:], withServer: false)
        XCTAssertEqual(locked.status, 5, locked.stderr)
        XCTAssertEqual(locked.stderr, "vmtui: mailbox 102 needs a PIN (403 PIN required)\n")
        let opened = try run(arguments, environment: ["VMTUI_PIN": "pass1"], withServer: false)
        XCTAssertEqual(opened.status, 0, opened.stderr)
        let messages = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(opened.stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(messages.isEmpty)
        XCTAssertTrue(messages.allSatisfy { $0["mailbox"] as? String == "102" })
        let wrong = try run(arguments, environment: ["VMTUI_PIN": "12345"], withServer: false)
        XCTAssertEqual(wrong.status, 5, wrong.stderr)
    }

    /// A URL that answers, but not as a voicemail API: every command says so (exit 8).
    func testEveryCommandSaysThereIsNoVoicemailAPI() throws {
        let notAPI = simulator.baseURL.absoluteString + "/api/v1"
        let id = try XCTUnwrap(try listJSON().first?["id"] as? String)
        for arguments in [["mailboxes"], ["greetings"], ["show", id], ["delete", id, "--yes"], ["mark-read", id], ["move", id, "--to", "work"]] {
            let outcome = try run(arguments + ["--server", notAPI], withServer: false)
            XCTAssertEqual(outcome.status, 8, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderr, "vmtui: no voicemail API at \(notAPI); check --server\n", "\(arguments)")
        }
        XCTAssertTrue(try listJSON().contains { $0["id"] as? String == id }, "nothing was deleted")
    }

    func testBadValuesSayWhatIsMeant() throws {
        let folder = try run(["list", "--folder", "5"], withServer: false)
        XCTAssertEqual(folder.status, 64)
        XCTAssertTrue(folder.stderr.contains("- new\n"), folder.stderr)
        XCTAssertFalse(folder.stderr.contains("- inbox"), folder.stderr)
        let limit = try run(["list", "--limit", "-1"])
        XCTAssertEqual(limit.status, 64)
        XCTAssertTrue(limit.stderr.contains("--limit must be a positive number"), limit.stderr)
        XCTAssertFalse(limit.stderr.contains("Missing value"), limit.stderr)
        let config = try run(["list", "--config", directory.path])
        XCTAssertEqual(config.status, 78)
        XCTAssertEqual(config.stderr, "vmtui: \(directory.path): is a folder, not a config file\n")
        let upload = try run(["greeting", "upload", "name", "/nonexistent/dir/greeting.wav"])
        XCTAssertEqual(upload.status, 1)
        XCTAssertEqual(upload.stderr, "vmtui: /nonexistent/dir/greeting.wav does not exist\n")
    }
}
