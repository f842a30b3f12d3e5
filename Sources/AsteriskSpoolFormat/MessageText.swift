import FoundationEssentials
import Glibc

/// Reading one `msgNNNN.txt` safely: a regular file only (never through a symbolic link), and
/// at most `limit` bytes, so a hostile file cannot make a listing slow or large. Asterisk's
/// own files are a few hundred bytes; pbx-sim's, with a 20,000-character transcription, stay
/// well under the limit.
package enum MessageText {
    package static let limit = 256 * 1024

    package enum Outcome: Equatable {
        case text(Data)
        /// Larger than `limit`: not read.
        case tooLarge(Int)
        /// A symbolic link, a directory, a device…: not read.
        case notRegular
        case unreadable(String)
    }

    package static func read(path: String) -> Outcome {
        read(path: path, status: nil)
    }

    /// One open, one fstat, one read (for a file of the size fstat says). `status`, when
    /// given, receives the file's status as opened (a cache keys on it: no second stat).
    package static func read(path: String, status: UnsafeMutablePointer<stat>?) -> Outcome {
        let fd: Int32
        let info: stat
        do {
            (fd, info) = try DurableFiles.openRegularWithStatus(path)
        } catch let error as DurableFiles.IOError {
            return error.description.contains("not a regular file") ? .notRegular : .unreadable(error.description)
        } catch {
            return .unreadable("\(error)")
        }
        defer { close(fd) }
        status?.pointee = info
        guard Int(info.st_size) <= limit else { return .tooLarge(Int(info.st_size)) }
        // Room for what fstat said plus one byte, to notice a file that grew (never past the limit).
        let capacity = min(Int(info.st_size), limit) + 1
        var data = Data(count: capacity)
        var total = 0
        while total < capacity {
            let count = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, capacity - total) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            total += count
            // All that fstat promised: done in one read (a file replaced meanwhile is a new
            // inode; one appended to in place changes size and ctime, which the caller's cache
            // key sees on the next read).
            if total == Int(info.st_size) { break }
        }
        // It grew while being read: read on, up to the limit.
        if total == capacity {
            guard capacity <= limit else { return .tooLarge(total) }
            while total <= limit {
                data.count = min(limit + 1, max(total * 2, 4096))
                let count = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return .unreadable(String(cString: strerror(errno)))
                }
                if count == 0 { break }
                total += count
            }
            guard total <= limit else { return .tooLarge(total) }
        }
        data.count = total
        return .text(data)
    }

    /// The text of the bytes: UTF-8, else Latin-1 (older systems wrote names that way).
    package static func decode(_ data: Data) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: data.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    /// One line for a file that was not read.
    package static func problem(_ outcome: Outcome, name: String) -> String? {
        switch outcome {
        case .text: nil
        case .tooLarge(let size): "\(name) is \(size / 1024) KiB, larger than a message file can be (\(limit / 1024) KiB); not read"
        case .notRegular: "\(name) is not a regular file (a symbolic link?); not read"
        case .unreadable(let why): "\(name) cannot be read: \(why)"
        }
    }
}
