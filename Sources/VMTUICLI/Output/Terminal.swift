import SystemBasics
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Synchronization
import VoicemailBackend
import VoicemailClient

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where output goes and whether a person is watching.
enum Terminal {
    static var stdinIsTTY: Bool { isatty(STDIN_FILENO) == 1 }
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) == 1 }

    static func print(_ text: String) {
        StandardStreams.output(text + "\n")
    }

    static func printError(_ line: String) {
        StandardStreams.error("vmtui: \(line)\n")
    }

    /// Asks on stderr and reads one line from stdin; false on anything but y/yes.
    static func confirm(_ question: String) -> Bool {
        StandardStreams.error("\(question) [y/N] ")
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingSpaces().lowercased())
    }
}

/// A one-line progress bar on a terminal's stderr, redrawn at most ~10 times a second.
final class ProgressBar: Sendable {
    private let label: String
    /// When the bar was last drawn and whether one is on the line; held while writing, so
    /// updates from two threads never interleave.
    private let shown = Mutex((lastDraw: ContinuousClock.now - .seconds(1), drawn: false))

    init(label: String) { self.label = label }

    func update(_ bytes: Int64, total: Int64?) {
        shown.withLock { shown in
            let now = ContinuousClock.now
            guard now - shown.lastDraw >= .milliseconds(100) || (total != nil && bytes == total) else { return }
            shown = (now, true)
            let line: String
            if let total, total > 0 {
                let fraction = min(1, Double(bytes) / Double(total))
                let width = 30
                let filled = Int(fraction * Double(width))
                line = "\(label) [\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] "
                    + "\(Int(fraction * 100))% \(SizeText.bytes(bytes))/\(SizeText.bytes(total))"
            } else {
                line = "\(label) \(SizeText.bytes(bytes))"
            }
            StandardStreams.error("\r\u{1B}[K\(line)")
        }
    }

    var handler: ProgressHandler {
        { [self] progress in update(progress.bytes, total: progress.total) }
    }

    func finish() {
        shown.withLock { if $0.drawn { StandardStreams.error("\r\u{1B}[K") } }
    }
}
