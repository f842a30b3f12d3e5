import FoundationEssentials
import Glibc

/// The two changes app_voicemail makes to a folder, made so that a process killed at any
/// instant leaves what `SpoolRecovery` completes or rolls back: a message exists once its
/// `.txt` exists; audio is put in place first and the `.txt` last; renumbering and moves give a
/// file its second name (a hard link) before the first goes. The caller holds the folder's lock.
package enum FolderEdits {
    /// Puts a message at `number` in `folder`: second names of the `audio` files (ext → file
    /// on the same file system), then `text` written as a new file (so its modification time
    /// says it is the newer of two copies of one message). The sources are left as they were.
    package static func place(
        text: Data, audio: [String: URL], at number: Int, in folder: URL, creation: FileCreation
    ) throws {
        let folderPath = folder.path
        let textPath = SpoolLayout.path(in: folderPath, number, "txt")
        // Someone else (Asterisk) filed a message we have not seen: stop, re-read.
        guard DurableFiles.lstatus(path: textPath) == nil else {
            throw DurableFiles.IOError("slot taken in", "\(folder.lastPathComponent)/\(SpoolLayout.baseName(number)).txt", errno: EEXIST)
        }
        for (ext, source) in audio.sorted(by: { $0.key < $1.key }) {
            let target = SpoolLayout.path(in: folderPath, number, ext)
            try DurableFiles.linkWithoutSync(path: source.path, to: target)
            creation.adopt(path: target, in: folderPath)
        }
        // Writing the .txt syncs the folder, which makes the audio names durable too.
        try DurableFiles.write(text, to: URL(fileURLWithPath: textPath), creation: creation)
    }

    /// Removes the messages numbered `doomed` (each with its audio extensions) and shifts the
    /// later ones down so numbers stay contiguous from 0000, as Asterisk does; one folder fsync
    /// for the whole batch. `present` is every message of the folder (number → extensions).
    /// Returns the new number of each message that stays, by old number.
    @discardableResult
    package static func remove(_ doomed: Set<Int>, from folder: URL, present: [Int: [String]]) throws -> [Int: Int] {
        let folderPath = folder.path
        for number in doomed.sorted() {
            // The .txt first: without it what is left is no message to anyone.
            try DurableFiles.remove(path: SpoolLayout.path(in: folderPath, number, "txt"))
            for ext in present[number] ?? [] { try DurableFiles.remove(path: SpoolLayout.path(in: folderPath, number, ext)) }
        }
        var moves: [Int: Int] = [:]
        for (position, number) in present.keys.filter({ !doomed.contains($0) }).sorted().enumerated() {
            moves[number] = position
            if position != number { try renumber(from: number, to: position, extensions: present[number] ?? [], inFolder: folderPath) }
        }
        try DurableFiles.syncDirectory(folder)
        return moves
    }

    /// Gives message `number` the free number `index`: second names first, then the old ones
    /// go, `.txt` before audio, so a crash leaves a duplicate or a second name, never a message
    /// without its audio. No fsync here: the caller syncs the folder once for the whole batch.
    ///
    /// The `.txt` moves with one rename (atomic): before it, the audio has its new name as well
    /// as the old; after it, the old audio names are second names of a kept message.
    package static func renumber(from number: Int, to index: Int, extensions: [String], inFolder folderPath: String) throws {
        for ext in extensions {
            try DurableFiles.linkWithoutSync(
                path: SpoolLayout.path(in: folderPath, number, ext), to: SpoolLayout.path(in: folderPath, index, ext))
        }
        try DurableFiles.renameWithoutSync(
            path: SpoolLayout.path(in: folderPath, number, "txt"), to: SpoolLayout.path(in: folderPath, index, "txt"))
        for ext in extensions {
            try DurableFiles.remove(path: SpoolLayout.path(in: folderPath, number, ext))
        }
    }
}
