import Foundation

/// Audio made with sox and espeak-ng in a temporary folder that `cleanUp()` removes; sox's own
/// measurement (`soxi -D`) is the reference the audio parsers are checked against.
/// Open so a test target can add its own helpers (stub programs, sub-folders) on top.
open class SoxFixtures {
    public let root: URL

    public init(prefix: String = "vmtui-audio-fixtures") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    public func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }

    public func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// Runs a program (found on PATH) to completion and returns its stdout; throws on a
    /// non-zero exit so the test fails with the command that broke.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("\(arguments.joined(separator: " ")) failed (exit \(process.terminationStatus))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The duration sox measures (`soxi -D`), the reference for our own parsers.
    public static func soxDuration(_ url: URL) throws -> Double {
        let text = try run(["soxi", "-D", url.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let seconds = Double(text) else { throw TestSupportError("soxi said \(text)") }
        return seconds
    }

    /// A sine tone with sox: `seconds` long, at `rate` and `channels`, in the format of the extension.
    public func tone(
        _ name: String, seconds: Double, rate: Int = 8000, channels: Int = 1, extra: [String] = ["-b", "16"]
    ) throws -> URL {
        let out = url(name)
        try Self.run(
            ["sox", "-n", "-r", "\(rate)", "-c", "\(channels)"] + extra
                + [out.path, "synth", "\(seconds)", "sine", "440", "vol", "0.5"])
        return out
    }

    /// Speech in 8 kHz mono 16-bit WAV.
    public func speechWAV(
        _ name: String, text: String = "Hello, this is a test of the voicemail client. Please call me back."
    ) throws -> URL {
        let raw = url("\(name)-raw.wav")
        try Self.run(["espeak-ng", "-w", raw.path, text])
        let out = url(name)
        try Self.run(["sox", raw.path, "-r", "8000", "-c", "1", "-b", "16", out.path])
        return out
    }
}
