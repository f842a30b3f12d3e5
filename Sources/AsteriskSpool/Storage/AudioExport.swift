import AudioFormats
import Foundation
import VoicemailModel

/// Gets a message's or greeting's audio into a file a player understands: WAV and MP3 are
/// copied as they are; GSM forms (and raw telephony forms) are converted by sox into 16-bit
/// PCM WAV.
struct AudioExport: Sendable {
    let soxPath: String

    enum Failure: Error, Equatable {
        case noAudio
        case conversion(String)
    }

    /// Writes `form` of `source` to `target` (via a temporary sibling when `atomically`).
    func export(_ source: URL, form: AudioForm, to target: URL, atomically: Bool) throws -> (bytes: Int64, format: AudioFormat) {
        let directory = target.deletingLastPathComponent()
        let temporary = atomically
            ? directory.appendingPathComponent(".\(target.lastPathComponent).vmtui-\(UUID().uuidString.prefix(8))")
            : target
        do {
            if form.isDirect {
                try? FileManager.default.removeItem(at: temporary)
                try FileManager.default.copyItem(at: source, to: temporary)
            } else {
                try convert(source, form: form, to: temporary, output: .wav)
            }
            if atomically {
                _ = try? FileManager.default.removeItem(at: target)
                try FileManager.default.moveItem(at: temporary, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        let bytes = Int64(SpoolFiles.size(target) ?? 0)
        return (bytes, form == .mp3 ? .mp3 : .wav)
    }

    /// Runs sox: `source` read as `form`, written as `output` into `target`.
    func convert(_ source: URL, form: AudioForm, to target: URL, output: AudioForm) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soxPath)
        process.arguments = ["-q"] + form.soxInputArguments + [source.path] + output.soxOutputArguments + [target.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure.conversion("cannot run \(soxPath) (install sox)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, (SpoolFiles.size(target) ?? 0) > 0 else {
            let detail = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw Failure.conversion("sox could not convert \(source.lastPathComponent): \(detail)")
        }
    }

    /// Seconds of a WAV or MP3 file measured from its content; nil for other forms.
    static func duration(of url: URL, form: AudioForm) -> Int? {
        guard form.isDirect, let data = try? Data(contentsOf: url) else { return nil }
        guard case .success(let report) = AudioProbe.inspect(data) else { return nil }
        return Int(report.duration.rounded())
    }
}
