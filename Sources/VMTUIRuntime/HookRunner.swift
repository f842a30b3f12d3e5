import AppCore
import AudioPlayback
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging

#if canImport(Glibc)
    import Glibc
#endif

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
    /// It starts like a player does (`ChildProcess`): its own process group, so a timeout or
    /// vmtui's exit stops what it started too, and none of vmtui's descriptors (log file,
    /// PBX connection) beyond stdin/stdout/stderr.
    public func run(_ notice: NewMessageNotice, logger: Logger) async -> String? {
        // Environment strings cannot hold NUL; anything else passes through untouched.
        let environment = Self.environment(for: notice, base: baseEnvironment)
            .mapValues { $0.replacing("\0", with: "") }
        let process: ChildProcess
        do {
            process = try ChildProcess(
                arguments: ["/bin/sh", "-c", command], environment: environment, input: .nullDevice,
                output: .stderrOnly)
        } catch {
            let reason = String(describing: error)
            logger.error("on_new_message could not start /bin/sh: \(reason)")
            return "could not start /bin/sh (\(reason))"
        }
        let timeout = timeout
        let watchdog = Task.detached {
            try? await Task.sleep(for: .seconds(timeout))
            guard !Task.isCancelled else { return false }
            await process.terminate(first: SIGKILL, grace: .zero)
            return true
        }
        let status = await process.waitForExit()
        watchdog.cancel()
        let timedOut = await watchdog.value
        let stderrTail = String(TerminalSafe.line(process.failureLine ?? "").prefix(160))
        logger.info("on_new_message for message \(notice.messageID) exited with \(status)")
        if status == 0 {
            // A hook that left something running in the background is not waited for, but
            // it must not outlive its welcome either: the group ends with vmtui (see LiveChildren).
            return nil
        }
        let detail = stderrTail.isEmpty ? "" : ": " + stderrTail
        logger.warning("on_new_message failed (status \(status))\(detail)")
        if timedOut { return "on_new_message was stopped after \(Int(timeout)) s" }
        if let signal = process.exitSignal { return "on_new_message was killed by signal \(signal)" }
        return "on_new_message failed with exit status \(status)\(detail)"
    }
}
