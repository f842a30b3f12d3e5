import FoundationEssentials
import SystemBasics
import VoicemailModel

/// Chooses the player: the configured command if there is one, otherwise the first known
/// player installed, in `PlayerKind.discoveryOrder`.
public struct PlayerDiscovery: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `configured` is the `player` setting or `--player` (nil or blank: discover).
    public func choose(configured: String?, for format: AudioFormat) throws -> PlayerCommand {
        if let configured, !configured.trimmingSpaces().isEmpty {
            let command = PlayerCommand(template: try CommandTemplate(parsing: configured))
            guard ExecutableSearch.resolve(command.template.executable, path: environment["PATH"]) != nil else {
                throw AudioError.noPlayer(
                    "The configured player \"\(command.template.executable)\" is not installed (not found in PATH)")
            }
            guard command.kind.plays(format) else {
                throw AudioError.noPlayer(
                    "\(command.kind.programName) plays only WAV; this message is \(format.rawValue.uppercased())")
            }
            return command
        }
        var skippedForFormat: [PlayerKind] = []
        for kind in PlayerKind.discoveryOrder where installed(kind) {
            guard kind.plays(format) else {
                skippedForFormat.append(kind)
                continue
            }
            return PlayerCommand(template: kind.defaultTemplate, discovered: true)
        }
        // The advice first and under 120 columns: a status line cuts the end of a long one.
        var message = "No audio player: apt install mpv, or set `player` (or ffmpeg, sox, pipewire-bin, pulseaudio-utils, alsa-utils)"
        if skippedForFormat.contains(.aplay) {
            message = "aplay plays only WAV, this is \(format.rawValue.uppercased()): apt install mpv, or set `player`"
        }
        throw AudioError.noPlayer(message)
    }

    private func installed(_ kind: PlayerKind) -> Bool {
        ExecutableSearch.resolve(kind.programName, path: environment["PATH"]) != nil
    }
}
