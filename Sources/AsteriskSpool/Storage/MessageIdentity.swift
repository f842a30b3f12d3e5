import Foundation

/// Ids for messages. Asterisk 11 and later write `msg_id` (`<epoch>-<8 hex>`); older files
/// have none, and a renumbered file name is no identity. Such a message gets an id made from
/// its origtime and a hash of its `.txt`, which Asterisk copies verbatim when it moves or
/// forwards a message, so the id survives renumbering and moves.
enum MessageIdentity {
    static func id(for info: MessageInfo, text: Data) -> String {
        if let msgID = info.msgID, isUsable(msgID) { return msgID }
        let time = info["origtime"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        return "legacy-\(time)-" + String(format: "%08x", fnv1a(text))
    }

    /// Ids travel through command lines and URLs: keep them to a safe alphabet.
    static func isUsable(_ id: String) -> Bool {
        id.count <= 80 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// Two messages of one mailbox with the same id (a message forwarded to its own mailbox
    /// keeps its msg_id): the later ones in scan order get `~2`, `~3`, ….
    static func disambiguate(_ ids: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return ids.map { id in
            let count = (seen[id] ?? 0) + 1
            seen[id] = count
            return count == 1 ? id : "\(id)~\(count)"
        }
    }

    static func fnv1a(_ data: Data) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in data {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}
