import Foundation
import Logging

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
        let stamp = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        sink.write("\(stamp) \(level) \(label): \(Redact.secrets(in: "\(message)\(extra)"))\n")
    }

    final class Sink: @unchecked Sendable {
        private let handle: FileHandle
        private let lock = NSLock()

        init?(path: String) {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
                else { return nil }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
            handle.seekToEndOfFile()
            self.handle = handle
        }

        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            try? handle.write(contentsOf: Data(line.utf8))
        }
    }
}

/// Removes credentials from text that is about to be logged or shown.
public enum Redact {
    private static let patterns: [(NSRegularExpression, String)] = [
        (#"(?i)(authorization:\s*\w+\s+)\S+"#, "$1<redacted>"),
        (#"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"#, "$1<redacted>"),
        (#"(?i)(cookie:\s*).*"#, "$1<redacted>"),
        (#"(?i)(PHPSESSID=)[^;\s]+"#, "$1<redacted>"),
        (#"(?i)(x-voicemail-pin:\s*)\S+"#, "$1<redacted>"),
        (#"(?i)(password=)[^&\s]+"#, "$1<redacted>"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    public static func secrets(in text: String) -> String {
        var result = text
        for (regex, template) in patterns {
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result
    }
}
