import VoicemailModel

extension MessageQuery {
    /// Whether `a` comes strictly before `b` in this query's order, by the sort field alone:
    /// backends break ties differently, so a tie keeps the order the lists came in.
    /// (No locale-aware comparison: the screen's path stays clear of ICU.)
    func places(_ a: VoicemailMessage, before b: VoicemailMessage) -> Bool {
        let ascending: Bool
        switch sort {
        case .date:
            guard a.date != b.date else { return false }
            ascending = a.date < b.date
        case .duration:
            guard a.duration != b.duration else { return false }
            ascending = a.duration < b.duration
        case .callerNumber:
            guard a.callerNumber != b.callerNumber else { return false }
            ascending = a.callerNumber < b.callerNumber
        case .callerName:
            let (x, y) = ((a.callerName ?? "").lowercased(), (b.callerName ?? "").lowercased())
            guard x != y else { return false }
            ascending = x < y
        }
        return direction == .ascending ? ascending : !ascending
    }

    /// Two lists, each already in this query's order (as the backend answered), as one list in
    /// that order; on a tie `first`'s message comes first.
    func merge(_ first: [VoicemailMessage], _ second: [VoicemailMessage]) -> [VoicemailMessage] {
        guard !first.isEmpty, !second.isEmpty else { return first + second }
        var merged: [VoicemailMessage] = []
        merged.reserveCapacity(first.count + second.count)
        var i = first.startIndex
        var j = second.startIndex
        while i < first.endIndex, j < second.endIndex {
            if places(second[j], before: first[i]) {
                merged.append(second[j])
                j += 1
            } else {
                merged.append(first[i])
                i += 1
            }
        }
        merged += first[i...]
        merged += second[j...]
        return merged
    }
}
