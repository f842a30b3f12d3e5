import AppCore
import Foundation
import Logging

/// The user's `on_new_message` command, run once per new message through `/bin/sh -c`.
///
/// The command string is the user's own (from their config); everything that comes from the
/// server (caller name and number, message id) reaches it only as environment variables —
/// `VMTUI_CALLER_NAME`, `VMTUI_CALLER_NUMBER`, `VMTUI_MAILBOX`, `VMTUI_MESSAGE_ID` — never as
/// shell text, so a caller named `$(rm -rf ~)` stays a harmless string. Its input is
/// /dev/null and its output never reaches the screen (stderr's tail goes to the log). vmtui's
/// own `VMTUI_*` variables (credentials among them) are not passed on.
public struct NewMessageHook: Sendable {
    public let command: String
    /// The environment the hook starts from (the user's, so PATH and DISPLAY work).
    public let baseEnvironment: [String: String]
    /// A hook still running after this long is stopped and reported.
    public let timeout: TimeInterval

    public init(command: String, baseEnvironment: [String: String], timeout: TimeInterval = 60) {
        self.command = command
        self.baseEnvironment = baseEnvironment
        self.timeout = timeout
    }

    public static func environment(for notice: NewMessageNotice, base: [String: String]) -> [String: String] {
        // vmtui's own variables (VMTUI_TOKEN, VMTUI_PASSWORD, VMTUI_PIN…) are secrets or
        // settings of this process, not the hook's business.
        var environment = base.filter { !$0.key.hasPrefix("VMTUI_") }
        environment["VMTUI_CALLER_NAME"] = notice.callerName ?? ""
        environment["VMTUI_CALLER_NUMBER"] = notice.callerNumber
        environment["VMTUI_MAILBOX"] = notice.mailbox
        environment["VMTUI_MESSAGE_ID"] = notice.messageID
        return environment
    }

    /// Runs the hook and waits for it (off the UI thread); nil on success, else one line.
    public func run(_ notice: NewMessageNotice, logger: Logger) async -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        // Environment strings cannot hold NUL; anything else passes through untouched.
        process.environment = Self.environment(for: notice, base: baseEnvironment)
            .mapValues { $0.replacingOccurrences(of: "\0", with: "") }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let tail = StderrCollector(errors.fileHandleForReading)

        let finished = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in finished.continuation.finish() }
        do {
            try process.run()
        } catch {
            logger.error("on_new_message could not start /bin/sh: \(error.localizedDescription)")
            return "could not start /bin/sh (\(error.localizedDescription))"
        }
        let pid = process.processIdentifier
        let timeout = timeout
        let watchdog = Task.detached {
            try? await Task.sleep(for: .seconds(timeout))
            if !Task.isCancelled { kill(pid, SIGKILL) }
        }
        for await _ in finished.stream {}
        watchdog.cancel()
        let stderrTail = tail.finish()
        let status = process.terminationStatus
        let timedOut = process.terminationReason == .uncaughtSignal && status == SIGKILL
        logger.info("on_new_message for message \(notice.messageID) exited with \(status)")
        if process.terminationReason == .exit, status == 0 { return nil }
        let detail = stderrTail.isEmpty ? "" : ": " + stderrTail
        logger.warning("on_new_message failed (status \(status))\(detail)")
        if timedOut { return "on_new_message was stopped after \(Int(timeout)) s" }
        return process.terminationReason == .exit
            ? "on_new_message failed with exit status \(status)\(detail)"
            : "on_new_message was killed by signal \(status)"
    }
}

/// Reads a child's stderr as it comes (so a chatty child never blocks on a full pipe),
/// keeping the last line for the log and the status line.
private final class StderrCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                data.append(chunk)
                if data.count > 4096 { data = data.suffix(2048) }
                lock.unlock()
            }
            try? handle.close()
            done.signal()
        }
    }

    /// Waits for end of file; the last non-empty line, cleaned for one-line display.
    func finish() -> String {
        _ = done.wait(timeout: .now() + 2)
        lock.lock()
        defer { lock.unlock() }
        let text = String(decoding: data, as: UTF8.self)
        let last = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        return String(TerminalSafe.line(last).prefix(160))
    }
}
