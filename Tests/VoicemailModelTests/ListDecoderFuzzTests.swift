import Foundation
import TestSupport
import VoicemailModel
import XCTest

/// The list decoder meets whatever a PBX (or something pretending to be one) sends. Thousands
/// of seeded random and mutated answers: it must never crash, never produce a page it cannot
/// reproduce, and never report a negative total.
final class ListDecoderFuzzTests: XCTestCase {
    private static let valid = #"""
        {"type":"result","result":{"total":"3","records":[
          {"id":"1700000000-1","mailbox":"101","folder":"INBOX","read":false,"urgent":true,
           "callerName":"Bob","callerNumber":"102","date":"2026-11-27T08:15:00+01:00",
           "duration":"42","format":"wav","size":"1000","transcription":"Call me back"},
          {"id":2,"mailbox":101,"folder":"Urgent","callerid":"\"Ελένη \\\"E\\\"\" <+30 210>",
           "origtime":1795766100,"duration":7.6,"format":"audio/mpeg","read":"1"},
          {"id":"x","mailbox":"102","folder":"Cust1","callerNumber":"","date":1795766100,
           "duration":0,"format":"mp3","subject":"Fwd: hi"}]}}
        """#

    private typealias ListAnswer = ResultEnvelope<Page<VoicemailMessage>>

    func testMutatedAnswersNeverCrashAndRoundTrip() throws {
        var rng = SeededGenerator(seed: 0x5EED_0001)
        let seed = Array(Self.valid.utf8)
        XCTAssertNoThrow(try JSONDecoder().decode(ListAnswer.self, from: Data(seed)), "the seed itself decodes")
        var decoded = 0
        for index in 0..<4000 {
            let input = Mutator.mutate(seed, using: &rng)
            decoded += try check(input, case: index) ? 1 : 0
        }
        // Most mutations break the JSON; enough must survive to exercise the decoder itself.
        XCTAssertGreaterThan(decoded, 100, "too few mutated answers decoded to say anything")
    }

    func testRandomAnswersNeverCrash() throws {
        var rng = SeededGenerator(seed: 0x5EED_0002)
        for index in 0..<3000 {
            let length = Int.random(in: 0...200, using: &rng)
            _ = try check(Mutator.random(length: length, alphabet: #"{}[]:,"0123456789 totalrecords"#, using: &rng), case: index)
        }
    }

    /// True when it decoded; then the page must survive encoding and decoding unchanged.
    private func check(_ input: [UInt8], case index: Int) throws -> Bool {
        guard let page = try? JSONDecoder().decode(ListAnswer.self, from: Data(input)).result else { return false }
        XCTAssertGreaterThanOrEqual(page.total, 0, "case \(index): negative total from \(String(decoding: input, as: UTF8.self))")
        for message in page.records {
            XCTAssertGreaterThanOrEqual(message.duration, 0, "case \(index)")
            XCTAssertGreaterThanOrEqual(message.size, 0, "case \(index)")
        }
        let again = try JSONDecoder().decode(Page<VoicemailMessage>.self, from: JSONEncoder().encode(page))
        XCTAssertEqual(again.records, page.records, "case \(index): records change on a round trip")
        XCTAssertEqual(again.total, page.total, "case \(index)")
        return true
    }
}
