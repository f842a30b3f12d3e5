import Foundation
import SystemBasics
import XCTest

/// LooseJSON reads and writes what JSONSerialization did for the vendors' documents.
final class LooseJSONTests: XCTestCase {
    func testParsesTypes() throws {
        let text = #"{"i":5,"d":5.5,"e":5.0,"x":1e3,"b":true,"f":false,"n":null,"s":"a\/b\u00e9\ud83d\ude00\n","l":[1,"x",[]],"o":{}}"#
        let object = try XCTUnwrap(LooseJSON.object(Array(text.utf8)))
        XCTAssertEqual(object["i"] as? Int, 5)
        XCTAssertEqual(object["d"] as? Double, 5.5)
        XCTAssertEqual(object["e"] as? Double, 5.0)
        XCTAssertEqual(object["x"] as? Double, 1000)
        XCTAssertEqual(object["b"] as? Bool, true)
        XCTAssertEqual(object["f"] as? Bool, false)
        XCTAssertTrue(object["n"] is LooseJSON.Null)
        XCTAssertEqual(object["s"] as? String, "a/bé😀\n")
        XCTAssertEqual((object["l"] as? [Any])?.count, 3)
        XCTAssertNotNil(object["o"] as? [String: Any])
    }

    /// The numbers as JSONSerialization's NSNumber answered: intValue and stringValue.
    func testNumbersReadAsNSNumberDid() throws {
        let text = #"[5, 5.5, 5.0, 1e3, true, false, -0, 0.1, -7, 123456789012]"#
        let ours = try XCTUnwrap(LooseJSON.parse(Array(text.utf8)) as? [Any])
        let theirs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])
        XCTAssertEqual(ours.count, theirs.count)
        for (mine, reference) in zip(ours, theirs) {
            let number = try XCTUnwrap(reference as? NSNumber)
            XCTAssertEqual(LooseJSON.int(mine), number.intValue, "\(reference)")
            XCTAssertEqual(LooseJSON.double(mine), number.doubleValue, "\(reference)")
            // JSONValue.string's old rule: an Int when it is one, else NSNumber.stringValue.
            let old = (reference as? Int).map(String.init) ?? number.stringValue
            XCTAssertEqual(LooseJSON.numberText(mine), old, "\(reference)")
        }
    }

    func testRefusesWhatJSONSerializationRefused() {
        for text in [
            "", "5", "\"x\"", "{", "[1,]", "{\"a\":1,}", "[01]", "[1.]", "[.5]", "[+1]", "{'a':1}", "[\"\\x\"]", "[\"\u{01}\"]",
            "[\"\\ud800\"]", "[tru]", "[1] x", "[NaN]", "[1e999]",
        ] {
            XCTAssertNil(LooseJSON.parse(Array(text.utf8)), text)
        }
        XCTAssertNil(LooseJSON.parse([0x5B, 0x22, 0xFF, 0x22, 0x5D]), "invalid UTF-8")
        XCTAssertEqual(LooseJSON.parse(Array("5".utf8), fragments: true) as? Int, 5)
        XCTAssertNotNil(LooseJSON.parse(Array(" \n{\"a\" : [ 1 , 2 ] }\t".utf8)))
        XCTAssertEqual(LooseJSON.object(Array(#"{"a":1,"a":2}"#.utf8))?["a"] as? Int, 2)
    }

    func testDeepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertNil(LooseJSON.parse(Array(deep.utf8)))
    }

    /// The bytes JSONSerialization wrote (keys sorted, as its .sortedKeys did).
    func testWritesAsJSONSerialization() throws {
        let values: [Any] = [
            3.0, 0.1, 1e20, 1.5e-7, 123456789.125, -2.5, Double.pi, 100, -42, true, false, "a/b\u{1}\u{7f}é\"\\\n\t\r\u{8}\u{c}",
            1e16, 12345678901234567.0, 1e15, "", [String: Any](), [Any](),
        ]
        for value in values {
            let ours = try XCTUnwrap(LooseJSON.bytes([value]))
            let theirs = try JSONSerialization.data(withJSONObject: [value])
            XCTAssertEqual(String(decoding: ours, as: UTF8.self), String(decoding: theirs, as: UTF8.self))
        }
        let document: [String: Any] = ["b": [1, "x", LooseJSON.null], "a": ["z": true, "y": 2.5], "c": "/"]
        let reference: [String: Any] = ["b": [1, "x", NSNull()], "a": ["z": true, "y": 2.5], "c": "/"]
        XCTAssertEqual(
            String(decoding: try XCTUnwrap(LooseJSON.bytes(document)), as: UTF8.self),
            String(decoding: try JSONSerialization.data(withJSONObject: reference, options: [.sortedKeys]), as: UTF8.self))
        XCTAssertNil(LooseJSON.bytes([Double.nan]))
        XCTAssertNil(LooseJSON.bytes([Date()]))
    }

    func testRoundTrip() throws {
        let text = #"{"a":[1,2.5,"x",null,true,{"b":"\/"}],"c":-3}"#
        let value = try XCTUnwrap(LooseJSON.parse(Array(text.utf8)))
        XCTAssertEqual(String(decoding: try XCTUnwrap(LooseJSON.bytes(value)), as: UTF8.self), text)
    }
}
