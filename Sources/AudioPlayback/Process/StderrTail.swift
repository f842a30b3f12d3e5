import FoundationEssentials
import Synchronization
import SystemBasics

/// Keeps the last few kilobytes a child wrote to stderr and picks the line that explains a
/// failure ("Failed to recognize file format.") out of the noise around it.
final class StderrTail: Sendable {
    private let limit = 8192
    private let bytes = Mutex<[UInt8]>([])

    func append(_ chunk: ArraySlice<UInt8>) {
        bytes.withLock { stored in
            stored.append(contentsOf: chunk)
            if stored.count > limit { stored.removeFirst(stored.count - limit) }
        }
    }

    var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }

    func meaningfulLine() -> String? {
        Self.meaningfulLine(in: text)
    }

    private static let errorWords = [
        "fail", "error", "cannot", "can't", "unable", "invalid", "not found", "no such",
        "unsupported", "unknown", "denied", "refused", "missing", "corrupt",
    ]
    private static let noisePrefixes = ["exiting...", "in:", "av:", "a:", "(+)", "(paused)"]

    static func meaningfulLine(in text: String) -> String? {
        let lines = text
            .split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { cleaned(String($0)) }
            .filter { line in
                !line.isEmpty && !noisePrefixes.contains { line.lowercased().hasPrefix($0) }
            }
        let preferred = lines.last { line in
            let lower = line.lowercased()
            return errorWords.contains { lower.contains($0) } && !lower.contains(" warn ")
        }
        guard let chosen = preferred ?? lines.last else { return nil }
        return chosen.count > 200 ? String(chosen.prefix(199)) + "…" : chosen
    }

    /// Drops terminal escape sequences and control characters a player may print.
    private static func cleaned(_ line: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if (0x40...0x7e).contains(scalar.value), scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1b}" {
                inEscape = true
                continue
            }
            if scalar.properties.generalCategory == .control { continue }
            out.unicodeScalars.append(scalar)
        }
        return out.trimmingSpaces()
    }
}
