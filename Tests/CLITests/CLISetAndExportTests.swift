import Foundation
import TestSupport
import XCTest

/// Issue 20: changes on sets (--all, --from, --since, --older-than, --dry-run) and `export`,
/// the real binary against pbx-sim.
extension CLIProcessTests {
    private func ids(_ messages: [[String: Any]]) -> Set<String> { Set(messages.compactMap { $0["id"] as? String }) }

    private func date(_ message: [String: Any]) -> Date {
        ISO8601DateFormatter().date(from: message["date"] as? String ?? "") ?? .distantPast
    }

    func testASetCommandNeedsIdsOrASelectorButNotBoth() throws {
        for command in [["mark-read"], ["mark-unread"], ["move", "--to", "work"], ["delete", "--yes"]] {
            let none = try run(command)
            XCTAssertEqual(none.status, 64, "\(command): \(none.stderr)")
            XCTAssertTrue(none.stderr.contains("give message ids, or a set: --all"), none.stderr)
            let both = try run(command + ["someid", "--all"])
            XCTAssertEqual(both.status, 64, both.stderr)
            XCTAssertTrue(both.stderr.contains("not both"), both.stderr)
        }
        let age = try run(["delete", "--older-than", "30x", "--yes"])
        XCTAssertEqual(age.status, 64)
        XCTAssertTrue(age.stderr.contains("--older-than must be a number and h, d or w"), age.stderr)
        let since = try run(["mark-read", "--since", "yesterday"])
        XCTAssertEqual(since.status, 64)
        XCTAssertTrue(since.stderr.contains("--since must be a date"), since.stderr)
    }

