import Glibc

/// Who owns a file or folder the spool code creates, and with which mode.
package enum FileCreation: Sendable {
    /// pbx-sim's own data: files 0600, directories 0700, owned by whoever runs it (the spool
    /// holds other people's voicemail, users.json holds passwords).
    case `private`
    /// As app_voicemail makes them in a spool it owns: a file gets the mode of the folder's
    /// existing message files (else 0666 less the umask, as Asterisk's VOICEMAIL_FILE_MODE), a
    /// folder the mode of its sibling folders (else 0777 less the umask); both get the owner and
    /// group of the folder they are made in. So `sudo vmtui …` on the PBX host never leaves a
    /// root-owned file that Asterisk's user cannot rename or delete.
    case likeFolder

    var createMode: mode_t { self == .private ? DurableFiles.fileMode : 0o666 }
    var directoryCreateMode: mode_t { self == .private ? DurableFiles.directoryMode : 0o777 }

    /// Gives a freshly created file (open as `fd`, to be named `name` in `directory`) its owner
    /// and mode.
    func adopt(_ fd: Int32, in directory: String, name: String) {
        guard self == .likeFolder, let folder = DurableFiles.lstatus(path: directory) else { return }
        if let mode = Self.siblingFileMode(in: directory, excluding: name) { fchmod(fd, mode) }
        if geteuid() == 0, folder.st_uid != geteuid() || folder.st_gid != getegid() {
            fchown(fd, folder.st_uid, folder.st_gid)
        }
    }

    /// The same for a file already made by someone else (sox's output), by path.
    package func adopt(path: String, in directory: String) {
        guard self == .likeFolder else { return }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        adopt(fd, in: directory, name: "")
    }

    /// A folder just made (`path`) in `parent`.
    func adoptDirectory(_ path: String, in parent: String) {
        switch self {
        case .private:
            // The umask may have taken bits away; never added any.
            chmod(path, DurableFiles.directoryMode)
        case .likeFolder:
            guard let owner = DurableFiles.lstatus(path: parent) else { return }
            if let mode = Self.siblingDirectoryMode(in: parent, excluding: path) { chmod(path, mode) }
            if geteuid() == 0, owner.st_uid != geteuid() || owner.st_gid != getegid() {
                lchown(path, owner.st_uid, owner.st_gid)
            }
        }
    }

    /// The permission bits of a message file already in the folder (`msg….txt` first).
    static func siblingFileMode(in directory: String, excluding name: String) -> mode_t? {
        var fallback: mode_t?
        for entry in DirectoryNames(directory) where entry.hasPrefix("msg") && entry != name {
            guard let info = DurableFiles.lstatus(path: directory + "/" + entry), (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if entry.hasSuffix(".txt") { return info.st_mode & 0o777 }
            fallback = fallback ?? info.st_mode & 0o777
        }
        return fallback
    }

    static func siblingDirectoryMode(in parent: String, excluding path: String) -> mode_t? {
        for entry in DirectoryNames(parent) where !entry.hasPrefix(".") && parent + "/" + entry != path {
            guard let info = DurableFiles.lstatus(path: parent + "/" + entry), (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            return info.st_mode & 0o7777
        }
        return nil
    }
}

/// The names in a directory (without `.` and `..`), read with one readdir pass.
package struct DirectoryNames: Sequence {
    let path: String

    package init(_ path: String) { self.path = path }

    package func makeIterator() -> IndexingIterator<[String]> {
        var names: [String] = []
        guard let directory = opendir(path) else { return names.makeIterator() }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.makeIterator()
    }
}
