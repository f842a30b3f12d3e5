import Foundation
import VoicemailModel
import XCTest

@testable import VoicemailClient

/// The vendor records as vmtui reads them, from the shapes the vendors document: Kazoo's
/// Gregorian seconds and millisecond lengths, Wazo's null caller parts, and error bodies.
final class VendorRecordTests: XCTestCase {
    func testKazooTimestampIsGregorianSecondsAndLengthMilliseconds() throws {
        // The record of Kazoo's voicemail.md.
        let record: [String: Any] = [
            "timestamp": 63_630_058_722, "caller_id_number": "1001", "caller_id_name": "userb userb", "folder": "new",
            "length": 3140, "media_id": "201605-6aadef09f6fcf5fd8bcdfca312e923ba",
        ]
        let message = try XCTUnwrap(KazooBackend.message(record, mailbox: "3000"))
        XCTAssertEqual(message.id, "201605-6aadef09f6fcf5fd8bcdfca312e923ba")
        XCTAssertEqual(message.date, Date(timeIntervalSince1970: 1_462_839_522))
        XCTAssertEqual(message.duration, 3)
        XCTAssertFalse(message.read)
        XCTAssertEqual(message.folder, .inbox)
        XCTAssertEqual(KazooPaths.seconds(milliseconds: 5500), 6)
        XCTAssertEqual(KazooPaths.seconds(milliseconds: 499), 0)
    }

    func testKazooSavedIsReadAndDeletedIsNotShown() {
        let saved = KazooBackend.message(["media_id": "m1", "folder": "saved", "timestamp": 63_630_058_722], mailbox: "1")
        XCTAssertEqual(saved?.folder, .old)
        XCTAssertEqual(saved?.read, true)
        XCTAssertEqual(saved?.callerNumber, "")
        XCTAssertNil(saved?.callerName)
        XCTAssertNil(KazooBackend.message(["media_id": "m2", "folder": "deleted"], mailbox: "1"))
    }

    func testKazooNextStartKeyEndsOnAbsentNullOrEmpty() {
        XCTAssertNil(KazooBackend.startKey(nil))
        XCTAssertNil(KazooBackend.startKey(NSNull()))
        XCTAssertNil(KazooBackend.startKey(""))
        XCTAssertNil(KazooBackend.startKey([Any]()))
        XCTAssertEqual(KazooBackend.startKey("g2wAAAAB"), "g2wAAAAB")
        XCTAssertEqual(KazooBackend.startKey([63_630_058_722, "x"] as [Any]), #"[63630058722,"x"]"#)
    }

    func testWazoNullCallerPartsAndEmptyMessages() throws {
        let record: [String: Any] = [
            "id": "1724107750-00000001", "caller_id_name": NSNull(), "caller_id_num": NSNull(), "duration": 0,
            "timestamp": 1_724_107_750, "empty": true, "transcription": NSNull(),
            "folder": ["id": 3, "name": "urgent", "type": "urgent"],
        ]
        let message = try XCTUnwrap(WazoBackend.message(record, folder: nil, mailbox: "7"))
        XCTAssertNil(message.callerName)
        XCTAssertEqual(message.callerNumber, "")
        XCTAssertEqual(message.folder, .urgent)
        XCTAssertTrue(message.urgent)
        XCTAssertFalse(message.read)
        XCTAssertEqual(message.subject, "(empty message)")
        XCTAssertEqual(message.date, Date(timeIntervalSince1970: 1_724_107_750))
    }

    func testWazoTranscriptionText() throws {
        let record: [String: Any] = [
            "id": "a", "caller_id_name": "Alice", "caller_id_num": "1001", "duration": 4, "timestamp": 1, "empty": false,
            "transcription": ["text": "call me back"],
        ]
        let message = try XCTUnwrap(WazoBackend.message(record, folder: .old, mailbox: "7"))
        XCTAssertEqual(message.transcription, "call me back")
        XCTAssertTrue(message.read)
    }

    func testVendorErrorsKeepTheServersWordsAndFamilies() {
        let wazo = Data(#"{"message":"No such voicemail message","error_id":"no-such-voicemail-message","details":{}}"#.utf8)
        let notFound = VendorError.map(status: 404, body: wazo, reasonPhrase: "NOT FOUND", mailbox: nil, resource: "message x")
        XCTAssertEqual(notFound, .notFound(what: "message x", reason: "No such voicemail message (no-such-voicemail-message)"))
        let expired = Data(#"{"message":"Unauthorized","error_id":"unauthorized","details":{"reason":"not_found_or_expired"}}"#.utf8)
        XCTAssertEqual(
            VendorError.map(status: 401, body: expired, reasonPhrase: "", mailbox: nil, resource: "x"),
            .unauthorized(reason: "Unauthorized (unauthorized) [not_found_or_expired]"))
        let kazoo = Data(#"{"status":"error","error":"500","message":"datastore_fault","data":{"message":"db down"}}"#.utf8)
        XCTAssertEqual(
            VendorError.map(status: 500, body: kazoo, reasonPhrase: "", mailbox: nil, resource: "x"),
            .serverError(status: 500, reason: "datastore_fault - db down"))
        XCTAssertEqual(VendorError.map(status: 403, body: Data(), reasonPhrase: "Forbidden", mailbox: "7", resource: "x").kind, .permission)
    }

    func testMD5MatchesRFC1321() {
        XCTAssertEqual(MD5.hex(""), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(MD5.hex("The quick brown fox jumps over the lazy dog"), "9e107d9d372bb6826bd81d3542a419d6")
        XCTAssertEqual(MD5.hex(String(repeating: "a", count: 120)).count, 32)
    }
}
