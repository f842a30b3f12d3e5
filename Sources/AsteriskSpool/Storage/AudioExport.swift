import AsteriskSpoolFormat
import AudioFormats
import ChildSpawn
import FoundationEssentials
import Glibc
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

    /// Writes `form` of `source` to `target`, mode 0600 (voicemail is personal data). The
    /// audio is made whole in a hidden sibling first. Then, `atomically`, the sibling is renamed
    /// over `target`; else its bytes are written into `target` itself from the first byte on:
    /// a player may already be reading `target` (its inode), which must never be replaced or
    /// see a half-written header.
    func export(_ source: URL, form: AudioForm, to target: URL, atomically: Bool) throws -> (bytes: Int64, format: AudioFormat) {
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).vmtui-\(UUID().uuidString.prefix(8))")
        do {
            if form.isDirect {
                try Self.copyBytes(from: source, to: temporary, intoExisting: false)
            } else {
                try convert(source, form: form, to: temporary, output: .wav)
                chmod(temporary.path, 0o600)
            }
            if atomically {
                guard rename(temporary.path, target.path) == 0 else { throw Self.fileError(target) }
            } else {
                try Self.copyBytes(from: temporary, to: target, intoExisting: true)
                unlink(temporary.path)
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        let bytes = Int64(SpoolFiles.size(target) ?? 0)
        return (bytes, form == .mp3 ? .mp3 : .wav)
    }

    /// Copies `source`'s bytes into `target`: a new file (0600), or `intoExisting`, the file
    /// the caller made (made here if absent), which keeps its inode and is written from its
    /// first byte.
    private static func copyBytes(from source: URL, to target: URL, intoExisting: Bool) throws {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw fileError(source) }
        defer { close(input) }
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (intoExisting ? O_TRUNC : O_EXCL)
        let output = open(target.path, flags, 0o600)
        guard output >= 0 else { throw fileError(target) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw fileError(source)
            }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw fileError(target)
                }
                offset += written
            }
        }
    }

    private static func fileError(_ url: URL, errno code: Int32 = errno) -> Error {
        DurableFiles.IOError("copying audio to", url.path, errno: code)
    }

    /// Runs sox: `source` read as `form`, written as `output` into `target`. Started as every
    /// child of vmtui is: no descriptor above 2, none of vmtui's secrets in its environment.
    func convert(_ source: URL, form: AudioForm, to target: URL, output: AudioForm) throws {
        let arguments = [soxPath, "-q"] + form.soxInputArguments + [source.path] + output.soxOutputArguments + [target.path]
        let outcome: ChildCommand.Outcome
        do {
            outcome = try ChildCommand.run(
                path: soxPath, arguments: arguments, environment: ChildEnvironment.sanitized())
        } catch {
            throw Failure.conversion("cannot run \(soxPath) (install sox)")
        }
        guard outcome.status == 0, (SpoolFiles.size(target) ?? 0) > 0 else {
            let line = outcome.firstErrorLine
            let detail = line.isEmpty ? "exit \(outcome.status)" : line
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
