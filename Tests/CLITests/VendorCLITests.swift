import Foundation
import TestSupport
import VMTUICLI
import XCTest

/// The real `vmtui` binary with `--api wazo` and `--api kazoo` against `pbx-sim --flavor wazo`
/// and `--flavor kazoo` processes: logging in with a user name, the vendors' own ids, and the
/// exit codes of what each PBX cannot do.
final class VendorCLITests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess?

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-vendor-cli")
    }

    override func tearDown() {
        simulator?.terminate()
        directory?.remove()
    }

    private func start(_ flavor: String) throws -> URL {
        let process = try SimulatorProcess(dataDirectory: directory.appending("spool-\(flavor)"), extraArguments: ["--flavor", flavor])
        simulator = process
        return process.baseURL
    }

    private func vmtui(_ arguments: [String], password: String = "pass101") throws -> VmtuiProcess.Outcome {
        try VmtuiProcess.run(arguments, in: directory, environment: ["VMTUI_PASSWORD": password])
    }

    private func ids(_ outcome: VmtuiProcess.Outcome) throws -> [String] {
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        return list.compactMap { $0["id"] as? String }
    }

    func testWazoListShowForwardRefusedAndBadPassword() throws {
        let server = try start("wazo").absoluteString
        let wazo = ["--api", "wazo", "--server", server, "--user", "101"]
        let listed = try ids(try vmtui(["list", "--json"] + wazo))
        XCTAssertFalse(listed.isEmpty)
        let show = try vmtui(["show", listed[0]] + wazo)
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains(listed[0]), show.stdout)
        let forward = try vmtui(["forward", listed[0], "--to", "102"] + wazo)
        XCTAssertEqual(forward.status, ExitStatus.rejected, forward.stderr)
        XCTAssertEqual(forward.stderr.trimmingCharacters(in: .whitespacesAndNewlines), "vmtui: this PBX cannot forward messages")
        let missing = try vmtui(["show", "1-2"] + wazo)
        XCTAssertEqual(missing.status, ExitStatus.notFound, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("No such voicemail message"), missing.stderr)
        let wrong = try vmtui(["list"] + wazo, password: "wrong")
        XCTAssertEqual(wrong.status, ExitStatus.authentication, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("Authentication Failed"), wrong.stderr)
    }

    func testKazooListMarkReadMoveRefusedAndWrongAccount() throws {
        let server = try start("kazoo").absoluteString
        let kazoo = ["--api", "kazoo", "--server", server, "--account", "pbx-sim", "--user", "101"]
        let listed = try ids(try vmtui(["list", "--json"] + kazoo))
        XCTAssertGreaterThan(listed.count, 1)
        let marked = try vmtui(["mark-read", listed[0]] + kazoo)
        XCTAssertEqual(marked.status, 0, marked.stderr)
        let move = try vmtui(["move", listed[1], "--to", "work"] + kazoo)
        XCTAssertEqual(move.status, ExitStatus.rejected, move.stderr)
        XCTAssertTrue(move.stderr.contains("cannot move"), move.stderr)
        let wrong = try vmtui(["list", "--api", "kazoo", "--server", server, "--account", "acme", "--user", "101"])
        XCTAssertEqual(wrong.status, ExitStatus.authentication, wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("invalid credentials"), wrong.stderr)
    }
}
