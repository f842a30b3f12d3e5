import DisplayText
import Foundation
import VoicemailModel
import XCTest

final class CallerTextTests: XCTestCase {
    private func message(name: String?, number: String) -> VoicemailMessage {
        VoicemailMessage(
            id: "m1", mailbox: "101", folder: .inbox, callerName: name, callerNumber: number,
            date: Date(timeIntervalSince1970: 1_764_230_100), duration: 5)
    }

    func testNameAndNumber() {
        let caller = CallerText(message(name: "Bob Nguyen", number: "102"))
        XCTAssertEqual(caller.full, "Bob Nguyen <102>")
        XCTAssertEqual(caller.columns, "Bob Nguyen  102")
        XCTAssertFalse(caller.isUnknown)
    }

    func testOnePartAlone() {
        XCTAssertEqual(CallerText(name: nil, number: "102").full, "102")
        XCTAssertEqual(CallerText(name: "", number: "102").columns, "102")
        XCTAssertEqual(CallerText(name: "Reception", number: "").full, "Reception")
        XCTAssertEqual(CallerText(name: "102", number: "102").full, "102", "a name that repeats the number")
        XCTAssertEqual(CallerText(name: "102", number: "102").columns, "102")
    }

    func testUnknown() {
        let caller = CallerText(name: nil, number: "")
        XCTAssertTrue(caller.isUnknown)
        XCTAssertEqual(caller.full, "Unknown caller")
        XCTAssertEqual(caller.columns, "Unknown caller")
        XCTAssertTrue(CallerText(name: "\u{1B}[2J", number: "\u{9B}2J").isUnknown, "nothing left once made safe")
    }

    func testHostilePartsAreMadeSafe() {
        let caller = CallerText(name: "Eve\u{1B}]0;title\u{07}\u{9B}31m Red\u{202E}", number: "1\n2\u{9D}0;x\u{9C}")
        XCTAssertEqual(caller.full, "Eve Red <1 2>")
    }

    func testLimitsBoundEachPart() {
        let caller = CallerText(name: String(repeating: "n", count: 100), number: String(repeating: "1", count: 50), nameLimit: 10, numberLimit: 5)
        XCTAssertEqual(caller.full, String(repeating: "n", count: 9) + "… <1111…>")
        let long = String(repeating: "4", count: 50)
        XCTAssertEqual(CallerText(name: long, number: long, nameLimit: 10, numberLimit: 5).full, "4444…", "compared whole")
    }
}
