import Foundation
import Synchronization
import SafeTOML
import TestSupport
import VoicemailModel
import XCTest

@testable import VoicemailClient

/// Records which commands ran, so tests can prove a command was (not) used.
final class FakeRunner: SecretCommandRunning, Sendable {
    private let commands = Mutex<[String]>([])
    var ran: [String] { commands.withLock { $0 } }
    let outputs: [String: String]

    init(_ outputs: [String: String]) { self.outputs = outputs }

    func run(_ command: String, name: String) throws(SettingsError) -> String {
        commands.withLock { $0.append(command) }
        guard let output = outputs[command] else { throw SettingsError("\(name) failed (exit status 1)") }
        return output
    }
}

final class SecretsAndSettingsTests: XCTestCase {
    func testShellCommandTrimmedOutput() throws {
        XCTAssertEqual(try ShellSecretCommand().run("printf '  tok-en \\n'", name: "token_command"), "tok-en")
    }

    func testFailingCommandIsAClearError() {
        XCTAssertThrowsError(try ShellSecretCommand().run("echo oops >&2; exit 3", name: "password_command")) {
            XCTAssertEqual(($0 as? SettingsError)?.description, "password_command failed (exit status 3): oops")
        }
        XCTAssertThrowsError(try ShellSecretCommand().run("true", name: "token_command")) {
            XCTAssertEqual(($0 as? SettingsError)?.description, "token_command printed nothing")
        }
    }

    func testEnvironmentWinsOverCommands() throws {
        let runner = FakeRunner(["tc": "from-command"])
        let secrets = SecretSource(environment: ["VMTUI_TOKEN": "from-env"], tokenCommand: "tc", passwordCommand: nil, runner: runner)
        XCTAssertEqual(try secrets.token(), "from-env")
        XCTAssertEqual(runner.ran, [])
        let commandOnly = SecretSource(environment: [:], tokenCommand: "tc", passwordCommand: nil, runner: runner)
        XCTAssertEqual(try commandOnly.token(), "from-command")
    }

    private func resolve(
        _ overrides: ConnectionOverrides = ConnectionOverrides(), config: String = "server = \"http://127.0.0.1:1\"",
        environment: [String: String], runner: FakeRunner = FakeRunner([:])
    ) throws -> ClientConfiguration {
        let file = try ConnectionSettings.parse(config, path: "c.toml")
        let secrets = SecretSource(
            environment: environment, tokenCommand: file.tokenCommand, passwordCommand: file.passwordCommand, runner: runner)
        return try ClientSettings.resolve(overrides: overrides, config: file, secrets: secrets)
    }

    func testAuthDefaultsToBearerWithTokenAndSessionWithPassword() throws {
        XCTAssertEqual(try resolve(environment: ["VMTUI_TOKEN": "t", "VMTUI_PASSWORD": "p"]).credentials, .bearer(token: "t"))
        XCTAssertEqual(
            try resolve(ConnectionOverrides(user: "101"), environment: ["VMTUI_PASSWORD": "p"]).credentials,
            .session(extension: "101", password: "p"))
        XCTAssertEqual(
            try resolve(ConnectionOverrides(user: "101", auth: .basic), environment: ["VMTUI_TOKEN": "t", "VMTUI_PASSWORD": "p"]).credentials,
            .basic(extension: "101", password: "p"))
    }

    func testFlagsWinOverConfig() throws {
        let config = """
            server = "http://127.0.0.1:1"
            user = "101"
            mailbox = "102"
            timeout = 9
            """
        let resolved = try resolve(
            ConnectionOverrides(server: "http://127.0.0.1:2", user: "103", mailbox: "200", timeout: 3), config: config,
            environment: ["VMTUI_PASSWORD": "p", "VMTUI_PIN": "12345"])
        XCTAssertEqual(resolved.serverURL.absoluteString, "http://127.0.0.1:2")
        XCTAssertEqual(resolved.credentials, .session(extension: "103", password: "p"))
        XCTAssertEqual(resolved.mailbox, "200")
        XCTAssertEqual(resolved.pins, ["200": "12345"])
        XCTAssertEqual(resolved.timeout, 3)
        XCTAssertEqual(resolved.connectTimeout, ClientSettings.defaultConnectTimeout)
    }

    func testPasswordCommandUsedOnlyWhenNeeded() throws {
        let runner = FakeRunner(["pc": "secret-pw"])
        let config = "server = \"http://127.0.0.1:1\"\nuser = \"101\"\npassword_command = \"pc\"\ntoken_command = \"tc\""
        // A token in the environment: bearer, and neither command runs.
        XCTAssertEqual(try resolve(config: config, environment: ["VMTUI_TOKEN": "t"], runner: runner).credentials, .bearer(token: "t"))
        XCTAssertEqual(runner.ran, [])
        // --auth session: only the password command runs.
        XCTAssertEqual(
            try resolve(ConnectionOverrides(auth: .session), config: config, environment: [:], runner: runner).credentials,
            .session(extension: "101", password: "secret-pw"))
        XCTAssertEqual(runner.ran, ["pc"])
    }

    func testMissingPiecesAreClearErrors() {
        XCTAssertThrowsError(try resolve(config: "", environment: ["VMTUI_TOKEN": "t"])) {
            XCTAssertTrue(String(describing: $0).contains("no server"), "\($0)")
        }
        XCTAssertThrowsError(try resolve(environment: [:])) {
            XCTAssertTrue(String(describing: $0).contains("no credentials"), "\($0)")
        }
        XCTAssertThrowsError(try resolve(environment: ["VMTUI_PASSWORD": "p"])) {
            XCTAssertTrue(String(describing: $0).contains("--user"), "\($0)")
        }
        XCTAssertThrowsError(try resolve(ConnectionOverrides(auth: .bearer), environment: ["VMTUI_PASSWORD": "p"])) {
            XCTAssertTrue(String(describing: $0).contains("VMTUI_TOKEN"), "\($0)")
        }
        XCTAssertThrowsError(try resolve(config: "server = \"gopher://x\"", environment: ["VMTUI_TOKEN": "t"]))
    }
}
