import Foundation
import Glibc
import XCTest

/// The real `vmtui` binary in a detached tmux session on a private socket: send keys,
/// read the screen, wait for states. The tmux server dies in `close()` (and deinit).
final class TmuxScreen {
    let socket = "vmtui-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    private var closed = false

    /// Runs `command` through `sh -c` in a 120x40 (by default) session; the shell stays
    /// afterwards so the final screen and files can be inspected.
    init(command: String, environment: [String: String], width: Int = 120, height: Int = 40) throws {
        let exports = environment.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(TmuxScreen.quote($0.value))" }.joined(separator: " ")
        let script = "env \(exports) sh -c \(TmuxScreen.quote(command)); sleep 600"
        // The tmux server forks from this call and would hold a captured stdout open forever.
        try TmuxScreen.run(
            ["-L", socket, "new-session", "-d", "-x", String(width), "-y", String(height), script], captureOutput: false)
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        _ = try? TmuxScreen.run(["-L", socket, "kill-server"])
    }

    func send(_ keys: String...) {
        _ = try? TmuxScreen.run(["-L", socket, "send-keys", "-t", "0"] + keys)
    }

    /// Literal text (no key-name lookup).
    func type(_ text: String) {
        _ = try? TmuxScreen.run(["-L", socket, "send-keys", "-l", "-t", "0", text])
    }

    func capture(colors: Bool = false) -> String {
        (try? TmuxScreen.run(["-L", socket, "capture-pane", "-p", "-t", "0"] + (colors ? ["-e"] : []))) ?? ""
    }

    func display(_ format: String) -> String {
        ((try? TmuxScreen.run(["-L", socket, "display-message", "-p", "-t", "0", format])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) {
        _ = try? TmuxScreen.run(["-L", socket, "resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `condition` holds; fails the test with the last screen if the
    /// generous deadline passes.
    @discardableResult
    func waitFor(
        _ what: String, timeout: TimeInterval = 60, file: StaticString = #filePath, line: UInt = #line,
        _ condition: (String) -> Bool
    ) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) {
            if Date() > deadline {
                XCTFail("timed out waiting for \(what); screen:\n\(screen)", file: file, line: line)
                return screen
            }
            usleep(100_000)
            screen = capture()
        }
        return screen
    }

    func waitFor(_ text: String, timeout: TimeInterval = 60, file: StaticString = #filePath, line: UInt = #line) {
        waitFor("\"\(text)\"", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// tmux through posix_spawn and waitpid: Foundation's Process did not notice the exit
    /// of a `tmux new-session -d` client here, and the test hung.
    @discardableResult
    static func run(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        try spawn(["tmux"] + arguments, captureOutput: captureOutput)
    }

    @discardableResult
    static func spawn(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        let outputPath = NSTemporaryDirectory() + "vmtui-e2e-out-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, captureOutput ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard status == 0 else { throw NSError(domain: "spawn", code: Int(status)) }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0, errno == EINTR {}
        guard captureOutput else { return "" }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }
}