    func testMarkReadAllSaysHowManyFirstAndADryRunChangesNothing() throws {
        let unread = try listJSON(["--folder", "new"]).filter { $0["read"] as? Bool == false }
        XCTAssertGreaterThan(unread.count, 1)
        let before = try listJSON()
        let dry = try run(["mark-read", "--folder", "new", "--all", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.hasSuffix("Would mark \(unread.count) messages read (dry run: nothing changed).\n"), dry.stdout)
        for message in unread {
            XCTAssertTrue(dry.stdout.contains(message["callerNumber"] as? String ?? "?"), "the list names every message")
        }
        XCTAssertEqual(try listJSON().map { "\($0["id"]!)\($0["folder"]!)\($0["read"]!)" },
                       before.map { "\($0["id"]!)\($0["folder"]!)\($0["read"]!)" }, "a dry run changes nothing")

        let done = try run(["mark-read", "--folder", "new", "--all"])
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertEqual(done.stdout, "Marking \(unread.count) messages read…\nMarked \(unread.count) messages read.\n")
        XCTAssertEqual(done.stderr, "", "no counter line when stderr is not a terminal")
        XCTAssertTrue(try listJSON(["--folder", "new"]).isEmpty, "New is empty")
        let again = try run(["mark-read", "--folder", "new", "--all"])
        XCTAssertEqual(again.stdout, "No message matches; nothing changed.\n")
    }

    func testDeleteOlderThanTakesOnlyThoseOlderAndNeedsYesWithoutATerminal() throws {
        let old = try listJSON(["--folder", "old"])
        let cutoff = Date().addingTimeInterval(-30 * 86400)
        let older = old.filter { date($0) < cutoff }
        XCTAssertFalse(older.isEmpty, "the seed has Old messages older than 30 days")
        XCTAssertLessThan(older.count, old.count, "and newer ones")
        let refused = try run(["delete", "--folder", "old", "--older-than", "30d"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertEqual(ids(try listJSON(["--folder", "old"])), ids(old))

        let deleted = try run(["delete", "--folder", "old", "--older-than", "30d", "--yes"])
        XCTAssertEqual(deleted.status, 0, deleted.stderr)
        let count = older.count == 1 ? "1 message" : "\(older.count) messages"
        XCTAssertEqual(deleted.stdout, "Deleting \(count)…\nDeleted \(count).\n")
        XCTAssertEqual(ids(try listJSON(["--folder", "old"])), ids(old).subtracting(ids(older)))
    }

    func testFromMatchesCallerNameOrNumberInAnyCaseAndSinceKeepsTheNewer() throws {
        let all = try listJSON()
        let sample = try XCTUnwrap(all.first { ($0["callerName"] as? String)?.isEmpty == false })
        let name = try XCTUnwrap(sample["callerName"] as? String)
        let needle = String(name.prefix(4)).uppercased()
        let byName = all.filter {
            ($0["callerName"] as? String ?? "").lowercased().contains(needle.lowercased())
                || ($0["callerNumber"] as? String ?? "").lowercased().contains(needle.lowercased())
        }
        let moved = try run(["move", "--folder", "all", "--from", needle, "--to", "friends"])
        XCTAssertEqual(moved.status, 0, moved.stderr)
        let changing = byName.filter { $0["folder"] as? String != "Friends" }
        XCTAssertTrue(moved.stdout.hasPrefix("Moving \(changing.count) message"), moved.stdout)
        let friends = ids(try listJSON(["--folder", "friends"]))
        XCTAssertTrue(ids(byName).isSubset(of: friends))

        let number = try XCTUnwrap(all.first { ($0["callerNumber"] as? String)?.hasPrefix("+") == true }?["callerNumber"] as? String)
        let digits = String(number.suffix(4))
        let dry = try run(["mark-unread", "--folder", "all", "--from", digits, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("dry run: nothing changed"), dry.stdout)

        let since = Date().addingTimeInterval(-2 * 86400)
        let stamp = ISO8601DateFormatter().string(from: since)
        let recent = try listJSON(["--folder", "friends"]).filter { date($0) >= since }
        let sinceDry = try run(["move", "--folder", "friends", "--since", stamp, "--to", "work", "--dry-run"])
        XCTAssertTrue(sinceDry.stdout.hasSuffix("Would move \(recent.count == 1 ? "1 message" : "\(recent.count) messages") to Work (dry run: nothing changed).\n"), sinceDry.stdout)
    }

    // MARK: Export

    func testExportWritesNamedFilesAndBothIndexesAndResumes() throws {
        let messages = try listJSON()
        let target = directory.appending("export")
        // Names follow the local zone: both runs in the same one.
        let zone = ["VMTUI_TOKEN": "demo-101", "TZ": "Asia/Kolkata"]
        let first = try run(["export", "--to", target.path], environment: zone)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout.split(separator: "\n").first, "Exporting \(messages.count) messages to \(target.path)…")
        XCTAssertTrue(first.stdout.contains("Exported \(messages.count) messages (\(messages.count) written, "), first.stdout)

        let names = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        let audio = names.filter { $0 != "index.csv" && $0 != "index.json" }
        XCTAssertEqual(audio.count, messages.count)
        XCTAssertEqual(names.count, messages.count + 2, "no temporary left: \(names)")
        let pattern = try NSRegularExpression(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{4}_[A-Za-z0-9_-]+_[A-Za-z0-9_-]+\\.(wav|mp3)$")
        for name in audio {
            XCTAssertNotNil(pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)), name)
            XCTAssertLessThanOrEqual(name.utf8.count, 200)
        }

        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: target.appendingPathComponent("index.json"))) as? [[String: Any]])
        XCTAssertEqual(json.count, messages.count)
        XCTAssertEqual(Set(json.compactMap { $0["id"] as? String }), ids(messages))
        for entry in json {
            for key in ["id", "mailbox", "folder", "date", "callerName", "callerNumber", "duration", "transcription", "file"] {
                XCTAssertTrue(entry.keys.contains(key), "\(key) missing in \(entry)")
            }
            XCTAssertTrue((entry["date"] as? String)?.hasSuffix("+05:30") == true, "ISO 8601 with the offset: \(entry)")
            XCTAssertTrue(audio.contains(entry["file"] as? String ?? ""), "\(entry)")
        }
        let csv = try String(contentsOf: target.appendingPathComponent("index.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("id,mailbox,folder,date,caller_name,caller_number,duration,transcription,file\r\n"))
        if let plus = messages.first(where: { ($0["callerNumber"] as? String)?.hasPrefix("+") == true }) {
            XCTAssertTrue(csv.contains(",'\(plus["callerNumber"] as! String),"), "a cell starting with + is guarded")
        }

        // Resume: complete files are skipped, a partial one replaced, a stray temporary removed.
        let victim = target.appendingPathComponent(audio[0])
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: victim.path)[.size] as? Int)
        let handle = try FileHandle(forWritingTo: victim)
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        let stray = target.appendingPathComponent(".\(audio[1]).part-1234abcd")
        try Data("half".utf8).write(to: stray)
        let second = try run(["export", "--to", target.path], environment: zone)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("(1 written, \(messages.count - 1) already there, "), second.stdout)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: victim.path)[.size] as? Int, size)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stray.path), "the stray temporary is gone")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path).count, messages.count + 2)
    }

    func testExportFiltersByFolderAndCaller() throws {
        let old = try listJSON(["--folder", "old"])
        let target = directory.appending("old-only")
        let outcome = try run(["export", "--to", target.path, "--folder", "old"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: target.appendingPathComponent("index.json"))) as? [[String: Any]])
        XCTAssertEqual(Set(json.compactMap { $0["id"] as? String }), ids(old))
        let none = try run(["export", "--to", directory.appending("none").path, "--from", "no such caller at all"])
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertTrue(none.stdout.contains("Exported 0 messages"), none.stdout)
        XCTAssertEqual(try String(contentsOf: directory.appending("none").appendingPathComponent("index.json"), encoding: .utf8), "[\n]\n")
    }
}
