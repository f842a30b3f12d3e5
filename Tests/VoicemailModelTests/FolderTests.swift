import VoicemailModel
import XCTest

final class FolderTests: XCTestCase {
    func testPhoneDigitsMatchTheVendorGuide() {
        XCTAssertEqual(Folder.allCases.map(\.digit), [0, 1, 2, 3, 4])
        XCTAssertEqual(Folder.allCases.map(\.displayName), ["New", "Old", "Work", "Family", "Friends"])
    }

    func testUserInputAcceptsNamesInAnyCaseDigitsAndNew() {
        XCTAssertEqual(Folder(userInput: "work"), .work)
        XCTAssertEqual(Folder(userInput: "WORK"), .work)
        XCTAssertEqual(Folder(userInput: " Family "), .family)
        XCTAssertEqual(Folder(userInput: "new"), .inbox)
        XCTAssertEqual(Folder(userInput: "INBOX"), .inbox)
        XCTAssertEqual(Folder(userInput: "4"), .friends)
        XCTAssertNil(Folder(userInput: "5"))
        XCTAssertNil(Folder(userInput: "spam"))
        XCTAssertNil(Folder(userInput: ""))
    }

    func testDecodingIsCaseTolerantAndKeepsAsteriskAndUnknownFolders() throws {
        let decoded = try JSONDecoder().decode([Folder].self, from: Data(#"["inbox","OLD","Work"]"#.utf8))
        XCTAssertEqual(decoded, [.inbox, .old, .work])
        // Any Asterisk folder (and any other name a PBX reports) decodes instead of failing the page.
        let others = try JSONDecoder().decode([Folder].self, from: Data(#"["urgent","Cust1","DELETED","Voicemail-X"]"#.utf8))
        XCTAssertEqual(others, [.urgent, .cust1, .deleted, Folder(rawValue: "Voicemail-X")!])
        XCTAssertNil(others[3].digit)
        XCTAssertTrue(Folder.urgent.holdsUnread)
        XCTAssertEqual(try JSONEncoder().encode(Folder.urgent), Data(#""Urgent""#.utf8))
        // Names that could escape a spool path are not folders.
        XCTAssertThrowsError(try JSONDecoder().decode([Folder].self, from: Data(#"["../x"]"#.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode([Folder].self, from: Data(#"[""]"#.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode([Folder].self, from: Data(#"[".."]"#.utf8)))
    }

    func testPeopleMayTypeAsteriskFoldersButNotInventOnes() {
        XCTAssertEqual(Folder(userInput: "cust1"), .cust1)
        XCTAssertEqual(Folder(userInput: "Urgent"), .urgent)
        XCTAssertLessThan(Folder.friends, Folder.cust1)
        XCTAssertLessThan(Folder.cust5, Folder(rawValue: "Zzz")!)
    }
}

final class ExtensionsTests: XCTestCase {
    func testSeparatorsAsPeopleTypeThem() {
        XCTAssertEqual(Extensions.parse("102*103"), ["102", "103"])
        XCTAssertEqual(Extensions.parse("102, 103 104"), ["102", "103", "104"])
        XCTAssertEqual(Extensions.parse("102*102"), ["102"])
    }

    func testRejectsAnythingThatIsNotAnExtension() {
        XCTAssertNil(Extensions.parse(""))
        XCTAssertNil(Extensions.parse("***"))
        XCTAssertNil(Extensions.parse("102*bob"))
        XCTAssertNil(Extensions.parse("１０２"))  // full-width digits are not ASCII
        XCTAssertNil(Extensions.parse(String(repeating: "1", count: 16)))
    }
}

final class CallerIDTests: XCTestCase {
    func testAsteriskForms() {
        XCTAssertEqual(CallerID(parsing: #""Alice Martin" <101>"#), CallerID(name: "Alice Martin", number: "101"))
        XCTAssertEqual(CallerID(parsing: "Bob <102>"), CallerID(name: "Bob", number: "102"))
        XCTAssertEqual(CallerID(parsing: "<+4930123>"), CallerID(name: nil, number: "+4930123"))
        XCTAssertEqual(CallerID(parsing: "+4930123"), CallerID(name: nil, number: "+4930123"))
        XCTAssertEqual(CallerID(parsing: #""O'Brien \"Ob\" \\ Ltd" <+353 1 555>"#), CallerID(name: #"O'Brien "Ob" \ Ltd"#, number: "+353 1 555"))
    }

    /// As Asterisk's ast_callerid_parse: bare, it is a number only when it looks like a phone
    /// number (kept in its shorter form), else a name; `Unknown` is no caller id.
    func testABareValueIsANumberOnlyWhenItLooksLikeOne() {
        XCTAssertEqual(CallerID(parsing: "anonymous"), CallerID(name: "anonymous", number: ""))
        XCTAssertEqual(CallerID(parsing: "Reception Desk"), CallerID(name: "Reception Desk", number: ""))
        XCTAssertEqual(CallerID(parsing: " +1 (202) 555-0100 "), CallerID(name: nil, number: "+12025550100"))
        XCTAssertEqual(CallerID(parsing: "*97#"), CallerID(name: nil, number: "*97#"))
        XCTAssertEqual(CallerID(parsing: "555 0100 ext 2"), CallerID(name: "555 0100 ext 2", number: ""))
        XCTAssertEqual(CallerID(parsing: "()"), CallerID(name: "()", number: ""))
        XCTAssertEqual(CallerID(parsing: #""5551234""#), CallerID(name: "5551234", number: ""), "quoted: a name")
        XCTAssertEqual(CallerID(parsing: #""" <anonymous>"#), CallerID(name: nil, number: "anonymous"))
        for none in ["Unknown", "unknown", "<unknown>", ""] {
            XCTAssertEqual(CallerID(parsing: none), CallerID(name: nil, number: ""), none)
        }
    }

    func testRoundTripKeepsQuotesOutOfTheName() {
        let id = CallerID(name: #"Evil "quoted" name"#, number: "555")
        XCTAssertEqual(CallerID(parsing: id.asteriskString).number, "555")
        XCTAssertEqual(CallerID(parsing: id.asteriskString).name, "Evil 'quoted' name")
    }
}
