import Foundation
@testable import PBXSimulator
import XCTest

final class MessageCallTests: XCTestCase {
    private func fixture() async throws -> SimulatorFixture {
        let fixture = try await SimulatorFixture()
        addTeardownBlock { await fixture.stop() }
        return fixture
    }

    func testListPagingSortingFilterSearchAndErrors() async throws {
        let f = try await fixture()
        let all = try await f.http.get("/api/v1/VoiceMail?count=1000")
        // The demo's 101 has 15 messages (13 + one in Urgent, one in Cust1).
        XCTAssertEqual(all.result["total"] as? String, "15")
        let dates = all.records.compactMap { $0["date"] as? String }.compactMap(ISO8601DateFormatter().date)
        XCTAssertEqual(dates, dates.sorted(by: >), "default: newest first")

        let page = try await f.http.get("/api/v1/VoiceMail?start=2&count=3&sort=date&dir=DESC")
        XCTAssertEqual(page.records.map { $0["id"] as? String }, all.records[2..<5].map { $0["id"] as? String })
        XCTAssertEqual(page.result["total"] as? String, "15")
        let answer1 = try await f.http.get("/api/v1/VoiceMail?start=50")
        XCTAssertEqual(answer1.records.count, 0)

        let byDuration = try await f.http.get("/api/v1/VoiceMail?sort=duration&dir=ASC")
        let durations = byDuration.records.compactMap { $0["duration"] as? Int }
        XCTAssertEqual(durations, durations.sorted())
        XCTAssertEqual(durations.last, 180)

        let byName = try await f.http.get("/api/v1/VoiceMail?sort=callerName&dir=asc")
        let names = byName.records.map { ($0["callerName"] as? String) ?? "" }
        XCTAssertEqual(names, names.sorted { $0.localizedStandardCompare($1) == .orderedAscending })

        let work = try await f.http.get("/api/v1/VoiceMail?filter%5Bfolder%5D=work")
        XCTAssertEqual(work.result["total"] as? String, "3")
        XCTAssertTrue(work.records.allSatisfy { $0["folder"] as? String == "Work" })
        let answer2 = try await f.http.get("/api/v1/VoiceMail?filter%5Bfolder%5D=2")
        XCTAssertEqual(answer2.result["total"] as? String, "3")

        let search = try await f.http.get("/api/v1/VoiceMail?search=TOKYO")
        XCTAssertEqual(search.records.count, 1, "transcription search is case-insensitive")
        let answer3 = try await f.http.get("/api/v1/VoiceMail?search=%2B44")
        XCTAssertEqual(answer3.records.count, 1, "number search")
        let answer4 = try await f.http.get("/api/v1/VoiceMail?search=fwd%3A")
        XCTAssertEqual(answer4.records.count, 1, "subject search")
        let answer5 = try await f.http.get("/api/v1/VoiceMail?search=%E5%B1%B1%E7%94%B0")
        XCTAssertEqual(answer5.records.count, 1, "non-Latin name")

        for bad in ["filter%5Bfolder%5D=Spam", "start=-1", "count=x", "sort=size", "dir=UP", "filter%5Bfolder%5D=9"] {
            expectCode(try await f.http.get("/api/v1/VoiceMail?\(bad)"), "bad_request")
        }
        expectStatus(try await f.http.get("/api/v1/VoiceMail?count=5000"), 200)
        expectCode(try await f.http.get("/api/v1/Nothing"), "not_found")
        expectStatus(try await f.http.send("PATCH", "/api/v1/VoiceMail", headers: Auth.bearer("demo-101").headers), 405)
    }

