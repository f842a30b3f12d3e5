import AppCore
import AudioPlayback
import FoundationEssentials
import SystemBasics
import Glibc
import Synchronization
import VoicemailBackend
import VoicemailClient

/// Playing and saving messages, and the directory listings of path completion.
extension AudioEffectRunner {
    public func run(_ effect: PlaybackEffect) async -> AppEvent? {
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
        case .setSpeed(let speed):
            // In line with play: a speed asked for while a message starts applies to it.
            let change = SpeedAnswer()
            await serially {
                let answer = await self.player.setSpeed(speed)
                change.value.withLock { $0 = answer }
            }
            guard case .unsupported(let name) = change.value.withLock({ $0 }) else { return nil }
            return .playback(.speedRefused(player: name))
        case .stop:
            // Not queued: a stop must work even while a slow start is still downloading.
            await player.stop()
            return nil
        case .save(let id, let mailbox, let messageID, let path):
            return .playback(.saved(id, await attempt("save") { try await self.save(id, mailbox, messageID, path) }))
        case .listDirectory(let id, let path):
            return .playback(.directoryListed(id, Self.list(path, environment: environment)))
        }
    }

    func serially(_ body: @escaping @Sendable () async -> Void) async {
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
            sink.post(.playback(.report(id, .stopped)))
            return
        }
        tags.playback.withLock { $0 = id }
        let command: PlayerCommand
        do {
            command = try player.resolvePlayer(for: target.format)
        } catch {
            tags.playback.withLock { $0 = nil }
            sink.post(.playback(.report(id, .noPlayer(Self.oneLine(error)))))
            return
        }
        let name = command.kind == .other ? command.template.programName : command.kind.programName
        sink.post(.playback(.report(id, .playerChosen(name: name, discovered: command.discovered))))
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
            if tags.playback.withLock({ $0 == id }) { sink.post(.playback(.report(id, .stopped))) }
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

    // MARK: Saving and listing

    private func save(_ id: RequestID, _ mailbox: String?, _ messageID: String, _ path: String) async throws -> String {
        let url = URL(fileURLWithPath: Self.expand(path, environment: environment))
        let folder = url.deletingLastPathComponent().path
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory else {
            throw LocalProblem("No folder \(folder)")
        }
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw LocalProblem("\(url.path) already exists; choose another name")
        }
        saves.begin(url)
        defer { saves.end(url) }
        let progress = ProgressThrottle(sink: sink) { .playback(.saveProgress(id, bytes: $0, total: $1)) }
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

    static func list(_ path: String, environment: [String: String]) -> Result<[DirectoryEntry], AppError> {
        let directory = path.isEmpty ? FileManager.default.currentDirectoryPath : expand(path, environment: environment)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return .failure(AppError(.other, "no such folder, or it cannot be read"))
        }
        return .success(names.map { name in
            var isDirectory = false
            let full = Self.joined(directory, name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            return DirectoryEntry(name: name, isDirectory: isDirectory)
        })
    }

    /// `name` inside `directory`, with one slash between them.
    static func joined(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// "~" and "~/x" are the home folder; relative paths are from the working directory.
    static func expand(_ path: String, environment: [String: String]) -> String {
        let path = Paths.expandTilde(path, environment: environment)
        if path.hasPrefix("/") { return path }
        return joined(FileManager.default.currentDirectoryPath, path)
    }

    /// Where `w` proposes to save: the desktop's download folder (`$XDG_DOWNLOAD_DIR`, from
    /// the environment or ~/.config/user-dirs.dirs) when it exists, else `~/Downloads` when it
    /// exists, else the home folder. Never the working directory: that is often a checkout.
    public static func defaultSaveDirectory(environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        var candidates: [String] = []
        if let xdg = environment["XDG_DOWNLOAD_DIR"], !xdg.isEmpty {
            candidates.append(xdg)
        } else if let xdg = userDirsDownload(environment: environment, home: home) {
            candidates.append(xdg)
        }
        candidates.append("~/Downloads")
        for candidate in candidates {
            var isDirectory = false
            let path = expand(candidate, environment: environment)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory {
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
            let trimmed = line.trimmingSpaces()
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

    func note(_ effect: PlaybackEffect) {
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

/// What `setSpeed` answered, carried out of the play queue.
private final class SpeedAnswer: Sendable {
    let value = Mutex(PlaybackController.SpeedChange.changed)
}
