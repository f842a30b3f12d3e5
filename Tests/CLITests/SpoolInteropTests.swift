import Foundation
import TestSupport
import XCTest

/// pbx-sim keeps its data as Asterisk's app_voicemail does, so the same folder reads the same
/// through pbx-sim's HTTP API and through `vmtui --spool`, and a change made on the spool is
/// what pbx-sim serves after it reads the spool again. (pbx-sim serving a hand-written real
/// spool is RealAsteriskSpoolTests.)
final class SpoolInteropTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-interop")
    }

    override func tearDown() {
        directory?.remove()
    }

    private func vmtui(_ arguments: [String], token: String? = nil) throws -> VmtuiProcess.Outcome {
        try VmtuiProcess.run(arguments, in: directory, environment: token.map { ["VMTUI_TOKEN": $0] } ?? [:])
    }

    private func messages(_ arguments: [String], token: String? = nil) throws -> [String: [String: Any]] {
        let outcome = try vmtui(arguments + ["list", "--folder", "all", "--all", "--json"], token: token)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return Dictionary(list.map { (($0["id"] as? String) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What both views must agree on, message by message.
    private func essentials(_ message: [String: Any]) -> String {
        ["folder", "read", "urgent", "callerName", "callerNumber", "duration", "date"]
            .map { "\($0)=\(message[$0].map { "\($0)" } ?? "-")" }.joined(separator: " ")
    }

    func testAPbxSimDataFolderOpensWithSpoolAndAChangeThereIsServedByPbxSim() throws {
        let data = directory.appending("pbx")
        let simulator = try SimulatorProcess(dataDirectory: data, seed: "demo")
        let overHTTP = try messages(["--server", simulator.baseURL.absoluteString], token: "demo-101")
        simulator.terminate()
        XCTAssertGreaterThan(overHTTP.count, 5)

        let onSpool = try messages(["--spool", data.path, "--user", "101"])
        XCTAssertEqual(Set(onSpool.keys), Set(overHTTP.keys), "the same messages, under the same ids")
        for (id, message) in overHTTP {
            XCTAssertEqual(essentials(onSpool[id] ?? [:]), essentials(message), "message \(id)")
        }
        XCTAssertTrue(onSpool.values.contains { ($0["folder"] as? String) == "Urgent" }, "the demo's urgent message sits in Urgent")

        // Mark the urgent new message read on the spool, as Asterisk would: it moves to Old, still urgent.
        let urgent = try XCTUnwrap(onSpool.first { ($0.value["folder"] as? String) == "Urgent" }?.key)
        let marked = try vmtui(["--spool", data.path, "--user", "101", "mark-read", urgent])
        XCTAssertEqual(marked.status, 0, marked.stderr)

        try simulator.restart()
        let afterwards = try messages(["--server", simulator.baseURL.absoluteString], token: "demo-101")
        simulator.terminate()
        let moved = try XCTUnwrap(afterwards[urgent])
        XCTAssertEqual(moved["folder"] as? String, "Old")
        XCTAssertEqual(moved["read"] as? Bool, true)
        XCTAssertEqual(moved["urgent"] as? Bool, true)
        XCTAssertEqual(afterwards.count, overHTTP.count, "nothing lost or duplicated")
    }
}
