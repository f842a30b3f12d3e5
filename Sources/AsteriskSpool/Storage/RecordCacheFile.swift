import AsteriskSpoolFormat
import FoundationEssentials
import Glibc
import VoicemailModel

/// The identity of one `.txt` as the file system tells it: the same device, inode, size and
/// modification time (nanoseconds) is the same text. A rename (Asterisk renumbering a folder)
/// keeps all four, so a renumbered message is not read again; an edit in place changes the
/// modification time, and a file written anew and renamed over has another inode.
struct TextFileKey: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

/// One `.txt`'s record, held by reference: a listing copies messages around many times.
final class RecordBox: Sendable {
    let record: MessageRecord

    init(_ record: MessageRecord) {
        self.record = record
    }
}

/// What one `.txt` said, with what it must still match to be believed: its size, its
/// modification time and the audio extensions beside it (a record's format follows them).
struct CachedText: Sendable {
    var key: TextFileKey
    var size: Int64
    var modified: Int64
    var audio: [String]
    /// Shared, not copied: thousands of messages pass through sorts and pages.
    var box: RecordBox
    var record: MessageRecord { box.record }

    func matches(_ status: stat, audio extensions: [String]) -> Bool {
        size == Int64(status.st_size) && modified == Self.modificationTime(status) && audio == extensions
    }

    static func modificationTime(_ status: stat) -> Int64 {
        Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
    }
}

/// What a mailbox's `.txt` files said, kept between runs in one private file per mailbox
/// (`<cache directory>/spool-<hash>.cache`, mode 0600 in a 0700 folder), so a second `list`
/// of a 10,000-message mailbox costs a directory listing and one `lstat` per message instead
/// of opening and parsing every file. Nothing in it is believed without the file system's
/// word: every entry is checked against its `.txt`'s `lstat` (see `CachedText`) before use.
/// A cache file that cannot be read, is not ours alone, or is not whole is ignored; a failure
/// to write one is ignored too (the spool is the truth, the cache only saves time).
struct RecordCacheFile: Sendable {
    let path: String
    let directory: String
    /// The mailbox folder the file is about: a cache of another is never loaded.
    let mailboxPath: String

    static let header = "vmtui spool cache 1"

    init(directory: URL, mailboxPath: String) {
        self.directory = directory.path
        self.mailboxPath = mailboxPath
        path = directory.appendingPathComponent("spool-\(Self.hash(mailboxPath)).cache").path
    }

    /// FNV-1a, 64 bits: a file name per mailbox path (the path itself is checked inside).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: Reading

