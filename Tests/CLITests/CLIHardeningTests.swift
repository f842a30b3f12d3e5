import Foundation
import TestSupport
import XCTest

/// The command line against hostile or clumsy use (issue 9) and a PBX that speaks only the
/// documented Wildix calls (issue 8): one line, the right exit code, nothing lost or sent.
extension CLIProcessTests {
    func testDownloadRefusesAnExistingFileUnlessForced() throws {
        let first = try XCTUnwrap(try listJSON().first)
        let id = try XCTUnwrap(first["id"] as? String)
        let kept = directory.appending("keep.wav")
        try Data("precious".utf8).write(to: kept)
        let refused = try run(["download", id, "-o", "keep.wav"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "vmtui: keep.wav already exists; use --force to replace it\n")
        XCTAssertEqual(try Data(contentsOf: kept), Data("precious".utf8))
        let forced = try run(["download", id, "-o", "keep.wav", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try Data(contentsOf: kept).count, first["size"] as? Int)
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertFalse(entries.contains { $0.contains(".part-") }, "\(entries)")
    }

    func testListSaysWhenItShowsOnlyPartAndAllShowsEverything() throws {
        let everything = try run(["list", "--folder", "all", "--all", "--json"])
        XCTAssertEqual(everything.status, 0, everything.stderr)
        XCTAssertEqual(everything.stderr, "")
        let total = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(everything.stdout.utf8)) as? [Any]).count
        XCTAssertGreaterThan(total, 2)
        let part = try run(["list", "--folder", "all", "--limit", "2"])
        XCTAssertEqual(part.status, 0, part.stderr)
        XCTAssertEqual(part.stderr, "vmtui: 2 of \(total) shown; --limit N or --all\n")
        let both = try run(["list", "--all", "--limit", "2"])
        XCTAssertEqual(both.status, 64)
    }

    func testDemoWorksWithEveryCommand() throws {
        for arguments in [["--demo", "list", "--json"], ["list", "--demo", "--json"], ["--demo", "mailboxes"], ["--demo", "greetings"]] {
            let outcome = try run(arguments, environment: [:], withServer: false)
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.stdout.isEmpty, "\(arguments)")
        }
        let demoList = try run(["--demo", "list", "--json"], environment: [:], withServer: false)
        let messages = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(demoList.stdout.utf8)) as? [[String: Any]])
        XCTAssertTrue(messages.allSatisfy { $0["mailbox"] as? String == "101" })
    }

    func testHelpAndBadNumbersSayWhatIsMeant() throws {
        let help = try run(["list", "--help"], withServer: false)
        XCTAssertEqual(help.status, 0)
        XCTAssertFalse(help.stdout.contains("one("), help.stdout)
        XCTAssertTrue(help.stdout.contains("default: new"), help.stdout)
        let negative = try run(["list", "--connect-timeout", "-1"])
        XCTAssertEqual(negative.status, 64)
        XCTAssertTrue(negative.stderr.contains("--connect-timeout must be more than 0 seconds"), negative.stderr)
        XCTAssertFalse(negative.stderr.contains("Missing value"), negative.stderr)
    }

    func testServerAddressMistakesAreNamed() throws {
        let port = simulator.baseURL.port!
        let schemeless = try run(["list", "--server", "127.0.0.1:\(port)"], withServer: false)
        XCTAssertEqual(schemeless.status, 78)
        XCTAssertEqual(
            schemeless.stderr,
            "vmtui: server \"127.0.0.1:\(port)\" has no scheme: add http:// or https:// (e.g. http://127.0.0.1:\(port))\n")

        let apiPath = simulator.baseURL.absoluteString + "/api/v1"
        let notAPI = try run(["list", "--server", apiPath], withServer: false)
        XCTAssertEqual(notAPI.status, 8)
        XCTAssertEqual(notAPI.stderr, "vmtui: no voicemail API at \(apiPath); check --server\n")

        // Refused before any connection: nothing leaves the machine.
        let insecure = try run(
            ["list", "--server", "http://pbx.invalid", "--user", "101"], environment: ["VMTUI_PASSWORD": "pass101"],
            withServer: false)
        XCTAssertEqual(insecure.status, 78)
        XCTAssertTrue(insecure.stderr.hasPrefix("vmtui: refusing to send your password in clear"), insecure.stderr)
        XCTAssertFalse(insecure.stderr.contains("pass101"))
    }

    func testForwardToAnUnknownExtensionNamesIt() throws {
        let id = try XCTUnwrap(try listJSON().first?["id"] as? String)
        let outcome = try run(["forward", id, "--to", "999"])
        XCTAssertEqual(outcome.status, 6)
        XCTAssertEqual(outcome.stderr, "vmtui: no extension 999\n")
    }

    func testWildixPBXRefusesWhatItLacksWithExit7AndChangesNothing() throws {
        let wildix = try SimulatorProcess(dataDirectory: directory.appending("wildix-spool"), extraArguments: ["--flavor", "wildix"])
        defer { wildix.terminate() }
        let server = ["--server", wildix.baseURL.absoluteString]
        func listOld() throws -> [[String: Any]] {
            let outcome = try run(["list", "--folder", "old", "--json"] + server, withServer: false)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        }
        let before = try listOld()
        let id = try XCTUnwrap(before.first?["id"] as? String)
        let refusals: [([String], String)] = [
            (["mark-unread", id], "this PBX cannot mark a message unread"),
            (["move", id, "--to", "work"], "this PBX cannot move messages between folders"),
            (["forward", id, "--to", "102"], "this PBX cannot forward messages"),
            (["greetings"], "this PBX does not let vmtui manage greetings"),
            (["greeting", "reset", "busy"], "this PBX does not let vmtui manage greetings"),
            (["mailboxes"], "this PBX does not list mailboxes"),
        ]
        for (arguments, line) in refusals {
            let outcome = try run(arguments + server, withServer: false)
            XCTAssertEqual(outcome.status, 7, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.stderr, "vmtui: \(line)\n", "\(arguments)")
        }
        XCTAssertEqual(try listOld().map { $0["id"] as? String }, before.map { $0["id"] as? String })
        // What it has works: show (through the list), download (through the spool URL), mark read.
        let shown = try run(["show", id] + server, withServer: false)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let saved = try run(["download", id, "-o", "wildix.wav"] + server, withServer: false)
        XCTAssertEqual(saved.status, 0, saved.stderr)
        // The same refusals against the full simulator when the user says api = wildix.
        let told = try run(["mark-unread", id, "--api", "wildix"])
        XCTAssertEqual(told.status, 7, told.stderr)
    }
}
