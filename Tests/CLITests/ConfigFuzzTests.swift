import Foundation
import TestSupport
import SafeTOML
import VMTUICLI
import XCTest

/// The config file is typed by people and edited by scripts: thousands of seeded random and
/// mutated files must each load or fail with one line naming the file, never crash, and never
/// echo a secret-looking value back.
final class ConfigFuzzTests: XCTestCase {
    private static let valid = """
        server = "https://pbx.example.com"
        user = "101"
        auth = "session"
        mailbox = "102"
        token_command = "pass show pbx"
        ca_file = "~/ca.pem"
        connect_timeout = 5
        timeout = 20.5
        theme = "light"
        player = "mpv --no-video {file}"
        refresh_interval = 30
        bell = true
        on_new_message = "notify-send {caller}"
        mark_read_on = "end"
        log_file = "~/vmtui.log"

        [keys]
        quit = ["q", "ctrl-q"]
        down = "j"
        """

    func testMutatedConfigsLoadOrFailWithOneLine() {
        var rng = SeededGenerator(seed: 0xC0_F16)
        let seed = Array(Self.valid.utf8)
        var loaded = 0
        for index in 0..<3000 {
            let text = String(decoding: Mutator.mutate(seed, using: &rng), as: UTF8.self)
            loaded += check(text, case: index) ? 1 : 0
        }
        XCTAssertGreaterThan(loaded, 100, "too few mutated configs loaded to exercise the readers")
    }

    func testRandomConfigsLoadOrFailWithOneLine() {
        var rng = SeededGenerator(seed: 0xC0_F17)
        for index in 0..<2000 {
            let length = Int.random(in: 0...160, using: &rng)
            let bytes = Mutator.random(length: length, alphabet: "[]=\"'.#\n keysrvtimeout0123456789", using: &rng)
            _ = check(String(decoding: bytes, as: UTF8.self), case: index)
        }
    }

    private func check(_ text: String, case index: Int) -> Bool {
        if ProcessInfo.processInfo.environment["VMTUI_FUZZ_TRACE"] != nil {
            FileHandle.standardError.write(Data("case \(index): \(Array(text.utf8))\n".utf8))
        }
        do {
            let config = try ConfigFile.parse(text, path: "/fuzz/config.toml")
            if let interval = Optional(config.screen.refreshInterval) {
                XCTAssertGreaterThanOrEqual(interval, 0, "case \(index)")
            }
            for timeout in [config.connection.connectTimeout, config.connection.timeout].compactMap({ $0 }) {
                XCTAssertTrue(timeout.isFinite && timeout > 0, "case \(index): timeout \(timeout)")
            }
            for warning in config.warnings {
                XCTAssertFalse(warning.description.contains("\n"), "case \(index): warning on two lines")
            }
            return true
        } catch {
            let line = error.description
            XCTAssertTrue(line.hasPrefix("/fuzz/config.toml"), "case \(index): error does not name the file: \(line)")
            XCTAssertFalse(line.contains("\n") || line.contains("\r"), "case \(index): error on several lines: \(line)")
            XCTAssertFalse(line.contains("\u{1B}"), "case \(index): escape sequence in the error")
            XCTAssertLessThan(line.count, 400, "case \(index): error too long")
            return false
        }
    }
}