    /// The entries, or none when the file is missing, not a private regular file of this
    /// user, about another mailbox, or not whole.
    func load() -> [CachedText] {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == getuid(),
            status.st_mode & 0o077 == 0, status.st_size < 256 << 20
        else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            guard got > 0 else { return [] }
            filled += got
        }
        return Self.decode(bytes, mailboxPath: mailboxPath) ?? []
    }

    /// Parsed straight from the bytes (no array of lines or fields, numbers never made into
    /// text): the file of a 10,000-message mailbox decodes in a few milliseconds.
    static func decode(_ bytes: [UInt8], mailboxPath: String) -> [CachedText]? {
        bytes.withUnsafeBufferPointer { buffer -> [CachedText]? in
            let newline = UInt8(ascii: "\n")
            // A header naming this mailbox, the entries, the count, and the final newline.
            guard let headerEnd = buffer.firstIndex(of: newline), buffer.last == newline,
                String(decoding: buffer[0..<headerEnd], as: UTF8.self) == header + "\t" + escape(mailboxPath)
            else { return nil }
            let lastStart = (buffer[..<(buffer.count - 1)].lastIndex(of: newline) ?? -1) + 1
            guard lastStart > headerEnd, buffer[lastStart..<(buffer.count - 1)].starts(with: Array("end\t".utf8)),
                let count = Int(String(decoding: buffer[(lastStart + 4)..<(buffer.count - 1)], as: UTF8.self))
            else { return nil }
            var entries: [CachedText] = []
            entries.reserveCapacity(count)
            var fields: [Range<Int>] = []
            var audioLists = AudioLists()
            fields.reserveCapacity(17)
            var lineStart = headerEnd + 1
            while lineStart < lastStart {
                guard let lineEnd = buffer[lineStart..<lastStart].firstIndex(of: newline) else { return nil }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = lineStart
                for index in lineStart..<lineEnd where buffer[index] == UInt8(ascii: "\t") {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                fields.append(fieldStart..<lineEnd)
                guard let entry = entry(buffer, fields, &audioLists) else { return nil }
                entries.append(entry)
                lineStart = lineEnd + 1
            }
            return entries.count == count ? entries : nil
        }
    }

    /// The audio lists of a cache file, each made once: thousands of entries share a few.
    struct AudioLists {
        var made: [String: [String]] = [:]

        mutating func list(_ field: String) -> [String] {
            if let list = made[field] { return list }
            let list = field.isEmpty ? [] : field.split(separator: "/").map(String.init)
            made[field] = list
            return list
        }
    }

    private static func entry(_ buffer: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>], _ audioLists: inout AudioLists) -> CachedText? {
        guard fields.count == 17 else { return nil }
        func text(_ index: Int) -> String { unescape(String(decoding: buffer[fields[index]], as: UTF8.self)) }
        func optionalText(_ index: Int) -> String? {
            let range = fields[index]
            guard !range.isEmpty, buffer[range.lowerBound] == UInt8(ascii: "=") else { return nil }
            return unescape(String(decoding: buffer[(range.lowerBound + 1)..<range.upperBound], as: UTF8.self))
        }
        func number(_ index: Int) -> Int64? { Int64(String(decoding: buffer[fields[index]], as: UTF8.self)) }
        func unsigned(_ index: Int) -> UInt64? { UInt64(String(decoding: buffer[fields[index]], as: UTF8.self)) }
        guard let device = unsigned(0), let inode = unsigned(1), let size = number(2), let modified = number(3),
            let origin = number(10), let duration = number(11), let format = AudioFormat(rawValue: text(16))
        else { return nil }
        let audio = text(4)
        let record = MessageRecord(
            cachedID: text(5), idWasStored: text(6) == "1", originalMailbox: text(7),
            callerID: CallerID(name: optionalText(8), number: text(9)), originTime: Date(timeIntervalSince1970: Double(origin)),
            duration: Int(duration), urgent: text(12) == "1", subject: optionalText(13), transcription: optionalText(14),
            format: format, category: text(15))
        return CachedText(
            key: TextFileKey(device: device, inode: inode), size: size, modified: modified,
            audio: audioLists.list(audio), box: RecordBox(record))
    }

    // MARK: Writing

    /// Replaces the file with `entries` (a new private file renamed over the old one); any
    /// failure leaves the old file or none, never half of one that would be believed.
    func save(_ entries: [CachedText]) {
        guard Self.makePrivateDirectory(directory) else { return }
        var text = Self.header + "\t" + Self.escape(mailboxPath) + "\n"
        text.reserveCapacity(entries.count * 160)
        for entry in entries { text += Self.line(entry) }
        text += "end\t\(entries.count)\n"
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        var written = true
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + done, $0.count - done) }
            guard wrote > 0 else {
                written = false
                break
            }
            done += wrote
        }
        bytes = []
        if close(descriptor) != 0 { written = false }
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    private static func line(_ entry: CachedText) -> String {
        let record = entry.record
        let fields: [String] = [
            String(entry.key.device), String(entry.key.inode), String(entry.size), String(entry.modified),
            entry.audio.joined(separator: "/"), record.id, record.idWasStored ? "1" : "0", record.originalMailbox,
            optional(record.callerID.name), record.callerID.number, String(Int(record.originTime.timeIntervalSince1970)),
            String(record.duration), record.urgent ? "1" : "0", optional(record.subject), optional(record.transcription),
            record.category, record.format.rawValue,
        ]
        return fields.map(escape).joined(separator: "\t") + "\n"
    }

    /// The cache folder made private (0700) when it is new; an existing one must be ours.
    static func makePrivateDirectory(_ path: String) -> Bool {
        var parent = ""
        for component in path.split(separator: "/") {
            parent += "/" + component
            if mkdir(parent, 0o700) != 0, errno != EEXIST { return false }
        }
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR && status.st_uid == getuid()
    }

    // MARK: Fields

    /// nil is "-", a value is "=value": an empty subject and none differ.
    private static func optional(_ value: String?) -> String { value.map { "=" + $0 } ?? "-" }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") })
        else { return text }
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        var out = ""
        var escaped = false
        for character in text.unicodeScalars {
            if escaped {
                out += character == "t" ? "\t" : character == "n" ? "\n" : String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
