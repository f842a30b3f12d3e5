import AsteriskSpool
import Foundation
import Synchronization
import TestSupport
import VoicemailBackend
import VoicemailModel
import XCTest

final class AMITests: XCTestCase {
    func testEndpointParsing() {
        XCTAssertTrue(AMIConfiguration.parseEndpoint("127.0.0.1:5038")! == ("127.0.0.1", 5038))
        XCTAssertTrue(AMIConfiguration.parseEndpoint("pbx.example.com")! == ("pbx.example.com", 5038))
        XCTAssertTrue(AMIConfiguration.parseEndpoint("[::1]:6000")! == ("::1", 6000))
        for bad in ["", ":5038", "host:0", "host:x", "a:b:c", "http://host"] {
            XCTAssertNil(AMIConfiguration.parseEndpoint(bad), bad)
        }
    }

    func testPacketsAreOneLinePerField() {
        let packet = AMIMessage([("Action", "VoicemailRefresh"), ("Mailbox", "101\r\nAction: Originate")])
        XCTAssertEqual(packet.encoded(), "Action: VoicemailRefresh\r\nMailbox: 101Action: Originate\r\n\r\n")
        let read = AMIMessage(lines: ["Response: Success", "message:  Refresh sent ", "no colon"])
        XCTAssertEqual(read.response, "Success")
        XCTAssertEqual(read.message, "Refresh sent")
        XCTAssertEqual(read[""], "no colon")
    }

    func testLoginActionsListsAndTheSuccessThatIsAFailure() throws {
        let server = try FakeAMIServer()
        let client = try AMIClient(AMIConfiguration(host: "127.0.0.1", port: server.port, username: "vmtui", secret: "s3cret"))
        XCTAssertEqual(client.protocolVersion, "9.0.0")
        XCTAssertEqual(try client.action("VoicemailRefresh", ["Context": "default", "Mailbox": "101"]).message, "Refresh sent")
        XCTAssertThrowsError(try client.action("VoicemailMove", ["Context": "default"])) { error in
            XCTAssertEqual(error as? AMIError, .actionFailed(action: "VoicemailMove", message: "Message move failed"))
        }
        XCTAssertThrowsError(try client.action("Originate")) { error in
            XCTAssertEqual("\(error)", "AMI Originate failed (Invalid/unknown command)")
        }
        let users = try client.list("VoicemailUsersList")
        XCTAssertEqual(users.map { $0["VoiceMailbox"] }, ["101", "102"])
        XCTAssertEqual(try client.list("VoicemailBoxSummary", ["Context": "default", "Mailbox": "999"]), [])
        client.logoff()
        let login = try XCTUnwrap(server.actions("Login").first)
        XCTAssertEqual(login["Username"], "vmtui")
        XCTAssertEqual(login["Events"], "off")
        XCTAssertEqual(server.actions("Logoff").count, 1)
    }

    func testRefusedLoginAndUnreachableAreOneLine() throws {
        let server = try FakeAMIServer()
        XCTAssertThrowsError(try AMIClient(AMIConfiguration(host: "127.0.0.1", port: server.port, username: "vmtui", secret: "wrong"))) { error in
            XCTAssertEqual("\(error)", "AMI at 127.0.0.1:\(server.port) refused the login of vmtui (Authentication failed)")
        }
        XCTAssertFalse(server.actions("Login").isEmpty)
        let closedPort = try FreePort.loopback()
        XCTAssertThrowsError(try AMIClient(AMIConfiguration(host: "127.0.0.1", port: closedPort, username: "u", secret: "s"))) { error in
            XCTAssertEqual("\(error)", "AMI at 127.0.0.1:\(closedPort) unreachable (connection refused)")
        }
    }

    func testEveryChangeRefreshesTheMailboxLights() async throws {
        let server = try FakeAMIServer()
        let fixture = try SpoolFixture()
        let warnings = Warnings()
        let backend = try fixture.backend(
            ami: AMIConfiguration(host: "127.0.0.1", port: server.port, username: "vmtui", secret: "s3cret"), warn: warnings.add)
        _ = try await backend.markRead(ids: ["1764230100-00000001"], mailbox: nil)
        _ = try await backend.forward(id: "1764230100-00000001", to: ["102"], mailbox: nil)
        _ = try await backend.delete(ids: ["1764230100-00000001"], mailbox: "102")
        _ = try await backend.resetGreeting(.busy, mailbox: nil)
        let refreshes = server.actions("VoicemailRefresh").map { "\($0["Context"] ?? "")/\($0["Mailbox"] ?? "")" }
        XCTAssertEqual(refreshes, ["default/101", "default/102", "default/102", "default/101"])
        XCTAssertEqual(warnings.lines, [])
        // Reading changes nothing and tells nobody.
        _ = try await backend.list(nil)
        XCTAssertEqual(server.actions("VoicemailRefresh").count, 4)
    }

    func testAFailingAMIWarnsAndTheChangeStands() async throws {
        let server = try FakeAMIServer()
        let fixture = try SpoolFixture()
        let warnings = Warnings()
        let refused = try fixture.backend(
            ami: AMIConfiguration(host: "127.0.0.1", port: server.port, username: "vmtui", secret: "nope"), warn: warnings.add)
        _ = try await refused.markRead(ids: ["1764230100-00000001"], mailbox: nil)
        let awaited1 = try await refused.message(id: "1764230100-00000001", mailbox: nil).folder
        XCTAssertEqual(awaited1, .old)
        let closedPort = try FreePort.loopback()
        let unreachable = try fixture.backend(
            ami: AMIConfiguration(host: "127.0.0.1", port: closedPort, username: "vmtui", secret: "s3cret"), warn: warnings.add)
        _ = try await unreachable.markUnread(ids: ["1764230100-00000001"], mailbox: nil)
        let awaited2 = try await unreachable.message(id: "1764230100-00000001", mailbox: nil).folder
        XCTAssertEqual(awaited2, .inbox)
        XCTAssertEqual(warnings.lines, [
            "AMI at 127.0.0.1:\(server.port) refused the login of vmtui (Authentication failed); the change was made, but phone message lights may lag",
            "AMI at 127.0.0.1:\(closedPort) unreachable (connection refused); the change was made, but phone message lights may lag",
        ])
    }
}

final class Warnings: Sendable {
    private let collected = Mutex<[String]>([])
    var lines: [String] { collected.withLock { $0 } }
    var add: @Sendable (String) -> Void { { [self] line in collected.withLock { $0.append(line) } } }
}
