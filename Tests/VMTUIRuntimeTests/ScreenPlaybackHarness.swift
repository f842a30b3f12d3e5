import AppCore
import AsteriskSpool
import AudioPlayback
import Foundation
import Logging
import Synchronization
import TestSupport
import VMTUIRuntime
import VoicemailModel

/// A spool with one message per audio form Asterisk writes (wav49, gsm, wav), each 0.3 s,
/// and an `AudioEffectRunner` driven as the screen's loop drives it: every effect is noted
/// with `accept` in key order, then runs in a task of its own.
final class ScreenPlaybackHarness: @unchecked Sendable {
    let fixtures: SoxFixtures
    let backend: AsteriskSpoolBackend
    let messages: [VoicemailMessage]
    let runner: AudioEffectRunner
    private let reports = Reports()
    private let nextID = Mutex(1000)

    init(
        player: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        soxPath: String = SpoolConfiguration.findSox()
    ) async throws {
        fixtures = try SoxFixtures(prefix: "vmtui-screen-playback")
        let inbox = fixtures.url("spool/default/101/INBOX")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let tone = try fixtures.tone("tone.wav", seconds: 0.3)
        // One form per message, as a spool with format=wav49|gsm|wav holds after a rewrite.
        try SoxFixtures.run(["sox", "-q", tone.path, "-r", "8000", "-c", "1", "-e", "gsm-full-rate", "-t", "wav", inbox.path + "/msg0000.WAV"])
        try SoxFixtures.run(["sox", "-q", tone.path, "-r", "8000", "-c", "1", "-t", "gsm", inbox.path + "/msg0001.gsm"])
        try FileManager.default.copyItem(at: tone, to: inbox.appendingPathComponent("msg0002.wav"))
        for number in 0..<3 {
            try """
                [message]
                callerid="Caller \(number)" <10\(number)>
                origtime=\(1_764_230_100 + number * 60)
                msg_id=1764230100-0000000\(number)
                duration=1
                """.write(to: inbox.appendingPathComponent("msg000\(number).txt"), atomically: true, encoding: .utf8)
        }
        try "[general]\nformat=wav49|gsm|wav\n[default]\n101 => 4242,Test User\n"
            .write(to: fixtures.url("voicemail.conf"), atomically: true, encoding: .utf8)
        backend = try AsteriskSpoolBackend(
            SpoolConfiguration(
                root: fixtures.url("spool"), user: "101", voicemailConf: fixtures.url("voicemail.conf"), soxPath: soxPath))
        messages = try await backend.allMessages(mailbox: nil, folder: nil).messages
        runner = AudioEffectRunner(
            client: backend, player: player, recorder: nil, environment: environment, logger: Logger(label: "test"))
        let reports = self.reports
        runner.attach { event in
            if case .playback(.report(let id, let report)) = event { reports.list.withLock { $0.append((id, report)) } }
        }
    }

    func cleanUp() { fixtures.cleanUp() }

    /// As the loop launches an effect: noted in order now, run concurrently.
    @discardableResult
    func launch(_ effect: PlaybackEffect) -> Task<Void, Never> {
        runner.accept(effect)
        let runner = self.runner
        return Task.detached { _ = await runner.run(effect) }
    }

    func play(_ message: VoicemailMessage) -> (RequestID, Task<Void, Never>) {
        let id = RequestID(nextID.withLock { $0 += 1; return $0 })
        return (id, launch(.play(id, .message(message, mailbox: nil))))
    }

    /// How playback `id` ended (finished, stopped, failed…), waiting up to `timeout`.
    func outcome(of id: RequestID, timeout: Duration = .seconds(20)) async -> PlaybackReport? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let last = reports.list.withLock { $0.last { $0.0 == id && Self.isFinal($0.1) }?.1 }
            if let last { return last }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return nil
    }

    func reported(_ id: RequestID) -> [PlaybackReport] { reports.list.withLock { $0.filter { $0.0 == id }.map(\.1) } }

    static func isFinal(_ report: PlaybackReport) -> Bool {
        switch report {
        case .finished, .stopped, .failed, .messageGone, .noPlayer: true
        default: false
        }
    }
}

/// Every playback report, in order.
final class Reports: Sendable {
    let list = Mutex<[(RequestID, PlaybackReport)]>([])
}

/// Whether a process is running, sleeping or stopped (a zombie nobody reaped has ended).
func processIsAlive(_ pid: pid_t) -> Bool {
    guard let stat = ProcessStat.read(pid) else { return false }
    return stat.state != "Z" && stat.state != "X"
}

/// The pids a player script wrote, one a line.
func recordedPids(_ url: URL) -> [pid_t] {
    ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
}
