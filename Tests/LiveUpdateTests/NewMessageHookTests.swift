import AppCore
import Foundation
import Logging
import TestSupport
import VMTUIRuntime
import XCTest

/// The `on_new_message` hook: variables intact, server text never run as shell.
final class NewMessageHookTests: XCTestCase {
    private let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A hook that appends its four variables, one line each, to `out`.
    private func recordingHook(_ directory: TemporaryDirectory, extra: [String: String] = [:]) -> (NewMessageHook, URL) {
        let out = directory.appending("hook.out")
        let command = #"printf '%s\n' "$VMTUI_CALLER_NAME" "$VMTUI_CALLER_NUMBER" "$VMTUI_MAILBOX" "$VMTUI_MESSAGE_ID" >> "$HOOK_OUT""#
        var base = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "HOOK_OUT": out.path]
        base.merge(extra) { $1 }
        return (NewMessageHook(command: command, baseEnvironment: base), out)
    }

    func testHostileCallerNameIsDataNotShell() async throws {
        let directory = try TemporaryDirectory(prefix: "vmtui-hook")
        defer { directory.remove() }
        let canary = directory.appending("pwned").path
        let canary2 = directory.appending("pwned2").path
        // If this were ever run by a shell, `~` is the temporary folder (HOME above).
        let hostile = "$(touch \(canary)); `touch \(canary2)` \"; rm -rf ~/nothing-here; '\\n"
        let (hook, out) = recordingHook(directory, extra: ["VMTUI_TOKEN": "secret-token"])
        let failure = await hook.run(
            NewMessageNotice(mailbox: "101", messageID: "1764230100-00000007", callerName: hostile,
                             callerNumber: "$(id)"), logger: logger)
        XCTAssertNil(failure)
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary))
        XCTAssertFalse(FileManager.default.fileExists(atPath: canary2))
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(Array(lines.prefix(4)), [hostile, "$(id)", "101", "1764230100-00000007"].map { Substring($0) })
        XCTAssertEqual(
            NewMessageHook.environment(for: NewMessageNotice(mailbox: "1", messageID: "2", callerName: nil, callerNumber: "3"),
                                       base: ["VMTUI_TOKEN": "secret", "PATH": "/bin"]),
            ["PATH": "/bin", "VMTUI_CALLER_NAME": "", "VMTUI_CALLER_NUMBER": "3", "VMTUI_MAILBOX": "1", "VMTUI_MESSAGE_ID": "2"],
            "vmtui's own secrets are not handed to the hook")
    }

    func testFailureIsOneLineAndOutputNeverReachesTheTerminal() async throws {
        let directory = try TemporaryDirectory(prefix: "vmtui-hook")
        defer { directory.remove() }
        let hook = NewMessageHook(
            command: "echo to-stdout; echo 'first problem' >&2; echo 'no such thing' >&2; exit 3",
            baseEnvironment: ["PATH": "/usr/bin:/bin"])
        let failure = await hook.run(
            NewMessageNotice(mailbox: "101", messageID: "x", callerName: "A", callerNumber: "1"), logger: logger)
        XCTAssertEqual(failure, "on_new_message failed with exit status 3: no such thing")
    }

    func testRunsOncePerNewMessageAgainstTheSimulator() async throws {
        let pbx = try await LivePBX()
        defer { Task { await pbx.stop() } }
        let directory = try TemporaryDirectory(prefix: "vmtui-hook")
        defer { directory.remove() }
        let (hook, out) = recordingHook(directory)
        let screen = await HeadlessScreen(pbx: pbx, token: "demo-101", user: "101", hook: hook)
        let first = try await pbx.deposit(into: "101", callerName: "Eve \"; $(reboot)", callerNumber: "107")
        let second = try await pbx.deposit(into: "101", callerName: "Bob Nguyen", callerNumber: "102")
        await screen.tickRefresh()
        await screen.tickRefresh()
        await screen.tickRefresh()
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 8, "two messages, four lines each, once: \(lines)")
        XCTAssertEqual(Set([lines[3], lines[7]]), [first.id, second.id])
        XCTAssertTrue(lines.contains("Eve \"; $(reboot)"))
        // Both arrived within the same second: either may count as the latest.
        XCTAssertTrue(screen.state.status.text.hasPrefix("2 new messages, the latest from "), screen.state.status.text)
    }
}