    func testETagGives304UntilAnythingChanges() async throws {
        let f = try await fixture()
        let first = try await f.http.get("/api/v1/VoiceMail?filter%5Bfolder%5D=INBOX")
        let etag = try XCTUnwrap(first.header("ETag"))
        let again = try await f.http.get("/api/v1/VoiceMail?filter%5Bfolder%5D=INBOX", headers: ["If-None-Match": etag])
        XCTAssertEqual(again.status, 304)
        XCTAssertTrue(again.body.isEmpty)
        let boxes = try await f.http.get("/api/v1/VoiceMail/Mailboxes")
        let boxesTag = try XCTUnwrap(boxes.header("ETag"))
        expectStatus(try await f.http.get("/api/v1/VoiceMail/Mailboxes", headers: ["If-None-Match": boxesTag]), 304)

        // A change made by ANOTHER client, in a folder not even listed, still changes the tag.
        let workID = try await f.ids("101", folder: "Work")[0]
        expectStatus(try await f.http.put("/api/v1/VoiceMail/\(workID)", auth: .bearer("demo-200"), json: #"{"folder":"Family"}"#), 200)
        expectStatus(try await f.http.get("/api/v1/VoiceMail?filter%5Bfolder%5D=INBOX", headers: ["If-None-Match": etag]), 200)
        expectStatus(try await f.http.get("/api/v1/VoiceMail/Mailboxes", headers: ["If-None-Match": boxesTag]), 200)
        // Another query has another tag.
        let other = try await f.http.get("/api/v1/VoiceMail?filter%5Bfolder%5D=Old")
        XCTAssertNotEqual(other.header("ETag"), etag)
    }

    func testGetAndAudioWithRedirectAndRanges() async throws {
        let f = try await fixture()
        let id = try await f.ids("101")[0]
        let message = try await f.message(id)
        XCTAssertEqual(message["id"] as? String, id)
        expectCode(try await f.http.get("/api/v1/VoiceMail/1-doesnotexist"), "not_found")
        expectCode(try await f.http.get("/api/v1/VoiceMail/bad%2Fid"), "bad_request")
        expectCode(try await f.http.get("/api/v1/VoiceMail/%C3%A9"), "bad_request")

        let redirect = try await f.http.get("/api/v1/VoiceMail/\(id)/file")
        XCTAssertEqual(redirect.status, 302)
        let location = try XCTUnwrap(redirect.header("Location"))
        XCTAssertTrue(location.hasPrefix("/spoolview/voicemail/default/101/msg"), location)
        let whole = try await f.http.get(location)
        XCTAssertEqual(whole.status, 200)
        XCTAssertEqual(whole.header("Content-Type"), "audio/wav")
        XCTAssertEqual(whole.header("Accept-Ranges"), "bytes")
        XCTAssertEqual(Int(whole.header("Content-Length") ?? ""), whole.body.count)
        XCTAssertEqual(whole.body.count, message["size"] as? Int)
        XCTAssertEqual(whole.body.prefix(4), Data("RIFF".utf8))

        let part = try await f.http.get(location, headers: ["Range": "bytes=10-19"])
        XCTAssertEqual(part.status, 206)
        XCTAssertEqual(part.body, whole.body[10..<20])
        XCTAssertEqual(part.header("Content-Range"), "bytes 10-19/\(whole.body.count)")
        let open = try await f.http.get(location, headers: ["Range": "bytes=\(whole.body.count - 5)-"])
        XCTAssertEqual(open.body, whole.body.suffix(5))
        let suffix = try await f.http.get(location, headers: ["Range": "bytes=-7"])
        XCTAssertEqual(suffix.body, whole.body.suffix(7))
        let beyond = try await f.http.get(location, headers: ["Range": "bytes=\(whole.body.count)-"])
        XCTAssertEqual(beyond.status, 416)
        XCTAssertEqual(beyond.header("Content-Range"), "bytes */\(whole.body.count)")
        expectStatus(try await f.http.get("/spoolview/voicemail/default/101/INBOX/msg0099.wav"), 404)
        expectStatus(try await f.http.get("/spoolview/voicemail/default/101/INBOX/..%2F..%2Fusers.json"), 404)
        expectStatus(try await f.http.get("/spoolview/voicemail/default/101/unavail.wav"), 200)
    }

    func testMarkReadUnreadAndMoveFollowThePhoneRules() async throws {
        let f = try await fixture()
        let inboxID = try await f.ids("101", folder: "INBOX")[0]
        let read = try await f.http.put("/api/v1/VoiceMail/\(inboxID)")
        XCTAssertEqual(read.result["folder"] as? String, "Old")
        XCTAssertEqual(read.result["read"] as? Bool, true)
        let unread = try await f.http.put("/api/v1/VoiceMail/\(inboxID)", json: #"{"read":false}"#)
        XCTAssertEqual(unread.result["folder"] as? String, "INBOX")
        XCTAssertEqual(unread.result["read"] as? Bool, false)
        let moved = try await f.http.put("/api/v1/VoiceMail/\(inboxID)", json: #"{"folder":"Work"}"#)
        XCTAssertEqual(moved.result["folder"] as? String, "Work")
        XCTAssertEqual(moved.result["read"] as? Bool, true, "Asterisk has no read flag: out of INBOX is read")
        let markedInWork = try await f.http.put("/api/v1/VoiceMail/\(inboxID)", json: #"{"read":"yes"}"#)
        XCTAssertEqual(markedInWork.result["folder"] as? String, "Work", "read already: nothing moves")
        XCTAssertEqual(markedInWork.result["read"] as? Bool, true)
        let unreadFromWork = try await f.http.put("/api/v1/VoiceMail/\(inboxID)", json: #"{"read":false}"#)
        XCTAssertEqual(unreadFromWork.result["folder"] as? String, "INBOX", "unread means back in INBOX, from any folder")
        XCTAssertEqual(unreadFromWork.result["read"] as? Bool, false)
        let both = try await f.http.put("/api/v1/VoiceMail/\(inboxID)", json: #"{"folder":"family","read":true}"#)
        XCTAssertEqual(both.result["folder"] as? String, "Family")
        XCTAssertEqual(both.result["read"] as? Bool, true)
        let back = try await f.http.put("/api/v1/VoiceMail/\(inboxID)", json: #"{"folder":"0"}"#)
        XCTAssertEqual(back.result["folder"] as? String, "INBOX")
        let fetched = try await f.message(inboxID)
        XCTAssertEqual(fetched["folder"] as? String, "INBOX")

        for bad in [#"{"folder":"Spam"}"#, "{oops", "[]", #"{"read":"maybe"}"#, "{}", #"{"folder":"INBOX","read":true}"#,
                    #"{"folder":"Work","read":false}"#] {
            expectCode(try await f.http.put("/api/v1/VoiceMail/\(inboxID)", json: bad), "bad_request")
        }
        expectCode(try await f.http.put("/api/v1/VoiceMail/1-gone"), "not_found")
    }

    func testDeleteOneOrManyAndUnknownIdDeletesNothing() async throws {
        let f = try await fixture()
        let before = try await f.ids("101")
        let unknown = try await f.http.delete("/api/v1/VoiceMail/\(before[0]),1-unknown,\(before[1])/")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertTrue((unknown.json["reason"] as? String ?? "").contains("1-unknown"))
        let answer6 = try await f.ids("101")
        XCTAssertEqual(answer6, before)
        expectCode(try await f.http.delete("/api/v1/VoiceMail/,/"), "bad_request")
        expectCode(try await f.http.delete("/api/v1/VoiceMail/a%20b/"), "bad_request")

        let one = try await f.http.delete("/api/v1/VoiceMail/\(before[0])/")
        XCTAssertEqual(one.result["deleted"] as? [String], [before[0]])
        let many = try await f.http.delete("/api/v1/VoiceMail/\(before[1]),\(before[2])/")
        XCTAssertEqual(many.result["deleted"] as? [String], [before[1], before[2]])
        let answer7 = try await f.ids("101")
        XCTAssertEqual(answer7, Array(before.dropFirst(3)))
        expectCode(try await f.http.delete("/api/v1/VoiceMail/\(before[0])/"), "not_found")
        // An id of a mailbox the caller may not touch is unknown to it: nothing is deleted.
        let bobs = try await f.ids("102", auth: .bearer("demo-102"))
        expectCode(try await f.http.delete("/api/v1/VoiceMail/\(before[3]),\(bobs[0])/"), "not_found")
        let answer8 = try await f.ids("101")
        XCTAssertTrue(answer8.contains(before[3]))
    }
}
