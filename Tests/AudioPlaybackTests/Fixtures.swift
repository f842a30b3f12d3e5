import Foundation
import XCTest
@testable import AudioPlayback

/// Temp folders, audio made with sox/espeak-ng, stub programs: everything a test creates
/// lives under one folder that `cleanUp()` removes.
final class Fixtures {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vmtui-audio-tests-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    func folder(_ name: String) throws -> URL {
        let url = url(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> URL {
        let url = url(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable { chmod(url.path, 0o755) }
        return url
    }

    /// Runs a program to completion and returns its stdout; fails the test on a non-zero exit.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
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
            throw NSError(domain: "Fixtures", code: Int(process.terminationStatus),
                userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The duration sox measures (`soxi -D`), the reference for our own parsers.
    static func soxDuration(_ url: URL) throws -> Double {
        let text = try run(["soxi", "-D", url.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        return try XCTUnwrap(Double(text), "soxi said \(text)")
    }

    /// Speech in 8 kHz mono 16-bit WAV.
    func speechWAV(_ name: String, text: String = "Hello, this is a test of the voicemail client. Please call me back.") throws -> URL {
        let raw = url("\(name)-raw.wav")
        try Self.run(["espeak-ng", "-w", raw.path, text])
        let out = url(name)
        try Self.run(["sox", raw.path, "-r", "8000", "-c", "1", "-b", "16", out.path])
        return out
    }

    /// A sine tone with sox: `seconds` long, at `rate` and `channels`, in the format of the extension.
    func tone(_ name: String, seconds: Double, rate: Int = 8000, channels: Int = 1, extra: [String] = ["-b", "16"]) throws -> URL {
        let out = url(name)
        try Self.run(["sox", "-n", "-r", "\(rate)", "-c", "\(channels)"] + extra + [out.path, "synth", "\(seconds)", "sine", "440", "vol", "0.5"])
        return out
    }

    static func hasProgram(_ name: String) -> Bool {
        ExecutableSearch.resolve(name, path: ProcessInfo.processInfo.environment["PATH"]) != nil
    }
}

/// Waits for a state stream to reach a state matching `predicate`, with a generous deadline
/// (a hang fails the test instead of blocking the suite; no timing is asserted).
func waitFor<S: Sendable>(
    _ stream: AsyncStream<S>, seconds: Double = 60, file: StaticString = #filePath, line: UInt = #line,
    _ predicate: @escaping @Sendable (S) -> Bool
) async throws -> S {
    let found = await withTaskGroup(of: S?.self) { group in
        group.addTask {
            for await state in stream where predicate(state) { return state }
            return nil
        }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
    return try XCTUnwrap(found, "the expected state never came", file: file, line: line)
}
