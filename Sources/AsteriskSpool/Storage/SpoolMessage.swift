import AsteriskSpoolFormat
import FoundationEssentials
import Glibc
import VoicemailModel

/// One message as found on disk: its `.txt` and the audio files beside it. Light to copy (the
/// record is shared by reference, the folder kept as a path): a listing handles thousands.
public struct SpoolMessage: Sendable, Equatable {
    public var mailbox: String
    public var folder: Folder
    public var number: Int
    /// Audio extensions present ("wav", "WAV", "gsm", …), case kept: `.WAV` and `.wav` differ.
    public var audioExtensions: [String]
    let box: RecordBox
    /// What its `.txt` says (the spool library's reading, shared with pbx-sim).
    package var record: MessageRecord { box.record }
    /// Why the `.txt` was not read (too large, not a regular file); nil when it was.
    public var problem: String?
    /// vmtui's id: msg_id, or a stable one made from the file (see `MessageIdentity`).
    public var id: String
    /// The folder's path.
    public var folderPath: String
    /// Its `.txt`'s device and inode when it was read whole (the cache's key).
    var textKey: TextFileKey?
    /// Its `.txt` as the file system told it when it was read (cached or not): a change finds
    /// it again under the folder's lock by this alone.
    var stamp: TextStamp?

    init(
        mailbox: String, folder: Folder, number: Int, audioExtensions: [String], box: RecordBox, problem: String?,
        folderPath: String, textKey: TextFileKey?, stamp: TextStamp?
    ) {
        self.mailbox = mailbox
        self.folder = folder
        self.number = number
        self.audioExtensions = audioExtensions
        self.box = box
        self.problem = problem
        id = box.record.id
        self.folderPath = folderPath
        self.textKey = textKey
        self.stamp = stamp
    }

    public static func == (a: SpoolMessage, b: SpoolMessage) -> Bool {
        (a.mailbox, a.folder, a.number, a.audioExtensions) == (b.mailbox, b.folder, b.number, b.audioExtensions)
            && (a.problem, a.id, a.folderPath, a.textKey, a.stamp) == (b.problem, b.id, b.folderPath, b.textKey, b.stamp)
            && (a.box === b.box || a.record == b.record)
    }

    public var baseName: String { SpoolLayout.baseName(number) }
    public var textFile: URL { URL(fileURLWithPath: SpoolLayout.path(in: folderPath, number, "txt"), isDirectory: false) }

    public func file(_ ext: String) -> URL { URL(fileURLWithPath: SpoolLayout.path(in: folderPath, number, ext), isDirectory: false) }

    /// The audio vmtui plays: `.wav` when present, then other forms by preference.
    public var preferredAudio: AudioForm? {
        AudioForm.preferenceOrder.lazy.compactMap { form in
            audioExtensions.contains(form.fileExtension) ? form : nil
        }.first
    }
}

/// A `.txt`'s identity, size and modification time (nanoseconds) as one `stat` told them.
struct TextStamp: Equatable, Sendable {
    var key: TextFileKey
    var size: Int64
    var modified: Int64

    init(_ status: stat) {
        key = TextFileKey(status)
        size = Int64(status.st_size)
        modified = CachedText.modificationTime(status)
    }
}

/// The audio forms app_voicemail may write and how vmtui uses each.
public enum AudioForm: String, Sendable, CaseIterable {
    /// 16-bit PCM WAV: played as it is.
    case wav
    /// MP3 (format_mp3): played as it is.
    case mp3
    /// `wav49`: GSM 6.10 in a WAV container (format tag 0x31): converted by sox.
    case wav49
    /// Raw GSM 6.10 frames: converted by sox.
    case gsm
    /// Raw 8 kHz μ-law, A-law, signed linear: converted by sox.
    case ulaw, alaw, sln

    public var fileExtension: String {
        switch self {
        case .wav: "wav"
        case .mp3: "mp3"
        case .wav49: "WAV"
        case .gsm: "gsm"
        case .ulaw: "ulaw"
        case .alaw: "alaw"
        case .sln: "sln"
        }
    }

    public init?(fileExtension: String) {
        guard let form = AudioForm.allCases.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = form
    }

    public static let preferenceOrder: [AudioForm] = [.wav, .mp3, .wav49, .gsm, .ulaw, .alaw, .sln]

    /// Playable without conversion.
    public var isDirect: Bool { self == .wav || self == .mp3 }

    /// What sox needs to read the file (raw forms carry no header).
    public var soxInputArguments: [String] {
        switch self {
        case .wav, .wav49: ["-t", "wav"]
        case .mp3: ["-t", "mp3"]
        case .gsm: ["-t", "gsm", "-r", "8000", "-c", "1"]
        case .ulaw: ["-t", "raw", "-e", "mu-law", "-b", "8", "-r", "8000", "-c", "1"]
        case .alaw: ["-t", "raw", "-e", "a-law", "-b", "8", "-r", "8000", "-c", "1"]
        case .sln: ["-t", "raw", "-e", "signed-integer", "-b", "16", "-r", "8000", "-c", "1"]
        }
    }

    /// What sox needs to write this form from a WAV (greeting uploads).
    public var soxOutputArguments: [String] {
        switch self {
        case .wav: ["-r", "8000", "-c", "1", "-e", "signed-integer", "-b", "16", "-t", "wav"]
        case .mp3: ["-t", "mp3"]
        case .wav49: ["-r", "8000", "-c", "1", "-e", "gsm-full-rate", "-t", "wav"]
        case .gsm: ["-r", "8000", "-c", "1", "-t", "gsm"]
        case .ulaw: ["-r", "8000", "-c", "1", "-e", "mu-law", "-b", "8", "-t", "raw"]
        case .alaw: ["-r", "8000", "-c", "1", "-e", "a-law", "-b", "8", "-t", "raw"]
        case .sln: ["-r", "8000", "-c", "1", "-e", "signed-integer", "-b", "16", "-t", "raw"]
        }
    }
}
