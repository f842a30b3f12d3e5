import Foundation
import VoicemailModel
import XCTest

@testable import VoicemailClient

/// Random and mutated list answers through the same decode, audio-URL and error paths a real
/// answer takes (config files: ConfigFuzzTests). Seeded, so a failure reproduces; every input
/// must end in a value or one clean line, never a crash.
final class DecoderFuzzTests: XCTestCase {
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let pageSeed = #"""
        {"type":"result","result":{"total":"3","records":[
        {"id":"1764230100-00000001","mailbox":"101","folder":"INBOX","read":false,"urgent":"1","callerid":"\"Bob\" <102>",
         "date":"2026-11-27T08:15:00+00:00","duration":"42","format":"wav","size":672044,"fileUrl":"/spoolview/x/msg1.wav"},
        {"msg_id":"1764230200-00000002","extension":"101","folder":"Urgent","flag":"Urgent","origtime":"1764230200",
         "callerNumber":"+44 20","duration":3.0,"format":"mp3","url":"https://cdn.example.net/a.mp3"},
        {"id":"m3","folder":"Cust1","read":"yes","date":1764230300,"callerName":"山田","callerNumber":"103","subject":"Fwd: A"}]}}
        """#

    private func mutate(_ seed: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = seed
        let alphabet = Array(#"{}[]",:"0123456789aeZ\-."#.utf8) + [0, 0x1B, 0x0A, 0xFF, 0xC3]
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes[at] = alphabet.randomElement(using: &random)!
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
            case 3: bytes = Array(bytes[..<at])
            default:
                let end = min(bytes.count, at + Int.random(in: 1...40, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            }
        }
        return bytes
    }

    func testListAnswersDecodeOrFailInOneLine() throws {
        var random = Generator(state: 0x5EED_0008)
        let client = VoicemailClient(
            configuration: ClientConfiguration(serverURL: URL(string: "https://pbx.example.com")!, credentials: .bearer(token: "t")))
        let seed = Array(Self.pageSeed.utf8)
        var decoded = 0
        for round in 0..<4000 {
            let body: [UInt8] = round % 10 == 0
                ? (0..<Int.random(in: 0...200, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                : mutate(seed, &random)
            let response = TransferResponse(
                status: 200, reasonPhrase: "OK", headers: [:], cookies: [], body: Data(body), bytesDelivered: 0, redirectURL: nil)
            do {
                let page = try client.decode(Page<LocatedMessage>.self, from: response, expected: "a page of messages")
                client.audioLocations.learn(page.records)
                decoded += 1
                for record in page.records { XCTAssertFalse(record.message.id.isEmpty, "round \(round)") }
            } catch {
                XCTAssertFalse(error.message.contains("\n"), "round \(round): \(error.message)")
                XCTAssertFalse(error.message.contains("\u{1B}"), "round \(round)")
            }
        }
        XCTAssertGreaterThan(decoded, 0, "no mutation decoded: the seed itself must be valid")
    }
}
