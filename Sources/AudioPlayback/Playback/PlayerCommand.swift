import FoundationEssentials
import SystemBasics
import VoicemailModel

/// A resolved player: its command template and what kind of program it is.
public struct PlayerCommand: Sendable, Equatable, CustomStringConvertible {
    public var template: CommandTemplate
    public var kind: PlayerKind
    /// True when vmtui found it in PATH rather than reading it from config or --player.
    public var discovered: Bool

    public init(template: CommandTemplate, discovered: Bool = false) {
        self.template = template
        kind = PlayerKind(programName: template.programName)
        self.discovered = discovered
    }

    public var description: String { template.description }

    /// Where the player reads the audio from.
    public enum Input: Sendable, Equatable {
        case stdin
        case file(String)
    }

    /// The argument vector for one run. Extra options go right after the program name so a
    /// user's template keeps its own order; no URL or credential ever appears here.
    public func arguments(
        input: Input, format: AudioFormat, startAt offset: Double = 0, ipcSocket: String? = nil, speed: Double = 1
    ) -> [String] {
        let speed = kind.changesSpeed && speed > 0 && speed != 1 ? Self.factor(speed) : nil
        let inputWords: [String]
        switch input {
        case .file(let path):
            // A path starting with "-" would read as an option.
            inputWords = [path.hasPrefix("-") ? "./" + path : path]
        case .stdin:
            switch kind {
            case .sox: inputWords = ["-t", format.rawValue, "-"]
            case .ffplay: inputWords = ["pipe:0"]
            default: inputWords = ["-"]
            }
        }
        var words: [String] = []
        var placed = false
        for word in template.words {
            if word == CommandTemplate.filePlaceholder {
                words.append(contentsOf: inputWords)
                placed = true
            } else if word.contains(CommandTemplate.filePlaceholder), inputWords.count == 1 {
                words.append(word.replacingEvery(CommandTemplate.filePlaceholder, with: inputWords[0]))
                placed = true
            } else {
                words.append(word)
            }
        }
        if !placed { words.append(contentsOf: inputWords) }

        var options: [String] = []
        if kind == .mpv {
            if let ipcSocket { options.append("--input-ipc-server=\(ipcSocket)") }
            if offset > 0 { options.append("--start=\(Self.seconds(offset))") }
            if let speed { options.append("--speed=\(speed)") }
        } else if kind == .ffplay {
            if offset > 0 { options.append(contentsOf: ["-ss", Self.seconds(offset)]) }
            if let speed { options.append(contentsOf: ["-af", "atempo=\(speed)"]) }
        }
        words.insert(contentsOf: options, at: min(1, words.count))
        if kind == .sox, offset > 0 { words.append(contentsOf: ["trim", Self.seconds(offset)]) }
        // After the trim: the offset counts in the message's own time.
        if kind == .sox, let speed { words.append(contentsOf: ["tempo", speed]) }
        return words
    }

    /// A speed factor as the players read it: "1.25", "0.75", "2".
    static func factor(_ value: Double) -> String {
        var text = FixedDecimal.text(value, places: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func seconds(_ value: Double) -> String {
        FixedDecimal.text(max(0, value), places: 3)
    }
}
