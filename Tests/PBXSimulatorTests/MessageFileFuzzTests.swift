import AsteriskSpoolFormat
import Foundation
@testable import PBXSimulator
import TestSupport
import VoicemailModel
import XCTest

/// Reading `msgNNNN.txt`, fuzzed: random and mutated files never crash the reader, and a
/// message read from any file is the same once written back and read again (what a restart
/// does). Seeded: a failure names its seed and case, which reproduce it.
final class MessageFileFuzzTests: XCTestCase {
    /// SplitMix64: small, fast, and the same sequence on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed: UInt64 = 0x5EED_A57E_815C_0001
    static let cases = 4000

    /// Pieces a hostile or damaged file is made of.
    static let fragments: [String] = [
        "\"", "\\", "<", ">", "=", "=>", "[", "]", "[message]", "[other]", ";", "#", " ", "\t", "\n", "\r\n", "\r",
        "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{2028}", "\u{301}", "\u{FEFF}", "\u{3000}", "é", "山田", "👨‍👩‍👧",
        "msg_id=", "callerid=", "origtime=", "flag=Urgent", "duration=", "read=yes", "read=no", "subject=", "transcription=",
        "format=mp3", "format=WAV", "origdate=", "1700000000", "-1", "99999999999999999999", "1<2", "Unknown", "\\n", "\\\\",
        "\"Ann \\\"A\\\" B\" <1<2>", "<>", "\"\"", "-0a1b2c3d", "..", "/", "%00",
    ]

    static let keys = [
        "origmailbox", "context", "macrocontext", "exten", "rdnis", "priority", "callerchan", "callerid", "origdate",
        "origtime", "category", "msg_id", "flag", "duration", "read", "subject", "transcription", "format", "custom",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        var text = Bool.random(using: &generator) ? "[message]\n" : ""
        for _ in 0..<Int.random(in: 0...25, using: &generator) {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                text += fragments.randomElement(using: &generator)!
            case 1:
                text += "\(keys.randomElement(using: &generator)!)=\(fragments.randomElement(using: &generator)!)\n"
            case 2:
                let scalars = (0..<Int.random(in: 0...12, using: &generator)).compactMap { _ in
                    Unicode.Scalar(UInt32.random(in: 0...0x2FFF, using: &generator))
                }
                text += "\(keys.randomElement(using: &generator)!)=\(String(String.UnicodeScalarView(scalars)))\n"
            default:
                text += "\n"
            }
        }
        return text
    }

    static func mutate(_ text: String, _ generator: inout SeededGenerator) -> Data {
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes.insert(contentsOf: Array(fragments.randomElement(using: &generator)!.utf8), at: position)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...20, using: &generator)))
            case 3: bytes = Array(bytes.prefix(position))
            default:
                let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                bytes = Array(lines.shuffled(using: &generator).joined(separator: "\n").utf8)
            }
        }
        return Data(bytes)
    }

    /// Reads as the store reads (bytes of a file), writes back as the store writes, reads
    /// again: equal. (The store-level test below goes through real files.)
    private func checkRoundTrip(_ data: Data, _ label: String) {
        let modified = Date(timeIntervalSince1970: 1_700_000_000)
        guard let (first, _) = SpoolRecovery.readRecord(data: data, audioExtensions: ["wav"], modified: modified) else { return }
        var written = first
        written.idWasStored = true
        let rewritten = Data(written.ini().render().utf8)
        guard let (second, _) = SpoolRecovery.readRecord(data: rewritten, audioExtensions: ["wav"], modified: modified) else {
            return XCTFail("\(label): a written record does not read back")
        }
        XCTAssertEqual(second, written, "\(label): changed after a rewrite")
        XCTAssertTrue(MessageID.isValid(second.id), "\(label): id \(second.id)")
        XCTAssertEqual(second.ini().render(), written.ini().render(), label)
    }

    func testRandomAndMutatedMessageFilesReadTheSameAfterARewrite() {
        var generator = SeededGenerator(state: Self.seed)
        let valid = SpoolTestKit.asteriskText(callerID: #""Ann \"A\" B" <1<2>"#, flag: "Urgent")
        for index in 0..<Self.cases {
            let data = index % 2 == 0
                ? Data(Self.randomText(&generator).utf8)
                : Self.mutate(valid, &generator)
            checkRoundTrip(data, "seed \(Self.seed) case \(index)")
        }
    }

    func testRandomCallerIDsAreStoredInTheirWrittenForm() {
        var generator = SeededGenerator(state: Self.seed ^ 0xC0FFEE)
        for index in 0..<Self.cases {
            func piece() -> String {
                (0..<Int.random(in: 0...4, using: &generator)).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            }
            let caller = CallerID(name: Bool.random(using: &generator) ? piece() : nil, number: piece())
            let normalized = CallerIDText.normalized(caller)
            let label = "seed \(Self.seed ^ 0xC0FFEE) case \(index): \(caller)"
            XCTAssertEqual(CallerIDText.normalized(normalized), normalized, label)
            let line = IniFile(parsing: IniFile(section: "message", entries: [.init(key: "callerid", value: CallerIDText.render(normalized))]).render())
            XCTAssertEqual(CallerIDText.parse(line.value("callerid") ?? ""), normalized, label)
            XCTAssertFalse((normalized.name ?? "").unicodeScalars.contains(where: IniFile.isControl), label)
        }
    }

    /// Whole spools of fuzzed files: the store opens them, sets aside what is not a message,
    /// and what it loads is the same after a restart.
    func testTheStoreOpensFuzzedSpoolsAndKeepsThemStable() async throws {
        var generator = SeededGenerator(state: Self.seed ^ 0x5)
        let valid = SpoolTestKit.asteriskText()
        for round in 0..<8 {
            let spool = try TemporaryDirectory(prefix: "fuzz-spool")
            let inbox = spool.appending("default/101/INBOX")
            for number in 0..<25 {
                let data = number % 2 == 0 ? Data(Self.randomText(&generator).utf8) : Self.mutate(valid, &generator)
                try SpoolTestKit.writeMessage(inbox, number, text: "")
                try data.write(to: inbox.appendingPathComponent(SpoolLayout.baseName(number) + ".txt"))
            }
            let first = try SpoolTestKit.store(spool.url).messages(in: "101").map(\.api)
            let second = try SpoolTestKit.store(spool.url).messages(in: "101").map(\.api)
            XCTAssertEqual(first, second, "seed \(Self.seed ^ 0x5) round \(round)")
            let texts = SpoolTestKit.names(inbox).filter { $0.hasSuffix(".txt") }
            XCTAssertEqual(texts, (0..<texts.count).map { SpoolLayout.baseName($0) + ".txt" }, "contiguous")
            let lost = SpoolTestKit.names(spool.appending("lost+found")).filter { $0.hasSuffix(".txt") }.count
            XCTAssertEqual(texts.count + lost, 25, "every file is a message or set aside, none lost")
        }
    }
}
