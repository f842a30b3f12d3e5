import Foundation
import TestSupport
import VMTUICLI
import XCTest

/// The real `vmtui` binary against a real `pbx-sim` process.
final class CLIProcessTests: XCTestCase {
    var directory: TemporaryDirectory!
    var simulator: SimulatorProcess!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-cli")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("spool"))
    }

    override func tearDown() {
        simulator?.terminate()
        directory?.remove()
    }

    typealias Outcome = VmtuiProcess.Outcome

    static func vmtuiExecutable() throws -> URL {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("vmtui"))
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/vmtui"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw TestSupportError("vmtui binary not found; run swift build first")
        }
        return found
    }

    /// Runs vmtui with a clean environment (no user config) plus `environment`.
    func run(_ arguments: [String], environment: [String: String] = ["VMTUI_TOKEN": "demo-101"], withServer: Bool = true)
        throws -> Outcome
    {
        try VmtuiProcess.run(
            arguments + (withServer ? ["--server", simulator.baseURL.absoluteString] : []), in: directory,
            environment: environment)
    }

    func listJSON(_ extra: [String] = []) throws -> [[String: Any]] {
        let outcome = try run(["list", "--folder", "all", "--json"] + extra)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    }

    func testListJSONParsesWithContractKeys() throws {
        let messages = try listJSON()
        XCTAssertFalse(messages.isEmpty)
        let first = messages[0]
        for key in ["id", "mailbox", "folder", "read", "urgent", "callerNumber", "date", "duration", "format", "size"] {
            XCTAssertNotNil(first[key], "missing \(key)")
        }
        XCTAssertNotNil(ISO8601DateFormatter().date(from: first["date"] as! String))
        let limited = try listJSON(["--limit", "2"])
        XCTAssertEqual(limited.count, 2)
    }

    func testAMissingLibcurlIsOneLineAndANetworkFailure() throws {
        let outcome = try run(["list"], environment: ["VMTUI_TOKEN": "demo-101", "VMTUI_LIBCURL": "/nonexistent/libcurl.so.4"])
        XCTAssertEqual(outcome.status, ExitStatus.network, outcome.stderr)
        XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("cannot load libcurl"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("install libcurl4"), outcome.stderr)
        XCTAssertEqual(try run(["--version"], withServer: false).status, 0, "commands without HTTP never load libcurl")
    }

    func testHumanListShowMailboxesGreetings() throws {
        let list = try run(["list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.hasPrefix("    DATE"), list.stdout)
        let id = try XCTUnwrap(try listJSON().first?["id"] as? String)
        let show = try run(["show", id])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("ID:") && show.stdout.contains(id), show.stdout)
        let showJSON = try run(["show", id, "--json"])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any])
        let boxes = try run(["mailboxes", "--json"])
        let parsedBoxes = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(boxes.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(parsedBoxes.first?["mailbox"] as? String, "101")
        let greetings = try run(["greetings"])
        XCTAssertEqual(greetings.status, 0, greetings.stderr)
        XCTAssertTrue(greetings.stdout.contains("unavailable"))
    }

    /// New is INBOX and Urgent, as the screen (and the phone) show it: the demo's 4 INBOX
    /// messages and Dana's urgent one, counted alike by `mailboxes`.
    func testNewListsInboxAndUrgentLikeTheScreen() throws {
        let new = try listJSON(["--folder", "new"])
        XCTAssertEqual(new.count, 5, "\(new.map { $0["folder"] ?? "" })")
        XCTAssertEqual(Set(new.compactMap { $0["folder"] as? String }), ["INBOX", "Urgent"])
        let urgent = try XCTUnwrap(new.first { $0["folder"] as? String == "Urgent" })
        XCTAssertEqual(urgent["callerName"] as? String, "Dana Kowalski")
        XCTAssertEqual(urgent["urgent"] as? Bool, true)
        let dates = new.compactMap { $0["date"] as? String }.compactMap { ISO8601DateFormatter().date(from: $0) }
        XCTAssertEqual(dates, dates.sorted(by: >), "one list, newest first")
        XCTAssertEqual(try listJSON(["--folder", "0"]).compactMap { $0["id"] as? String }, new.compactMap { $0["id"] as? String })
        XCTAssertEqual(try listJSON(["--folder", "urgent"]).compactMap { $0["id"] as? String }, [urgent["id"] as? String])

        let human = try run(["list"])
        XCTAssertEqual(human.status, 0, human.stderr)
        XCTAssertTrue(human.stdout.contains("Dana Kowalski") && human.stdout.contains("Urgent"), human.stdout)
        XCTAssertEqual(human.stdout.split(separator: "\n").count, 6, "a header and five rows: \(human.stdout)")

        let part = try run(["list", "--limit", "2"])
        XCTAssertEqual(part.stderr, "vmtui: 2 of 5 shown; --limit N or --all\n")

        let boxes = try run(["mailboxes", "--json"])
        let own = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(boxes.stdout.utf8)) as? [[String: Any]])?.first)
        XCTAssertEqual(own["new"] as? Int, new.count, "the mailbox summary counts New as the list shows it")
    }

    func testMarkMoveForwardDelete() throws {
        let id = try XCTUnwrap(try listJSON(["--folder", "new"]).first?["id"] as? String)
        XCTAssertEqual(try run(["mark-read", id]).status, 0)
        XCTAssertEqual(try listJSON().first { $0["id"] as? String == id }?["folder"] as? String, "Old")
        XCTAssertEqual(try run(["mark-unread", id]).status, 0)
        let moved = try run(["move", id, "--to", "family"])
        XCTAssertEqual(moved.status, 0, moved.stderr)
        XCTAssertEqual(try listJSON().first { $0["id"] as? String == id }?["folder"] as? String, "Family")
        let forwarded = try run(["forward", id, "--to", "102*103"])
        XCTAssertEqual(forwarded.status, 0, forwarded.stderr)
        XCTAssertTrue(forwarded.stdout.contains("102") && forwarded.stdout.contains("103"))

        // Not a terminal and no --yes: refused, nothing deleted.
        let refused = try run(["delete", id])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "vmtui: refusing to delete without confirmation: stdin is not a terminal (add --yes)\n")
        XCTAssertNotNil(try listJSON().first { $0["id"] as? String == id })
        XCTAssertEqual(try run(["delete", id, "--yes"]).status, 0)
        let gone = try run(["show", id])
        XCTAssertEqual(gone.status, 6)
        XCTAssertTrue(gone.stderr.hasPrefix("vmtui: message \(id) not found"), gone.stderr)
    }

    func testDownloadWritesExactBytesAndNoPartialFileOnFailure() throws {
        let first = try XCTUnwrap(try listJSON().first)
        let id = try XCTUnwrap(first["id"] as? String)
        let result = try run(["download", id, "-o", "copy.wav"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let data = try Data(contentsOf: directory.appending("copy.wav"))
        XCTAssertEqual(data.count, first["size"] as? Int)
        let defaultName = try run(["download", id])
        XCTAssertEqual(defaultName.status, 0, defaultName.stderr)
        XCTAssertEqual(try Data(contentsOf: directory.appending("\(id).\(first["format"] as! String)")), data)
        let failed = try run(["download", "no-such-id", "-o", "missing.wav"])
        XCTAssertEqual(failed.status, 6)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appending("missing.wav").path))
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertFalse(entries.contains { $0.contains(".part-") }, "\(entries)")
    }

    func testFailuresExitNonZeroWithOneLine() throws {
        let port = try FreePort.loopback()
        let unreachable = try run(["list", "--server", "http://127.0.0.1:\(port)"], withServer: false)
        XCTAssertEqual(unreachable.status, 3)
        XCTAssertEqual(unreachable.stderr, "vmtui: cannot connect to 127.0.0.1:\(port) (connection refused)\n")

        let badToken = try run(["list"], environment: ["VMTUI_TOKEN": "wrong"])
        XCTAssertEqual(badToken.status, 4)
        XCTAssertEqual(badToken.stderr.split(separator: "\n").count, 1)
        XCTAssertTrue(badToken.stderr.hasPrefix("vmtui: authentication failed"), badToken.stderr)

        let forbidden = try run(["list", "--mailbox", "102"])
        XCTAssertEqual(forbidden.status, 5)
        XCTAssertTrue(forbidden.stderr.hasPrefix("vmtui: no permission for mailbox 102"), forbidden.stderr)

        let noCredentials = try run(["list"], environment: [:])
        XCTAssertEqual(noCredentials.status, 78)
        XCTAssertTrue(noCredentials.stderr.hasPrefix("vmtui: no credentials"), noCredentials.stderr)

        let badFolder = try run(["list", "--folder", "spam"])
        XCTAssertEqual(badFolder.status, 64)
    }

    func testDemoRefusesAnUnknownDemoUserBeforeTouchingTheTerminal() throws {
        let outcome = try run(["--demo", "--user", "999"], environment: [:], withServer: false)
        XCTAssertEqual(outcome.status, 64)
        XCTAssertEqual(outcome.stderr, "vmtui: the demo has no user 999; try one of 101, 102, 103, 200\n")
        XCTAssertEqual(outcome.stdout, "")
    }

    func testConfigFileIsUsedAndWarnsOnUnknownKeys() throws {
        let config = directory.appending("vmtui.toml")
        try """
            server = "\(simulator.baseURL.absoluteString)"
            user = "101"
            password_command = "echo pass101"
            colour = "blue"
            """.write(to: config, atomically: true, encoding: .utf8)
        let outcome = try run(["list", "--config", config.path, "--json"], environment: [:], withServer: false)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "vmtui: warning: \(config.path):4: unknown key \"colour\" (ignored)\n")
        let broken = directory.appending("broken.toml")
        try "server = \n".write(to: broken, atomically: true, encoding: .utf8)
        let failure = try run(["list", "--config", broken.path], withServer: false)
        XCTAssertEqual(failure.status, 78)
        XCTAssertTrue(failure.stderr.hasPrefix("vmtui: \(broken.path):1: invalid TOML"), failure.stderr)
    }

    func testSecretsNeverAppearInOutputOrLogs() throws {
        let log = directory.appending("vmtui.log")
        let environment = ["VMTUI_PASSWORD": "pass101", "VMTUI_LOG": log.path, "VMTUI_LOG_LEVEL": "trace"]
        let ok = try run(["list", "--user", "101", "--auth", "session"], environment: environment)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let bad = try run(["list", "--user", "101", "--auth", "basic"], environment: ["VMTUI_PASSWORD": "wrong-secret", "VMTUI_LOG": log.path])
        XCTAssertEqual(bad.status, 4)
        let logText = try String(contentsOf: log, encoding: .utf8)
        XCTAssertFalse(logText.isEmpty)
        for secret in ["pass101", "wrong-secret"] {
            XCTAssertFalse(ok.stdout.contains(secret) || ok.stderr.contains(secret) || bad.stderr.contains(secret))
            XCTAssertFalse(logText.contains(secret), "secret in log:\n\(logText)")
        }
    }
}
