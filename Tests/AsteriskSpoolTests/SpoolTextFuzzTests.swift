import AsteriskSpool
import AsteriskSpoolFormat
import Foundation
import TestSupport
import VoicemailModel
import XCTest

/// The spool backend's `.txt` reading, fuzzed through the files themselves: random and mutated
/// message files (and ones past the size limit) never crash a listing, every `.txt` still
/// counts as a message, each is shown with the same id on every read, and what is shown is
/// terminal-safe one-line text where it must be. Seeded: a failure names its seed and case.
final class SpoolTextFuzzTests: XCTestCase {
    static let seed: UInt64 = 0x5EED_57A0_0F17_0001
    static let rounds = 6
    static let filesPerRound = 60

    static let valid = Array("""
        ;
        ; Message Information file
        ;
        [message]
        origmailbox=101
        context=default
        callerid="Ann \\"A\\" B" <+4930123456>
        origdate=Thu Nov 27 10:41:40 AM UTC 2025
        origtime=1764240100
        category=
        msg_id=1764240100-0a1b2c3d
        flag=Urgent
        duration=7
        subject=Fwd: from 102
        transcription=Hello\\nworld

        """.utf8)

    func testFuzzedMessageFilesAlwaysListAndKeepTheirIDs() async throws {
        var rng = SeededGenerator(seed: Self.seed)
        for round in 0..<Self.rounds {
            let fixture = try SpoolFixture()
            let folder = fixture.folder("101", "Family")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let audio = fixture.folder("101", "Old").appendingPathComponent("msg0000.wav")
            for number in 0..<Self.filesPerRound {
                let bytes: [UInt8]
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: bytes = Mutator.random(length: Int.random(in: 0...600, using: &rng), alphabet: "[]=;\n\"<>\\msg_id", using: &rng)
                // Past the size limit: reported, never read.
                case 1: bytes = Array(repeating: UInt8(ascii: "a"), count: MessageText.limit + 1 + Int.random(in: 0...64, using: &rng))
                default:
                    var mutated = Self.valid
                    for _ in 0..<Int.random(in: 1...6, using: &rng) { mutated = Mutator.mutate(mutated, using: &rng) }
                    bytes = mutated
                }
                let name = String(format: "msg%04d", number)
                try Data(bytes).write(to: folder.appendingPathComponent(name + ".txt"))
                XCTAssertEqual(link(audio.path, folder.appendingPathComponent(name + ".wav").path), 0)
            }
            let backend = try fixture.backend()
            let first = try await backend.list(.family)
            XCTAssertEqual(first.count, Self.filesPerRound, "seed \(Self.seed) round \(round): every .txt is a message")
            XCTAssertEqual(Set(first.map(\.id)).count, first.count, "seed \(Self.seed) round \(round): ids unique")
            for message in first {
                XCTAssertFalse(message.id.isEmpty, "seed \(Self.seed) round \(round)")
                XCTAssertFalse(message.callerNumber.contains("\n"), "seed \(Self.seed) round \(round): \(message.callerNumber)")
                XCTAssertFalse((message.callerName ?? "").contains("\n"), "seed \(Self.seed) round \(round)")
            }
            // A second backend (a restart) reads the same.
            let again = try await fixture.backend().list(.family)
            XCTAssertEqual(again.map(\.id), first.map(\.id), "seed \(Self.seed) round \(round): ids stable")
            XCTAssertEqual(again, first, "seed \(Self.seed) round \(round): same messages")
        }
    }
}
