import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Reads the simulator's state over HTTP, independently of vmtui, to check what the
/// screen did really reached the server.
struct PBXProbe {
    let baseURL: URL
    let token: String

    func get(_ pathAndQuery: String) throws -> Any {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + pathAndQuery)!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 30
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, _, error in
            box.data = data
            box.error = error
            done.signal()
        }.resume()
        done.wait()
        if let error = box.error { throw error }
        let json = try JSONSerialization.jsonObject(with: box.data ?? Data())
        return (json as? [String: Any])?["result"] as Any
    }

    /// Messages of one folder of the token owner's mailbox.
    func messages(folder: String) throws -> [[String: Any]] {
        let result = try get("/api/v1/VoiceMail?filter%5Bfolder%5D=\(folder)&count=1000")
        return ((result as? [String: Any])?["records"] as? [[String: Any]]) ?? []
    }

    /// Unread counts per folder of the token owner's mailbox.
    /// Unread messages per phone folder as the screen's badges count them: "INBOX" (New)
    /// includes the urgent new messages Asterisk keeps in Urgent, as the phone does.
    func unreadCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for folder in ["INBOX", "Old", "Work", "Family", "Friends", "Urgent"] {
            counts[folder] = try messages(folder: folder).filter { ($0["read"] as? Bool) == false }.count
        }
        counts["INBOX", default: 0] += counts.removeValue(forKey: "Urgent") ?? 0
        return counts
    }
}

private final class ResultBox: @unchecked Sendable {
    var data: Data?
    var error: Error?
}
