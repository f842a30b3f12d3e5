import Foundation
import SafeTOML
import TestSupport
import AsteriskSpool
import VMTUICLI
import VMTUIRuntime
import VoicemailClient
import VoicemailModel
import XCTest

final class ConfigTests: XCTestCase {
    func testParsesEveryKey() throws {
        let text = """
            server = "https://pbx.example.com"
            user = "101"
            auth = "Session"
            mailbox = "102"
            token_command = "pass show pbx/token"
            password_command = "pass show pbx/web"
            ca_file = "/etc/ssl/pbx.pem"
            connect_timeout = 5
            timeout = 12.5
            theme = "solarized"
            player = "mpv --no-video"
            recorder = "arecord -f S16_LE"
            refresh_interval = 0
            bell = true
            on_new_message = "notify-send vm"
            mark_read_on = "end"
            log_file = "/tmp/vmtui.log"

            [keys]
            play = "p"
            delete = ["d", "Delete"]
            """
        let config = try ConfigFile.parse(text, path: "c.toml")
        XCTAssertEqual(config.connection.server, "https://pbx.example.com")
        XCTAssertEqual(config.connection.user, "101")
        XCTAssertEqual(config.connection.auth, .session)
        XCTAssertEqual(config.connection.mailbox, "102")
        XCTAssertEqual(config.connection.tokenCommand, "pass show pbx/token")
        XCTAssertEqual(config.connection.passwordCommand, "pass show pbx/web")
        XCTAssertEqual(config.connection.caFile, "/etc/ssl/pbx.pem")
        XCTAssertEqual(config.connection.connectTimeout, 5)
        XCTAssertEqual(config.connection.timeout, 12.5)
        XCTAssertEqual(config.screen.theme, "solarized")
        XCTAssertEqual(config.screen.player, "mpv --no-video")
        XCTAssertEqual(config.screen.recorder, "arecord -f S16_LE")
        XCTAssertEqual(config.screen.refreshInterval, 0)
        XCTAssertEqual(config.screen.bell, true)
        XCTAssertEqual(config.screen.onNewMessage, "notify-send vm")
        XCTAssertEqual(config.screen.markReadOn, .end)
        XCTAssertEqual(config.logFile, "/tmp/vmtui.log")
        XCTAssertEqual(config.screen.keys, ["play": ["p"], "delete": ["d", "Delete"]])
        XCTAssertEqual(config.warnings, [])
    }

    func testDefaults() throws {
        let config = try ConfigFile.parse("", path: "c.toml")
        XCTAssertEqual(config.screen.refreshInterval, 30)
        XCTAssertNil(config.connection.server)
        XCTAssertEqual(config.screen.keys, [:])
    }

    func testUnknownKeysWarnWithLine() throws {
        let config = try ConfigFile.parse("server = \"x\"\n\ncolour = \"red\"\n", path: "c.toml")
        XCTAssertEqual(config.warnings.map(\.description), ["c.toml:3: unknown key \"colour\" (ignored)"])
    }

    func testTypeErrorsNameFileAndLine() {
        XCTAssertThrowsError(try ConfigFile.parse("server = \"x\"\ntimeout = \"soon\"\n", path: "c.toml")) {
            XCTAssertEqual(($0 as? SettingsError)?.description, "c.toml:2: \"timeout\" must be a number")
        }
        XCTAssertThrowsError(try ConfigFile.parse("auth = \"kerberos\"", path: "c.toml")) {
            XCTAssertEqual(($0 as? SettingsError)?.line, 1)
        }
        XCTAssertThrowsError(try ConfigFile.parse("mark_read_on = \"later\"", path: "c.toml"))
        XCTAssertThrowsError(try ConfigFile.parse("[keys]\nplay = 3\n", path: "c.toml")) {
            XCTAssertEqual(($0 as? SettingsError)?.line, 2)
        }
    }

    func testSyntaxErrorNamesLine() {
        XCTAssertThrowsError(try ConfigFile.parse("server = \"x\"\nuser = \n", path: "c.toml")) {
            let error = $0 as? SettingsError
            XCTAssertEqual(error?.file, "c.toml")
            XCTAssertEqual(error?.line, 2)
            XCTAssertTrue(error?.description.hasPrefix("c.toml:2: invalid TOML") ?? false)
        }
    }

    func testLoadPaths() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vmtui-config-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A missing default file is no configuration; a missing explicit one is an error.
        XCTAssertNil(try ConfigFile.load(explicitPath: nil, environment: ["XDG_CONFIG_HOME": directory.path]).path)
        XCTAssertThrowsError(try ConfigFile.load(explicitPath: directory.path + "/nope.toml", environment: [:]))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("vmtui"), withIntermediateDirectories: true)
        try "server = \"http://127.0.0.1:1\"".write(
            to: directory.appendingPathComponent("vmtui/config.toml"), atomically: true, encoding: .utf8)
        let config = try ConfigFile.load(explicitPath: nil, environment: ["XDG_CONFIG_HOME": directory.path])
        XCTAssertEqual(config.connection.server, "http://127.0.0.1:1")
        XCTAssertEqual(ConfigFile.defaultPath(environment: ["HOME": "/home/a"]), "/home/a/.config/vmtui/config.toml")
    }

    /// Each part reads its own keys: no key belongs to two parts, and the file knows exactly
    /// the keys some part reads.
    func testEachPartOwnsItsKeys() {
        let parts = [ConnectionSettings.keys, SpoolSettings.keys, ScreenSettings.keys, ["log_file"]]
        for (index, part) in parts.enumerated() {
            for other in parts[(index + 1)...] { XCTAssertTrue(part.isDisjoint(with: other), "\(part.intersection(other))") }
        }
        XCTAssertEqual(ConfigFile.knownKeys, parts.reduce(Set<String>()) { $0.union($1) })
    }
}
