import AudioFormats
import DisplayText
import FoundationEssentials
import VoicemailBackend
import VoicemailModel

/// What a message's audio must look like, from its record: the format always, the size and
/// the length when the record gives them. A renumbered spool or a stale link hands over
/// another message's audio; this catches it before anyone hears or keeps it.
struct AudioExpectation: Sendable {
    var id: String
    var format: AudioFormat
    /// Bytes; 0 when the record does not say.
    var size: Int
    /// Seconds; 0 when the record does not say.
    var duration: Int

    init(_ message: VoicemailMessage) {
        id = message.id
        format = message.format
        size = message.size
        duration = message.duration
    }

    /// Sizes may differ by a header rewrite: 2 % or 2 KiB, whichever is larger.
    static func sizeTolerance(_ size: Int) -> Int { max(2048, size / 50) }
    /// Asterisk rounds durations to whole seconds: 10 % or 2 s, whichever is larger.
    static func durationTolerance(_ seconds: Int) -> Double { max(2, Double(seconds) / 10) }

    /// Throws `.wrongAudio` naming the first thing that does not match.
    func check(_ file: URL) throws(VoicemailError) {
        let data: Data
        do {
            data = try Data(contentsOf: file, options: .alwaysMapped)
        } catch {
            throw .localFile(path: file.path, reason: "cannot be read back")
        }
        guard !data.isEmpty else { throw .wrongAudio(id: id, detail: "it is empty (0 bytes)") }
        let report: AudioProbe.Report
        switch AudioProbe.inspect(data) {
        case .success(let found):
            report = found
        case .failure(.unsupported):
            let head = String(decoding: data.prefix(24), as: UTF8.self)
            throw .wrongAudio(id: id, detail: "it is not WAV or MP3 audio (it starts \"\(TerminalSafe.line(head, maxLength: 24))\")")
        case .failure(.unreadable(let why)):
            throw .wrongAudio(id: id, detail: "it is not playable audio (\(TerminalSafe.line(why, maxLength: 80)))")
        }
        guard report.format == format else {
            throw .wrongAudio(
                id: id, detail: "it is \(report.format.rawValue.uppercased()), the message is \(format.rawValue.uppercased())")
        }
        if size > 0, abs(data.count - size) > Self.sizeTolerance(size) {
            throw .wrongAudio(id: id, detail: "it has \(data.count) bytes, the message \(size)")
        }
        if duration > 0, abs(report.duration - Double(duration)) > Self.durationTolerance(duration) {
            throw .wrongAudio(
                id: id, detail: "it lasts \(Int(report.duration.rounded())) s, the message \(duration) s")
        }
    }
}
