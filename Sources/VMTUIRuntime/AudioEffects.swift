import AppCore
import AudioPlayback
import Foundation
import Logging
import Synchronization
import VoicemailBackend
import VoicemailClient
import VoicemailModel

/// Runs the app's audio effects: the external player and recorder (AudioPlayback), saving
/// audio, directory listings for completion, and the greetings calls. Playback and recording
/// report many events per effect; they go through the sink given by `attach`.
public final class AudioEffectRunner: Sendable, AttemptingRunner {
    private let client: any VoicemailBackend
    private let environment: [String: String]
    let logger: Logger
    private let player: PlaybackController
    private let recorder: RecordingController
    private let sink: EventSink
    /// Which requests the player's and recorder's reports belong to.
    private let tags: AudioTags
    /// Play commands run one after the other, so a stop of the old playback is never taken
    /// for the end of the new one.
    private let playQueue = Mutex<Task<Void, Never>?>(nil)
    /// The order in which the loop launched plays and stops (see `accept`).
    private let launchOrder = LaunchOrder()
    /// Set by `shutdown`: nothing plays or records any more.
    private let closed = Mutex(false)
    /// Saves under way, by target path: leaving waits for them to delete their partial files.
    private let saves = SavesInFlight()

    /// - Parameters:
    ///   - player: `player` from the config or `--player`; nil discovers one.
    ///   - recorder: `recorder` from the config; nil discovers one.
    public init(
        client: any VoicemailBackend, player: String?, recorder: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger
    ) {
        self.client = client
        self.environment = environment
        self.logger = logger
        let sink = EventSink()
        let tags = AudioTags()
        self.sink = sink
        self.tags = tags
        self.player = PlaybackController(
            player: player, environment: environment, logger: logger,
            onChange: { state in
                guard let id = tags.playback.withLock({ $0 }), var report = Self.report(state) else { return }
                // A download that failed because the message is gone says so, so the screen
                // can refresh as it does for r/m/d instead of showing a player error.
                if case .failed = report, tags.gone.withLock({ $0 == id }) { report = .messageGone }
                sink.post(.audio(.playback(id, report)))
            })
        self.recorder = RecordingController(
            recorder: recorder, environment: environment, logger: logger,
            onChange: { state in
                let (id, discarding) = tags.recording.withLock { ($0.id, $0.discarding) }
                guard let id else { return }
                switch state {
                case .idle:
                    if discarding { sink.post(.audio(.recording(id, .cancelled))) }
                case .recording(let elapsed, let level):
                    sink.post(.audio(.recording(id, .progress(elapsed: elapsed, level: level))))
                case .finished(let file, let duration, let reason):
                    guard !discarding else { return }
                    sink.post(.audio(.recording(
                        id, .finished(path: file.path, duration: duration, reachedLimit: reason == .maxDuration))))
                case .failed(let why):
                    guard !discarding else { return }
                    sink.post(.audio(.recording(id, .failed(why))))
                }
            })
    }

    /// Where playback and recording reports go (the event loop's inbox).
    public func attach(_ post: @escaping @Sendable (AppEvent) -> Void) {
        sink.set(post)
    }

    /// Notes, on the loop's thread and in the loop's order, each play and stop as it is
    /// launched: the effects then run concurrently, and a stop pressed while a player is
    /// still starting must win over that start whichever task runs first.
    public func accept(_ effect: AudioEffect) {
        launchOrder.note(effect)
    }

