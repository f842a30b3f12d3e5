import Foundation
import Synchronization

/// A PBX that speaks only what Wildix documents publicly, as a loopback server: list (string
/// `total`), `PUT /{id}` that ignores any body and marks read, `DELETE /{ids}/`, session login
/// answering `result:null` with a cookie not named PHPSESSID, `personal/info`, audio at the
/// spool URL each record carries. Every other call (one message, forward, greetings,
/// Mailboxes, `/{id}/file`) is 404. It records every request, so tests can prove what was
/// never sent.
final class DocumentedWildixPBX: @unchecked Sendable {
    struct Record: Sendable {
        var id: String
        var folder: String
        var callerid: String
        var origtime: Int
        var seconds: Int
        var flag: String = ""
    }

    /// `pretendsExtensions`: answers GET Mailboxes and GET /{id} too, while still ignoring
    /// PUT bodies (a server vmtui mistakes for one that has the whole contract).
    let pretendsExtensions: Bool
    private let state: Mutex<[Record]>
    private let seen = Mutex<[CannedRequest]>([])
    /// Message id → the id whose audio its spool URL serves (a renumbered spool).
    private let swappedAudio = Mutex<[String: String]>([:])
    private var server: CannedHTTPServer!

    static let token = "wildix-token"
    static let cookie = "WSESSID=c0ffee42"

    var baseURL: URL { server.baseURL }

    init(records: [Record] = DocumentedWildixPBX.standardRecords, pretendsExtensions: Bool = false) throws {
        self.pretendsExtensions = pretendsExtensions
        state = Mutex(records)
        server = try CannedHTTPServer(.handler { [unowned self] in self.answer($0) })
    }

    func stop() { server.stop() }

    static let standardRecords = [
        Record(id: "1764230100-00000001", folder: "INBOX", callerid: "\"Bob Nguyen\" <102>", origtime: 1_764_230_100, seconds: 3),
        Record(id: "1764230200-00000002", folder: "Urgent", callerid: "\"Dana K\" <103>", origtime: 1_764_230_200, seconds: 2, flag: "Urgent"),
        Record(id: "1764230300-00000003", folder: "Cust1", callerid: "<+4420794600>", origtime: 1_764_230_300, seconds: 4),
        Record(id: "1764230400-00000004", folder: "Old", callerid: "\"Sam\" <104>", origtime: 1_764_230_400, seconds: 5),
    ]

    var requests: [CannedRequest] { seen.withLock { $0 } }

    func records() -> [Record] { state.withLock { $0 } }

    /// From now on `id`'s spool URL serves `other`'s audio.
    func swapAudio(of id: String, with other: String) { swappedAudio.withLock { $0[id] = other } }

    // MARK: Answers

