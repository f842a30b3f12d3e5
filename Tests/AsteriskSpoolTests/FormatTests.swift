import AsteriskSpool
import AsteriskSpoolFormat
import Foundation
import VoicemailModel
import XCTest

final class FormatTests: XCTestCase {
    func testMessageInfoReadsWhatAppVoicemailWrites() throws {
        let text = """
            ;\r
            ; Message Information file\r
            ;\r
            [message]\r
            origmailbox=101\r
            callerid="Bob \\"The Builder\\" Smith" <+4930123456>\r
            origtime=1764230100\r
            msg_id=1764230100-00000001\r
            flag=Urgent\r
            duration = 7\r
            weird line without equals\r
            [other]\r
            duration=99\r
            """
        let info = try XCTUnwrap(SpoolRecovery.readRecord(data: Data(text.utf8), audioExtensions: ["wav"], modified: nil)?.record)
        XCTAssertEqual(info.originalMailbox, "101")
        XCTAssertEqual(info.id, "1764230100-00000001")
        XCTAssertTrue(info.urgent)
        XCTAssertEqual(info.duration, 7)
        XCTAssertEqual(info.originTime, Date(timeIntervalSince1970: 1_764_230_100))
        XCTAssertEqual(info.callerID, CallerID(name: "Bob \"The Builder\" Smith", number: "+4930123456"))
    }

    func testRenderKeepsOrderAndCannotBeForgedWithALineBreak() throws {
        var info = MessageRecord(
            id: "1764830100-0000000a", originalMailbox: "101", callerID: CallerID(name: "A", number: "1"),
            originTime: Date(timeIntervalSince1970: 1_764_830_100), duration: 3, urgent: false, subject: nil, transcription: nil,
            format: .wav)
        info.category = "x\nflag=Urgent"
        let rendered = info.ini().render()
        XCTAssertTrue(rendered.hasPrefix(";\n; Message Information file\n;\n[message]\norigmailbox=101\ncontext=default\n"))
        XCTAssertTrue(rendered.contains("origdate=Thu Dec  4 06:35:00 AM UTC 2025\n"))
        let reread = try XCTUnwrap(SpoolRecovery.readRecord(data: Data(rendered.utf8), audioExtensions: ["wav"], modified: nil)?.record)
        XCTAssertFalse(reread.urgent)
        XCTAssertEqual(reread.id, "1764830100-0000000a")
        XCTAssertEqual(reread.ini().sections[0].entries.map(\.key), info.ini().sections[0].entries.map(\.key))
    }

    func testCallerIDForms() {
        XCTAssertEqual(CallerIDText.parse("Unknown"), CallerID(name: nil, number: ""))
        XCTAssertEqual(CallerIDText.parse("+33140000000"), CallerID(name: nil, number: "+33140000000"))
        XCTAssertEqual(CallerIDText.parse("Reception"), CallerID(name: "Reception", number: ""))
        XCTAssertEqual(CallerIDText.parse("\"Back\\\\slash Ltd\" <+4930999>"), CallerID(name: "Back\\slash Ltd", number: "+4930999"))
        XCTAssertEqual(CallerIDText.parse("\"a <b> c\" <200>"), CallerID(name: "a <b> c", number: "200"))
        XCTAssertEqual(CallerIDText.parse("Plain Name <200>"), CallerID(name: "Plain Name", number: "200"))
        // ast_callerid_parse drops spaces, `-`, `.`, `(`, `)` before deciding that a bare value is a number.
        XCTAssertEqual(CallerIDText.parse("+1 (202) 555-0100"), CallerID(name: nil, number: "+12025550100"))
        XCTAssertEqual(CallerIDText.parse("anonymous"), CallerID(name: "anonymous", number: ""))
        XCTAssertEqual(CallerIDText.parse("()"), CallerID(name: "()", number: ""))
    }

    func testCallerIDEscapesAsAsteriskDoesAndReadsItBack() {
        let names = ["Bob \"The Builder\" Smith", "Back\\slash", "Ελένη", "plain"]
        for name in names {
            let written = CallerIDText.render(CallerID(name: name, number: "101"))
            XCTAssertEqual(CallerIDText.parse(written), CallerID(name: name, number: "101"), written)
        }
        XCTAssertEqual(CallerIDText.render(CallerID(name: "Bob \"B\"", number: "1")), "\"Bob \\\"B\\\"\" <1>")
        XCTAssertEqual(CallerIDText.render(CallerID(name: nil, number: "")), "Unknown")
        // A value is one line in the file: a control character is written (and read) as a space.
        XCTAssertEqual(CallerIDText.parse(CallerIDText.render(CallerID(name: "tab\there", number: "101"))), CallerID(name: "tab here", number: "101"))
    }