    public func run(_ effect: AudioEffect) async -> AppEvent? {
        switch effect {
        case .play(let id, let target):
            let withdrawn = launchOrder.withdrawal(of: id)
            await serially { await self.play(id, target, withdrawn: withdrawn) }
            return nil
        case .togglePause:
            await serially { await self.player.togglePause() }
            return nil
        case .seek(let seconds):
            await serially { await self.player.seek(by: seconds) }
            return nil
        case .stop:
            // Not queued: a stop must work even while a slow start is still downloading.
            await player.stop()
            return nil
        case .save(let id, let mailbox, let messageID, let path):
            return .audio(.saved(id, await attempt("save") { try await self.save(id, mailbox, messageID, path) }))
        case .listDirectory(let id, let path):
            return .audio(.directoryListed(id, Self.list(path, environment: environment)))
        case .loadGreetings(let id, let mailbox):
            return .audio(.greetingsLoaded(id, await attempt("greetings") {
                try await self.client.greetings(mailbox: Self.mailbox(mailbox))
            }))
        case .uploadGreeting(let id, let mailbox, let type, let path, let isRecording):
            return .audio(.greetingUploaded(id, await attempt("greeting upload") {
                try await self.upload(id, mailbox, type, path, isRecording: isRecording)
            }))
        case .resetGreeting(let id, let mailbox, let type):
            return .audio(.greetingReset(id, await attempt("greeting reset") {
                try await self.client.resetGreeting(type, mailbox: Self.mailbox(mailbox))
            }))
        case .copyGreeting(let id, let mailbox, let source, let destination):
            return .audio(.greetingCopied(id, await attempt("greeting copy") {
                try await self.client.copyGreeting(source, to: destination, mailbox: Self.mailbox(mailbox))
            }))
        case .startRecording(let id):
            await startRecording(id)
            return nil
        case .stopRecording:
            await recorder.stop()
            return nil
        case .cancelRecording:
            tags.recording.withLock { $0.discarding = true }
            await recorder.cancel()
            return nil
        }
    }

    /// Stops the player and recorder for good and deletes the private audio (exit paths;
    /// `AudioCleanup.run` then ends whatever else vmtui started).
    public func shutdown() async {
        closed.withLock { $0 = true }
        tags.playback.withLock { $0 = nil }
        tags.recording.withLock { $0 = (nil, true) }
        await player.shutdown()
        await recorder.cancel()
        // The loop cancelled the saves as it ended; each deletes what it wrote.
        await saves.waitUntilDone(cap: .seconds(3))
        PrivateTempStore.shared.removeAll()
    }

    // MARK: Playback

    private func serially(_ body: @escaping @Sendable () async -> Void) async {
        let task: Task<Void, Never> = playQueue.withLock { last in
            let previous = last
            let next = Task {
                await previous?.value
                await body()
            }
            last = next
            return next
        }
        await task.value
    }

    private func play(_ id: RequestID, _ target: PlaybackTarget, withdrawn: @escaping @Sendable () -> Bool) async {
        await player.stop()
        guard !closed.withLock({ $0 }) else { return }
        if withdrawn() {
            sink.post(.audio(.playback(id, .stopped)))
            return
        }
        tags.playback.withLock { $0 = id }
        let command: PlayerCommand
        do {
            command = try player.resolvePlayer(for: target.format)
        } catch {
            tags.playback.withLock { $0 = nil }
            sink.post(.audio(.playback(id, .noPlayer(Self.oneLine(error)))))
            return
        }
        let name = command.kind == .other ? command.template.programName : command.kind.programName
        sink.post(.audio(.playback(id, .playerChosen(name: name, discovered: command.discovered))))
        let request: PlaybackRequest
        switch target {
        case .message(let message, let mailbox):
            let source = MessageAudioSource(client: client, message: message, mailbox: Self.mailbox(mailbox))
            request = PlaybackRequest(
                source: GoneAwareSource(inner: source) { [tags] in tags.gone.withLock { $0 = id } },
                format: message.format, duration: target.duration, name: "message")
        case .greeting(let greeting, let mailbox):
            request = .greeting(greeting, mailbox: Self.mailbox(mailbox), client: client)
        }
        if await !player.play(request, withdrawn: withdrawn) {
            // Stopped before it started: the screen waits for this playback's end.
            if tags.playback.withLock({ $0 == id }) { sink.post(.audio(.playback(id, .stopped))) }
        }
    }

    static func report(_ state: PlaybackState) -> PlaybackReport? {
        switch state {
        case .idle: nil
        case .starting: .starting
        case .playing(let elapsed, let total): .playing(elapsed: elapsed, total: total)
        case .paused(let elapsed, let total): .paused(elapsed: elapsed, total: total)
        case .finished: .finished
        case .stopped: .stopped
        case .failed(let why): .failed(why)
        }
    }

    // MARK: Recording

    private func startRecording(_ id: RequestID) async {
        await player.stop()
        guard !closed.withLock({ $0 }) else { return }
        tags.recording.withLock { $0 = (id, false) }
        do {
            let template = try recorder.resolveRecorder()
            sink.post(.audio(.recording(id, .started(recorder: template.programName))))
            try await recorder.start()
        } catch {
            tags.recording.withLock { $0 = (nil, false) }
            sink.post(.audio(.recording(id, .failed(Self.oneLine(error)))))
        }
    }

    // MARK: Files

