import AsteriskSpoolFormat
import AudioFormats
import FoundationEssentials
import Glibc
import VoicemailBackend
import VoicemailModel

/// Greetings live in the mailbox folder as `unavail.*`, `busy.*`, `greet.*` (the name) and
/// `temp.*`, each in the formats Asterisk is configured to record.
extension AsteriskSpoolBackend {
    /// The greeting's forms on disk, best first.
    func greetingForms(_ spoolName: String, in mailbox: String) -> [AudioForm] {
        let names = Set(SpoolFiles.names(in: layout.mailbox(mailbox)))
        return AudioForm.preferenceOrder.filter { names.contains(spoolName + "." + $0.fileExtension) }
    }

    func greetingFile(_ spoolName: String, _ form: AudioForm, in mailbox: String) -> URL {
        layout.mailbox(mailbox).appendingPathComponent(spoolName + "." + form.fileExtension)
    }

    func info(_ type: GreetingType, in mailbox: String) -> GreetingInfo {
        guard let form = greetingForms(type.spoolName, in: mailbox).first else { return GreetingInfo(type: type, present: false) }
        let file = greetingFile(type.spoolName, form, in: mailbox)
        return GreetingInfo(
            type: type, present: true, duration: AudioExport.duration(of: file, form: form),
            format: form == .mp3 ? .mp3 : .wav, size: AudioSize.delivered(of: file, form: form), updated: SpoolFiles.modificationDate(file))
    }

    public func greetings(mailbox: String?) async throws -> [GreetingInfo] {
        let box = try resolve(mailbox)
        return GreetingType.allCases.map { info($0, in: box) }
    }

    /// The temporary greeting (`temp.*`), which overrides unavailable and busy while it
    /// exists: the file a caller hears now, if any.
    public func temporaryGreetingFile(mailbox: String?) throws -> URL? {
        let box = try resolve(mailbox)
        return greetingForms("temp", in: box).first.map { greetingFile("temp", $0, in: box) }
    }

