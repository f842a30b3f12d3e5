import Foundation
import XCTest

/// Audio made with sox and espeak-ng in a temporary folder that `cleanUp()` removes; sox's
/// own measurement (`soxi -D`) is the reference for the parsers.
final class SoxFixtures {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vmtui-formats-tests-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "SoxFixtures", code: Int(process.terminationStatus),
                userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func soxDuration(_ url: URL) throws -> Double {
        let text = try run(["soxi", "-D", url.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        return try XCTUnwrap(Double(text), "soxi said \(text)")
    }

    /// A sine tone in the format of the extension.
    func tone(_ name: String, seconds: Double, rate: Int = 8000, channels: Int = 1, extra: [String] = ["-b", "16"]) throws -> URL {
        let out = url(name)
        try Self.run(["sox", "-n", "-r", "\(rate)", "-c", "\(channels)"] + extra + [out.path, "synth", "\(seconds)", "sine", "440", "vol", "0.5"])
        return out
    }

    /// Speech in 8 kHz mono 16-bit WAV.
    func speechWAV(_ name: String) throws -> URL {
        let raw = url("\(name)-raw.wav")
        try Self.run(["espeak-ng", "-w", raw.path, "Hello, this is a test of the voicemail client. Please call me back."])
        let out = url(name)
        try Self.run(["sox", raw.path, "-r", "8000", "-c", "1", "-b", "16", out.path])
        return out
    }
}
