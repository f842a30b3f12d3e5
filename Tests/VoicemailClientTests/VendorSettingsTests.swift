import SafeTOML
import XCTest

@testable import VoicemailClient

/// `api = "wazo" | "kazoo"`, `account`, and user names (not extensions) on those PBXs.
final class VendorSettingsTests: XCTestCase {
    private func resolve(_ config: String, _ overrides: ConnectionOverrides = ConnectionOverrides()) throws -> ClientConfiguration {
        let file = try ConnectionSettings.parse(config, path: "/tmp/config.toml")
        let secrets = SecretSource(environment: ["VMTUI_PASSWORD": "secret"], tokenCommand: nil, passwordCommand: nil)
        return try ClientSettings.resolve(overrides: overrides, config: file, secrets: secrets)
    }

    func testKazooFromTheConfigFile() throws {
        let configuration = try resolve(
            """
            server = "https://kazoo.example.com:8000"
            api = "kazoo"
            account = "acme"
            user = "alice"
            """)
        XCTAssertEqual(configuration.api, .kazoo)
        XCTAssertEqual(configuration.account, "acme")
        XCTAssertEqual(configuration.credentials, .session(extension: "alice", password: "secret"))
    }

    func testFlagsWinAndWazoTakesAUserName() throws {
        let configuration = try resolve(
            "server = \"https://wazo.example.com\"\napi = \"kazoo\"\naccount = \"acme\"",
            ConnectionOverrides(user: "alice.smith@example.com", api: .wazo, account: "other"))
        XCTAssertEqual(configuration.api, .wazo)
        XCTAssertEqual(configuration.account, "other")
        XCTAssertEqual(configuration.credentials.user, "alice.smith@example.com")
    }

    func testAUserNameIsStillRefusedForTheWildixAPI() {
        XCTAssertThrowsError(try resolve("server = \"https://pbx.example.com\"", ConnectionOverrides(user: "alice"))) {
            XCTAssertTrue(String(describing: $0).contains("extension"), "\($0)")
        }
        XCTAssertThrowsError(try resolve("server = \"https://w.example.com\"\napi = \"wazo\"", ConnectionOverrides(user: "al ice"))) {
            XCTAssertTrue(String(describing: $0).contains("user name"), "\($0)")
        }
    }
}