    @discardableResult
    public func downloadGreeting(
        _ type: GreetingType, mailbox: String?, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult {
        let box = try resolve(mailbox)
        guard let form = greetingForms(type.spoolName, in: box).first else {
            throw VoicemailError.notFound(what: "greeting \(type.rawValue)", reason: "the PBX default is in use")
        }
        let source = greetingFile(type.spoolName, form, in: box)
        guard SpoolFiles.isRegularFile(source) else {
            throw VoicemailError.localFile(path: source.path, reason: "not a regular file in the spool (a symbolic link?); not read")
        }
        let result = try mapped(box) { try audio.export(source, form: form, to: file, atomically: atomically) }
        progress?(TransferProgress(bytes: result.bytes, total: result.bytes))
        return DownloadResult(bytes: result.bytes, format: result.format, contentType: result.format.mimeType)
    }

    /// Takes a WAV and writes it in every form the greeting has (else the forms the other
    /// greetings have, else voicemail.conf's `format=`), each through sox into Asterisk's
    /// 8 kHz mono, each crash-safe.
    public func uploadGreeting(
        _ type: GreetingType, mailbox: String?, from file: URL, progress: ProgressHandler?
    ) async throws -> GreetingInfo {
        let box = try resolve(mailbox)
        guard let data = try? Data(contentsOf: file) else {
            throw VoicemailError.localFile(path: file.path, reason: "cannot read the file")
        }
        switch AudioProbe.inspect(data) {
        case .success(let report) where report.format == .wav:
            guard report.duration <= Double(VoicemailLimits.maxDurationSeconds) else {
                throw VoicemailError.tooLong(reason: "\(Int(report.duration)) s, at most \(VoicemailLimits.maxDurationSeconds) s")
            }
        case .success:
            throw VoicemailError.unsupportedMediaType(reason: "a greeting for Asterisk must be a WAV file")
        case .failure(let failure):
            throw VoicemailError.localFile(path: file.path, reason: "not a usable WAV file (\(failure))")
        }
        let forms = uploadForms(type, in: box)
        let directory = layout.mailbox(box)
        try mapped(box) {
            try FolderLock.withLock(directory, timeout: lockSeconds, creation: .likeFolder) {
                for form in forms {
                    let temporary = directory.appendingPathComponent(DurableFiles.temporaryPrefix + UUID().uuidString)
                    defer { try? DurableFiles.remove(temporary) }
                    try audio.convert(file, form: .wav, to: temporary, output: form)
                    FileCreation.likeFolder.adopt(path: temporary.path, in: directory.path)
                    try DurableFiles.fsyncFile(temporary)
                    try DurableFiles.renameWithoutSync(temporary, to: greetingFile(type.spoolName, form, in: box))
                }
                try DurableFiles.syncDirectory(directory)
            }
        }
        progress?(TransferProgress(bytes: Int64(data.count), total: Int64(data.count)))
        notify([box])
        return info(type, in: box)
    }

    func uploadForms(_ type: GreetingType, in mailbox: String) -> [AudioForm] {
        let own = greetingForms(type.spoolName, in: mailbox)
        if !own.isEmpty { return own }
        for other in GreetingType.allCases.map(\.spoolName) {
            let forms = greetingForms(other, in: mailbox)
            if !forms.isEmpty { return forms }
        }
        return conf?.audioForms ?? [.wav]
    }

    public func resetGreeting(_ type: GreetingType, mailbox: String?) async throws -> GreetingInfo {
        let box = try resolve(mailbox)
        let directory = layout.mailbox(box)
        try mapped(box) {
            try FolderLock.withLock(directory, timeout: lockSeconds, creation: .likeFolder) {
                for name in SpoolFiles.names(in: directory) where Self.isGreetingFile(name, type.spoolName) {
                    try DurableFiles.remove(directory.appendingPathComponent(name))
                }
                try DurableFiles.syncDirectory(directory)
            }
        }
        notify([box])
        return GreetingInfo(type: type, present: false)
    }

    /// Every form of `source` copied over `destination` under the mailbox's lock, each file
    /// durably and owned like the mailbox's other files; forms of `destination` the source
    /// lacks are removed, so Asterisk never plays the old greeting in some other format.
    public func copyGreeting(_ source: GreetingType, to destination: GreetingType, mailbox: String?) async throws -> GreetingInfo {
        let box = try resolve(mailbox)
        guard source != destination else {
            throw VoicemailError.badRequest(reason: "a greeting cannot be copied onto itself")
        }
        let directory = layout.mailbox(box)
        try mapped(box) {
            try FolderLock.withLock(directory, timeout: lockSeconds, creation: .likeFolder) {
                let forms = greetingForms(source.spoolName, in: box)
                guard !forms.isEmpty else {
                    throw VoicemailError.notFound(what: "greeting \(source.rawValue)", reason: "the PBX default is in use: nothing to copy")
                }
                for form in forms {
                    try DurableFiles.copy(
                        greetingFile(source.spoolName, form, in: box), to: greetingFile(destination.spoolName, form, in: box),
                        creation: .likeFolder)
                }
                let kept = Set(forms.map { destination.spoolName + "." + $0.fileExtension })
                for name in SpoolFiles.names(in: directory) where Self.isGreetingFile(name, destination.spoolName) && !kept.contains(name) {
                    try DurableFiles.remove(directory.appendingPathComponent(name))
                }
                try DurableFiles.syncDirectory(directory)
            }
        }
        notify([box])
        return info(destination, in: box)
    }

    /// "busy.wav", "busy.WAV", "busy.gsm": the base name, one dot, an extension.
    static func isGreetingFile(_ name: String, _ base: String) -> Bool {
        guard name.hasPrefix(base + ".") else { return false }
        let ext = name.dropFirst(base.count + 1)
        return !ext.isEmpty && !ext.contains(".") && !ext.contains("/")
    }
}
