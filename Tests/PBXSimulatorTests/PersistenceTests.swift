import AsteriskSpoolFormat
import Foundation
@testable import PBXSimulator
import TestSupport
import XCTest

/// kill -9 the pbx-sim PROCESS in the middle of concurrent writes, restart it on the same
/// directory, and check that every acknowledged change survived and nothing is half-written.
final class PersistenceTests: XCTestCase {
    func testKillNineMidStreamLosesNothingAcknowledgedAndLeavesNoHalfMessages() async throws {
        let directory = try TemporaryDirectory(prefix: "pbx-sim-crash")
        let sim = try SimulatorProcess(dataDirectory: directory.url, seed: "demo", capacity: 10_000)
        let http = HTTPTestClient(baseURL: sim.baseURL)
        let acknowledged = AcknowledgedLog()

        // Writers: deposits into 103, moves and deletes in 101; each records what the server
        // confirmed. The process is killed while they run.
        let writers = Task {
            await withTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        for step in 0..<400 {
                            do {
                                let answer = try await http.post(
                                    "/api/v1/VoiceMail?mailbox=103&callerNumber=\(writer)\(step)",
                                    body: TestAudio.wav(seconds: 1 + Double(step % 3)))
                                guard answer.status == 201, let id = answer.result["id"] as? String else { return }
                                await acknowledged.deposited(id)
                                if step % 3 != 2 { await acknowledged.inFlight(id) }
                                if step % 3 == 0 {
                                    let moved = try await http.put("/api/v1/VoiceMail/\(id)", auth: .bearer("demo-103"), json: #"{"folder":"Work"}"#)
                                    if moved.status == 200 { await acknowledged.moved(id, to: "Work") }
                                } else if step % 3 == 1 {
                                    let deleted = try await http.delete("/api/v1/VoiceMail/\(id)/", auth: .bearer("demo-103"))
                                    if deleted.status == 200 { await acknowledged.deleted(id) }
                                }
                            } catch {
                                return  // the server is gone
                            }
                        }
                    }
                }
            }
        }
        // Let some writes land, then crash the server mid-stream.
        while await acknowledged.count < 40 { try await Task.sleep(nanoseconds: 20_000_000) }
        sim.kill(signal: SIGKILL)
        await writers.value
        XCTAssertFalse(sim.isRunning)

        try sim.restart()
        let after = HTTPTestClient(baseURL: sim.baseURL)
        let list = try await after.get("/api/v1/VoiceMail?count=1000", auth: .bearer("demo-103"))
        XCTAssertEqual(list.status, 200)
        var folders: [String: String] = [:]
        for record in list.records { folders[record["id"] as! String] = record["folder"] as? String }
        let state = await acknowledged.snapshot()
        for (id, expected) in state {
            switch expected {
            case .present(let folder):
                // An acknowledged deposit is there; an acknowledged move is in its new folder.
                XCTAssertNotNil(folders[id], "acknowledged message \(id) is missing")
                if folder == "Work" { XCTAssertEqual(folders[id], "Work", "move of \(id) was lost") }
            case .deleted:
                XCTAssertNil(folders[id], "acknowledged delete of \(id) came back")
            case .inFlight:
                break  // a move or delete the server may or may not have finished

            }
        }
        XCTAssertEqual(Set(folders.keys).count, list.records.count, "no duplicate ids")

        // On disk: every .txt parses and has its audio; no orphans, no temporary files, numbers contiguous.
        sim.terminate()
        for folder in ["INBOX", "Old", "Work", "Family", "Friends", "Urgent"] {
            let url = directory.url.appendingPathComponent("default/103/\(folder)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            XCTAssertFalse(names.contains { $0.hasPrefix(".tmp-") }, "temporary file left in \(folder)")
            XCTAssertFalse(names.contains { $0.hasPrefix(".lock") }, "lock left in \(folder): \(names.filter { $0.hasPrefix(".lock") })")
            let files = names.filter { !$0.hasPrefix(".lock") }
            let texts = names.filter { $0.hasSuffix(".txt") }.sorted()
            XCTAssertEqual(texts, (0..<texts.count).map { String(format: "msg%04d.txt", $0) }, "gap in \(folder)")
            XCTAssertEqual(files.count, texts.count * 2, "orphan or missing audio in \(folder): \(names.sorted())")
            for text in texts {
                let ini = IniFile(parsing: try String(contentsOf: url.appendingPathComponent(text), encoding: .utf8))
                let record = try XCTUnwrap(
                    MessageRecord(ini: ini, fallbackFormat: .wav, derivedID: "", fallbackDate: Date()), "\(text) does not parse")
                let audio = try Data(contentsOf: url.appendingPathComponent(text.replacingOccurrences(of: ".txt", with: ".\(record.format.rawValue)")))
                XCTAssertEqual(try AudioInspector.inspect(audio).get().wholeSeconds, record.duration)
            }
        }
    }
}

/// What the server confirmed, by id.
actor AcknowledgedLog {
    enum Expected { case present(String), deleted, inFlight }
    private var state: [String: Expected] = [:]
    private(set) var count = 0

    func deposited(_ id: String) { state[id] = .present("INBOX"); count += 1 }
    func moved(_ id: String, to folder: String) { state[id] = .present(folder) }
    func deleted(_ id: String) { state[id] = .deleted }
    func inFlight(_ id: String) { state[id] = .inFlight }
    func snapshot() -> [String: Expected] { state }
}
