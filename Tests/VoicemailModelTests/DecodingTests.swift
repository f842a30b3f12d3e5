import VoicemailModel
import XCTest

final class MessageDecodingTests: XCTestCase {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    func testWildixListWithStringTotalAndUnknownFields() throws {
        let json = """
            {"type":"result","result":{"total":"2","records":[
              {"id":"1700000000-1","mailbox":"101","folder":"INBOX","read":false,"urgent":true,
               "callerName":"Bob","callerNumber":"102","date":"2026-11-27T08:15:00+01:00",
               "duration":"42","format":"wav","size":"1000","somethingNew":{"x":1}},
              {"id":2,"mailbox":101,"folder":"old","callerid":"\\"Ελένη\\" <+302101234567>",
               "origtime":1795766100,"duration":7.6,"format":"audio/mpeg","read":"1"}
            ]}}
            """
        let page = try decode(ResultEnvelope<Page<VoicemailMessage>>.self, json).result
        XCTAssertEqual(page.total, 2)
        let first = page.records[0]
        XCTAssertEqual(first.duration, 42)
        XCTAssertEqual(first.size, 1000)
        XCTAssertTrue(first.urgent)
        XCTAssertEqual(first.date, Date(timeIntervalSince1970: 1_795_763_700))
        let second = page.records[1]
        XCTAssertEqual(second.id, "2")
        XCTAssertEqual(second.mailbox, "101")
        XCTAssertEqual(second.folder, .old)
        XCTAssertEqual(second.callerName, "Ελένη")
        XCTAssertEqual(second.callerNumber, "+302101234567")
        XCTAssertEqual(second.duration, 8)
        XCTAssertEqual(second.format, .mp3)
        XCTAssertTrue(second.read)
        XCTAssertNil(second.subject)
        XCTAssertNil(second.transcription)
    }

    func testRowsAndBareArraysAndNumericTotal() throws {
        let message = #"{"id":"a","callerNumber":"1","date":"2026-01-01T00:00:00Z"}"#
        let rows = try decode(Page<VoicemailMessage>.self, #"{"total":5,"rows":[\#(message)]}"#)
        XCTAssertEqual(rows.total, 5)
        XCTAssertEqual(rows.records.map(\.id), ["a"])
        let bare = try decode(Page<VoicemailMessage>.self, "[\(message),\(message)]")
        XCTAssertEqual(bare.total, 2)
        let empty = try decode(Page<VoicemailMessage>.self, "{}")
        XCTAssertEqual(empty.total, 0)
    }

    func testMissingOptionalFieldsGetSensibleDefaults() throws {
        let message = try decode(
            VoicemailMessage.self, #"{"id":"a","callerNumber":"1","date":"2026-01-01T00:00:00.250Z"}"#)
        XCTAssertEqual(message.folder, .inbox)
        XCTAssertFalse(message.read)
        XCTAssertFalse(message.urgent)
        XCTAssertEqual(message.format, .wav)
        XCTAssertEqual(message.duration, 0)
    }

    /// A PBX that sends Asterisk's fields: `callerid` read as Asterisk reads it, and without a
    /// read field the folder says it (unread exactly in INBOX and Urgent).
    func testAsteriskCallerIDAndFolderDecideWhatIsMissing() throws {
        let anonymous = try decode(
            VoicemailMessage.self, #"{"id":"a","folder":"Urgent","callerid":"anonymous","origtime":"1700000000"}"#)
        XCTAssertEqual(anonymous.callerName, "anonymous")
        XCTAssertEqual(anonymous.callerNumber, "")
        XCTAssertFalse(anonymous.read)
        let withheld = try decode(VoicemailMessage.self, #"{"id":"b","folder":"Work","callerid":"Unknown","origtime":1700000000}"#)
        XCTAssertNil(withheld.callerName)
        XCTAssertEqual(withheld.callerNumber, "")
        XCTAssertTrue(withheld.read)
        let number = try decode(VoicemailMessage.self, #"{"id":"c","callerid":"+1 202-555-0100","origtime":1700000000}"#)
        XCTAssertNil(number.callerName)
        XCTAssertEqual(number.callerNumber, "+12025550100")
    }

    func testMalformedMessagesFailToDecode() {
        XCTAssertThrowsError(try decode(VoicemailMessage.self, #"{"callerNumber":"1","date":"2026-01-01T00:00:00Z"}"#))
        XCTAssertThrowsError(try decode(VoicemailMessage.self, #"{"id":"a","date":"yesterday"}"#))
        XCTAssertThrowsError(try decode(VoicemailMessage.self, #"{"id":"a","date":"2026-01-01T00:00:00Z","duration":"long"}"#))
    }

    func testEncodingRoundTripsWithAnExplicitZone() throws {
        let original = VoicemailMessage(
            id: "x", mailbox: "101", folder: .work, read: true, urgent: false, callerName: "山田太郎",
            callerNumber: "+81312345678", date: Date(timeIntervalSince1970: 1_795_766_100),
            duration: 180, format: .mp3, size: 12, subject: "Fwd: Bob", transcription: "hello")
        let data = try JSONEncoder().encode(original)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#""date":"2026-11-27T07:55:00Z""#) || text.contains("+00:00"), text)
        XCTAssertEqual(try JSONDecoder().decode(VoicemailMessage.self, from: data), original)
        XCTAssertTrue(original.isForwarded)
    }

    func testErrorEnvelopeWithAndWithoutCode() throws {
        let wildix = try decode(ErrorEnvelope.self, #"{"type":"error","reason":"Unauthorized","result":null}"#)
        XCTAssertEqual(wildix.reason, "Unauthorized")
        XCTAssertNil(wildix.code)
        let encoded = String(decoding: try JSONEncoder().encode(ErrorEnvelope(reason: "Mailbox is full", code: .mailboxFull)), as: UTF8.self)
        XCTAssertTrue(encoded.contains(#""code":"mailbox_full""#))
        XCTAssertTrue(encoded.contains(#""result":null"#))
    }

    func testMailboxSummaryFolderCounts() throws {
        let summary = try decode(MailboxSummary.self, """
            {"mailbox":101,"name":"Alice","own":1,"new":"3","old":4,
             "folders":[{"folder":"INBOX","total":3,"unread":3},{"folder":"Work","total":"2","unread":"1"}]}
            """)
        XCTAssertEqual(summary.total, 7)
        XCTAssertEqual(summary.unread, 3)
        XCTAssertTrue(summary.own)
        XCTAssertEqual(summary.count(of: .work).unread, 1)
        XCTAssertEqual(summary.count(of: .family), FolderCount(folder: .family, total: 0, unread: 0))
    }

    func testForwardRequestAcceptsThePhoneStarForm() throws {
        XCTAssertEqual(try decode(ForwardRequest.self, #"{"to":"102*103"}"#).to, ["102", "103"])
        XCTAssertEqual(try decode(ForwardRequest.self, #"{"to":["102"]}"#).to, ["102"])
    }
}