    /// GNU date wrote the fixtures' origdate (make-spool.sh); both directions must agree with it.
    func testOrigDateMatchesGNUDate() throws {
        let pairs: [(Int, String)] = [
            (1_764_230_100, "Thu Nov 27 07:55:00 AM UTC 2025"),
            (1_764_830_100, "Thu Dec  4 06:35:00 AM UTC 2025"),
            (1_764_244_800, "Thu Nov 27 12:00:00 PM UTC 2025"),
            (1_764_201_600, "Thu Nov 27 12:00:00 AM UTC 2025"),
        ]
        for (seconds, text) in pairs {
            let date = Date(timeIntervalSince1970: Double(seconds))
            XCTAssertEqual(AsteriskDate.format(date), text)
            XCTAssertEqual(AsteriskDate.parse(text), date, text)
        }
        XCTAssertEqual(AsteriskDate.parse("Thu Nov 27 13:00:00 UTC 2025"), Date(timeIntervalSince1970: 1_764_248_400))
        XCTAssertNil(AsteriskDate.parse("yesterday"))
    }

    func testVoicemailConfNamesWithoutPINs() throws {
        let text = """
            [general]
            format=wav49|gsm|wav
            [zonemessages]
            eastern=America/New_York|'vm-received' Q
            [default]
            101 => 4242,Alice Martin,alice@example.com,,attach=yes
            103 => 5555,Charlie \\; Co,,   ; comment
            bad/name => 1,Evil
            [other]
            201 = 0000,Somebody Else
            """
        let conf = VoicemailConf(parsing: text)
        XCTAssertEqual(conf.formats, ["wav49", "gsm", "wav"])
        XCTAssertEqual(conf.audioForms, [.wav49, .gsm, .wav])
        XCTAssertEqual(conf.contexts["default"]?.map(\.mailbox), ["101", "103"])
        XCTAssertEqual(conf.entry("101", context: "default")?.fullName, "Alice Martin")
        XCTAssertEqual(conf.entry("103", context: "default")?.fullName, "Charlie ; Co")
        XCTAssertEqual(conf.entry("201", context: "other")?.fullName, "Somebody Else")
        XCTAssertNil(conf.contexts["zonemessages"])
        XCTAssertFalse(String(describing: conf).contains("4242"))
    }

    func testFileNames() {
        XCTAssertEqual(SpoolLayout.parseFileName("msg0042.txt")?.number, 42)
        XCTAssertEqual(SpoolLayout.parseFileName("msg0042.WAV")?.ext, "WAV")
        XCTAssertNil(SpoolLayout.parseFileName("msg042.txt"))
        XCTAssertNil(SpoolLayout.parseFileName(".lock"))
        XCTAssertNil(SpoolLayout.parseFileName("msg0001"))
        XCTAssertEqual(SpoolLayout.baseName(7), "msg0007")
    }
}

/// Issue 20 item 4: Asterisk's per-folder limit, from `[general]` or the mailbox's options.
final class MaxMessagesTests: XCTestCase {
    func testMaxmsgFromGeneralTheMailboxOrAsterisksDefault() {
        let conf = VoicemailConf(parsing: """
            [general]
            maxmsg = 50
            [default]
            101 => 4242,Alice,,,attach=yes|maxmsg=20
            102 => 1,Bob
            """)
        XCTAssertEqual(conf.maxMessages("101", context: "default"), 20)
        XCTAssertEqual(conf.maxMessages("102", context: "default"), 50)
        XCTAssertEqual(conf.maxMessages("999", context: "default"), 50)
        XCTAssertEqual(VoicemailConf(parsing: "[default]\n101 => 1,A\n").maxMessages("101", context: "default"), 100)
        XCTAssertEqual(VoicemailConf(parsing: "[general]\nmaxmsg=0\n").maxMessages("1", context: "default"), 100, "0 is no limit to show")
        XCTAssertEqual(VoicemailConf(parsing: "[general]\nmaxmsg=20000\n").maxMessages("1", context: "default"), 9999)
    }

    func testTheSpoolSummaryCarriesTheLimitOfInbox() async throws {
        let fixture = try SpoolFixture()
        let boxes = try await fixture.backend().mailboxes(ifNoneMatch: nil).value ?? []
        let own = try XCTUnwrap(boxes.first(where: \.own))
        XCTAssertEqual(own.capacity, 100)
        XCTAssertTrue(own.capacityPerFolder)
    }
}