    private func save(_ id: RequestID, _ mailbox: String?, _ messageID: String, _ path: String) async throws -> String {
        let url = URL(fileURLWithPath: Self.expand(path, environment: environment))
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LocalProblem("No folder \(folder)")
        }
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw LocalProblem("\(url.path) already exists; choose another name")
        }
        saves.begin(url)
        defer { saves.end(url) }
        let progress = ProgressThrottle(id: id, sink: sink)
        let message = try await client.message(id: messageID, mailbox: Self.mailbox(mailbox))
        try await client.downloadAudio(of: message, to: url, atomically: true) {
            progress.report(bytes: $0.bytes, total: $0.total)
        }
        // Cancelled (Esc, quit) as it finished: a cancelled save leaves no file.
        if Task.isCancelled {
            unlink(url.path)
            throw CancellationError()
        }
        return url.path
    }

    private func upload(
        _ id: RequestID, _ mailbox: String?, _ type: GreetingType, _ path: String, isRecording: Bool
    ) async throws -> GreetingUpload {
        let url = URL(fileURLWithPath: Self.expand(path, environment: environment))
        defer { if isRecording { PrivateTempStore.shared.remove(url) } }
        let prepared = try await AudioInspector(environment: environment).prepareForUpload(url)
        defer { prepared.discard() }
        let progress = ProgressThrottle(id: id, sink: sink)
        let greeting = try await client.uploadGreeting(type, mailbox: Self.mailbox(mailbox), from: prepared.url) {
            progress.report(bytes: $0.bytes, total: $0.total)
        }
        return GreetingUpload(greeting: greeting, note: prepared.note)
    }

    static func list(_ path: String, environment: [String: String]) -> Result<[DirectoryEntry], AppError> {
        let directory = path.isEmpty ? FileManager.default.currentDirectoryPath : expand(path, environment: environment)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return .failure(AppError(.other, "no such folder, or it cannot be read"))
        }
        return .success(names.map { name in
            var isDirectory: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            return DirectoryEntry(name: name, isDirectory: isDirectory.boolValue)
        })
    }

    /// "~" and "~/x" are the home folder; relative paths are from the working directory.
    static func expand(_ path: String, environment: [String: String]) -> String {
        let path = Paths.expandTilde(path, environment: environment)
        if path.hasPrefix("/") { return path }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    /// Where `w` proposes to save: the desktop's download folder (`$XDG_DOWNLOAD_DIR`, from
    /// the environment or ~/.config/user-dirs.dirs) when it exists, else `~/Downloads` when it
    /// exists, else the home folder. Never the working directory: that is often a checkout.
    public static func defaultSaveDirectory(environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        var candidates: [String] = []
        if let xdg = environment["XDG_DOWNLOAD_DIR"], !xdg.isEmpty {
            candidates.append(xdg)
        } else if let xdg = userDirsDownload(environment: environment, home: home) {
            candidates.append(xdg)
        }
        candidates.append("~/Downloads")
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            let path = expand(candidate, environment: environment)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return shortened(candidate, home: home)
            }
        }
        return "~"
    }

    /// `XDG_DOWNLOAD_DIR="$HOME/Downloads"` from `$XDG_CONFIG_HOME/user-dirs.dirs` (xdg-user-dirs).
    static func userDirsDownload(environment: [String: String], home: String) -> String? {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        guard let text = try? String(contentsOfFile: config + "/user-dirs.dirs", encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("XDG_DOWNLOAD_DIR=") else { continue }
            var value = String(trimmed.dropFirst("XDG_DOWNLOAD_DIR=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if value.hasPrefix("$HOME") { value = home + value.dropFirst("$HOME".count) }
            guard value.hasPrefix("/") else { return nil }
            // xdg-user-dirs sets it to $HOME itself when the folder is disabled.
            return value == home || value == home + "/" ? nil : value
        }
        return nil
    }

    /// `/home/ann/Downloads` as `~/Downloads`, shorter to read and edit in the prompt.
    private static func shortened(_ path: String, home: String) -> String {
        guard path.hasPrefix("/"), !home.isEmpty, home != "/" else { return path }
        if path == home { return "~" }
        return path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    // MARK: Errors

    private static func mailbox(_ name: String?) -> String? { name?.isEmpty == false ? name : nil }

    static func oneLine(_ error: Error) -> String {
        let text = (error as? AudioError)?.description ?? (error as? LocalizedError)?.errorDescription ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }
}

/// Notes when a message's audio cannot be had because the message is gone from the server.
private struct GoneAwareSource: AudioSource {
    let inner: any AudioSource
    let gone: @Sendable () -> Void

    func download(to file: URL, progress: @escaping @Sendable (Int64, Int64?) -> Void) async throws {
        do {
            try await inner.download(to: file, progress: progress)
        } catch {
            if case .notFound = VoicemailError(error).kind { gone() }
            throw error
        }
    }
}

/// The saves under way. A save that outlives the wait at exit (a server that stopped
/// answering) has its hidden partial siblings deleted here instead.
final class SavesInFlight: Sendable {
    private let targets = Mutex<[URL: Int]>([:])

    func begin(_ target: URL) { targets.withLock { $0[target, default: 0] += 1 } }

    func end(_ target: URL) {
        targets.withLock { targets in
            let left = (targets[target] ?? 1) - 1
            targets[target] = left > 0 ? left : nil
        }
    }

    func waitUntilDone(cap: Duration) async {
        let deadline = ContinuousClock.now + cap
        while !targets.withLock({ $0.isEmpty }), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        for target in targets.withLock({ Array($0.keys) }) { Self.deletePartials(of: target) }
    }

    /// `.name.part-XXXXXXXX` (HTTP) and `.name.vmtui-XXXXXXXX` (spool) beside `target`.
    static func deletePartials(of target: URL) {
        let folder = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where entry.hasPrefix(".\(name).part-") || entry.hasPrefix(".\(name).vmtui-") {
            unlink(folder.appendingPathComponent(entry).path)
        }
    }
}

/// Plays and stops in the order the loop launched them (`AudioEffectRunner.accept`).
final class LaunchOrder: Sendable {
    private struct Numbers {
        var next = 0
        /// The launch number of each play not yet run.
        var plays: [RequestID: Int] = [:]
        /// The launch number of the latest stop.
        var lastStop = 0
    }

    private let numbers = Mutex(Numbers())

    func note(_ effect: AudioEffect) {
        numbers.withLock { numbers in
            switch effect {
            case .play(let id, _):
                numbers.next += 1
                numbers.plays[id] = numbers.next
            case .stop:
                numbers.next += 1
                numbers.lastStop = numbers.next
            default:
                break
            }
        }
    }

    /// Whether a stop was launched after play `id` (false for a play the loop did not note).
    func withdrawal(of id: RequestID) -> @Sendable () -> Bool {
        let launched = numbers.withLock { $0.plays.removeValue(forKey: id) }
        return { [self] in
            guard let launched else { return false }
            return numbers.withLock { $0.lastStop > launched }
        }
    }
}

/// A user-side problem found before any request (bad folder, existing file).
struct LocalProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// The requests the player's and recorder's reports belong to: the controllers' callbacks
/// are made before the runner exists, so they share these with it.
final class AudioTags: Sendable {
    /// The playback request the player's state changes belong to.
    let playback = Mutex<RequestID?>(nil)
    /// The playback whose message turned out to be gone from the server (deleted elsewhere).
    let gone = Mutex<RequestID?>(nil)
    /// The recording request the recorder's state changes belong to, and whether it is
    /// being discarded (its "finished" must not start an upload).
    let recording = Mutex<(id: RequestID?, discarding: Bool)>((nil, false))
}

/// The event loop's inbox, known once the loop exists.
final class EventSink: Sendable {
    private let post = Mutex<(@Sendable (AppEvent) -> Void)?>(nil)

    func set(_ post: @escaping @Sendable (AppEvent) -> Void) { self.post.withLock { $0 = post } }

    func post(_ event: AppEvent) {
        let target = post.withLock { $0 }
        target?(event)
    }
}

/// Transfer progress at most every 1 % (and at the end), so a fast transfer does not flood
/// the event loop with redraws.
final class ProgressThrottle: Sendable {
    private let id: RequestID
    private let sink: EventSink
    private let last = Mutex<Int64>(-1)

    init(id: RequestID, sink: EventSink) {
        self.id = id
        self.sink = sink
    }

    func report(bytes: Int64, total: Int64?) {
        let step = max(16 * 1024, (total ?? 0) / 100)
        let due = last.withLock { last in
            guard bytes - last >= step || bytes == total else { return false }
            last = bytes
            return true
        }
        if due { sink.post(.audio(.transferProgress(id, bytes: bytes, total: total))) }
    }
}
