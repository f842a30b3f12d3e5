import AsteriskSpoolFormat
import Dispatch
import Glibc

/// One folder's message files from one directory listing, with the folder kept open so each
/// `.txt` is looked at by its name in it (`fstatat`), not by a path walked from `/` each time.
final class FolderFiles {
    let path: String
    /// The open folder; -1 when it could not be opened (then nothing is listed).
    let descriptor: Int32
    /// The `.txt` numbers, ascending.
    private(set) var texts: [Int] = []
    /// The audio extensions of each number as listed (index = number).
    private(set) var audio: [[String]] = []

    init(path: String) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        // fdopendir takes its descriptor for good: it gets a copy, ours stays for fstatat.
        let listing = dup(descriptor)
        guard listing >= 0, let directory = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            return
        }
        defer { closedir(directory) }
        audio = Array(repeating: [], count: SpoolLayout.maxMessagesPerFolder)
        var single: [[String]] = []
        while let entry = readdir(directory) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = UnsafeRawBufferPointer(rebasing: raw.prefix(while: { $0 != 0 }))
                guard let number = Self.number(name) else { return }
                let ext = UnsafeRawBufferPointer(rebasing: name[8...])
                if ext.elementsEqual("txt".utf8) {
                    texts.append(number)
                } else if audio[number].isEmpty, let alone = single.first(where: { $0[0].utf8.elementsEqual(ext) }) {
                    // Most messages have one audio file of the folder's usual form: one array
                    // shared by all of them, not one made for each.
                    audio[number] = alone
                } else {
                    let name = String(decoding: ext, as: UTF8.self)
                    if audio[number].isEmpty, single.count < 8 { single.append([name]) }
                    audio[number].append(name)
                }
            }
        }
        texts.sort()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// `msgNNNN.<ext>` (four digits, an extension with no further dot, as
    /// `SpoolLayout.parseFileName` reads it) numbered below Asterisk's limit: its number.
    static func number(_ name: UnsafeRawBufferPointer) -> Int? {
        guard name.count > 8, name[0] == UInt8(ascii: "m"), name[1] == UInt8(ascii: "s"), name[2] == UInt8(ascii: "g"),
            name[7] == UInt8(ascii: "."), !name[8...].contains(UInt8(ascii: "."))
        else { return nil }
        var number = 0
        for index in 3..<7 {
            let digit = name[index]
            guard digit >= 48, digit <= 57 else { return nil }
            number = number * 10 + Int(digit - 48)
        }
        return number < SpoolLayout.maxMessagesPerFolder ? number : nil
    }

    /// The file's status, not following a symbolic link; nil when it is gone.
    func status(of name: String) -> stat? {
        var status = stat()
        let found = descriptor >= 0
            ? fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) : lstat(path + "/" + name, &status)
        return found == 0 ? status : nil
    }

    /// The status of each `.txt`, in the order of `texts` (nil: gone meanwhile). A big
    /// folder's are asked for on every core at once: with the cache warm, these thousands of
    /// `fstatat` are most of what a listing costs.
    func textStatuses() -> [stat?] {
        let count = texts.count
        guard descriptor >= 0 else { return texts.map { self.status(of: SpoolLayout.baseName($0) + ".txt") } }
        var statuses = Array(repeating: stat(), count: count)
        var found = Array(repeating: false, count: count)
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let parts = count >= 2048 ? max(1, min(4, cores)) : 1
        let descriptor = self.descriptor
        let texts = self.texts
        statuses.withUnsafeMutableBufferPointer { statuses in
            found.withUnsafeMutableBufferPointer { found in
                // Each part writes only its own indices.
                let out = StatusBuffers(statuses: statuses.baseAddress!, found: found.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    for index in (count * part / parts)..<(count * (part + 1) / parts) {
                        let name = SpoolLayout.baseName(texts[index]) + ".txt"
                        out.found[index] = fstatat(descriptor, name, out.statuses + index, AT_SYMLINK_NOFOLLOW) == 0
                    }
                }
            }
        }
        return (0..<count).map { found[$0] ? statuses[$0] : nil }
    }

    /// Audio extensions of `number`, sorted.
    func audioExtensions(_ number: Int) -> [String] {
        guard number < audio.count else { return [] }
        let extensions = audio[number]
        return extensions.count < 2 ? extensions : extensions.sorted()
    }

    /// Numbers → extensions, as the writer renumbers with them.
    var audioByNumber: [Int: [String]] {
        var byNumber: [Int: [String]] = [:]
        for (number, extensions) in audio.enumerated() where !extensions.isEmpty { byNumber[number] = extensions }
        return byNumber
    }
}

/// Where the parts of `FolderFiles.textStatuses` write (disjoint indices, joined before use).
private struct StatusBuffers: @unchecked Sendable {
    let statuses: UnsafeMutablePointer<stat>
    let found: UnsafeMutablePointer<Bool>
}
