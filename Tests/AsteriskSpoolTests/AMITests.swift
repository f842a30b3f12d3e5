@testable import AsteriskSpool
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

/// Issue 17.19: the secret is not sent in clear where the AMI offers the MD5 challenge, and
/// is warned of where it must go in clear to another host; an AMI busy with other events
/// cannot hold a change past the timeout.
final class AMISecurityTests: XCTestCase {
    func testMD5MatchesTheRFCVectors() {
        XCTAssertEqual(MD5.hex(""), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(MD5.hex("abc"), "900150983cd24fb0d6963f7d28e17f72")
        XCTAssertEqual(MD5.hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0")
        XCTAssertEqual(
            MD5.hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57edf4a22be3c955ac49da2e2107b67a")
    }

    func testChallengeLoginNeverSendsTheSecret() throws {
        let server = try FakeAMIServer(challenge: "840212777")
        defer { server.stop() }
        let client = try AMIClient(AMIConfiguration(host: "127.0.0.1", port: server.port, username: "vmtui", secret: "s3cret"))
        XCTAssertFalse(client.sentSecretInClear)
        XCTAssertEqual(try client.action("VoicemailRefresh", ["Context": "default", "Mailbox": "101"]).message, "Refresh sent")
        client.logoff()
        let login = try XCTUnwrap(server.actions("Login").first)
        XCTAssertEqual(login["AuthType"], "MD5")
        XCTAssertEqual(login["Key"], MD5.hex("840212777s3cret"))
        XCTAssertNil(login["Secret"])
        XCTAssertFalse(server.packets.contains { $0.values.contains { $0.contains("s3cret") } })

        let wrong = try FakeAMIServer(challenge: "1")
        XCTAssertThrowsError(try AMIClient(AMIConfiguration(host: "127.0.0.1", port: wrong.port, username: "vmtui", secret: "nope"))) {
            XCTAssertEqual("\($0)", "AMI at 127.0.0.1:\(wrong.port) refused the login of vmtui (Authentication failed)")
        }
    }

    func testAnAMIWithoutTheChallengeGetsTheSecretAndAnotherHostIsWarnedOf() throws {
        let server = try FakeAMIServer()
        defer { server.stop() }  // keeps it alive until the end, not only to its last use
        let client = try AMIClient(AMIConfiguration(host: "127.0.0.1", port: server.port, username: "vmtui", secret: "s3cret"))
        XCTAssertTrue(client.sentSecretInClear)
        XCTAssertEqual(server.actions("Login").first?["Secret"], "s3cret")
        client.logoff()
        // Loopback traffic stays on this machine; any other host hears it said once.
        let warnings = Warnings()
        try AMINotifier(AMIConfiguration(host: "127.0.0.1", port: server.port, username: "vmtui", secret: "s3cret", warn: warnings.add))
            .refresh(context: "default", mailboxes: ["101"])
        XCTAssertEqual(warnings.lines, [])
        for host in ["127.0.0.1", "localhost", "::1", "[::1]"] {
            XCTAssertNil(AMIConfiguration(host: host, username: "u", secret: "s").clearSecretWarning(), host)
        }
        XCTAssertEqual(
            AMIConfiguration(host: "pbx.example.com", username: "u", secret: "s").clearSecretWarning(),
            "your AMI secret goes to pbx.example.com:5038 in clear (this AMI offers no MD5 challenge login)")
        XCTAssertNotNil(AMIConfiguration(host: "10.0.0.5", port: 6000, username: "u", secret: "s").clearSecretWarning())
    }

    func testAnAMIBusyWithOtherEventsTimesOutInsteadOfHanging() throws {
        let server = try FakeAMIServer(floods: ["VoicemailRefresh"])
        defer { server.stop() }
        let configuration = AMIConfiguration(
            host: "127.0.0.1", port: server.port, username: "vmtui", secret: "s3cret", timeout: .milliseconds(400))
        let outcome = Mutex<Error?>(nil)
        let done = expectation(description: "the refresh gives up")
        Thread {
            do {
                try AMINotifier(configuration).refresh(context: "default", mailboxes: ["101"])
            } catch {
                outcome.withLock { $0 = error }
            }
            done.fulfill()
        }.start()
        // Generous: what is asserted is that it ends, and how.
        wait(for: [done], timeout: 60)
        XCTAssertEqual(outcome.withLock { $0 } as? AMIError, .timedOut(endpoint: "127.0.0.1:\(server.port)"))
    }

    func testAChangeStandsAndWarnsWhenTheAMINeverAnswers() async throws {
        let server = try FakeAMIServer(floods: ["VoicemailRefresh"])
        defer { server.stop() }
        let fixture = try SpoolFixture()
        let warnings = Warnings()
        let backend = try fixture.backend(
            ami: AMIConfiguration(host: "127.0.0.1", port: server.port, username: "vmtui", secret: "s3cret", timeout: .milliseconds(400)),
            warn: warnings.add)
        _ = try await backend.markRead(ids: ["1764230100-00000001"], mailbox: nil)
        let folder = try await backend.message(id: "1764230100-00000001", mailbox: nil).folder
        XCTAssertEqual(folder, .old)
        XCTAssertEqual(warnings.lines, [
            "AMI at 127.0.0.1:\(server.port) did not answer in time; the change was made, but phone message lights may lag"
        ])
    }
}

final class Warnings: Sendable {
    private let collected = Mutex<[String]>([])
    var lines: [String] { collected.withLock { $0 } }
    var add: @Sendable (String) -> Void { { [self] line in collected.withLock { $0.append(line) } } }
}
