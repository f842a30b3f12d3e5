import TOMLReader
import XCTest

/// Every kind of TOML value, read from small documents written for vmtui (the official suite
/// is run by scripts/toml-test-suite).
final class TOMLReaderValueTests: XCTestCase {
    private func read(_ text: String) throws -> TOMLTable { try TOMLReader.parse(text) }

    func testStrings() throws {
        let table = try read(#"""
            basic = "tab\there \"q\" \\ \u00E9 \U0001F600 \b\f\r\n"
            literal = 'C:\path\n'
            multi = """
            one
              two \
                three"""
            quotes = """a""b"""""
            raw = '''
            first
            ''second'' '''''
            empty = ""
            """#)
        XCTAssertEqual(table["basic"]?.string, "tab\there \"q\" \\ é 😀 \u{8}\u{C}\r\n")
        XCTAssertEqual(table["literal"]?.string, #"C:\path\n"#)
        XCTAssertEqual(table["multi"]?.string, "one\n  two three")
        XCTAssertEqual(table["quotes"]?.string, "a\"\"b\"\"")
        XCTAssertEqual(table["raw"]?.string, "first\n''second'' ''")
        XCTAssertEqual(table["empty"]?.string, "")
    }

    func testCRLFLinesAndMultiLineStrings() throws {
        let table = try read("a = \"\"\"\r\nx\r\ny\"\"\"\r\nb = 2\r\n")
        XCTAssertEqual(table["a"]?.string, "x\ny")
        XCTAssertEqual(table.position(of: "b")?.line, 4)
    }

    func testIntegers() throws {
        let table = try read("""
            a = 1_000
            b = -17
            c = +0
            d = 0xDEAD_beef
            e = 0o755
            f = 0b1101
            g = 9223372036854775807
            h = -9223372036854775808
            """)
        XCTAssertEqual(table["a"]?.integer, 1000)
        XCTAssertEqual(table["b"]?.int, -17)
        XCTAssertEqual(table["c"]?.integer, 0)
        XCTAssertEqual(table["d"]?.integer, 0xDEAD_BEEF)
        XCTAssertEqual(table["e"]?.integer, 0o755)
        XCTAssertEqual(table["f"]?.integer, 13)
        XCTAssertEqual(table["g"]?.integer, .max)
        XCTAssertEqual(table["h"]?.integer, .min)
        XCTAssertNil(table["a"]?.double, "an integer is not a float")
    }

    func testFloats() throws {
        let table = try read("""
            a = 1.5
            b = -0.25e-2
            c = 6E+2_2
            d = inf
            e = -inf
            f = nan
            g = 0e0
            h = 1_0.0_1
            """)
        XCTAssertEqual(table["a"]?.double, 1.5)
        XCTAssertEqual(table["b"]?.double, -0.0025)
        XCTAssertEqual(table["c"]?.double, 6e22)
        XCTAssertEqual(table["d"]?.double, .infinity)
        XCTAssertEqual(table["e"]?.double, -.infinity)
        XCTAssertTrue(table["f"]?.double?.isNaN ?? false)
        XCTAssertEqual(table["g"]?.double, 0)
        XCTAssertEqual(table["h"]?.double, 10.01)
    }

    func testBooleansDatesAndTimes() throws {
        let table = try read("""
            yes = true
            no = false
            offset = 1979-05-27T07:32:00.999999-07:00
            utc = 1979-05-27 07:32:00Z
            local = 1979-05-27t07:32:00
            day = 2024-02-29
            time = 00:32:00.123456789123
            """)
        XCTAssertEqual(table["yes"]?.bool, true)
        XCTAssertEqual(table["no"]?.bool, false)
        XCTAssertEqual(
            table["offset"],
            .offsetDateTime(TOMLOffsetDateTime(
                date: TOMLLocalDate(year: 1979, month: 5, day: 27),
                time: TOMLLocalTime(hour: 7, minute: 32, second: 0, nanosecond: 999_999_000, fractionDigits: 6),
                offsetMinutes: -420)))
        if case .offsetDateTime(let utc) = table["utc"] {
            XCTAssertEqual(utc.description, "1979-05-27T07:32:00Z")
        } else {
            XCTFail("utc is \(String(describing: table["utc"]))")
        }
        if case .localDateTime(let local) = table["local"] {
            XCTAssertEqual(local.description, "1979-05-27T07:32:00")
        } else {
            XCTFail("local is \(String(describing: table["local"]))")
        }
        XCTAssertEqual(table["day"], .localDate(TOMLLocalDate(year: 2024, month: 2, day: 29)))
        if case .localTime(let time) = table["time"] {
            XCTAssertEqual(time.description, "00:32:00.123456789", "cut to nanoseconds")
        } else {
            XCTFail("time is \(String(describing: table["time"]))")
        }
    }

    func testArraysAndInlineTables() throws {
        let table = try read("""
            list = [
              1, "two", # mixed types are allowed since TOML 1.0
              [3.0, { four = 4 }],
            ]
            point = { x = 1, y.z = 2, "quoted key" = 'v' }
            empty = {}
            none = []
            """)
        let list = try XCTUnwrap(table["list"]?.array)
        XCTAssertEqual(list.count, 3)
        XCTAssertEqual(list[1].string, "two")
        XCTAssertEqual(list[2].array?[1].table?["four"]?.int, 4)
        let point = try XCTUnwrap(table["point"]?.table)
        XCTAssertEqual(point.keys, ["x", "y", "quoted key"])
        XCTAssertEqual(point["y"]?.table?["z"]?.int, 2)
        XCTAssertEqual(table["empty"]?.table?.isEmpty, true)
        XCTAssertEqual(table["none"]?.array, [])
    }

    func testTablesDottedKeysAndArraysOfTables() throws {
        let table = try read("""
            title = "x"
            site."google.com" = true
            [a.b]
            c = 1
            [a]
            d = 2
            [a.e.f]
            [[fruit]]
            name = "apple"
            [fruit.physical]
            color = "red"
            [[fruit.variety]]
            name = "red delicious"
            [[fruit]]
            name = "banana"
            [fruit2]
            apple.color = "red"
            [fruit2.apple.texture]
            smooth = true
            """)
        XCTAssertEqual(table.keys, ["title", "site", "a", "fruit", "fruit2"])
        XCTAssertEqual(table["site"]?.table?["google.com"]?.bool, true)
        XCTAssertEqual(table["a"]?.table?["b"]?.table?["c"]?.int, 1)
        XCTAssertEqual(table["a"]?.table?["d"]?.int, 2)
        XCTAssertEqual(table["a"]?.table?["e"]?.table?["f"]?.table?.isEmpty, true)
        let fruit = try XCTUnwrap(table["fruit"]?.array)
        XCTAssertEqual(fruit.map { $0.table?["name"]?.string }, ["apple", "banana"])
        XCTAssertEqual(fruit[0].table?["physical"]?.table?["color"]?.string, "red")
        XCTAssertEqual(fruit[0].table?["variety"]?.array?.count, 1)
        XCTAssertEqual(table["fruit2"]?.table?["apple"]?.table?["texture"]?.table?["smooth"]?.bool, true)
    }

    func testByteOrderMarkAndEmptyDocument() throws {
        XCTAssertEqual(try read("\u{FEFF}a = 1")["a"]?.int, 1)
        XCTAssertTrue(try read("").isEmpty)
        XCTAssertTrue(try read("# only a comment\n\n   \t\n").isEmpty)
    }
}
