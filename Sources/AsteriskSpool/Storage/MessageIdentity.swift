/// Ids for messages. Asterisk 11 and later write `msg_id` (`<epoch>-<8 hex>`); older files
/// have none, and a renumbered file name is no identity: such a message gets the spool
/// library's derived id (its origtime and a hash of its `.txt`, which Asterisk copies verbatim
/// when it moves or forwards a message), the same id pbx-sim gives it.
enum MessageIdentity {
    /// Two messages of one mailbox with the same id (a message forwarded to its own mailbox
    /// keeps its msg_id): the later ones in scan order get `~2`, `~3`, …, until a change to the
    /// mailbox lets recovery write them a msg_id of their own.
    static func disambiguate(_ ids: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return ids.map { id in
            let count = (seen[id] ?? 0) + 1
            seen[id] = count
            return count == 1 ? id : "\(id)~\(count)"
        }
    }

    /// The same for messages in scan order, in place; nothing is copied when no id repeats.
    static func disambiguate(_ messages: inout [SpoolMessage]) {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(messages.count)
        var repeated: [Int] = []
        for index in messages.indices {
            let count = (seen[messages[index].id] ?? 0) + 1
            seen[messages[index].id] = count
            if count > 1 { repeated.append(index) }
        }
        guard !repeated.isEmpty else { return }
        let ids = disambiguate(messages.map(\.id))
        for index in repeated { messages[index].id = ids[index] }
    }
}