    private func answer(_ request: CannedRequest) -> CannedResponse {
        seen.withLock { $0.append(request) }
        if request.method == "POST", request.path == "/api/v1/personal/login" { return login(request) }
        guard authorized(request) else {
            return .json(401, #"{"type":"error","reason":"Unauthorized","result":null}"#)
        }
        let path = request.path
        switch (request.method, path) {
        case ("GET", "/api/v1/VoiceMail"):
            return list(request)
        case ("GET", "/api/v1/personal/info"):
            return .json(200, #"{"type":"result","result":{"extension":"101","name":"Alice Martin","email":"a@example.com"}}"#)
        case ("GET", "/api/v1/VoiceMail/Mailboxes") where pretendsExtensions:
            return .json(200, #"{"type":"result","result":{"total":1,"records":[{"mailbox":"101","name":"Alice"}]}}"#)
        default:
            break
        }
        let prefix = "/api/v1/VoiceMail/"
        if path.hasPrefix(prefix) {
            let rest = String(path.dropFirst(prefix.count))
            if request.method == "PUT", !rest.contains("/") { return markRead(rest) }
            if request.method == "DELETE", rest.hasSuffix("/"), rest.dropLast().contains("/") == false {
                return delete(rest.dropLast().split(separator: ",").map(String.init))
            }
            if request.method == "GET", pretendsExtensions, !rest.contains("/"),
                let record = records().first(where: { $0.id == rest })
            {
                return .json(200, #"{"type":"result","result":"# + json(record) + "}")
            }
        }
        if request.method == "GET", path.hasPrefix("/spoolview/voicemail/default/101/") { return audio(path) }
        return .json(404, #"{"type":"error","reason":"Not found","result":null}"#)
    }

    private func authorized(_ request: CannedRequest) -> Bool {
        if request.header("authorization") == "Bearer \(Self.token)" { return true }
        let cookies = request.header("cookie")?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        return cookies.contains(Self.cookie)
    }

    private func login(_ request: CannedRequest) -> CannedResponse {
        let form = String(decoding: request.body, as: UTF8.self)
        guard form.contains("login=101"), form.contains("password=secret") else {
            return .json(401, #"{"type":"error","reason":"Wrong login or password","result":null}"#)
        }
        return .json(
            200, #"{"type":"result","result":null}"#,
            headers: ["Set-Cookie: \(Self.cookie); Path=/; HttpOnly", "Set-Cookie: lb=node2; Path=/"])
    }

    private func list(_ request: CannedRequest) -> CannedResponse {
        let query = request.query
        var records = records()
        if let folder = query["filter[folder]"] { records = records.filter { $0.folder.lowercased() == folder.lowercased() } }
        records.sort { $0.origtime > $1.origtime }
        let total = records.count
        let start = Int(query["start"] ?? "0") ?? 0
        let count = Int(query["count"] ?? "100") ?? 100
        let page = records.dropFirst(start).prefix(count)
        let body = #"{"type":"result","result":{"total":"\#(total)","records":["# + page.map(json).joined(separator: ",") + "]}}"
        return .json(200, body)
    }

    private func markRead(_ id: String) -> CannedResponse {
        let found = state.withLock { records -> Bool in
            guard let index = records.firstIndex(where: { $0.id == id }) else { return false }
            if ["INBOX", "Urgent"].contains(records[index].folder) { records[index].folder = "Old" }
            return true
        }
        return found
            ? .json(200, #"{"type":"result","result":null}"#)
            : .json(404, #"{"type":"error","reason":"Voicemail not found","result":null}"#)
    }

    private func delete(_ ids: [String]) -> CannedResponse {
        state.withLock { records in records.removeAll { ids.contains($0.id) } }
        return .json(200, #"{"type":"result","result":null}"#)
    }

    private func audio(_ path: String) -> CannedResponse {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        guard let record = records().first(where: { "msg\($0.id).wav" == name }) else {
            return .json(404, #"{"type":"error","reason":"Not found","result":null}"#)
        }
        let servedID = swappedAudio.withLock { $0[record.id] } ?? record.id
        let served = records().first { $0.id == servedID } ?? record
        return CannedResponse(status: 200, headers: ["Content-Type: audio/wav"], body: Self.wav(seconds: served.seconds))
    }

    private func json(_ record: Record) -> String {
        let size = Self.wav(seconds: record.seconds).count
        return """
            {"id":"\(record.id)","folder":"\(record.folder)","callerid":\(jsonString(record.callerid)),\
            "origtime":"\(record.origtime)","duration":"\(record.seconds)","flag":"\(record.flag)","size":"\(size)",\
            "url":"/spoolview/voicemail/default/101/\(record.folder)/msg\(record.id).wav"}
            """
    }

    private func jsonString(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// A 16-bit mono 8 kHz WAV of `seconds` (a quiet ramp, so it is not all zeros).
    static func wav(seconds: Int) -> Data {
        let dataSize = seconds * 8000 * 2
        func le32(_ v: Int) -> Data { withUnsafeBytes(of: UInt32(v).littleEndian) { Data($0) } }
        func le16(_ v: Int) -> Data { withUnsafeBytes(of: UInt16(v).littleEndian) { Data($0) } }
        var data = Data("RIFF".utf8) + le32(36 + dataSize) + Data("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1)
        data += le32(8000) + le32(16000) + le16(2) + le16(16) + Data("data".utf8) + le32(dataSize)
        var samples = Data(count: dataSize)
        for i in stride(from: 0, to: dataSize, by: 2) { samples[i] = UInt8((i / 2) % 64) }
        return data + samples
    }
}
