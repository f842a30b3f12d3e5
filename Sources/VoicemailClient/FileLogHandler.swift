import FoundationEssentials
import Glibc
import Logging
import Synchronization
import SystemBasics

/// A swift-log handler that appends lines to a file: a TUI must never write logs to the
/// terminal. Messages pass through `Redact.secrets` as a last line of defence.
public struct FileLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: Sink

    /// Opens (creating, appending) the file; nil when it cannot be opened.
    public init?(label: String, path: String, level: Logger.Level = .info) {
        guard let sink = Sink(path: path) else { return nil }
        self.init(label: label, sink: sink, level: level)
    }

    private init(label: String, sink: Sink, level: Logger.Level) {
        self.label = label
        self.sink = sink
        self.logLevel = level
    }

    /// A factory for `LoggingSystem.bootstrap` or `Logger(label:factory:)`, sharing one file.
    public static func factory(path: String, level: Logger.Level = .info) -> (@Sendable (String) -> any LogHandler)? {
        guard let sink = Sink(path: path) else { return nil }
        return { label in FileLogHandler(label: label, sink: sink, level: level) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.write("\(LogTimestamp.now()) \(level) \(label): \(Redact.secrets(in: "\(message)\(extra)"))\n")
    }

    final class Sink: Sendable {
        /// Held while writing, so lines from several threads never interleave.
        private let descriptor: Mutex<Int32>

        init?(path: String) {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
                else { return nil }
            }
            let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            descriptor = Mutex(fd)
        }

        deinit { descriptor.withLock { _ = close($0) } }

        func write(_ line: String) {
            descriptor.withLock { _ = FileBytes.writeAll($0, Array(line.utf8)) }
        }
    }
}

/// Removes credentials from text that is about to be logged or shown.
public enum Redact {
    /// A credential: its marker (any case), what may stand between marker and secret, and
    /// the secret's characters. Scanned by hand: NSRegularExpression is ICU's regex engine, and
    /// Swift's regexes page in their parser and compiler; the first log line of every launch
    /// comes here.
    private struct Rule: Sendable {
        let marker: String
        let lead: [Run]
        let secret: @Sendable (Character) -> Bool
        var secretMayBeEmpty = false
    }

    private struct Run: Sendable {
        let matches: @Sendable (Character) -> Bool
        let atLeastOne: Bool
    }

    private static let blanks = Run(matches: { $0.isWhitespace }, atLeastOne: false)
    private static let someBlanks = Run(matches: { $0.isWhitespace }, atLeastOne: true)
    private static let word = Run(matches: { $0.isLetter || $0.isNumber || $0 == "_" }, atLeastOne: true)
    private static let tokenCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~+/=-")

    private static let rules = [
        Rule(marker: "authorization:", lead: [blanks, word, someBlanks], secret: { !$0.isWhitespace }),
        Rule(marker: "bearer", lead: [someBlanks], secret: { tokenCharacters.contains($0) }),
        Rule(marker: "cookie:", lead: [blanks], secret: { !$0.isNewline }, secretMayBeEmpty: true),
        Rule(marker: "phpsessid=", lead: [], secret: { $0 != ";" && !$0.isWhitespace }),
        Rule(marker: "x-voicemail-pin:", lead: [blanks], secret: { !$0.isWhitespace }),
        Rule(marker: "password=", lead: [], secret: { $0 != "&" && !$0.isWhitespace }),
    ]

    public static func secrets(in text: String) -> String {
        rules.reduce(text) { redact($0, $1) }
    }

    /// Replaces each secret that follows the rule's marker with "<redacted>", left to right.
    private static func redact(_ text: String, _ rule: Rule) -> String {
        let characters = Array(text)
        let marker = Array(rule.marker)
        var result = ""
        var i = 0
        while i < characters.count {
            if let start = secretStart(characters, at: i, marker: marker, lead: rule.lead) {
                var end = start
                while end < characters.count, rule.secret(characters[end]) { end += 1 }
                if end > start || rule.secretMayBeEmpty {
                    result += String(characters[i..<start]) + "<redacted>"
                    i = end
                    continue
                }
            }
            result.append(characters[i])
            i += 1
        }
        return result
    }

    /// Where the secret begins when the marker and its lead stand at `i`.
    private static func secretStart(_ characters: [Character], at i: Int, marker: [Character], lead: [Run]) -> Int? {
        guard i + marker.count <= characters.count,
            zip(characters[i..<i + marker.count], marker).allSatisfy({ $0.lowercased() == String($1) })
        else { return nil }
        var j = i + marker.count
        for run in lead {
            let first = j
            while j < characters.count, run.matches(characters[j]) { j += 1 }
            if run.atLeastOne, j == first { return nil }
        }
        return j
    }
}

/// "2026-12-02T18:56:19.123+01:00" ("Z" in UTC), the local time with milliseconds. From libc:
/// FoundationEssentials knows no local zone without ICU.
enum LogTimestamp {
    static func now() -> String {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        var seconds = clock.tv_sec
        var t = tm()
        localtime_r(&seconds, &t)
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        let millis = Int(clock.tv_nsec) / 1_000_000
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        let offset = Int(t.tm_gmtoff)
        let zone = offset == 0
            ? "Z" : (offset < 0 ? "-" : "+") + two(abs(offset) / 3600) + ":" + two(abs(offset) % 3600 / 60)
        return "\(Int(t.tm_year) + 1900)-\(two(Int(t.tm_mon) + 1))-\(two(Int(t.tm_mday)))T"
            + "\(two(Int(t.tm_hour))):\(two(Int(t.tm_min))):\(two(Int(t.tm_sec))).\(fraction)\(zone)"
    }
}
